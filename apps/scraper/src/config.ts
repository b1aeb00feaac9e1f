import path from 'node:path';
import { z } from 'zod';
import { baseEnvSchema, databaseEnvSchema, fields, fixtureSourcesEnvSchema, redisEnvSchema, refuseFixtureSourcesInProduction } from '@jobping/config';
import { boardApiBaseFields } from '@jobping/sources';
import { streamEnvFields } from '@jobping/streams';

/** The app's package folder: src/ and dist/ both sit one level below it. */
export const APP_ROOT = path.resolve(__dirname, '..');

const baseUrl = (fallback: string, what: string) =>
  z
    .url({ protocol: /^https?$/, error: 'not an http(s) URL' })
    .default(fallback)
    .describe(`base URL of ${what} (default ${fallback})`);

const optionalUrl = (meaning: string) => z.url({ error: 'not a URL' }).optional().describe(meaning);

/** The scraper's variables, before the rules that join several of them (the CLI makes some optional). */
export const scraperEnvFields = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend(fixtureSourcesEnvSchema.shape)
  .extend({
    OPS_PORT: fields.port(3015).describe('port of /healthz, /readyz and /metrics (default 3015)'),
    STREAM_KEY_PREFIX: fields.streamKeyPrefix(),
    STREAM_MAXLEN: streamEnvFields.STREAM_MAXLEN,
    BULLMQ_PREFIX: fields.bullmqPrefix(),
    SCRAPE_CRON: z
      .string()
      .min(9)
      .default('*/30 * * * *')
      .describe('cron pattern of the scheduled run (default every 30 minutes: */30 * * * *)'),
    SCRAPE_ON_START: fields.flag(true, 'queue one run when the scraper starts (skipped if a run started in the last 30 minutes)'),
    SCRAPE_WINDOW_HOURS: fields.positiveInt(1, 'scheduled runs keep only postings newer than this many hours'),
    SCRAPE_BACKFILL_LIMIT: fields.positiveInt(500, 'most postings one source contributes to one run (its first run backfills up to this)'),
    SCRAPE_SOURCE_CONCURRENCY: fields.positiveInt(4, 'sources fetched at once within a run'),
    SCRAPE_SOURCE_TIMEOUT_MS: fields.positiveInt(120_000, 'time one source may take within a run, in ms'),
    SCRAPE_REQUEST_TIMEOUT_MS: fields.positiveInt(15_000, 'timeout of one HTTP request to a job board, body included, in ms'),
    SCRAPE_MAX_RESPONSE_BYTES: fields.positiveInt(
      20 * 1024 * 1024,
      'largest job-board answer read, in bytes after decompression (default 20 MiB); a larger one fails its source',
    ),
    SCRAPE_MAX_RETRIES: z.coerce
      .number({ error: 'not a number' })
      .int()
      .min(0)
      .max(10)
      .default(3)
      .describe('retries of one request after 429, 5xx, timeouts and network errors (default 3)'),
    SCRAPE_RETRY_BASE_MS: fields.positiveInt(1_000, 'longest first retry delay (each wait is between half and all of its ceiling), doubled per retry; a longer Retry-After wins, in ms'),
    SCRAPE_RETRY_MAX_MS: fields.positiveInt(60_000, 'longest retry delay, Retry-After included, in ms'),
    SCRAPE_HOST_CONCURRENCY: z.coerce
      .number({ error: 'not a number' })
      .int()
      .min(1)
      .max(2)
      .default(2)
      .describe('requests in flight per job-board host, 1 or 2 (default 2)'),
    SCRAPE_HOST_INTERVAL_MS: z.coerce
      .number({ error: 'not a number' })
      .int()
      .min(0)
      .default(1_000)
      .describe('minimum gap between two requests to the same host, in ms (default 1000)'),
    SCRAPE_USER_AGENT: z
      .string()
      .min(3)
      .default('JobPing-Scraper/0.1 (job alerts; https://github.com/jobping)')
      .describe('User-Agent sent to job boards (RemoteOK asks for a descriptive one)'),
    SCRAPE_SEED_SOURCES: fields.flag(true, 'at start, fill an empty job_sources table from SCRAPE_SOURCES_FILE'),
    SCRAPE_SOURCES_FILE: z
      .string()
      .default(path.join(APP_ROOT, 'sources.seed.json'))
      .describe('JSON file of the sources to seed (default apps/scraper/sources.seed.json)'),
    SCRAPE_PAUSE_AFTER_NOT_FOUND: fields.positiveInt(3, 'pause a source after this many runs in a row its board answered 404/410 (moved or closed); an admin resumes it'),
    SCRAPE_PAUSE_AFTER_FAILURES: fields.positiveInt(10, 'pause a source after this many failed runs in a row, whatever the error; an admin resumes it'),
    SHUTDOWN_TIMEOUT_MS: fields.positiveInt(25_000, 'how long a running scrape may finish after SIGTERM before it is abandoned, in ms'),
    // Company boards (Greenhouse … Workday): one shape, shared with jobs-api's detection preview.
    ...boardApiBaseFields,
    REMOTIVE_API_BASE: baseUrl('https://remotive.com', 'the Remotive API'),
    REMOTEOK_API_BASE: baseUrl('https://remoteok.com', 'the RemoteOK API'),
    ARBEITNOW_API_BASE: baseUrl('https://www.arbeitnow.com', 'the Arbeitnow job board API'),
    LINKEDIN_BASE_URL: baseUrl('https://www.linkedin.com', "LinkedIn's public guest job search pages"),
    LINKEDIN_DETAIL_LIMIT: z.coerce
      .number({ error: 'not a number' })
      .int()
      .min(0)
      .default(25)
      .describe('LinkedIn job pages opened per search for the full description (default 25; 0 keeps only the cards)'),
    SCRAPE_CHROMIUM_SANDBOX: fields.flag(
      true,
      "run the browser sources' Chromium with its sandbox (needs a non-root user and unprivileged user namespaces, which the default seccomp profiles of Docker and Kubernetes block: false there, where the container contains Chromium instead; docs/deploying.md)",
    ),
    PLAYWRIGHT_CHROMIUM_PATH: z
      .string()
      .default('/usr/bin/chromium')
      .describe('Chromium executable driven by Playwright for browser sources (default /usr/bin/chromium)'),
    HTTPS_PROXY: optionalUrl('proxy for https:// job-board requests'),
    HTTP_PROXY: optionalUrl('proxy for http:// job-board requests'),
    NO_PROXY: z.string().optional().describe('hosts that bypass the proxy, comma-separated'),
  });

/** One schema for everything the scraper reads from its environment. */
export const scraperEnvSchema = scraperEnvFields.superRefine(refuseFixtureSourcesInProduction);

export type ScraperEnv = z.output<typeof scraperEnvSchema>;
