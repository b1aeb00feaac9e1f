import { backoffDelay, readRetryAfter, type BackoffOptions } from '@jobping/backoff';
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

/** The shared back-off, plus how long a server's `retry-after` may ask us to wait. */
export interface RetryPolicy extends BackoffOptions {
  /** A `retry-after` longer than this is not waited for: the call fails as retryable. */
  maxRetryAfterMs: number;
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
    const after = readRetryAfter(error.headers) ?? null;
    const message = `HTTP ${status}: ${error.message}`.slice(0, 300);
    if (status === 429) return { kind: 'rate_limited', retryable: true, status, retryAfterMs: after, message };
    if (status === 408 || status === 409 || status >= 500) return { kind: 'server_error', retryable: true, status, retryAfterMs: after, message };
    return { kind: 'client_error', retryable: false, status, retryAfterMs: null, message };
  }
  // A 2xx whose body is not the JSON the SDK expects (a proxy's HTML page, a cut-off body).
  const message = error instanceof Error ? error.message : String(error);
  return { kind: 'bad_response', retryable: true, retryAfterMs: null, message: `unreadable response: ${message}`.slice(0, 300) };
}

/** The server's `retry-after` when given, else the shared jittered back-off; null: too long. */
export function retryDelayMs(failure: Failure, attempt: number, policy: RetryPolicy): number | null {
  if (failure.retryAfterMs !== null) return failure.retryAfterMs > policy.maxRetryAfterMs ? null : failure.retryAfterMs;
  return backoffDelay(attempt, policy);
}
