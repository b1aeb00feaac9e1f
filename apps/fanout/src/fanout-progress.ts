import type { Redis } from '@jobping/redis';

/** Where an unfinished fan-out stopped (the last user id published), so a redelivery resumes there. */
export interface FanoutProgress {
  get(jobId: string): Promise<string | null>;
  set(jobId: string, lastUserId: string): Promise<void>;
  clear(jobId: string): Promise<void>;
}

export function redisFanoutProgress(redis: Redis, { keyPrefix = '', ttlSeconds }: { keyPrefix?: string; ttlSeconds: number }): FanoutProgress {
  const key = (jobId: string) => `${keyPrefix}fanout:progress:${jobId}`;
  return {
    async get(jobId) {
      const value = await redis.call('GET', key(jobId));
      return typeof value === 'string' ? value : null;
    },
    async set(jobId, lastUserId) {
      await redis.call('SET', key(jobId), lastUserId, 'EX', String(ttlSeconds));
    },
    async clear(jobId) {
      await redis.call('DEL', key(jobId));
    },
  };
}
