import { z } from 'zod';
import { baseEnvSchema, databaseEnvSchema, fields, loadConfigOrExit, redisEnvSchema } from '@jobping/config';
import { createPrismaClientFromConfig } from '@jobping/db';
import { createLogger } from '@jobping/logger';
import { createRedis } from '@jobping/redis';
import { createPublisher, streamEnvFields } from '@jobping/streams';

/**
 * `node dist/enqueue-new-jobs.js` (`pnpm --filter @jobping/company-researcher enqueue:new`):
 * publishes one `job-analysis` message per job whose status is `new` (the seeded demo jobs).
 * Safe to run again: every stage is idempotent, and jobs leave `new` once researched.
 */
const envSchema = baseEnvSchema
  .extend(databaseEnvSchema.shape)
  .extend(redisEnvSchema.shape)
  .extend({
    STREAM_KEY_PREFIX: z.string().default('').describe('prefix of every stream key (default none)'),
    STREAM_MAXLEN: streamEnvFields.STREAM_MAXLEN,
    ENQUEUE_PAGE_SIZE: fields.positiveInt(1_000, 'jobs read and published per round trip'),
  });

async function main(): Promise<void> {
  const config = loadConfigOrExit(envSchema);
  const logger = createLogger({ service: 'enqueue-new-jobs', level: config.LOG_LEVEL, nodeEnv: config.NODE_ENV });
  const prisma = createPrismaClientFromConfig(config);
  const redis = createRedis(config.REDIS_URL, { connectionName: 'enqueue-new-jobs' });
  try {
    const publisher = createPublisher({ redis, keyPrefix: config.STREAM_KEY_PREFIX, trim: { strategy: 'minid', maxLen: config.STREAM_MAXLEN } });
    let after: string | undefined;
    let total = 0;
    for (;;) {
      const page = await prisma.job.findMany({
        where: { status: 'new', ...(after ? { id: { gt: after } } : {}) },
        select: { id: true },
        orderBy: { id: 'asc' },
        take: config.ENQUEUE_PAGE_SIZE,
      });
      if (page.length === 0) break;
      total += await publisher.publishMany('job-analysis', page.map((job) => ({ job_id: job.id })));
      after = page[page.length - 1]?.id;
      if (page.length < config.ENQUEUE_PAGE_SIZE) break;
    }
    logger.info(`published ${total} new job(s) to job-analysis`, { jobs: total });
  } finally {
    await prisma.$disconnect();
    await redis.quit().catch(() => redis.disconnect());
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`enqueue-new-jobs failed: ${(error as Error).message}\n`);
  process.exit(1);
});
