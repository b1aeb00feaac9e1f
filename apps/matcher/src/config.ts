import { aiEnvSchema } from '@jobping/ai';
import { databaseEnvSchema, fields } from '@jobping/config';

/** matcher's own environment fields; runStreamWorker adds the worker's. */
export const matcherEnv = {
  ...databaseEnvSchema.shape,
  ...aiEnvSchema.shape,
  MATCHER_JOB_CACHE_SIZE: fields.positiveInt(500, 'jobs (with their company research) kept in memory, since one job is scored for many users'),
  MATCHER_JOB_CACHE_TTL_MS: fields.positiveInt(60_000, 'how long a cached job is used before it is read again, in ms'),
};
