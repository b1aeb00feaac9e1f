import { databaseEnvSchema, fields } from '@jobping/config';

/** fanout's own environment fields; runStreamWorker adds the worker's. */
export const fanoutEnv = {
  ...databaseEnvSchema.shape,
  FANOUT_PAGE_SIZE: fields.positiveInt(1_000, 'users read per keyset page and published with one publishMany'),
  FANOUT_PROGRESS_TTL_SECONDS: fields.positiveInt(86_400, 'how long the resume point of an unfinished fan-out is kept in Redis, in seconds'),
};
