import type { CompanyInfo } from '@jobping/contracts';
import type { JobInput } from '@jobping/ai';

export interface CachedJob {
  job: JobInput;
  company: CompanyInfo | null;
}

/**
 * A small LRU with expiry for jobs: a fanned-out job is scored for thousands of users in a
 * row, so it is read once per process (and per TTL) instead of once per pair. Concurrent
 * misses for the same job share one load.
 */
export class JobCache {
  private readonly entries = new Map<string, { value: Promise<CachedJob | null>; expires: number }>();

  constructor(
    private readonly load: (jobId: string) => Promise<CachedJob | null>,
    private readonly size: number,
    private readonly ttlMs: number,
  ) {}

  get(jobId: string): Promise<CachedJob | null> {
    const now = Date.now();
    const hit = this.entries.get(jobId);
    if (hit && hit.expires > now) {
      this.entries.delete(jobId);
      this.entries.set(jobId, hit);
      return hit.value;
    }
    const value = this.load(jobId);
    const entry = { value, expires: now + this.ttlMs };
    this.entries.set(jobId, entry);
    // A failed or empty load is not kept.
    value.then(
      (job) => job === null && this.entries.get(jobId) === entry && this.entries.delete(jobId),
      () => this.entries.get(jobId) === entry && this.entries.delete(jobId),
    );
    while (this.entries.size > this.size) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
