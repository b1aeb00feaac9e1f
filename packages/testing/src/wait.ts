import { setTimeout as sleep } from 'node:timers/promises';

/** Polls `check` until it returns true, or throws after `timeoutMs`, naming `what`. */
export async function waitFor(what: string, check: () => Promise<boolean> | boolean, { timeoutMs = 90_000, intervalMs = 100 } = {}): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}
