import { aiEnvSchema } from '@jobping/ai';
import { databaseEnvSchema, fields } from '@jobping/config';

/** company-researcher's own environment fields; runStreamWorker adds the worker's. */
export const companyResearcherEnv = {
  ...databaseEnvSchema.shape,
  ...aiEnvSchema.shape,
  COMPANY_RESEARCH_MAX_AGE_DAYS: fields.positiveInt(183, 'company research younger than this many days is reused, not redone'),
  COMPANY_RESEARCH_LOCK_TTL_MS: fields.positiveInt(
    300_000,
    'how long one consumer may hold a company research claim before another may take over, in ms; keep it above the slowest research',
  ),
  COMPANY_RESEARCH_WAIT_MS: fields.positiveInt(
    30_000,
    'how long a job waits for research of its company that another consumer is doing before its message is retried, in ms',
  ),
};

/** The port of its ops endpoints unless the environment says otherwise (runStreamWorker; docs/configuration.md shows them). */
export const companyResearcherWorker = {
  defaultOpsPort: 3011,
} as const;
