import { baseEnvSchema, databaseEnvSchema, fields, redisEnvSchema } from '@jobping/config';
import { allowedHostsSchema } from '@jobping/discord';
import { jwtEnvSchema } from '@jobping/http-kit';
import { z } from 'zod';

/** Everything auth-api reads from its environment, validated once at start-up. */
export const authApiEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(jwtEnvSchema.shape)
  .extend({
    AUTH_API_PORT: fields.port(3001),
    REDIS_KEY_PREFIX: fields.redisKeyPrefix(),
    ADMIN_EMAILS: fields.commaList('e-mail addresses that get the admin role, comma-separated').transform((emails) =>
      emails.map((email) => email.toLowerCase()),
    ),
    JOBPING_WEBHOOK_ALLOWED_HOSTS: allowedHostsSchema,
    LOGIN_MAX_FAILURES_PER_EMAIL: fields.positiveInt(5, 'failed logins per e-mail within the window before 429'),
    LOGIN_MAX_FAILURES_PER_IP: fields.positiveInt(50, 'failed logins per client IP within the window before 429'),
    LOGIN_FAILURE_WINDOW_SECONDS: fields.positiveInt(900, 'length of the failed-login window, in seconds'),
    REGISTRATIONS_PER_IP_PER_HOUR: fields.positiveInt(20, 'accounts one client IP may create per hour'),
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
    TRUST_PROXY: fields.trustProxy(),
    CORS_ORIGINS: fields.commaList('browser origins allowed to call the API (CORS), comma-separated; none by default'),
  });

export type AuthApiConfig = z.output<typeof authApiEnvSchema>;
