import { baseEnvSchema, databaseEnvSchema, fields, redisEnvSchema } from '@jobping/config';
import { jwtEnvSchema } from '@jobping/http-kit';
import { z } from 'zod';

const commaList = (meaning: string) =>
  z
    .string()
    .default('')
    .transform((value) =>
      value
        .split(',')
        .map((entry) => entry.trim())
        .filter(Boolean),
    )
    .describe(meaning);

/** Express `trust proxy`: false, true, a hop count, or addresses / CIDRs of the proxies in front. */
const trustProxy = z
  .string()
  .default('false')
  .transform((value): boolean | number | string => {
    if (value === 'false') return false;
    if (value === 'true') return true;
    return /^\d+$/.test(value) ? Number(value) : value;
  })
  .describe('Express trust proxy: false (default), true, a hop count such as 1, or proxy addresses/CIDRs');

/** Everything jobs-api reads from its environment, validated once at start-up. */
export const jobsApiEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(jwtEnvSchema.shape)
  .extend({
    JOBS_API_PORT: fields.port(3002),
    STREAM_KEY_PREFIX: fields.streamKeyPrefix(),
    BULLMQ_PREFIX: fields.bullmqPrefix(),
    SCRAPE_REQUESTS_PER_USER_PER_HOUR: fields.positiveInt(3, 'scrape runs an ordinary user may request per hour (admins are not limited)'),
    TRUST_PROXY: trustProxy,
    CORS_ORIGINS: commaList('browser origins allowed to call the API (CORS), comma-separated; none by default'),
  });

export type JobsApiConfig = z.output<typeof jobsApiEnvSchema>;
