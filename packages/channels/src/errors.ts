/**
 * Why a send failed, as the delivery rules need it:
 * - `permanent`: retrying will not help (4xx, a 5xx SMTP reply, a revoked bot, a deleted
 *   webhook); three in a row disable the channel;
 * - `rate_limited`: 429; wait `retryAfterMs`, then try again;
 * - `retryable`: 5xx, a timeout or no connection; retry with backoff.
 */
export type ChannelFailure = 'permanent' | 'rate_limited' | 'retryable';

export class ChannelSendError extends Error {
  readonly failure: ChannelFailure;
  /** HTTP status or SMTP reply code, when the receiver answered. */
  readonly status: number | undefined;
  /** For `rate_limited`: how long the receiver asked us to wait. */
  readonly retryAfterMs: number | undefined;

  constructor(message: string, options: { failure: ChannelFailure; status?: number; retryAfterMs?: number; cause?: unknown }) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ChannelSendError';
    this.failure = options.failure;
    this.status = options.status;
    this.retryAfterMs = options.retryAfterMs;
  }

  get retryable(): boolean {
    return this.failure !== 'permanent';
  }
}

/** The channel's settings name a target we may not call (SSRF rules) or are unusable: permanent. */
export const refusedTarget = (reason: string) => new ChannelSendError(`target refused: ${reason}`, { failure: 'permanent' });
