import { randomBytes } from 'node:crypto';
import type { Redis } from '@jobping/redis';

/** Who may research a company right now: at most one holder per company across every replica. */
export interface ResearchClaims {
  /** A token when the claim was taken, null when another holder has it. */
  acquire(companyId: string): Promise<string | null>;
  release(companyId: string, token: string): Promise<void>;
}

// Deletes the key only if it still holds our token: an expired claim taken over by another
// consumer is never released by the late original holder.
const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`;

/**
 * `SET key token NX PX ttl`: atomic, and self-healing when a holder dies (the key expires).
 * The TTL must exceed the slowest research, or a second consumer could start the same one.
 */
export function redisResearchClaims(redis: Redis, { keyPrefix = '', ttlMs }: { keyPrefix?: string; ttlMs: number }): ResearchClaims {
  const key = (companyId: string) => `${keyPrefix}company-research:claim:${companyId}`;
  return {
    async acquire(companyId) {
      const token = randomBytes(12).toString('hex');
      const reply = await redis.call('SET', key(companyId), token, 'NX', 'PX', String(ttlMs));
      return reply === 'OK' ? token : null;
    },
    async release(companyId, token) {
      await redis.call('EVAL', RELEASE, '1', key(companyId), token);
    },
  };
}
