import { streamNames, type StreamName } from '@jobping/contracts';
import type { Redis } from '@jobping/redis';
import { streamKeys } from './keys';
import { consumerInfos, groupInfos, isRedisError, type ConsumerInfo, type GroupInfo } from './replies';

export interface StreamStatus {
  stream: StreamName;
  length: number;
  deadLetters: number;
  groups: (GroupInfo & { consumerList: ConsumerInfo[] })[];
}

/** Length, groups, consumers, pending, lag and dead letters of every stage stream. */
export async function streamsStatus(redis: Redis, keyPrefix = ''): Promise<StreamStatus[]> {
  const result: StreamStatus[] = [];
  for (const stream of streamNames) {
    const keys = streamKeys(stream, keyPrefix);
    const [length, deadLetters] = (await Promise.all([redis.call('XLEN', keys.stream), redis.call('XLEN', keys.deadLetter)])).map(Number) as [number, number];
    let groups: GroupInfo[] = [];
    try {
      groups = groupInfos(await redis.call('XINFO', 'GROUPS', keys.stream));
    } catch (error) {
      if (!isRedisError(error, 'ERR no such key')) throw error;
    }
    const withConsumers = await Promise.all(
      groups.map(async (group) => ({ ...group, consumerList: consumerInfos(await redis.call('XINFO', 'CONSUMERS', keys.stream, group.name)) })),
    );
    result.push({ stream, length, deadLetters, groups: withConsumers });
  }
  return result;
}
