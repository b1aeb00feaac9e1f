import { baseEnvSchema, databaseEnvSchema, fields, fixtureSourcesEnvSchema, redisEnvSchema, refuseFixtureSourcesInProduction } from '@jobping/config';
import { jwtEnvSchema } from '@jobping/http-kit';
import { streamEnvFields } from '@jobping/streams';
import type { z } from 'zod';

/** Everything jobs-api reads from its environment, validated once at start-up. */
export const jobsApiEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(jwtEnvSchema.shape)
  // Admins may add `fixture` sources only where the scraper runs them: the same variable.
  .extend(fixtureSourcesEnvSchema.shape)
  .extend({
    JOBS_API_PORT: fields.port(3002).describe('port of jobs-api: its API and /healthz, /readyz, /metrics; a TCP port from 0 to 65535 (default 3002)'),
    REDIS_KEY_PREFIX: fields.redisKeyPrefix(),
    STREAM_KEY_PREFIX: fields.streamKeyPrefix(),
    STREAM_STALE_GROUP_SECONDS: streamEnvFields.STREAM_STALE_GROUP_SECONDS,
    BULLMQ_PREFIX: fields.bullmqPrefix(),
    SCRAPE_REQUESTS_PER_USER_PER_HOUR: fields.positiveInt(3, 'scrape runs an ordinary user may request per hour (admins are not limited)'),
    JOBS_API_DOC_CACHE_MB: fields.positiveInt(64, 'memory for job and match documents of the hot lists, in MB (documents are keyed by row version, never stale)'),
    JOBS_API_PAGE_CACHE_MB: fields.positiveInt(
      32,
      'memory for whole pages of the hot lists, in MB (dropped when the database notifies a change they show, so never stale)',
    ),
    THRESHOLD_PREVIEW_REQUESTS_PER_MINUTE: fields.positiveInt(30, 'threshold previews one user may request per minute (shared by replicas through Redis)'),
    THRESHOLD_PREVIEW_CACHE_SECONDS: fields.positiveInt(
      600,
      "how long one user's threshold-preview estimate (their prompt against the window's unscored jobs) is reused, in seconds",
    ),
    TRUST_PROXY: fields.trustProxy(),
    CORS_ORIGINS: fields.commaList('browser origins allowed to call the API (CORS), comma-separated; none by default'),
  })
  .superRefine(refuseFixtureSourcesInProduction);

export type JobsApiConfig = z.output<typeof jobsApiEnvSchema>;
