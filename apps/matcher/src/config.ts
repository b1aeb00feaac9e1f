import { aiEnvSchema } from '@jobping/ai';
import { databaseEnvSchema, fields } from '@jobping/config';

/** matcher's own environment fields; runStreamWorker adds the worker's. */
export const matcherEnv = {
  ...databaseEnvSchema.shape,
  ...aiEnvSchema.shape,
  MATCHER_JOB_CACHE_SIZE: fields.positiveInt(500, 'jobs (with their company research) kept in memory, since one job is scored for many users'),
  MATCHER_JOB_CACHE_TTL_MS: fields.positiveInt(60_000, 'how long a cached job is used before it is read again, in ms'),
};

/** The port of its ops endpoints and how many messages it handles at once unless the environment says otherwise (runStreamWorker; docs/configuration.md shows them). */
export const matcherWorker = {
  defaultOpsPort: 3013,
  // Handlers mostly wait on the batched reads and upserts (DataLoader): several XREADGROUP
  // batches in flight let one batch's SQL overlap with the next one's scoring.
  defaults: { concurrency: 200 },
} as const;
