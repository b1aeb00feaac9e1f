import { channelEnvFields } from '@jobping/channels';
import { baseEnvSchema, databaseEnvSchema, fields, fixtureSourcesEnvSchema, redisEnvSchema, refuseFixtureSourcesInProduction } from '@jobping/config';
import { jwtEnvSchema } from '@jobping/http-kit';
import { boardApiBaseFields } from '@jobping/sources';
import { streamEnvFields } from '@jobping/streams';
import { z } from 'zod';

/** Everything jobs-api reads from its environment, validated once at start-up. */
export const jobsApiEnvSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(jwtEnvSchema.shape)
  // Admins may add `fixture` sources only where the scraper runs them: the same variable.
  .extend(fixtureSourcesEnvSchema.shape)
  // "Send test message" on a channel sends from here, with the notifier's channel settings.
  .extend(channelEnvFields)
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
    CHANNEL_TESTS_PER_USER_PER_HOUR: fields.positiveInt(20, 'test messages one user may send on their channels per hour (shared by replicas through Redis)'),
    DECISIONS_REQUESTS_PER_MINUTE: fields.positiveInt(60, '"why (not)?" and near-miss requests one user may make per minute (shared by replicas through Redis)'),
    THRESHOLD_PREVIEW_REQUESTS_PER_MINUTE: fields.positiveInt(30, 'threshold previews one user may request per minute (shared by replicas through Redis)'),
    THRESHOLD_PREVIEW_CACHE_SECONDS: fields.positiveInt(
      600,
      "how long one user's threshold-preview estimate (their prompt against the window's unscored jobs) is reused, in seconds",
    ),
    // "Add a company by its careers page": the boards' API bases (as the scraper's) for the preview.
    ...boardApiBaseFields,
    SOURCE_DETECT_TIMEOUT_MS: fields.positiveInt(10_000, 'timeout of one request while recognising a pasted careers page (the page, then the board), in ms'),
    SOURCE_DETECT_MAX_RESPONSE_BYTES: fields.positiveInt(5 * 1024 * 1024, 'largest careers page or board answer read while recognising a pasted URL, in bytes'),
    SOURCE_DETECT_USER_AGENT: z
      .string()
      .min(3)
      .default('JobPing-Scraper/0.1 (job alerts; https://github.com/jobping)')
      .describe('User-Agent sent when reading a pasted careers page and its board'),
    SOURCE_DETECT_ALLOWED_HOSTS: fields
      .commaList('host:port entries a pasted careers page may be on although private or loopback, comma-separated (tests and local stand-ins only; empty by default)')
      .refine((hosts) => hosts.every((host) => /^[a-z0-9.-]+:\d{1,5}$|^\[[0-9a-f:.]+\]:\d{1,5}$/i.test(host)), { error: 'expected host:port entries separated by commas' }),
    TRUST_PROXY: fields.trustProxy(),
    CORS_ORIGINS: fields.commaList('browser origins allowed to call the API (CORS), comma-separated; none by default'),
  })
  .superRefine(refuseFixtureSourcesInProduction);

export type JobsApiConfig = z.output<typeof jobsApiEnvSchema>;
