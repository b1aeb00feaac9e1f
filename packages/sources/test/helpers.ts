import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { createLogger, type Logger } from '@jobping/logger';
import { createHttpClient, type HttpClient, type HttpClientOptions } from '../src/http-client';
import type { FetchContext, SourceDefinition } from '../src/types';

export const logger: Logger = createLogger({ service: 'sources-test', level: 'error' });

/** A recorded board answer from test/fixtures. */
export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(path.join(__dirname, 'fixtures', name), 'utf8'));
}

export function fixtureText(name: string): string {
  return readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
}

export { sendJson, startLoopback, type Handler, type LoopbackServer, type SeenRequest } from '@jobping/testing';

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

/** What an adapter gets for one fetch: this client and logger, no window, a limit of 500 unless overridden. */
export const fetchContext =
  (http: HttpClient) =>
  (overrides: Partial<FetchContext> = {}): FetchContext => ({
    http,
    logger,
    signal: new AbortController().signal,
    since: null,
    limit: 500,
    ...overrides,
  });

/** A source row as the runner hands it to an adapter. */
export const source = (type: string, identifier: string, extra: Partial<SourceDefinition> = {}): SourceDefinition => ({
  id: '00000000-0000-4000-8000-000000000000',
  type,
  identifier,
  searchTerms: [],
  location: null,
  ...extra,
});
