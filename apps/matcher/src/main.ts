import './regexp-tiering';
import { Prefilter, createAiProvider, resolveAiConfig } from '@jobping/ai';
import { createDatabaseFromConfig } from '@jobping/db';
import { runStreamWorker } from '@jobping/stream-worker';
import { matcherEnv, matcherWorker } from './config';
import { JobCache } from './job-cache';
import { MatchService, loadJobForMatching } from './match-service';

void runStreamWorker({
  service: 'matcher',
  stream: 'user-analysis',
  ...matcherWorker,
  config: matcherEnv,
  setup: ({ config, logger, registry, redis, publisher }) => {
    const { prisma, pool, close } = createDatabaseFromConfig(config, {
      onIdleClientError: (error) => logger.warn('an idle database connection failed; it was replaced', { error: error.message }),
    });
    const aiConfig = resolveAiConfig(config);
    const service = new MatchService({
      prisma,
      pool,
      ai: createAiProvider({ config: aiConfig, redis, keyPrefix: config.STREAM_KEY_PREFIX, registry, logger }),
      prefilter: aiConfig.prefilter ? new Prefilter({ registry }) : null,
      jobs: new JobCache((jobId) => loadJobForMatching(prisma, jobId), config.MATCHER_JOB_CACHE_SIZE, config.MATCHER_JOB_CACHE_TTL_MS),
      publishNotification: async (message) => void (await publisher.publish('notification', message)),
      logger,
    });
    return {
      handler: async (message) => void (await service.handle(message)),
      readiness: { database: async () => void (await prisma.$queryRaw`SELECT 1`) },
      close,
    };
  },
}).catch((error: unknown) => {
  process.stderr.write(`matcher failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
