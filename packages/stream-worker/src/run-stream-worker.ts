import type { z } from 'zod';
import type { StreamName } from '@jobping/contracts';
import { loadConfigOrExit } from '@jobping/config';
import { createShutdown, startOpsServer, type OpsServer, type ReadinessChecks } from '@jobping/ops';
import { createLogger, type Logger } from '@jobping/logger';
import { createMetricsRegistry, type MetricsRegistry } from '@jobping/metrics';
import { createRedis, type Redis } from '@jobping/redis';
import { consume, createPublisher, type Consumer, type MessageHandler, type Publisher, type TrimPolicy } from '@jobping/streams';
import { streamWorkerEnvSchema, type WorkerDefaults, type WorkerEnv } from './worker-config';

export interface WorkerContext<Config> {
  config: Config;
  logger: Logger;
  registry: MetricsRegistry;
  /** Command connection (the consumer's blocking reader is its own). */
  redis: Redis;
  /** Publishes onward; the trace id of the message being handled carries over. */
  publisher: Publisher;
}

export interface WorkerParts<S extends StreamName> {
  handler: MessageHandler<S>;
  /** Extra /readyz checks (Redis is always checked), e.g. `database: () => prisma.$queryRaw\`SELECT 1\``. */
  readiness?: ReadinessChecks;
  /** Closes what setup opened (database pools…), after the consumer has stopped. */
  close?: () => Promise<void>;
}

export interface StreamWorkerDefinition<S extends StreamName, Extra extends z.ZodRawShape> {
  /** Service name in logs and metrics. */
  service: string;
  stream: S;
  /** Default of OPS_PORT, distinct per app so they can all run on one machine. */
  defaultOpsPort: number;
  /** Defaults of the worker's own settings that suit this stage. */
  defaults?: WorkerDefaults;
  /** The app's own environment fields, validated together with the worker's. */
  config?: Extra;
  setup(context: WorkerContext<WorkerEnv & z.output<z.ZodObject<Extra>>>): Promise<WorkerParts<S>> | WorkerParts<S>;
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Off in tests that drive stop() themselves. */
  installSignalHandlers?: boolean;
}

export interface RunningWorker {
  consumer: Consumer;
  ops: OpsServer;
  /** Stops taking messages, drains, closes everything. Does not exit the process. */
  stop(): Promise<void>;
}

/**
 * Everything a stage app needs around its handler: configuration (one zod schema, one
 * clear line on error), logger, metrics, Redis, the consumer, the ops endpoints and the
 * SIGTERM drain. An app's main.ts is a call to this.
 */
export async function runStreamWorker<S extends StreamName, Extra extends z.ZodRawShape = Record<never, never>>(
  definition: StreamWorkerDefinition<S, Extra>,
): Promise<RunningWorker> {
  const schema = streamWorkerEnvSchema(definition.defaultOpsPort, definition.config ?? ({} as Extra), definition.defaults);
  const config = loadConfigOrExit(schema, definition.env ?? process.env) as WorkerEnv & z.output<z.ZodObject<Extra>>;
  const logger = createLogger({ service: definition.service, level: config.LOG_LEVEL, nodeEnv: config.NODE_ENV });
  const registry = createMetricsRegistry(definition.service);
  // Auto-pipelining: the commands concurrent handlers issue in one tick (acks, XADDs of the
  // next stage, locks) leave in one write instead of one system call each.
  const redis = createRedis(config.REDIS_URL, { connectionName: `${definition.service}:commands`, overrides: { enableAutoPipelining: true } });
  redis.on('error', (error: Error) => logger.warn('redis connection error', { error: error.message }));
  const trim: TrimPolicy = { strategy: config.STREAM_TRIM, maxLen: config.STREAM_MAXLEN };
  const publisher = createPublisher({ redis, keyPrefix: config.STREAM_KEY_PREFIX, trim });

  const parts = await definition.setup({ config, logger, registry, redis, publisher });
  const consumer = consume({
    redis,
    stream: definition.stream,
    handler: parts.handler,
    logger,
    registry,
    keyPrefix: config.STREAM_KEY_PREFIX,
    batchSize: config.STREAM_BATCH_SIZE,
    concurrency: config.STREAM_CONCURRENCY,
    blockMs: config.STREAM_BLOCK_MS,
    visibilityTimeoutMs: config.STREAM_VISIBILITY_TIMEOUT_MS,
    maxDeliveries: config.STREAM_MAX_DELIVERIES,
    backoff: { baseMs: config.STREAM_RETRY_BASE_MS, maxMs: config.STREAM_RETRY_MAX_MS },
    trim,
    shutdownTimeoutMs: config.SHUTDOWN_TIMEOUT_MS,
    staleGroupMs: config.STREAM_STALE_GROUP_SECONDS * 1000,
  });
  const ops = await startOpsServer({
    port: config.OPS_PORT,
    registry,
    logger,
    readiness: {
      redis: async () => {
        await redis.ping();
      },
      ...parts.readiness,
    },
  });
  // Warm the clients (connections, Prisma's query planner) before the first message, so it is
  // not the one that pays; a dependency that is down is only logged here: /readyz reports it
  // and the handlers' retries cover it.
  const readiness = Object.entries(parts.readiness ?? {});
  const warm = await Promise.allSettled(readiness.map(([, check]) => check()));
  warm.forEach((result, i) => {
    if (result.status === 'rejected') logger.warn('a dependency is not ready at start', { check: readiness[i]![0], error: String(result.reason) });
  });
  await consumer.start();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      ops.setDraining(true);
      await consumer.stop();
      await parts.close?.();
      await redis.quit().catch(() => redis.disconnect());
      await ops.close();
    })());

  if (definition.installSignalHandlers !== false) {
    // The drain itself is bounded by SHUTDOWN_TIMEOUT_MS; the registry's limit covers closing on top of it.
    const shutdown = createShutdown({ logger, timeoutMs: config.SHUTDOWN_TIMEOUT_MS + config.STREAM_BLOCK_MS + 5_000 });
    shutdown.add('stream worker', stop);
    shutdown.installSignalHandlers();
  }
  logger.info('stream worker running', { stream: definition.stream, consumer: consumer.name, ops_port: ops.port });
  return { consumer, ops, stop };
}
