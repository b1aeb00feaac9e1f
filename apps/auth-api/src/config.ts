import { baseEnvSchema, databaseEnvSchema, fields, redisEnvSchema } from '@jobping/config';
import { smtpEnvFields } from '@jobping/channels';
import { allowedHostsSchema } from '@jobping/discord';
import { jwtEnvSchema } from '@jobping/http-kit';
import { z } from 'zod';

/** A variable that is no longer read: setting it stops the start with a message naming its successor. */
const renamed = (successor: string) =>
  z.undefined({ error: 'no longer read' }).optional().describe(`unset; it was renamed to ${successor}`);

const ADMIN_EMAILS_MEANING =
  'e-mail addresses that get the admin role once the address is verified (at login), comma-separated; it never takes the role away, and `pnpm jobping users promote` works without it (default none)';

/** Lower-cased like users.email. Only grants (never takes away), and only to verified addresses: services/roles.ts. */
const adminEmails = () =>
  fields
    .commaList(ADMIN_EMAILS_MEANING)
    .transform((emails) => emails.map((email) => email.toLowerCase()))
    // A transform is a new schema: it carries no description unless given one.
    .describe(ADMIN_EMAILS_MEANING);

/** Everything auth-api reads from its environment, validated once at start-up. */
export const authApiEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(jwtEnvSchema.shape)
  .extend({
    AUTH_API_PORT: fields.port(3001).describe('port of auth-api: its API and /healthz, /readyz, /metrics; a TCP port from 0 to 65535 (default 3001)'),
    REDIS_KEY_PREFIX: fields.redisKeyPrefix(),
    ADMIN_EMAILS: adminEmails(),
    JOBPING_WEBHOOK_ALLOWED_HOSTS: allowedHostsSchema,
    // Login limits (services/throttle.ts). A client is an IPv4 address or an IPv6 /64.
    LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT: fields.positiveInt(
      5,
      'failed logins for one e-mail address from one client within LOGIN_FAILURE_WINDOW_SECONDS before that client gets 429 for it',
    ),
    LOGIN_MAX_FAILURES_PER_CLIENT: fields.positiveInt(50, 'failed logins from one client (any e-mail) within LOGIN_FAILURE_WINDOW_SECONDS before 429'),
    LOGIN_FAILURE_WINDOW_SECONDS: fields.positiveInt(900, 'length of the two failed-login windows above, in seconds'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: fields.positiveInt(
      10,
      'failed logins for one e-mail address from all clients together within LOGIN_ACCOUNT_FAILURE_WINDOW_SECONDS before every client waits',
    ),
    LOGIN_ACCOUNT_FAILURE_WINDOW_SECONDS: fields.positiveInt(
      60,
      'window of LOGIN_MAX_FAILURES_PER_ACCOUNT, in seconds; keep it short: it is the longest anyone can hold an account shut',
    ),
    REGISTRATIONS_PER_CLIENT_PER_HOUR: fields.positiveInt(20, 'registration attempts (a taken address included) one client may make per hour'),
    REGISTRATIONS_PER_EMAIL_PER_HOUR: fields.positiveInt(5, 'registration attempts (a taken address included) for one e-mail address per hour, from all clients'),
    // Renamed when their meaning changed: refuse them rather than silently run on defaults.
    LOGIN_MAX_FAILURES_PER_EMAIL: renamed('LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT (per e-mail and client; LOGIN_MAX_FAILURES_PER_ACCOUNT is the ceiling for all clients)'),
    LOGIN_MAX_FAILURES_PER_IP: renamed('LOGIN_MAX_FAILURES_PER_CLIENT (an IPv6 client counts by its /64)'),
    REGISTRATIONS_PER_IP_PER_HOUR: renamed('REGISTRATIONS_PER_CLIENT_PER_HOUR (an IPv6 client counts by its /64)'),
    REFRESH_TOKEN_TTL_DAYS: fields.positiveInt(30, 'lifetime of a refresh token, in days'),
    REFRESH_REUSE_GRACE_SECONDS: z.coerce
      .number({ error: 'not a number' })
      .int()
      .min(0)
      .max(60)
      .default(10)
      .describe('how long after its use a refresh token still yields the same renewed session (tabs refreshing at once), 0 to 60 seconds (default 10)'),
    PUBLIC_WEB_URL: z
      .url({ protocol: /^https?$/, error: 'not an http(s) URL' })
      .optional()
      .describe('the address users open JobPing at, e.g. https://jobping.example.com; session requests from other origins are refused (default: the request\'s own host)'),
    // Account mails (address verification, password reset) over the same SMTP settings as the notifier.
    ...smtpEnvFields,
    EMAIL_VERIFICATION_TTL_HOURS: fields.positiveInt(48, 'how long an address verification link works, in hours'),
    PASSWORD_RESET_TTL_MINUTES: fields.positiveInt(30, 'how long a password reset link works, in minutes'),
    PROVISIONAL_ACCOUNT_TTL_DAYS: fields.positiveInt(30, 'how long a provisional account (registered with an address that has an account) lives before it is purged, in days'),
    TRUST_PROXY: fields.trustProxy(),
    CORS_ORIGINS: fields.commaList('browser origins allowed to call the API (CORS), comma-separated; none by default'),
  });

export type AuthApiConfig = z.output<typeof authApiEnvSchema>;

/** The operator CLI (`pnpm jobping users …`, src/cli.ts): the database, and ADMIN_EMAILS to warn about. */
export const authCliEnvSchema = baseEnvSchema.extend(databaseEnvSchema.shape).extend({
  ADMIN_EMAILS: adminEmails(),
});

export type AuthCliConfig = z.output<typeof authCliEnvSchema>;
