import type { Registry } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AiRateLimitedError } from './errors';
import { silentLogger, sleep, type AiLogger } from './logging';
import { aiMetrics, type AiMetrics } from './metrics';

export interface SharedRateLimitOptions {
  /** Every replica that uses the same Redis, key prefix and `scope` shares the budget. */
  redis: Redis;
  /** Before the limiter's keys (the workers pass STREAM_KEY_PREFIX): another stack on the same Redis has its own budget. */
  keyPrefix?: string;
  /** What the budget belongs to, e.g. the model: OpenAI's limits are per model. */
  scope: string;
  requestsPerWindow: number;
  tokensPerWindow: number;
  /** 60 for "per minute"; tests use shorter windows. Whole seconds. */
  windowSeconds?: number;
  /** A call that would wait longer than this fails with a retryable `AiRateLimitedError`. */
  maxWaitMs: number;
  registry?: Registry;
  logger?: AiLogger;
}

/** Granted by `acquire`; `settle` corrects the token estimate once the real usage is known. */
export interface RateLimitPermit {
  settle(actualTokens: number): Promise<void>;
}

/**
 * Requests and tokens per window, counted in Redis (rate-limiter-flexible's fixed windows,
 * one atomic Lua increment per call) so all replicas share one budget. A call takes one
 * request and its estimated tokens up front and waits, up to `maxWaitMs`, for the next window
 * when the budget is spent. An upstream 429 can pause every replica (`pause`).
 */
export class SharedRateLimiter {
  private readonly requests: RateLimiterRedis;
  private readonly tokens: RateLimiterRedis;
  private readonly logger: AiLogger;
  private readonly metrics: AiMetrics | null;

  constructor(private readonly options: SharedRateLimitOptions) {
    const duration = Math.max(1, Math.round(options.windowSeconds ?? 60));
    const common = { storeClient: options.redis, duration };
    this.requests = new RateLimiterRedis({ ...common, keyPrefix: `${options.keyPrefix ?? ''}ai:ratelimit:requests`, points: options.requestsPerWindow });
    this.tokens = new RateLimiterRedis({ ...common, keyPrefix: `${options.keyPrefix ?? ''}ai:ratelimit:tokens`, points: options.tokensPerWindow });
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.registry ? aiMetrics(options.registry) : null;
  }

  async acquire(estimatedTokens: number): Promise<RateLimitPermit> {
    const { scope, maxWaitMs } = this.options;
    // A request larger than the whole budget takes all of it rather than waiting forever.
    const tokens = Math.max(1, Math.min(Math.ceil(estimatedTokens), this.options.tokensPerWindow));
    const started = Date.now();
    for (;;) {
      const waitRequests = await this.take(this.requests, scope, 1);
      let wait = waitRequests;
      let limit: 'requests' | 'tokens' = 'requests';
      if (waitRequests === 0) {
        const waitTokens = await this.take(this.tokens, scope, tokens);
        if (waitTokens === 0) break;
        await this.requests.reward(scope, 1);
        wait = waitTokens;
        limit = 'tokens';
      }
      const waited = Date.now() - started;
      if (waited + wait > maxWaitMs) {
        this.metrics?.rateLimitWait.observe({ limit }, waited / 1000);
        throw new AiRateLimitedError(limit, wait);
      }
      this.logger.info('Waiting for the shared LLM rate limit', { limit, scope, wait_ms: wait });
      // A little jitter so replicas that waited together do not all retry in the same millisecond.
      // Not @jobping/backoff's rule: the wait is known (the window reopens then), so spread only upwards.
      await sleep(wait + Math.floor(Math.random() * 50));
    }
    const waited = Date.now() - started;
    if (waited > 0) this.metrics?.rateLimitWait.observe({ limit: 'requests' }, waited / 1000);
    let settled = false;
    return {
      settle: async (actualTokens: number) => {
        if (settled) return;
        settled = true;
        const difference = Math.round(actualTokens) - tokens;
        if (difference > 0) await this.tokens.penalty(scope, difference);
        else if (difference < 0) await this.tokens.reward(scope, -difference);
      },
    };
  }

  /** After an upstream 429 with retry-after: no replica sends a request for `ms`. */
  async pause(ms: number): Promise<void> {
    const seconds = Math.ceil(ms / 1000);
    // rate-limiter-flexible blocks in whole seconds; a block of 0 would never expire.
    if (seconds >= 1) await this.requests.block(this.options.scope, seconds);
  }

  /** 0 when `points` were taken, else how long to wait for the next window (nothing taken). */
  private async take(limiter: RateLimiterRedis, key: string, points: number): Promise<number> {
    try {
      await limiter.consume(key, points);
      return 0;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      // The rejected attempt was counted too: give it back so the counter shows real use.
      await limiter.reward(key, points);
      return Math.max(1, rejection.msBeforeNext);
    }
  }
}
