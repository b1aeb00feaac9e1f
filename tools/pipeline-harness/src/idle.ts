import type { Redis } from '@jobping/redis';
import { streamsStatus } from '@jobping/streams';

/** True when every stage stream has been read by its group and nothing is pending. */
export async function streamsIdle(redis: Redis, keyPrefix: string): Promise<boolean> {
  const status = await streamsStatus(redis, keyPrefix);
  return status.every((s) => (s.length === 0 || s.groups.length > 0) && s.groups.every((g) => g.pending === 0 && (g.lag ?? 0) === 0));
}
