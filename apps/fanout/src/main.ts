import { createDatabaseFromConfig } from '@jobping/db';
import { runStreamWorker } from '@jobping/stream-worker';
import { fanoutEnv, fanoutWorker } from './config';
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
    });
    return {
      handler: async (message) => void (await service.handle(message.job_id)),
      readiness: { database: async () => void (await prisma.$queryRaw`SELECT 1`) },
      close,
    };
  },
}).catch((error: unknown) => {
  process.stderr.write(`fanout failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
