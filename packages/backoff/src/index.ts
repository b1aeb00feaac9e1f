export { backoffDelay, type BackoffOptions } from './backoff-delay';
export { readCappedBody, type CappedBody } from './capped-body';
export { MAX_RETRY_AFTER_MS, parseRetryAfter, readRetryAfter, type HeaderSource } from './retry-after';
