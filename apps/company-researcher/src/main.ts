import { createAiProvider, resolveAiConfig } from '@jobping/ai';
import { createPrismaClientFromConfig } from '@jobping/db';
import { runStreamWorker } from '@jobping/stream-worker';
import { CompanyResearchService } from './company-research-service';
import { companyResearcherEnv, companyResearcherWorker } from './config';
import { researchHandler } from './handler';
import { redisResearchClaims } from './research-claim';

void runStreamWorker({
  service: 'company-researcher',
  stream: 'job-analysis',
  ...companyResearcherWorker,
  config: companyResearcherEnv,
  setup: ({ config, logger, registry, redis, publisher }) => {
    const prisma = createPrismaClientFromConfig(config);
    const service = new CompanyResearchService({
      prisma,
      ai: createAiProvider({ config: resolveAiConfig(config), redis, keyPrefix: config.STREAM_KEY_PREFIX, registry, logger }),
      claims: redisResearchClaims(redis, { keyPrefix: config.STREAM_KEY_PREFIX, ttlMs: config.COMPANY_RESEARCH_LOCK_TTL_MS }),
      publishFanout: async (jobId) => void (await publisher.publish('user-fanout', { job_id: jobId })),
      logger,
      maxAgeDays: config.COMPANY_RESEARCH_MAX_AGE_DAYS,
      waitForClaimMs: config.COMPANY_RESEARCH_WAIT_MS,
    });
    return {
      handler: researchHandler(service, config.STREAM_MAX_DELIVERIES),
      readiness: { database: async () => void (await prisma.$queryRaw`SELECT 1`) },
      close: () => prisma.$disconnect(),
    };
  },
}).catch((error: unknown) => {
  process.stderr.write(`company-researcher failed to start: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
