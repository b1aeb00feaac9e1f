import { parseRetryAfter } from '@jobping/backoff';
import { readCappedBody } from '@jobping/outbound';
import type { Logger } from '@jobping/logger';
import { z } from 'zod';
import { buildMessage, type MessageInput } from './embed';
import {
  BrokenWebhookError,
  DiscordRateLimitError,
  DiscordRequestError,
  DiscordUnavailableError,
  InvalidWebhookUrlError,
} from './errors';
import { DISCORD_ERROR_CODES } from './limits';
import { checkWebhookUrl, redactWebhookUrl, type WebhookUrlPolicy } from './webhook-url';

export interface DiscordClientOptions {
  /** Per request, including reading the answer (default 10 s). */
  timeoutMs?: number;
  /** Attempts when Discord answers 429, which is safe to repeat: nothing was posted (default 3). */
  maxAttempts?: number;
  /** Longest rate-limit wait done inside one `send`; longer waits throw DiscordRateLimitError (default 10 s). */
  maxWaitMs?: number;
  /** Extra allowed hosts (tests); Discord's own hosts are always allowed. */
  policy?: WebhookUrlPolicy;
  userAgent?: string;
  logger?: Logger;
  /** Replaceable clock and sleep (tests of long waits). */
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export interface SendResult {
  /** The posted message's id (we post with `?wait=true`), when Discord returned one. */
  messageId: string | undefined;
  attempts: number;
}

const errorBodySchema = z.object({
  code: z.number().optional(),
  message: z.string().optional(),
  retry_after: z.number().nonnegative().optional(),
  global: z.boolean().optional(),
});
const messageBodySchema = z.object({ id: z.string() });

/** Discord's answers are small JSON; anything longer is read only this far. */
const MAX_RESPONSE_BYTES = 64 * 1024;

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * Posts messages to Discord webhooks with Node's fetch. Follows Discord's rate-limit headers
 * per webhook and a 429's `retry_after`; reports a deleted webhook as BrokenWebhookError,
 * 5xx/network/timeout as DiscordUnavailableError (retryable); never follows redirects.
 */
export class DiscordWebhookClient {
  private readonly timeoutMs: number;
  private readonly maxAttempts: number;
  private readonly maxWaitMs: number;
  private readonly policy: WebhookUrlPolicy;
  private readonly userAgent: string;
  private readonly logger: Logger | undefined;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** Per webhook id: do not call before this time (X-RateLimit-Remaining hit 0, or a 429). */
  private readonly resumeAt = new Map<string, number>();
  private globalResumeAt = 0;

  constructor(options: DiscordClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? 3);
    this.maxWaitMs = options.maxWaitMs ?? 10_000;
    this.policy = options.policy ?? {};
    this.userAgent = options.userAgent ?? 'JobPing (https://github.com/jobping/jobping, 0.1)';
    this.logger = options.logger;
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Posts one message. Throws a DiscordWebhookError subclass on failure; see `retryable`. */
  async send(webhookUrl: string, message: MessageInput): Promise<SendResult> {
    const check = checkWebhookUrl(webhookUrl, this.policy);
    if (!check.ok) throw new InvalidWebhookUrlError(check.reason);
    const target = new URL(check.url);
    target.searchParams.set('wait', 'true');
    const body = JSON.stringify(buildMessage(message));
    const where = redactWebhookUrl(check.url);

    for (let attempt = 1; ; attempt += 1) {
      await this.waitForRateLimit(check.webhookId);
      let response: Response;
      let text: string;
      const signal = AbortSignal.timeout(this.timeoutMs);
      try {
        response = await fetch(target, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'User-Agent': this.userAgent },
          body,
          redirect: 'manual',
          signal,
        });
        text = (await readCappedBody(response, MAX_RESPONSE_BYTES)).text;
      } catch (error) {
        const timedOut = signal.aborted;
        throw new DiscordUnavailableError(timedOut ? `Discord did not answer within ${this.timeoutMs} ms` : 'could not reach Discord', {
          cause: error,
        });
      }
      this.rememberBucket(check.webhookId, response.headers);

      if (response.status >= 200 && response.status < 300) {
        const parsed = messageBodySchema.safeParse(parseJson(text));
        return { messageId: parsed.success ? parsed.data.id : undefined, attempts: attempt };
      }

      const error = errorBodySchema.safeParse(parseJson(text));
      const details = error.success ? error.data : {};

      if (response.status === 429) {
        // The body's retry_after (seconds) first; the headers when a proxy answered instead.
        const now = this.now();
        const retryAfterMs =
          (details.retry_after === undefined ? undefined : Math.ceil(details.retry_after * 1000)) ??
          parseRetryAfter(response.headers.get('retry-after'), now) ??
          parseRetryAfter(response.headers.get('x-ratelimit-reset-after'), now) ??
          1_000;
        const global = details.global === true || response.headers.get('x-ratelimit-global') === 'true';
        const until = now + retryAfterMs;
        if (global) this.globalResumeAt = Math.max(this.globalResumeAt, until);
        else this.resumeAt.set(check.webhookId, Math.max(this.resumeAt.get(check.webhookId) ?? 0, until));
        this.logger?.warn('discord rate limited', { webhook: where, retry_after_ms: retryAfterMs, global, attempt });
        if (attempt >= this.maxAttempts || retryAfterMs > this.maxWaitMs) throw new DiscordRateLimitError(retryAfterMs, global);
        continue;
      }
      const code = details.code;
      if (
        response.status === 404 ||
        response.status === 401 ||
        code === DISCORD_ERROR_CODES.unknownWebhook ||
        code === DISCORD_ERROR_CODES.invalidWebhookToken
      ) {
        throw new BrokenWebhookError(
          code === DISCORD_ERROR_CODES.invalidWebhookToken ? 'Discord says the webhook token is invalid' : 'Discord says the webhook does not exist',
          { status: response.status, ...(code === undefined ? {} : { discordCode: code }) },
        );
      }
      if (response.status >= 300 && response.status < 400) {
        throw new DiscordRequestError(`Discord answered a redirect (${response.status}), which is not followed`, { status: response.status });
      }
      if (response.status >= 500) {
        throw new DiscordUnavailableError(`Discord answered ${response.status}`, { status: response.status });
      }
      const reason = details.message ? `: ${details.message.slice(0, 200)}` : '';
      throw new DiscordRequestError(`Discord refused the message (${response.status})${reason}`, {
        status: response.status,
        ...(code === undefined ? {} : { discordCode: code }),
      });
    }
  }

  private async waitForRateLimit(webhookId: string): Promise<void> {
    const until = Math.max(this.globalResumeAt, this.resumeAt.get(webhookId) ?? 0);
    const wait = until - this.now();
    if (wait <= 0) return;
    if (wait > this.maxWaitMs) throw new DiscordRateLimitError(wait, this.globalResumeAt >= until);
    await this.sleep(wait);
  }

  /** X-RateLimit-Remaining 0 means: the next call to this webhook waits X-RateLimit-Reset-After. */
  private rememberBucket(webhookId: string, headers: Headers): void {
    if (this.resumeAt.size > 10_000) {
      const now = this.now();
      for (const [id, until] of this.resumeAt) if (until <= now) this.resumeAt.delete(id);
    }
    const remaining = headers.get('x-ratelimit-remaining');
    // Seconds with a fraction, like Retry-After's delay-seconds.
    const resetAfterMs = parseRetryAfter(headers.get('x-ratelimit-reset-after'), this.now());
    if (remaining === '0' && resetAfterMs !== undefined) {
      this.resumeAt.set(webhookId, this.now() + resetAfterMs);
    }
  }
}
