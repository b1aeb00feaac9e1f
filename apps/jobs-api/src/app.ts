import { createChannelSender } from '@jobping/channels';
import { LIST_CHANGE_CHANNELS, type ChangeFeed, type PgPool, type PrismaClient } from '@jobping/db';
import { createHttpApp, jwtSettingsFromConfig, type HttpApp } from '@jobping/http-kit';
import type { Logger } from '@jobping/logger';
import { Counter, type MetricsRegistry } from '@jobping/metrics';
import { streamNames } from '@jobping/contracts';
import type { Redis } from '@jobping/redis';
import { streamGroupGauges, streamKeys } from '@jobping/streams';
import type { JobsApiConfig } from './config';
import { JOBS_API_OPENAPI_INFO } from './openapi';
import { jobsApiRoutes } from './routes';
import { AdminService } from './services/admin';
import { UserChannelsService } from './services/channels';
import { JobService } from './services/jobs';
import { DocCache } from './services/list-pages';
import { UserMatchesService } from './services/matches';
import { UserNotificationsService } from './services/notifications';
import { PageCache } from './services/page-cache';
import type { ScrapeQueueProducer } from './services/scrape-queue-producer';
import { DecisionsService } from './services/decisions';
import { ScrapeRunService } from './services/scrape-runs';
import { SourceDetectService } from './services/source-detect';
import { ThresholdPreviewService } from './services/threshold-preview';

export interface JobsApiDeps {
  config: JobsApiConfig;
  logger: Logger;
  prisma: PrismaClient;
  /** The pool under `prisma` (createDatabase), for the prepared statements of the hot lists. */
  pool: PgPool;
  /** Rate limits, readiness, and stream status unless `streamsRedis` is given. */
  redis: Redis;
  /**
   * For the pipeline overview: a connection without an ioredis keyPrefix (which does not
   * rewrite every stream command's keys; STREAM_KEY_PREFIX does that). Defaults to `redis`.
   */
  streamsRedis?: Redis;
  /** The scrape-runs BullMQ queue, on its own connection (enableOfflineQueue: false). */
  scrapeQueue: ScrapeQueueProducer;
  registry: MetricsRegistry;
  /**
   * Committed changes to jobs, companies and matches (LISTEN on LIST_CHANGE_CHANNELS): the
   * hot lists are kept in memory until one of them makes a page outdated. The caller starts
   * and closes it.
   */
  changes: ChangeFeed;
}

/** jobs-api as an Express app (no port): main.ts listens, tests use supertest. */
export function createApp(deps: JobsApiDeps): HttpApp {
  const { config, logger, prisma, pool, redis, registry } = deps;
  const docs = new DocCache(config.JOBS_API_DOC_CACHE_MB * 1024 * 1024);
  const pages = listPageCache(deps);
  const runs = new ScrapeRunService({
    prisma,
    redis,
    queue: deps.scrapeQueue,
    logger,
    requestsPerUserPerHour: config.SCRAPE_REQUESTS_PER_USER_PER_HOUR,
  });
  const streamsRedis = deps.streamsRedis ?? redis;
  const admin = new AdminService({
    prisma,
    redis: streamsRedis,
    queue: deps.scrapeQueue,
    streamKeyPrefix: config.STREAM_KEY_PREFIX,
    staleGroupSeconds: config.STREAM_STALE_GROUP_SECONDS,
    allowFixtureSources: config.SCRAPE_FIXTURE_SOURCES,
  });
  // Every stage's consumer groups on /metrics (stream_group_stale and friends): jobs-api runs
  // whether or not a stage's worker does, so it reports a stage that stopped reading.
  const groupGauges = streamGroupGauges(registry);
  for (const stream of streamNames) {
    groupGauges.watch(streamsRedis, streamKeys(stream, config.STREAM_KEY_PREFIX).stream, stream, config.STREAM_STALE_GROUP_SECONDS * 1000);
  }

  return createHttpApp({
    logger,
    registry,
    readiness: {
      database: async () => void (await prisma.$queryRaw`SELECT 1`),
      redis: async () => void (await redis.ping()),
    },
    routes: jobsApiRoutes({
      jobs: new JobService(prisma, pool, docs, pages),
      runs,
      matches: new UserMatchesService(prisma, pool, docs, pages),
      notifications: new UserNotificationsService(prisma),
      admin,
      detector: new SourceDetectService(
        {
          boards: config,
          userAgent: config.SOURCE_DETECT_USER_AGENT,
          timeoutMs: config.SOURCE_DETECT_TIMEOUT_MS,
          maxResponseBytes: config.SOURCE_DETECT_MAX_RESPONSE_BYTES,
          allowedHosts: config.SOURCE_DETECT_ALLOWED_HOSTS.map((host) => host.toLowerCase()),
        },
        logger,
      ),
      channels: new UserChannelsService(prisma, createChannelSender(config, { logger }), {
        allowedHosts: config.JOBPING_WEBHOOK_ALLOWED_HOSTS,
        unsubscribeSecret: config.UNSUBSCRIBE_SECRET,
        redis,
        testsPerHour: config.CHANNEL_TESTS_PER_USER_PER_HOUR,
      }),
      decisions: new DecisionsService({ pool, redis, requestsPerMinute: config.DECISIONS_REQUESTS_PER_MINUTE }),
      thresholdPreview: new ThresholdPreviewService({
        prisma,
        redis,
        requestsPerMinute: config.THRESHOLD_PREVIEW_REQUESTS_PER_MINUTE,
        cacheSeconds: config.THRESHOLD_PREVIEW_CACHE_SECONDS,
        estimates: new Counter({
          name: 'jobs_api_threshold_preview_estimates_total',
          help: 'Threshold-preview estimates by source: computed (the built-in rules scored the window’s unscored jobs) or cache (reused from Redis)',
          labelNames: ['source'] as const,
          registers: [registry],
        }),
      }),
    }),
    jwt: jwtSettingsFromConfig(config),
    jsonLimit: '16kb',
    trustProxy: config.TRUST_PROXY,
    checkSerializedBodies: config.NODE_ENV !== 'production',
    corsOrigins: config.CORS_ORIGINS,
    openapi: JOBS_API_OPENAPI_INFO,
  });
}

function listPageCache({ config, registry, changes }: JobsApiDeps): PageCache {
  const lookups = new Counter({
    name: 'jobs_api_page_cache_lookups_total',
    help: 'Hot list pages asked of the page cache, by list and result (hit; checked: kept after its rows were re-read; miss; bypass while the change feed is not current)',
    labelNames: ['list', 'result'] as const,
    registers: [registry],
  });
  const pages = new PageCache(changes, { maxBytes: config.JOBS_API_PAGE_CACHE_MB * 1024 * 1024, metrics: { lookups } });
  changes.subscribe({
    onNotification: (channel) => {
      if (channel === LIST_CHANGE_CHANNELS.jobs) pages.jobsChanged();
      else if (channel === LIST_CHANGE_CHANNELS.matches) pages.matchesChanged();
    },
    onReset: () => pages.reset(),
  });
  return pages;
}
