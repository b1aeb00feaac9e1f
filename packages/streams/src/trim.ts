import type { Redis } from '@jobping/redis';
import { compareStreamIds, groupInfos, isRedisError, pendingEntries } from './replies';

/**
 * The safety cap of every stream: each XADD trims the stream to about this many entries
 * (`MAXLEN ~`, whole macro nodes of ~100 entries, cheap). Far above a normal backlog: fanout
 * writes one entry per user per job, so at 100,000 users user-analysis holds 5,000,000 entries
 * (~0.5–1 GB of Redis memory) only when the matcher is 50 jobs behind. It bites when a consumer
 * group stopped reading, and then keeps Redis from filling up: entries beyond it are lost to
 * that group (its lag turns unknown). `STREAM_MAXLEN`.
 */
export const DEFAULT_STREAM_MAX_LEN = 5_000_000;

/** The XADD arguments of the cap: `MAXLEN ~ <maxLen>`. */
export function streamCapArgs(maxLen: number = DEFAULT_STREAM_MAX_LEN): string[] {
  if (!Number.isSafeInteger(maxLen) || maxLen < 1) throw new RangeError(`a stream cap must be a positive integer, got ${maxLen}`);
  return ['MAXLEN', '~', String(maxLen)];
}

/** How a stream is kept bounded. Either way every XADD caps it near `maxLen` (default DEFAULT_STREAM_MAX_LEN). */
export type TrimPolicy =
  /** Consumers also drop what every group has acknowledged (XTRIM MINID ~), so memory follows the real backlog. Default. */
  | { strategy: 'minid'; maxLen?: number }
  /** Only the cap: the stream holds about `maxLen` entries, consumed or not. */
  | { strategy: 'maxlen'; maxLen: number };

export const defaultTrimPolicy: TrimPolicy = { strategy: 'minid' };

/**
 * The oldest id some group still needs: its oldest pending entry, or the entry after its
 * last delivered one. Everything strictly before it is consumed by every group.
 * Returns null when nothing may be trimmed (no groups yet).
 */
export async function safeMinId(redis: Redis, streamKey: string): Promise<string | null> {
  let groups;
  try {
    groups = groupInfos(await redis.call('XINFO', 'GROUPS', streamKey));
  } catch (error) {
    if (isRedisError(error, 'ERR no such key')) return null;
    throw error;
  }
  if (groups.length === 0) return null;
  let min: string | null = null;
  const older = (a: string, b: string) => compareStreamIds(a, b) < 0;
  for (const group of groups) {
    let needed: string;
    if (group.pending > 0) {
      const [oldest] = pendingEntries(await redis.call('XPENDING', streamKey, group.name, '-', '+', '1'));
      needed = oldest ? oldest.id : group.lastDeliveredId;
    } else {
      // Nothing pending: the first entry it still needs comes after the last delivered one.
      needed = `${group.lastDeliveredId.split('-')[0]}-${BigInt(group.lastDeliveredId.split('-')[1] ?? '0') + 1n}`;
    }
    if (min === null || older(needed, min)) min = needed;
  }
  return min;
}

/** Trims everything every group has consumed. Returns the number of entries removed. */
export async function trimConsumed(redis: Redis, streamKey: string): Promise<number> {
  const minId = await safeMinId(redis, streamKey);
  if (minId === null || minId === '0-0' || minId === '0-1') return 0;
  // MINID keeps ids >= minId; approximate (~) trims whole macro nodes only, which is cheap.
  return Number(await redis.call('XTRIM', streamKey, 'MINID', '~', minId));
}
