import type { Redis } from '@jobping/redis';
import { groupInfos, isRedisError, pendingEntries } from './replies';

/** How a stream is kept bounded. */
export type TrimPolicy =
  /** Drop only what every group has acknowledged (XTRIM MINID ~): never loses unconsumed work. Default. */
  | { strategy: 'minid' }
  /** Cap the length on every XADD (MAXLEN ~): bounded memory, but a backlog beyond the cap is lost. */
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
  const older = (a: string, b: string) => {
    const [am, as] = a.split('-').map(BigInt) as [bigint, bigint];
    const [bm, bs] = b.split('-').map(BigInt) as [bigint, bigint];
    return am < bm || (am === bm && as < bs);
  };
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
