export { boardFixture as fixture, testHttpClient, testLogger as logger } from '@jobping/sources/testing';
export { sendHtml, sendJson, startLoopback, testRedisUrl, type Handler, type LoopbackServer, type SeenRequest } from '@jobping/testing';

/** Polls `check` until it returns a value, at most `attempts` times (bounded, self-stopping). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, attempts = 200, delayMs = 50): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  throw new Error(`condition not met after ${attempts} attempts`);
}
