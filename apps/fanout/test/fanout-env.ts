import { randomUUID } from 'node:crypto';
import { createDatabase, type Database, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createRedis, type Redis } from '@jobping/redis';
import { redisFanoutProgress, type FanoutProgress } from '../src/fanout-progress';

export interface FanoutEnv {
  prisma: PrismaClient;
  database: Database;
  redis: Redis;
  progress: FanoutProgress;
  /** The one company the tests' jobs belong to (key `ledgerly`). */
  companyId: string;
  close(): Promise<void>;
}

/** A database and a Redis key prefix of the test file's own, and one company to post jobs under. */
export async function startFanoutEnv(name: string): Promise<FanoutEnv> {
  const db: TestDatabase = await createTestDatabase(name);
  const database = createDatabase({ databaseUrl: db.url, poolSize: 4 });
  const prefix = `test:${name}:${randomUUID().slice(0, 8)}:`;
  const redis = createRedis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15', { connectionName: `${name}-test` });
  const progress = redisFanoutProgress(redis, { keyPrefix: prefix, ttlSeconds: 600 });
  const companyId = (await database.prisma.company.create({ data: { name: 'Ledgerly', normalizedName: 'ledgerly' } })).id;
  return {
    prisma: database.prisma,
    database,
    redis,
    progress,
    companyId,
    close: async () => {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
      await redis.quit();
      await database.close();
      await db.drop();
    },
  };
}
