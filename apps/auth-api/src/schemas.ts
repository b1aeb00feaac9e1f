import { roleSchema } from '@jobping/http-kit';
import { z } from 'zod';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './services/password-limits';

/** Request and response bodies of auth-api (snake_case, docs/product.md). They validate, filter and document. */

export const PROMPT_MAX_LENGTH = 4000;

/** Trimmed and lower-cased: users.email is stored normalised, which makes it unique case-insensitively. */
export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .max(254)
  .pipe(z.email({ error: 'not a valid e-mail address' }))
  .describe('e-mail address (case-insensitive)');

export const registerBodySchema = z.object({
  email: emailSchema,
  password: z
    .string()
    .min(PASSWORD_MIN_LENGTH)
    .max(PASSWORD_MAX_LENGTH)
    .describe(`at least ${PASSWORD_MIN_LENGTH} characters, not a common password`),
});

export const loginBodySchema = z.object({
  email: emailSchema,
  password: z.string().min(1).max(1024),
});

/** Refresh reads the session cookie only; the body is an empty JSON object (the content type is what counts). */
export const refreshBodySchema = z.strictObject({}).optional();

export const logoutBodySchema = z
  .strictObject({
    all_sessions: z.boolean().default(false).describe('also end every other session of the account'),
  })
  .optional();

export const promptBodySchema = z.object({
  prompt: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty; send null to remove the prompt' })
    .max(PROMPT_MAX_LENGTH)
    .nullable()
    .describe(`the job you want, in your own words (at most ${PROMPT_MAX_LENGTH} characters); null removes it`),
});

export const discordBodySchema = z.object({
  webhook_url: z
    .string()
    .max(2048)
    .nullable()
    .describe('https://discord.com/api/webhooks/{id}/{token}; null removes it'),
});

export const thresholdBodySchema = z.object({
  threshold: z.number().int().min(0).max(100).describe('notify for matches scoring at least this (0–100)'),
});

const filterText = (max: number) => z.string().trim().min(1).max(max);

export const filtersSchema = z.object({
  remote_only: z.boolean().describe('only remote jobs'),
  locations: z.array(filterText(100)).max(50).describe('accepted locations; empty means anywhere'),
  min_salary: z
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .nullable()
    .describe("minimum yearly salary, compared with each job's yearly top pay in the job's own currency (none is converted); null for none"),
  excluded_companies: z
    .array(filterText(200))
    .max(200)
    .describe('companies never to match, by name: case, accents, "&" for "and" and legal suffixes (GmbH, Inc., …) do not matter'),
});

const timestamp = z.iso.datetime();

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  email_verified: z.boolean().describe('whether the address was confirmed by its mailed link; e-mail channels and ADMIN_EMAILS need it'),
  role: roleSchema,
  prompt: z.string().nullable(),
  prompt_updated_at: timestamp.nullable(),
  threshold: z.number().int(),
  filters: filtersSchema,
  discord: z.object({
    status: z.enum(['not_set', 'ok', 'broken']).describe('broken: Discord said the webhook no longer exists; save a new one'),
    webhook_url: z.string().nullable().describe('the saved URL with its token masked'),
    broken_at: timestamp.nullable(),
    error: z.string().nullable(),
  }),
  created_at: timestamp,
  updated_at: timestamp,
});
export type UserView = z.infer<typeof userSchema>;

/** A session answer. The refresh token is never in it: it is the httpOnly cookie `jobping_refresh`. */
export const sessionSchema = z.object({
  user: userSchema,
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number().int().describe('seconds until the access token expires'),
  refresh_expires_at: timestamp.describe('when the session ends unless renewed (the refresh cookie expires then)'),
});

export const discordTestResultSchema = z.object({
  delivered: z.literal(true),
  message_id: z.string().nullable(),
});

/** A token from a mailed link (the part after `#token=`). */
const linkToken = z.string().min(20).max(200).regex(/^[A-Za-z0-9_-]+$/, { error: 'not a link token' });

export const verifyEmailBodySchema = z.object({ token: linkToken });
export const forgotPasswordBodySchema = z.object({ email: emailSchema });
export const resetPasswordBodySchema = z.object({ token: linkToken, password: registerBodySchema.shape.password });
