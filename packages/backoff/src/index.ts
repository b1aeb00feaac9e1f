export { backoffDelay, type BackoffOptions } from './backoff-delay';
export { MAX_RETRY_AFTER_MS, parseRetryAfter, readRetryAfter, type HeaderSource } from './retry-after';
