import { KEYWORD_MAX_WORDS, employmentTypeSchema, muteKindSchema, keywordWords, seniorityLevelSchema, seniorityLevels } from '@jobping/contracts';
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

const filtersFields = {
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
};

/** A keyword or region as words (keywordWords in @jobping/contracts): at least one, at most KEYWORD_MAX_WORDS. */
const phraseText = (max: number) =>
  filterText(max).refine((text) => {
    const words = keywordWords(text).length;
    return words >= 1 && words <= KEYWORD_MAX_WORDS;
  }, `one to ${KEYWORD_MAX_WORDS} words of letters or digits`);

/**
 * Must-haves (docs/product.md, "Must-haves"): applied by fan-out before any AI work. A fact a
 * job does not state passes, except where a setting here says otherwise.
 */
const mustHaveFields = {
  seniority_min: seniorityLevelSchema.nullable().describe(`lowest seniority accepted (${seniorityLevels.join(' < ')}); null for none. Jobs that state no seniority pass`),
  seniority_max: seniorityLevelSchema.nullable().describe('highest seniority accepted; null for none'),
  work_arrangements: z
    .array(z.enum(['remote', 'hybrid', 'onsite']))
    .max(3)
    .describe('arrangements accepted; empty means any. Jobs whose arrangement is unknown pass'),
  remote_regions: z
    .array(phraseText(60))
    .max(20)
    .describe('regions a remote job may be limited to ("Europe", "US"), matched as whole words of the job\'s region; empty means any. Remote jobs without a region or open worldwide pass'),
  keep_unstated_salary: z.boolean().describe('with min_salary: keep jobs that state no pay (default true)'),
  needs_visa_sponsorship: z.boolean().describe('leave out jobs that say they do not sponsor a visa'),
  keep_unknown_sponsorship: z
    .boolean()
    .describe('with needs_visa_sponsorship: keep jobs that say nothing about sponsorship (default true: most postings do not say)'),
  employment_types: z.array(employmentTypeSchema).max(6).describe('employment types accepted; empty means any. Jobs that state none pass'),
  languages: z
    .array(z.string().trim().toLowerCase().regex(/^[a-z]{2}$/, 'an ISO 639-1 code such as "en"'))
    .max(20)
    .describe('languages you work in (ISO 639-1); empty: any. A job that requires another language (jobs.required_languages) is left out'),
  excluded_keywords: z
    .array(phraseText(60))
    .max(50)
    .describe(`jobs whose title or description contains one of these as whole words (1–${KEYWORD_MAX_WORDS} words, case-insensitive) are left out; saved lower-cased`),
};

/** The filters as GET /api/users/me shows them. */
export const filtersSchema = z.object({ ...filtersFields, ...mustHaveFields });

const withSeniorityOrder = <T extends { seniority_min?: string | null | undefined; seniority_max?: string | null | undefined }>(body: T) =>
  !body.seniority_min || !body.seniority_max || seniorityLevels.indexOf(body.seniority_min as never) <= seniorityLevels.indexOf(body.seniority_max as never);

/**
 * PUT /api/users/me/filters: the four filters are required; each must-have may be left out,
 * which keeps its saved value (a client that knows only the filters changes no must-have).
 */
export const filtersBodySchema = z
  .object({ ...filtersFields, ...z.object(mustHaveFields).partial().shape })
  .refine(withSeniorityOrder, { path: ['seniority_max'], message: 'must not be below seniority_min' });

const timestamp = z.iso.datetime();

export const muteBodySchema = z.object({
  kind: muteKindSchema.describe('company: jobs of this company; keyword: jobs whose title or description contains it as whole words'),
  value: phraseText(200).describe('the company name (compared as companies are keyed) or a keyword of 1–3 words'),
});
export const muteSchema = z.object({
  id: z.uuid(),
  kind: muteKindSchema,
  value: z.string(),
  created_at: timestamp,
});
export type MuteView = z.infer<typeof muteSchema>;
export const muteListSchema = z.object({ items: z.array(muteSchema) });
export const muteIdParams = z.object({ id: z.uuid({ error: 'not a UUID' }) });

/** The longest snooze: a year. */
export const SNOOZE_MAX_DAYS = 365;
export const snoozeBodySchema = z.object({
  until: z.iso
    .datetime({ offset: true })
    .nullable()
    .describe(`no alert is sent before this time (in the future, at most ${SNOOZE_MAX_DAYS} days ahead); null ends the snooze. Matching goes on: matches still appear in your list`),
});

export const userSchema = z.object({
  id: z.uuid(),
  email: z.string(),
  email_verified: z.boolean().describe('whether the address was confirmed by its mailed link; e-mail channels and ADMIN_EMAILS need it'),
  role: roleSchema,
  prompt: z.string().nullable(),
  prompt_updated_at: timestamp.nullable(),
  threshold: z.number().int(),
  filters: filtersSchema,
  snoozed_until: timestamp.nullable().describe('no alert is sent before this time; null when not snoozed'),
  discord: z.object({
    status: z.enum(['not_set', 'ok', 'broken']).describe('of the first Discord notification channel; broken: that channel is off (Discord said the webhook no longer exists, repeated failures, or turned off on the Channels page); save a URL to turn it on'),
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
