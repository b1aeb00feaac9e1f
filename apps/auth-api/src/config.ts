import { baseEnvSchema, databaseEnvSchema, fields, redisEnvSchema } from '@jobping/config';
import { allowedHostsSchema } from '@jobping/discord';
import { jwtEnvSchema } from '@jobping/http-kit';
import type { z } from 'zod';


/** Lower-cased like users.email. Only grants (never takes away), and only to verified addresses: services/roles.ts. */
const adminEmails = () =>
  fields
    .commaList('e-mail addresses that get the admin role once the address is verified (at login), comma-separated; `pnpm jobping users promote` works without')
    .transform((emails) => emails.map((email) => email.toLowerCase()));

/** Everything auth-api reads from its environment, validated once at start-up. */
export const authApiEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(jwtEnvSchema.shape)
  .extend({
    AUTH_API_PORT: fields.port(3001),
    REDIS_KEY_PREFIX: fields.redisKeyPrefix(),
    ADMIN_EMAILS: adminEmails(),
    JOBPING_WEBHOOK_ALLOWED_HOSTS: allowedHostsSchema,
    LOGIN_MAX_FAILURES_PER_EMAIL: fields.positiveInt(5, 'failed logins per e-mail within the window before 429'),
    LOGIN_MAX_FAILURES_PER_IP: fields.positiveInt(50, 'failed logins per client IP within the window before 429'),
    LOGIN_FAILURE_WINDOW_SECONDS: fields.positiveInt(900, 'length of the failed-login window, in seconds'),
    REGISTRATIONS_PER_IP_PER_HOUR: fields.positiveInt(20, 'accounts one client IP may create per hour'),
    REFRESH_TOKEN_TTL_DAYS: fields.positiveInt(30, 'lifetime of a refresh token, in days'),
    TRUST_PROXY: fields.trustProxy(),
    CORS_ORIGINS: fields.commaList('browser origins allowed to call the API (CORS), comma-separated; none by default'),
  });

export type AuthApiConfig = z.output<typeof authApiEnvSchema>;

/** The operator CLI (`pnpm jobping users …`, src/cli.ts): the database, and ADMIN_EMAILS to warn about. */
export const authCliEnvSchema = baseEnvSchema.extend(databaseEnvSchema.shape).extend({
  ADMIN_EMAILS: adminEmails(),
});

export type AuthCliConfig = z.output<typeof authCliEnvSchema>;
