import OpenAI from 'openai';
import type { UpstreamFailure } from '../errors';

export interface Failure {
  kind: UpstreamFailure;
  retryable: boolean;
  status?: number;
  /** What the server asked for (`retry-after-ms` or `retry-after`), when it did. */
  retryAfterMs: number | null;
  message: string;
}

export interface BackoffOptions {
  initialMs: number;
  maxMs: number;
  /** A `retry-after` longer than this is not waited for: the call fails as retryable. */
  maxRetryAfterMs: number;
}

/** `retry-after-ms` (milliseconds), else `retry-after` (seconds or an HTTP date), like the SDK. */
export function retryAfterMs(headers: Headers | undefined): number | null {
  const millis = headers?.get('retry-after-ms');
  if (millis) {
    const value = Number.parseFloat(millis);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const after = headers?.get('retry-after');
  if (after) {
    const seconds = Number.parseFloat(after);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(after);
    if (Number.isFinite(date)) return Math.max(0, date - Date.now());
  }
  return null;
}

/** Sorts an SDK error into what the retry loop and the caller need to know. */
export function classifyFailure(error: unknown, deadlinePassed = false): Failure {
  if (error instanceof OpenAI.APIConnectionTimeoutError || (deadlinePassed && error instanceof OpenAI.APIUserAbortError)) {
    return { kind: 'timeout', retryable: true, retryAfterMs: null, message: 'the request timed out' };
  }
  if (error instanceof OpenAI.APIUserAbortError) {
    return { kind: 'network', retryable: false, retryAfterMs: null, message: 'the request was aborted' };
  }
  if (error instanceof OpenAI.APIConnectionError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    return { kind: 'network', retryable: true, retryAfterMs: null, message: `connection error${cause}`.slice(0, 300) };
  }
  if (error instanceof OpenAI.APIError && typeof error.status === 'number') {
    const status = error.status;
    const after = retryAfterMs(error.headers);
    const message = `HTTP ${status}: ${error.message}`.slice(0, 300);
    if (status === 429) return { kind: 'rate_limited', retryable: true, status, retryAfterMs: after, message };
    if (status === 408 || status === 409 || status >= 500) return { kind: 'server_error', retryable: true, status, retryAfterMs: after, message };
    return { kind: 'client_error', retryable: false, status, retryAfterMs: null, message };
  }
  // A 2xx whose body is not the JSON the SDK expects (a proxy's HTML page, a cut-off body).
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'bad_response', retryable: true, retryAfterMs: null, message: `unreadable response: ${message}`.slice(0, 300) };
}

/** The server's `retry-after` when given, else exponential back-off with jitter; null: too long. */
export function retryDelayMs(failure: Failure, attempt: number, options: BackoffOptions): number | null {
  if (failure.retryAfterMs !== null) return failure.retryAfterMs > options.maxRetryAfterMs ? null : failure.retryAfterMs;
  const exponential = Math.min(options.maxMs, options.initialMs * 2 ** attempt);
  return Math.round(exponential * (0.75 + Math.random() * 0.25));
}
