import { backoffDelay, type BackoffOptions } from '@jobping/backoff';
import type { ChannelKind } from '@jobping/contracts';
import type { Logger } from '@jobping/logger';
import type { Channel, ChannelTarget, SendReceipt } from './channel';
import { ChannelSendError } from './errors';
import type { Notice } from './notice';

export interface DeliveryRules {
  /** Attempts per send, counting the first (429 waits and backoff retries both use one). */
  maxAttempts: number;
  /** The longest 429 wait done inside one send; longer waits fail as `rate_limited` for the caller to retry later. */
  maxRateLimitWaitMs: number;
  /** Backoff of 5xx and timeouts (@jobping/backoff). */
  backoff: BackoffOptions;
}

export type ChannelSet = { [K in ChannelKind]?: Channel<K> };

/** A kind this deployment cannot send (e-mail without SMTP_HOST): neither a success nor the channel's fault. */
export class ChannelUnavailableError extends Error {
  constructor(readonly kind: ChannelKind, reason: string) {
    super(reason);
    this.name = 'ChannelUnavailableError';
  }
}

/**
 * Sends a notice on a channel with the rules every channel shares: a 429 waits the receiver's
 * retry_after (up to `maxRateLimitWaitMs`) and tries again; 5xx and timeouts retry with
 * backoff; a permanent failure or the last attempt's failure is thrown as a ChannelSendError.
 */
export class ChannelSender {
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    private readonly channels: ChannelSet,
    private readonly rules: DeliveryRules,
    private readonly options: { logger?: Logger; sleep?: (ms: number) => Promise<void>; unavailable?: Partial<Record<ChannelKind, string>> } = {},
  ) {
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Why this deployment cannot send on `kind`, or undefined when it can. */
  unavailableReason(kind: ChannelKind): string | undefined {
    if (this.channels[kind]) return undefined;
    return this.options.unavailable?.[kind] ?? `${kind} channels are not configured on this server`;
  }

  async send<K extends ChannelKind>(target: ChannelTarget<K>, notice: Notice): Promise<SendReceipt & { attempts: number }> {
    const channel = this.channels[target.kind] as Channel<K> | undefined;
    if (!channel) throw new ChannelUnavailableError(target.kind, this.unavailableReason(target.kind) as string);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return { ...(await channel.send(target, notice)), attempts: attempt };
      } catch (error) {
        if (!(error instanceof ChannelSendError) || error.failure === 'permanent' || attempt >= this.rules.maxAttempts) throw error;
        const wait = error.failure === 'rate_limited' ? (error.retryAfterMs ?? 1_000) : backoffDelay(attempt - 1, this.rules.backoff);
        if (wait > this.rules.maxRateLimitWaitMs) throw error;
        this.options.logger?.warn('channel send failed; trying again', { kind: target.kind, channel_id: target.channelId, failure: error.failure, wait_ms: wait, attempt });
        await this.sleep(wait);
      }
    }
  }
}
