import { setTimeout as sleep } from 'node:timers/promises';
import { backoffDelay, parseRetryAfter } from '@jobping/backoff';
import { checkUrlAddress, guardedLookup, PrivateAddressError, readCappedBody, type AddressPolicy } from '@jobping/outbound';
import PQueue from 'p-queue';
import { Agent, EnvHttpProxyAgent, fetch, type Dispatcher } from 'undici';
import type { Logger } from '@jobping/logger';

export interface ProxySettings {
  httpProxy?: string | undefined;
  httpsProxy?: string | undefined;
  noProxy?: string | undefined;
}

export interface HttpClientOptions {
  userAgent: string;
  /** Timeout of one request, body included (each retry gets its own). */
  timeoutMs: number;
  /** Largest response body read, after decompression; a larger one fails the request. */
  maxResponseBytes: number;
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
  /**
   * For URLs people paste (careers pages): refuse hosts that are or resolve to private,
   * loopback or link-local addresses, checked where each connection is made; `allowedHosts`
   * (`host:port`) are exempt (tests and local stand-ins only). No proxy is used then.
   */
  refusePrivateAddresses?: AddressPolicy;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface HttpClient {
  /** GET and parse JSON; throws UpstreamHttpError on a non-2xx answer after retries. */
  getJson(url: string, options?: RequestOptions): Promise<unknown>;
  getText(url: string, options?: RequestOptions): Promise<string>;
  /** POST a JSON body and parse the JSON answer (search endpoints such as Workday's); same rules as GET. */
  postJson(url: string, body: unknown, options?: RequestOptions): Promise<unknown>;
  close(): Promise<void>;
}

export class UpstreamHttpError extends Error {
  constructor(
    message: string,
    readonly url: string,
    readonly status: number | null,
  ) {
    super(message);
    this.name = 'UpstreamHttpError';
  }
}

/** Same-host redirects followed per request; a board that needs more is misconfigured. */
export const MAX_REDIRECTS = 5;

/** 408, 425, 429 and 5xx are worth another try; other 4xx are not. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 425 || status === 429 || (status >= 500 && status !== 501);
}

/**
 * Where a redirect from `from` to `location` leads, if the scraper may follow it: the same
 * host (name and port) as `origin` (the URL first requested), over http(s), never from https
 * down to http. A board answering with a redirect elsewhere (another host, a metadata
 * address, a file) fails instead: sources only ever read the host they were configured with.
 */
export function sameHostRedirect(from: URL, location: string, origin: URL = from): URL {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw new Error('redirected to an invalid URL');
  }
  if (to.protocol !== 'http:' && to.protocol !== 'https:') throw new Error(`redirected to ${to.protocol} URL, not http(s)`);
  if (to.host !== origin.host) throw new Error(`redirected to another host (${to.host}); only redirects within ${origin.host} are followed`);
  if (from.protocol === 'https:' && to.protocol === 'http:') throw new Error('redirected from https to http');
  return to;
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** One request as sent: GET, or POST with a JSON body (each retry sends it again). */
interface Call {
  method: 'GET' | 'POST';
  accept: string;
  body?: string;
}

/** What one attempt ends with when it does not throw: the body, or a failure worth a retry. */
type Attempt = { body: string } | { failure: UpstreamHttpError; retryAfterMs: number | undefined };

/** The body as UTF-8 text; past `limit` bytes the read stops and the page is refused. */
async function readCapped(res: Response, limit: number, url: string): Promise<string> {
  const { text, complete } = await readCappedBody(res, limit);
  if (!complete) throw new UpstreamHttpError(`GET ${url}: the answer is larger than ${limit} bytes (SCRAPE_MAX_RESPONSE_BYTES)`, url, res.status);
  return text;
}

/**
 * Per-host politeness (p-queue): at most `concurrency` attempts in flight and, with `strict`
 * (a sliding window of one start per interval), at least `intervalMs` between two starts.
 */
function hostQueue(concurrency: number, intervalMs: number): PQueue {
  return intervalMs > 0 ? new PQueue({ concurrency, intervalCap: 1, interval: intervalMs, strict: true }) : new PQueue({ concurrency });
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
 * honoured, a descriptive User-Agent, per-host concurrency and spacing, a timeout per request
 * that covers the body, a cap on the body's size, redirects followed only within the
 * requested host, and retries with the shared jittered back-off (@jobping/backoff; a longer
 * Retry-After wins) on 429, 5xx, timeouts and network errors, a failure halfway through the
 * body included. Refused redirects and oversized answers are final (no retry).
 *
 * Why not undici's RetryAgent: once the headers have gone to fetch it can only resume a body
 * with a Range request, which job boards answer in full, so it gives up where a fresh request
 * would succeed (test/http-retry.test.ts shows both).
 */
export function createHttpClient(options: HttpClientOptions): HttpClient {
  const proxy = options.proxy;
  const guard = options.refusePrivateAddresses;
  const dispatcher: Dispatcher = guard
    ? new Agent({ connections: options.hostConcurrency * 2, connect: { lookup: guardedLookup(guard) } })
    : proxy && (proxy.httpProxy || proxy.httpsProxy)
      ? new EnvHttpProxyAgent({ httpProxy: proxy.httpProxy, httpsProxy: proxy.httpsProxy, noProxy: proxy.noProxy ?? '' })
      : new Agent({ connections: options.hostConcurrency * 2 });
  const hosts = new Map<string, PQueue>();
  const queueFor = (host: string) => {
    let queue = hosts.get(host);
    if (!queue) {
      queue = hostQueue(options.hostConcurrency, options.hostIntervalMs);
      hosts.set(host, queue);
    }
    return queue;
  };

  /**
   * One attempt: the whole exchange (redirects within the host, headers, the capped body) under
   * one timeout. Resolves with the body, or with the failure to retry and the wait the server
   * asked for; throws what is final (a refused redirect, an oversized body, a non-retryable status).
   */
  async function attempt(url: string, origin: URL, call: Call, requestOptions: RequestOptions): Promise<Attempt> {
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const { accept } = call;
    let method = call.method;
    try {
      const signal = requestOptions.signal ? AbortSignal.any([requestOptions.signal, timeout]) : timeout;
      let target = origin;
      let res: Response;
      for (let hops = 0; ; hops += 1) {
        if (guard) checkUrlAddress(target, guard);
        const body = method === 'POST' ? call.body : undefined;
        res = (await fetch(target, {
          dispatcher,
          signal,
          method,
          // Followed below, only within the source's own host.
          redirect: 'manual',
          headers: { 'user-agent': options.userAgent, accept, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...requestOptions.headers },
          ...(body !== undefined ? { body } : {}),
        })) as unknown as Response;
        if (!REDIRECT_STATUSES.has(res.status)) break;
        await res.body?.cancel().catch(() => undefined);
        const location = res.headers.get('location');
        if (!location) throw new UpstreamHttpError(`${method} ${target.toString()} answered ${res.status} without a Location`, url, res.status);
        if (hops >= MAX_REDIRECTS) throw new UpstreamHttpError(`${method} ${url}: too many redirects (more than ${MAX_REDIRECTS})`, url, res.status);
        try {
          target = sameHostRedirect(target, location, origin);
        } catch (error) {
          throw new UpstreamHttpError(`${method} ${url} was ${(error as Error).message}`, url, res.status);
        }
        // 307/308 repeat the request as it was; the others continue with a GET (as browsers do).
        if (res.status !== 307 && res.status !== 308) method = 'GET';
      }
      if (res.ok) return { body: await readCapped(res, options.maxResponseBytes, url) };
      await res.body?.cancel().catch(() => undefined);
      const failure = new UpstreamHttpError(`${method} ${url} answered ${res.status}`, url, res.status);
      if (!isRetryableStatus(res.status)) throw failure;
      return { failure, retryAfterMs: parseRetryAfter(res.headers.get('retry-after')) };
    } catch (error) {
      if (error instanceof UpstreamHttpError && error.status !== null && !isRetryableStatus(error.status)) throw error;
      // A private address is final: asking again resolves to the same refusal.
      const refused = error instanceof PrivateAddressError ? error : (error as { cause?: unknown })?.cause;
      if (refused instanceof PrivateAddressError) throw new UpstreamHttpError(`${method} ${url} refused: ${refused.message}`, url, null);
      if (requestOptions.signal?.aborted) throw requestOptions.signal.reason ?? error;
      const failure =
        error instanceof UpstreamHttpError
          ? error
          : timeout.aborted
            ? new UpstreamHttpError(`${method} ${url} timed out after ${options.timeoutMs} ms (SCRAPE_REQUEST_TIMEOUT_MS)`, url, null)
            : new UpstreamHttpError(`${method} ${url} failed: ${describe(error)}`, url, null);
      return { failure, retryAfterMs: undefined };
    }
  }

  async function request(url: string, call: Call, requestOptions: RequestOptions): Promise<string> {
    const origin = new URL(url);
    const queue = queueFor(origin.host);
    const { signal } = requestOptions;
    try {
      for (let retry = 0; ; retry += 1) {
        signal?.throwIfAborted();
        // Each attempt (not the waits between them) takes a place in the host's queue.
        const outcome = await queue.add(() => attempt(url, origin, call, requestOptions), signal ? { signal } : {});
        if ('body' in outcome) return outcome.body;
        const { failure, retryAfterMs } = outcome;
        if (retry >= options.maxRetries) throw failure;
        // A longer Retry-After wins over the back-off; SCRAPE_RETRY_MAX_MS caps both.
        const backoff = backoffDelay(retry, { baseMs: options.retryBaseMs, maxMs: options.retryMaxMs });
        const wait = Math.min(options.retryMaxMs, Math.max(retryAfterMs ?? 0, backoff));
        options.logger?.warn('job board request failed; retrying', { url, status: failure.status, attempt: retry + 1, wait_ms: wait });
        await sleep(wait, undefined, { signal });
      }
    } catch (error) {
      // Aborted while waiting for the host or between attempts: the caller's reason, not the timer's.
      if (signal?.aborted) throw signal.reason ?? error;
      throw error;
    }
  }

  const json = (text: string, what: string, url: string) => {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new UpstreamHttpError(`${what} ${url}: the answer is not valid JSON`, url, 200);
    }
  };

  return {
    getJson: async (url, requestOptions = {}) => json(await request(url, { method: 'GET', accept: 'application/json' }, requestOptions), 'GET', url),
    getText: (url, requestOptions = {}) => request(url, { method: 'GET', accept: 'text/html,application/xhtml+xml,*/*;q=0.8' }, requestOptions),
    postJson: async (url, body, requestOptions = {}) =>
      json(await request(url, { method: 'POST', accept: 'application/json', body: JSON.stringify(body) }, requestOptions), 'POST', url),
    close: () => dispatcher.close(),
  };
}

/**
 * The settings that shape the HTTP client, named as the scraper's environment variables (its
 * validated config satisfies this type as it is; see apps/scraper/src/config.ts for their meaning).
 */
export interface HttpClientSettings {
  SCRAPE_USER_AGENT: string;
  SCRAPE_REQUEST_TIMEOUT_MS: number;
  SCRAPE_MAX_RESPONSE_BYTES: number;
  SCRAPE_MAX_RETRIES: number;
  SCRAPE_RETRY_BASE_MS: number;
  SCRAPE_RETRY_MAX_MS: number;
  SCRAPE_HOST_CONCURRENCY: number;
  SCRAPE_HOST_INTERVAL_MS: number;
  HTTPS_PROXY?: string | undefined;
  HTTP_PROXY?: string | undefined;
  NO_PROXY?: string | undefined;
}

/** The HTTP client from validated configuration: the worker and the CLI build it the same way. */
export function createHttpClientFromConfig(config: HttpClientSettings, logger: HttpClientOptions['logger']): HttpClient {
  return createHttpClient({
    userAgent: config.SCRAPE_USER_AGENT,
    timeoutMs: config.SCRAPE_REQUEST_TIMEOUT_MS,
    maxResponseBytes: config.SCRAPE_MAX_RESPONSE_BYTES,
    maxRetries: config.SCRAPE_MAX_RETRIES,
    retryBaseMs: config.SCRAPE_RETRY_BASE_MS,
    retryMaxMs: config.SCRAPE_RETRY_MAX_MS,
    hostConcurrency: config.SCRAPE_HOST_CONCURRENCY,
    hostIntervalMs: config.SCRAPE_HOST_INTERVAL_MS,
    proxy: { httpsProxy: config.HTTPS_PROXY, httpProxy: config.HTTP_PROXY, noProxy: config.NO_PROXY },
    logger,
  });
}
