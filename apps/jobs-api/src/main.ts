import { loadConfigOrExit } from '@jobping/config';
import { ChangeFeed, createDatabaseFromConfig } from '@jobping/db';
import { startHttpServer } from '@jobping/http-kit';
import { createShutdown } from '@jobping/ops';
import { createLogger } from '@jobping/logger';
import { createMetricsRegistry } from '@jobping/metrics';
import { createRedis } from '@jobping/redis';
import { createApp } from './app';
import { jobsApiEnvSchema } from './config';
import { ScrapeQueueProducer } from './services/scrape-queue-producer';

const SERVICE = 'jobs-api';

/** Wiring only: configuration, logger, clients, the app, and shutdown. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(jobsApiEnvSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL, nodeEnv: config.NODE_ENV });
  const shutdown = createShutdown({ logger });
  shutdown.installSignalHandlers();

  const { prisma, pool, close: closeDatabase } = createDatabaseFromConfig(config, {
    onIdleClientError: (error) => logger.warn('an idle database connection failed; it was replaced', { error: error.message }),
  });
  const redis = createRedis(config.REDIS_URL, { connectionName: SERVICE, keyPrefix: config.REDIS_KEY_PREFIX });
  redis.on('error', (error: Error) => logger.warn('redis error', { error: error.message }));
  // BullMQ producer connection: fail fast while Redis is unreachable (no offline queue).
  const queueRedis = createRedis(config.REDIS_URL, { connectionName: `${SERVICE}-scrape-queue`, overrides: { enableOfflineQueue: false } });
  queueRedis.on('error', (error: Error) => logger.warn('redis (scrape queue) error', { error: error.message }));
  const scrapeQueue = new ScrapeQueueProducer(queueRedis, config.BULLMQ_PREFIX);
  scrapeQueue.queue.on('error', (error: Error) => logger.warn('scrape queue error', { error: error.message }));
  const registry = createMetricsRegistry(SERVICE);
  const changes = new ChangeFeed({ databaseUrl: config.DATABASE_URL, logger });

  const { app, setDraining } = createApp({ config, logger, prisma, pool, redis, streamsRedis: queueRedis, scrapeQueue, registry, changes });
  changes.start();
  const server = await startHttpServer(app, { port: config.JOBS_API_PORT, logger });

  shutdown.add('stop taking traffic', () => setDraining(true));
  shutdown.add('http server', () => server.close(10_000));
  shutdown.add('scrape queue', () => scrapeQueue.close());
  shutdown.add('redis', async () => void (await Promise.all([redis.quit(), queueRedis.quit()])));
  shutdown.add('database', async () => void (await Promise.all([changes.close(), closeDatabase()])));
}

main().catch((error: unknown) => {
  process.stderr.write(`jobs-api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
