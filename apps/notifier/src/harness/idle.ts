import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from '@jobping/redis';
import { streamsStatus } from '@jobping/streams';

/** True when every stage stream has been read by its group and nothing is pending. */
export async function streamsIdle(redis: Redis, keyPrefix: string): Promise<boolean> {
  const status = await streamsStatus(redis, keyPrefix);
  return status.every((s) => (s.length === 0 || s.groups.length > 0) && s.groups.every((g) => g.pending === 0 && (g.lag ?? 0) === 0));
}

/** Polls `check` until it returns true (or throws after `timeoutMs`, naming `what`). */
export async function waitFor(what: string, check: () => Promise<boolean>, { timeoutMs = 90_000, intervalMs = 100 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
