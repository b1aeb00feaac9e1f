import { setTimeout as sleep } from 'node:timers/promises';
import { Agent, EnvHttpProxyAgent, fetch, type Dispatcher } from 'undici';
import type { Logger } from '@jobping/logger';
import type { ScraperEnv } from '../config';

export interface ProxySettings {
  httpProxy?: string | undefined;
  httpsProxy?: string | undefined;
  noProxy?: string | undefined;
}

export interface HttpClientOptions {
  userAgent: string;
  /** Timeout of one request (each retry gets its own). */
  timeoutMs: number;
  /** Retries after 429, 5xx, timeouts and network errors. */
  maxRetries: number;
  retryBaseMs: number;
  retryMaxMs: number;
  /** Requests in flight per host (politeness: 1–2). */
  hostConcurrency: number;
  /** Minimum gap between the starts of two requests to one host. */
  hostIntervalMs: number;
  proxy?: ProxySettings;
  logger?: Logger;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface HttpClient {
  /** GET and parse JSON; throws HttpError on a non-2xx answer after retries. */
  getJson(url: string, options?: RequestOptions): Promise<unknown>;
  getText(url: string, options?: RequestOptions): Promise<string>;
  close(): Promise<void>;
}

export class HttpError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

/** 408, 425, 429 and 5xx are worth another try; other 4xx are not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status !== 501);
}

/** Retry-After in seconds or as an HTTP date, in ms; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Per-host gate: at most `concurrency` requests in flight and `intervalMs` between starts. */
class HostGate {
  private active = 0;
  private readonly waiters: (() => void)[] = [];
  private nextStart = 0;

  constructor(
    private readonly concurrency: number,
    private readonly intervalMs: number,
  ) {}

  async acquire(signal?: AbortSignal): Promise<void> {
    while (this.active >= this.concurrency) {
      await new Promise<void>((resolve) => this.waiters.push(resolve));
      signal?.throwIfAborted();
    }
    this.active += 1;
    const now = Date.now();
    const wait = this.nextStart - now;
    this.nextStart = Math.max(now, this.nextStart) + this.intervalMs;
    if (wait > 0) {
      try {
        await sleep(wait, undefined, { signal });
      } catch (error) {
        this.release();
        throw error;
      }
    }
  }

  release(): void {
    this.active -= 1;
    this.waiters.shift()?.();
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as Error & { cause?: unknown }).cause;
    return cause instanceof Error ? `${error.message}: ${cause.message}` : error.message;
  }
  return String(error);
}

/**
 * The one way sources talk to job boards: undici with HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * honoured, a descriptive User-Agent, per-host concurrency and spacing, a timeout per request,
 * and retries with exponential back-off (Retry-After honoured) on 429, 5xx and network errors.
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const proxy = options.proxy;
  const dispatcher: Dispatcher =
    proxy && (proxy.httpProxy || proxy.httpsProxy)
      ? new EnvHttpProxyAgent({ httpProxy: proxy.httpProxy, httpsProxy: proxy.httpsProxy, noProxy: proxy.noProxy ?? '' })
      : new Agent({ connections: options.hostConcurrency * 2 });
  const gates = new Map<string, HostGate>();
  const gateFor = (host: string) => {
    let gate = gates.get(host);
    if (!gate) {
      gate = new HostGate(options.hostConcurrency, options.hostIntervalMs);
      gates.set(host, gate);
    }
    return gate;
  };

  async function request(url: string, accept: string, requestOptions: RequestOptions, read: (res: Response) => Promise<unknown>) {
    const host = new URL(url).host;
    const gate = gateFor(host);
    for (let attempt = 0; ; attempt += 1) {
      requestOptions.signal?.throwIfAborted();
      let delay: number | undefined;
      let failure: HttpError;
      await gate.acquire(requestOptions.signal);
      try {
        const timeout = AbortSignal.timeout(options.timeoutMs);
        const signal = requestOptions.signal ? AbortSignal.any([requestOptions.signal, timeout]) : timeout;
        const res = (await fetch(url, {
          dispatcher,
          signal,
          redirect: 'follow',
          headers: { 'user-agent': options.userAgent, accept, ...requestOptions.headers },
        })) as unknown as Response;
        if (res.ok) return await read(res);
        await res.body?.cancel().catch(() => undefined);
        failure = new HttpError(`GET ${url} answered ${res.status}`, url, res.status);
        if (!isRetryableStatus(res.status)) throw failure;
        delay = retryAfterMs(res.headers.get('retry-after'));
      } catch (error) {
        if (error instanceof HttpError && error.status !== null && !isRetryableStatus(error.status)) throw error;
        if (requestOptions.signal?.aborted) throw requestOptions.signal.reason ?? error;
        if (error instanceof SyntaxError) throw new HttpError(`GET ${url}: the answer is not valid JSON`, url, 200);
        failure = error instanceof HttpError ? error : new HttpError(`GET ${url} failed: ${describe(error)}`, url, null);
      } finally {
        gate.release();
      }
      if (attempt >= options.maxRetries) throw failure;
      const backoff = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** attempt) * (0.8 + Math.random() * 0.4);
      const wait = Math.min(options.retryMaxMs, Math.max(delay ?? 0, backoff));
      options.logger?.warn('job board request failed; retrying', { url, status: failure.status, attempt: attempt + 1, wait_ms: Math.round(wait) });
      await sleep(wait, undefined, { signal: requestOptions.signal });
    }
  }

  return {
    getJson: (url, requestOptions = {}) => request(url, 'application/json', requestOptions, (res) => res.json()),
    getText: (url, requestOptions = {}) =>
      request(url, 'text/html,application/xhtml+xml,*/*;q=0.8', requestOptions, (res) => res.text()) as Promise<string>,
    close: () => dispatcher.close(),
  };
}

/** The scraper's settings that shape its HTTP client. */
export type HttpClientSettings = Pick<
  ScraperEnv,
  | 'SCRAPE_USER_AGENT'
  | 'SCRAPE_REQUEST_TIMEOUT_MS'
  | 'SCRAPE_MAX_RETRIES'
  | 'SCRAPE_RETRY_BASE_MS'
  | 'SCRAPE_RETRY_MAX_MS'
  | 'SCRAPE_HOST_CONCURRENCY'
  | 'SCRAPE_HOST_INTERVAL_MS'
  | 'HTTPS_PROXY'
  | 'HTTP_PROXY'
  | 'NO_PROXY'
>;

/** The HTTP client from validated configuration: the worker and the CLI build it the same way. */
export function createHttpClientFromConfig(config: HttpClientSettings, logger: HttpClientOptions['logger']): HttpClient {
  return createHttpClient({
    userAgent: config.SCRAPE_USER_AGENT,
    timeoutMs: config.SCRAPE_REQUEST_TIMEOUT_MS,
    maxRetries: config.SCRAPE_MAX_RETRIES,
    retryBaseMs: config.SCRAPE_RETRY_BASE_MS,
    retryMaxMs: config.SCRAPE_RETRY_MAX_MS,
    hostConcurrency: config.SCRAPE_HOST_CONCURRENCY,
    hostIntervalMs: config.SCRAPE_HOST_INTERVAL_MS,
    proxy: { httpsProxy: config.HTTPS_PROXY, httpProxy: config.HTTP_PROXY, noProxy: config.NO_PROXY },
    logger,
  });
}
