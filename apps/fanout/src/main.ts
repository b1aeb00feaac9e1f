import { createPrismaClientFromConfig } from '@jobping/db';
import { runStreamWorker } from '@jobping/stream-worker';
import { fanoutEnv } from './config';
import { redisFanoutProgress } from './fanout-progress';
import { FanoutService } from './fanout-service';

void runStreamWorker({
  service: 'fanout',
  stream: 'user-fanout',
  defaultOpsPort: 3012,
  config: fanoutEnv,
  setup: ({ config, logger, redis, publisher }) => {
    const prisma = createPrismaClientFromConfig(config);
    const service = new FanoutService({
      prisma,
      publishMany: (messages) => publisher.publishMany('user-analysis', messages),
      progress: redisFanoutProgress(redis, { keyPrefix: config.STREAM_KEY_PREFIX, ttlSeconds: config.FANOUT_PROGRESS_TTL_SECONDS }),
      logger,
      pageSize: config.FANOUT_PAGE_SIZE,
    });
    return {
      handler: async (message) => void (await service.handle(message.job_id)),
      readiness: { database: async () => void (await prisma.$queryRaw`SELECT 1`) },
      close: () => prisma.$disconnect(),
    };
  },
}).catch((error: unknown) => {
  process.stderr.write(`fanout failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
