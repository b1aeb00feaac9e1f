import { streamNames, type StreamName } from '@jobping/contracts';
import type { Redis } from '@jobping/redis';
import { streamGroups, type GroupReport } from './group-health';
import { streamKeys } from './keys';
import { DEFAULT_STALE_GROUP_SECONDS } from './settings';

export interface StreamStatus {
  stream: StreamName;
  length: number;
  deadLetters: number;
  groups: GroupReport[];
}

export interface StatusOptions {
  /** A group with entries waiting and no read for this long is stale (STREAM_STALE_GROUP_SECONDS). */
  staleAfterMs?: number;
}

/** Length, groups, consumers, pending, lag, staleness and dead letters of every stage stream. */
export async function streamsStatus(redis: Redis, keyPrefix = '', options: StatusOptions = {}): Promise<StreamStatus[]> {
  const staleAfterMs = options.staleAfterMs ?? DEFAULT_STALE_GROUP_SECONDS * 1000;
  const result: StreamStatus[] = [];
  for (const stream of streamNames) {
    const keys = streamKeys(stream, keyPrefix);
    const [length, deadLetters] = (await Promise.all([redis.call('XLEN', keys.stream), redis.call('XLEN', keys.deadLetter)])).map(Number) as [number, number];
    result.push({ stream, length, deadLetters, groups: await streamGroups(redis, keys.stream, staleAfterMs) });
  }
  return result;
}
