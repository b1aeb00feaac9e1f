// The servers measured by api-bench, in a child process of their own so that autocannon's
// load generation and the server never share one event loop. Prints one JSON line with
// the ports once both listen; stops on SIGTERM.
import type { AddressInfo } from 'node:net';
import { loadConfig } from '@jobping/config';
import { ChangeFeed, createDatabaseFromConfig } from '@jobping/db';
import { createLogger } from '@jobping/logger';
import { createMetricsRegistry } from '@jobping/metrics';
import { createRedis } from '@jobping/redis';
import { createHttpApp, defineRoute, jwtSettingsFromConfig } from '@jobping/http-kit';
import express from 'express';
import { z } from 'zod';
import { createApp } from '../src/app';
import { jobsApiEnvSchema } from '../src/config';
import { ScrapeQueueProducer } from '../src/services/scrape-queue-producer';

async function listen(app: express.Express): Promise<{ port: number; close(): void }> {
  return new Promise((resolve) => {
    const server = app.listen(0, '127.0.0.1', () =>
      resolve({ port: (server.address() as AddressInfo).port, close: () => server.close() }),
    );
    server.keepAliveTimeout = 65_000;
  });
}

async function main(): Promise<void> {
  const config = loadConfig(jobsApiEnvSchema, process.env);
  const logger = createLogger({ service: 'jobs-api-bench', level: config.LOG_LEVEL, nodeEnv: config.NODE_ENV });
  const { prisma, pool, close: closeDatabase } = createDatabaseFromConfig(config);
  const redis = createRedis(config.REDIS_URL, { connectionName: 'jobs-api-bench' });
  const queueRedis = createRedis(config.REDIS_URL, { connectionName: 'jobs-api-bench-queue', overrides: { enableOfflineQueue: false } });
  const scrapeQueue = new ScrapeQueueProducer(queueRedis, config.BULLMQ_PREFIX);
  const changes = new ChangeFeed({ databaseUrl: config.DATABASE_URL, logger });
  const { app } = createApp({ config, logger, prisma, pool, redis, scrapeQueue, registry: createMetricsRegistry('jobs-api'), changes });
  changes.start();

  // The same service with its change feed never started: every page is built from the
  // database (what a request costs when the page cache cannot help: first reads, changes).
  const idleFeed = new ChangeFeed({ databaseUrl: config.DATABASE_URL, channels: [], logger });
  const { app: uncached } = createApp({
    config,
    logger,
    prisma,
    pool,
    redis,
    scrapeQueue,
    registry: createMetricsRegistry('jobs-api-uncached', { defaultMetrics: false }),
    changes: idleFeed,
  });

  // The baseline: a bare Express 5 route answering a small JSON body, no middleware.
  const bare = express();
  bare.get('/bare', (_req, res) => {
    res.json({ items: [], next_cursor: null });
  });

  // The kit's share: an http-kit route (request id, access log, helmet, JWT check, zod) answering
  // the same small body as the bare route, without touching the database.
  const emptyPage = z.object({ items: z.array(z.never()), next_cursor: z.null() });
  const { app: kit } = createHttpApp({
    logger,
    registry: createMetricsRegistry('jobs-api-bench-kit', { defaultMetrics: false }),
    readiness: {},
    routes: [
      defineRoute({
        method: 'get',
        path: '/api/kit',
        summary: 'An empty page behind the same stack as jobs-api',
        auth: 'bearer',
        responses: { 200: { description: 'empty', schema: emptyPage } },
        handler: async () => ({ status: 200, body: { items: [], next_cursor: null } }),
      }),
    ],
    jwt: jwtSettingsFromConfig(config),
    openapi: { title: 'bench', version: '0' },
  });

  const [api, baseline, kitServer, uncachedServer] = await Promise.all([listen(app), listen(bare), listen(kit), listen(uncached)]);
  process.stdout.write(
    `${JSON.stringify({ api_port: api.port, bare_port: baseline.port, kit_port: kitServer.port, uncached_port: uncachedServer.port })}\n`,
  );
  process.on('SIGTERM', () => {
    api.close();
    uncachedServer.close();
    baseline.close();
    kitServer.close();
    void Promise.allSettled([scrapeQueue.close(), changes.close(), closeDatabase()]).then(() => {
      redis.disconnect();
      queueRedis.disconnect();
      process.exit(0);
    });
  });
}

main().catch((error: unknown) => {
  process.stderr.write(`bench server failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
