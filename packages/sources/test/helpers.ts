import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
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

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
}

export interface LoopbackServer {
  url: string;
  requests: SeenRequest[];
  close(): Promise<void>;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, url: URL) => void | Promise<void>;

/** A real HTTP server on 127.0.0.1 and a free port, recording every request. */
export async function startLoopback(handler: Handler): Promise<LoopbackServer> {
  const requests: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: req.method ?? 'GET', url: `${url.pathname}${url.search}`, headers: req.headers });
    Promise.resolve(handler(req, res, url)).catch((error: unknown) => {
      res.statusCode = 500;
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

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
