import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { createLogger, type Logger } from '@jobping/logger';
import { createHttpClient, type HttpClientOptions } from '@jobping/sources';

export const logger: Logger = createLogger({ service: 'scraper-test', level: 'error' });

/** A recorded board answer from test/fixtures. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'));
}

export function fixtureText(name: string): string {
  return readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

export { sendJson, startLoopback, testRedisUrl, type Handler, type LoopbackServer, type SeenRequest } from '@jobping/testing';

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
}

/** The production HTTP client with short back-off so retries stay quick. */
export function testHttpClient(overrides: Partial<HttpClientOptions> = {}) {
  return createHttpClient({
    userAgent: 'JobPing-Scraper-Test/1.0',
    timeoutMs: 5_000,
    maxResponseBytes: 5 * 1024 * 1024,
    maxRetries: 3,
    retryBaseMs: 5,
    retryMaxMs: 50,
    hostConcurrency: 2,
    hostIntervalMs: 0,
    logger,
    ...overrides,
  });
}

/** Polls `check` until it returns a value, at most `attempts` times (bounded, self-stopping). */
export async function eventually<T>(check: () => Promise<T | undefined | null | false>, attempts = 200, delayMs = 50): Promise<T> {
  for (let i = 0; i < attempts; i += 1) {
    const value = await check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  throw new Error(`condition not met after ${attempts} attempts`);
}
