import { databaseEnvSchema, fields } from '@jobping/config';

/** fanout's own environment fields; runStreamWorker adds the worker's. */
export const fanoutEnv = {
  ...databaseEnvSchema.shape,
  FANOUT_PAGE_SIZE: fields.positiveInt(1_000, 'users read per keyset page and published with one publishMany'),
  FANOUT_PROGRESS_TTL_SECONDS: fields.positiveInt(86_400, 'how long the resume point of an unfinished fan-out is kept in Redis, in seconds'),
  DECISION_LOG: fields.flag(
    true,
    'record in match_decisions why fan-out left each (job, user) pair out, for "why (not)?" (off: only to measure what it costs, as the pipeline bench does)',
  ),
  DECISION_LOG_RETENTION_DAYS: fields.positiveInt(30, 'how many days rows of match_decisions are kept before fan-out deletes them'),
  DECISION_LOG_PRUNE_INTERVAL_SECONDS: fields.positiveInt(3_600, 'how often fan-out deletes match_decisions rows older than DECISION_LOG_RETENTION_DAYS, in seconds'),
};

/** The port of its ops endpoints and how many messages it handles at once unless the environment says otherwise (runStreamWorker; docs/configuration.md shows them). */
export const fanoutWorker = {
  defaultOpsPort: 3012,
  // One message is a whole fan-out (pages of users, one pool connection at a time): a few at
  // once keep Redis busy; fifty would queue on the pool and time out.
  defaults: { concurrency: 4 },
} as const;
