import type { Redis } from '@jobping/redis';
import { compareStreamIds, consumerInfos, groupInfos, isRedisError, lastGeneratedId, type ConsumerInfo, type GroupInfo } from './replies';

/** Whether a consumer group keeps up: see `groupActivity`. */
export interface GroupActivity {
  /** Entries wait for the group: delivered and unacknowledged (pending), or not delivered yet. */
  waiting: boolean;
  /** Milliseconds since the group's most recent read, by any of its consumers; null when it has none. */
  idleMs: number | null;
  /**
   * Entries wait and nobody has read them for `staleAfterMs` (or the group has no consumer):
   * its stage is not running. MINID trimming keeps everything it has not read, so its stream
   * grows up to the cap (STREAM_MAXLEN), beyond which the group loses entries.
   */
  stale: boolean;
}

export type GroupReport = GroupInfo & GroupActivity & { consumerList: ConsumerInfo[] };

/**
 * `lastId`: the stream's last generated id, needed only when `lag` is unknown (Redis cannot
 * count it once entries after the group's position were trimmed or deleted: XINFO GROUPS then reports a NULL lag):
 * then entries wait exactly when the group has not been delivered the last one.
 */
export function groupActivity(group: GroupInfo, consumers: readonly ConsumerInfo[], lastId: string | null, staleAfterMs: number): GroupActivity {
  const behind = group.lag === null ? lastId !== null && compareStreamIds(group.lastDeliveredId, lastId) < 0 : group.lag > 0;
  const waiting = group.pending > 0 || behind;
  const idleMs = consumers.length === 0 ? null : Math.min(...consumers.map((consumer) => consumer.idleMs));
  return { waiting, idleMs, stale: waiting && (idleMs === null || idleMs >= staleAfterMs) };
}

/** Every group of one stream with its consumers and activity; none when the stream does not exist yet. */
export async function streamGroups(redis: Redis, streamKey: string, staleAfterMs: number): Promise<GroupReport[]> {
  let groups: GroupInfo[];
  try {
    groups = groupInfos(await redis.call('XINFO', 'GROUPS', streamKey));
  } catch (error) {
    if (isRedisError(error, 'ERR no such key')) return [];
    throw error;
  }
  const lastId = groups.some((group) => group.lag === null) ? lastGeneratedId(await redis.call('XINFO', 'STREAM', streamKey)) : null;
  return Promise.all(
    groups.map(async (group) => {
      const consumerList = consumerInfos(await redis.call('XINFO', 'CONSUMERS', streamKey, group.name));
      return { ...group, ...groupActivity(group, consumerList, lastId, staleAfterMs), consumerList };
    }),
  );
}
