import { createDatabaseFromConfig } from '@jobping/db';
import { runStreamWorker } from '@jobping/stream-worker';
import { fanoutEnv, fanoutWorker } from './config';
import { startDecisionLogPruner } from './decision-log-pruner';
import { redisFanoutProgress } from './fanout-progress';
import { FanoutService } from './fanout-service';

void runStreamWorker({
  service: 'fanout',
  stream: 'user-fanout',
  ...fanoutWorker,
  config: fanoutEnv,
  setup: ({ config, logger, redis, publisher }) => {
    const { prisma, pool, close } = createDatabaseFromConfig(config, {
      onIdleClientError: (error) => logger.warn('an idle database connection failed; it was replaced', { error: error.message }),
    });
    const service = new FanoutService({
      prisma,
      pool,
      publishMany: (messages) => publisher.publishMany('user-analysis', messages),
      progress: redisFanoutProgress(redis, { keyPrefix: config.STREAM_KEY_PREFIX, ttlSeconds: config.FANOUT_PROGRESS_TTL_SECONDS }),
      logger,
      pageSize: config.FANOUT_PAGE_SIZE,
      decisionLog: config.DECISION_LOG,
    });
    // Pruned even with the log off: rows written before it was turned off still expire.
    const pruner = startDecisionLogPruner(pool, {
      retentionDays: config.DECISION_LOG_RETENTION_DAYS,
      intervalMs: config.DECISION_LOG_PRUNE_INTERVAL_SECONDS * 1000,
      logger,
    });
    return {
      handler: async (message) => void (await service.handle(message.job_id)),
      readiness: { database: async () => void (await prisma.$queryRaw`SELECT 1`) },
      close: async () => {
        await pruner.stop();
        await close();
      },
    };
  },
}).catch((error: unknown) => {
  process.stderr.write(`fanout failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
