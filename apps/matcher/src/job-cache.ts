import type { CompanyInfo } from '@jobping/contracts';
import type { JobInput } from '@jobping/ai';
import { LRUCache } from 'lru-cache';

export interface CachedJob {
  job: JobInput;
  company: CompanyInfo | null;
}

/**
 * Jobs with their company research, kept for a while (LRU with expiry): a fanned-out job is
 * scored for thousands of users in a row, so it is read once per process (and per TTL)
 * instead of once per pair. Concurrent misses for the same job share one load; a job that is
 * gone or a failed load is not kept. The same object is handed out for every pair, which
 * lets the AI layer remember what it extracted from it (SignalsMemo).
 */
export class JobCache {
  private readonly cache: LRUCache<string, CachedJob>;

  constructor(load: (jobId: string) => Promise<CachedJob | null>, size: number, ttlMs: number) {
    this.cache = new LRUCache<string, CachedJob>({
      max: size,
      ttl: ttlMs,
      fetchMethod: async (jobId) => (await load(jobId)) ?? undefined,
    });
  }

  async get(jobId: string): Promise<CachedJob | null> {
    return (await this.cache.fetch(jobId)) ?? null;
  }
}
