import { loadConfigOrExit } from '@jobping/config';
import { createPrismaClientFromConfig } from '@jobping/db';
import { createShutdown, startOpsServer } from '@jobping/ops';
import { createLogger } from '@jobping/logger';
import { createMetricsRegistry } from '@jobping/metrics';
import { createRedis } from '@jobping/redis';
import { createHttpClientFromConfig, createAdapterRegistry, FIXTURE_SOURCES_OFF } from '@jobping/sources';
import { APP_ROOT, scraperEnvSchema } from './config';
import { createScrapeQueue, createScrapeWorker, queueStartupRun, registerSchedule } from './queue/scrape-queue';
import { createJobPublisher } from './services/job-publisher';
import { createScraperMetrics } from './services/metrics';
import { createScrapeRunner } from './services/scrape-runner';
import { readSeedFile, seedSources } from './services/sources-repo';

const SERVICE = 'scraper';

/** Wiring only: configuration, clients, the runner, the BullMQ queue and worker, ops endpoints, shutdown. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(scraperEnvSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL, nodeEnv: config.NODE_ENV });
  const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS + 10_000 });
  shutdown.installSignalHandlers();

  const registry = createMetricsRegistry(SERVICE);
  const prisma = createPrismaClientFromConfig(config);
  const redis = createRedis(config.REDIS_URL, { connectionName: `${SERVICE}:commands` });
  redis.on('error', (error: Error) => logger.warn('redis error', { error: error.message }));
  const bullConnection = createRedis(config.REDIS_URL, { connectionName: `${SERVICE}:bullmq`, blocking: true });
  bullConnection.on('error', (error: Error) => logger.warn('redis error (bullmq)', { error: error.message }));
  const http = createHttpClientFromConfig(config, logger);
  const adapters = createAdapterRegistry(config, APP_ROOT);
  const runner = createScrapeRunner({
    prisma,
    adapters,
    http,
    publisher: createJobPublisher({ redis, keyPrefix: config.STREAM_KEY_PREFIX, logger, maxLen: config.STREAM_MAXLEN }),
    logger,
    metrics: createScraperMetrics(registry),
    settings: {
      windowHours: config.SCRAPE_WINDOW_HOURS,
      backfillLimit: config.SCRAPE_BACKFILL_LIMIT,
      sourceConcurrency: config.SCRAPE_SOURCE_CONCURRENCY,
      sourceTimeoutMs: config.SCRAPE_SOURCE_TIMEOUT_MS,
      pause: { afterNotFound: config.SCRAPE_PAUSE_AFTER_NOT_FOUND, afterFailures: config.SCRAPE_PAUSE_AFTER_FAILURES },
    },
  });

  const ops = await startOpsServer({
    port: config.OPS_PORT,
    registry,
    logger,
    readiness: {
      database: async () => void (await prisma.$queryRaw`SELECT 1`),
      redis: async () => void (await redis.ping()),
    },
  });

  // Only into an empty table: afterwards admins own the sources (a deleted one stays deleted).
  if (config.SCRAPE_SEED_SOURCES && (await prisma.jobSource.count()) === 0) {
    const { added, skipped } = await seedSources(prisma, await readSeedFile(config.SCRAPE_SOURCES_FILE), [...adapters.keys()]);
    if (added > 0) logger.info('sources seeded', { added, file: config.SCRAPE_SOURCES_FILE });
    if (skipped.length > 0) {
      logger.info('seed sources skipped', { sources: skipped.map((s) => `${s.type}:${s.identifier}`), reason: FIXTURE_SOURCES_OFF });
    }
  }

  const queue = createScrapeQueue({ connection: bullConnection, prefix: config.BULLMQ_PREFIX });
  queue.on('error', (error) => logger.warn('scrape queue error', { error: error.message }));
  await registerSchedule(queue, config.SCRAPE_CRON);
  const abort = new AbortController();
  const worker = createScrapeWorker({ connection: bullConnection, prefix: config.BULLMQ_PREFIX, runner, logger, signal: abort.signal });
  if (config.SCRAPE_ON_START) {
    const last = await prisma.scrapeRun.findFirst({ orderBy: { createdAt: 'desc' }, select: { createdAt: true } });
    if (await queueStartupRun(queue, last?.createdAt ?? null)) logger.info('queued a scrape run at start');
  }

  shutdown.add('stop taking traffic', () => ops.setDraining(true));
  shutdown.add('scrape worker', async () => {
    // A run may finish within the grace period; after it, its fetches are aborted and the
    // run is left to be retried (it is idempotent).
    const grace = setTimeout(() => abort.abort(new Error('shutting down')), config.SHUTDOWN_TIMEOUT_MS);
    grace.unref();
    await worker.close();
    clearTimeout(grace);
  });
  shutdown.add('queue', () => queue.close());
  shutdown.add('http client', () => http.close());
  shutdown.add('redis', async () => {
    await bullConnection.quit().catch(() => bullConnection.disconnect());
    await redis.quit().catch(() => redis.disconnect());
  });
  shutdown.add('database', () => prisma.$disconnect());
  shutdown.add('ops server', () => ops.close());
  logger.info('scraper running', { cron: config.SCRAPE_CRON, ops_port: ops.port, sources: [...adapters.keys()] });
}

main().catch((error: unknown) => {
  process.stderr.write(`scraper failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
