import { createHash } from 'node:crypto';
import type { Redis } from '@jobping/redis';
import { tooManyRequests } from '@jobping/http-kit';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';

export interface ThrottleOptions {
  redis: Redis;
  maxFailuresPerEmail: number;
  maxFailuresPerIp: number;
  windowSeconds: number;
  registrationsPerIpPerHour: number;
}

/** E-mail addresses are hashed before they become Redis keys: no personal data in Redis. */
const emailKey = (email: string) => createHash('sha256').update(email).digest('hex');

async function consume(limiter: RateLimiterRedis, key: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (!(error instanceof RateLimiterRes)) throw error; // Redis failures surface; limit hits are expected
  }
}

/**
 * Throttles shared by every replica through Redis (rate-limiter-flexible). Failed logins:
 * after N failures for one e-mail, or M from one IP, within the window, logins answer 429
 * with Retry-After until the window ends; a successful login clears the e-mail's count.
 * Also: registrations per IP, Discord test messages per user.
 */
export class Throttle {
  private readonly byEmail: RateLimiterRedis;
  private readonly byIp: RateLimiterRedis;
  private readonly registrations: RateLimiterRedis;
  private readonly webhookTests: RateLimiterRedis;

  constructor(private readonly options: ThrottleOptions) {
    const common = { storeClient: options.redis, duration: options.windowSeconds };
    this.byEmail = new RateLimiterRedis({ ...common, keyPrefix: 'login-fail:email', points: options.maxFailuresPerEmail });
    this.byIp = new RateLimiterRedis({ ...common, keyPrefix: 'login-fail:ip', points: options.maxFailuresPerIp });
    this.registrations = new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: 'register:ip',
      points: options.registrationsPerIpPerHour,
      duration: 3600,
    });
    this.webhookTests = new RateLimiterRedis({ storeClient: options.redis, keyPrefix: 'webhook-test:user', points: 5, duration: 60 });
  }

  /** Throws 429 when this e-mail or this IP has used up its failures. */
  async assertLoginAllowed(email: string, ip: string): Promise<void> {
    const [byEmail, byIp] = await Promise.all([this.byEmail.get(emailKey(email)), this.byIp.get(ip)]);
    const blocked = [
      byEmail && byEmail.consumedPoints >= this.options.maxFailuresPerEmail ? byEmail.msBeforeNext : 0,
      byIp && byIp.consumedPoints >= this.options.maxFailuresPerIp ? byIp.msBeforeNext : 0,
    ];
    const waitMs = Math.max(...blocked);
    if (waitMs > 0) throw tooManyRequests(waitMs / 1000, 'Too many failed logins; try again later.');
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    await Promise.all([consume(this.byEmail, emailKey(email)), consume(this.byIp, ip)]);
  }

  async recordSuccess(email: string): Promise<void> {
    await this.byEmail.delete(emailKey(email));
  }

  /** Counts one registration from `ip`; 429 once the hourly budget is spent. */
  async consumeRegistration(ip: string): Promise<void> {
    try {
      await this.registrations.consume(ip);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyRequests(error.msBeforeNext / 1000, 'Too many accounts created from here; try again later.');
      throw error;
    }
  }

  /** At most 5 test messages per user and minute: we must not become a way to spam Discord. */
  async consumeWebhookTest(userId: string): Promise<void> {
    try {
      await this.webhookTests.consume(userId);
    } catch (error) {
      if (error instanceof RateLimiterRes) throw tooManyRequests(error.msBeforeNext / 1000, 'Too many test messages; try again in a minute.');
      throw error;
    }
  }
}
