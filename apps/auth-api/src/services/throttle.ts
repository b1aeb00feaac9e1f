import { createHash } from 'node:crypto';
import type { Redis } from '@jobping/redis';
import { tooManyRequests } from '@jobping/http-kit';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { clientKey } from './client-key';

export interface LoginLimits {
  /** Failures for one e-mail from one client (IPv4 address or IPv6 /64) per window. */
  perAccountAndClient: number;
  /** Failures from one client, any e-mail, per window. */
  perClient: number;
  windowSeconds: number;
  /** Failures for one e-mail from all clients together per (short) account window. */
  perAccount: number;
  accountWindowSeconds: number;
}

export interface ThrottleOptions {
  redis: Redis;
  login: LoginLimits;
  registrationsPerClientPerHour: number;
  registrationsPerEmailPerHour: number;
}

/** What a login that got past the limits reports once the password has been checked. */
export interface LoginAttempt {
  /** The right password: its account+client count starts again, and the guess costs no budget. */
  succeeded(): Promise<void>;
}

/** E-mail addresses are hashed before they become Redis keys: no personal data in Redis. */
const emailKey = (email: string) => createHash('sha256').update(email).digest('hex');

const tooManyLogins = (res: RateLimiterRes) => tooManyRequests(res.msBeforeNext / 1000, 'Too many failed logins; try again later.');
const tooManyRegistrations = (res: RateLimiterRes) => tooManyRequests(res.msBeforeNext / 1000, 'Too many registrations from here or for this address; try again later.');

type Budget = readonly [RateLimiterRedis, string];

/**
 * Throttles shared by every replica through Redis (rate-limiter-flexible). Each budget is
 * taken with one atomic `consume` (an INCRBY in a Lua script) *before* the password hash is
 * checked, so a burst of parallel requests cannot all pass a read-then-count check: at most
 * the limit's worth reach the password check, the rest answer 429 with Retry-After.
 *
 * Logins take three budgets, in this order: the client's (password spraying across
 * accounts), the account+client pair's (guessing one account from one place; this is the one
 * that blocks for the long window), and the account's ceiling over all clients, whose window
 * is short: a stranger can make everyone wait that long at most, never lock the owner out for
 * 15 minutes, and the owner's own client, not having failed, keeps its pair budget. A request
 * turned away made no guess, so the budgets it took are given back; a success deletes its
 * pair's count and gives back the rest, so only failures count.
 *
 * Registrations take the client's budget, then the address's, before the account is looked
 * at: a 409 (address taken) costs exactly what a registration costs.
 */
export class Throttle {
  private readonly loginPerClient: RateLimiterRedis;
  private readonly loginPerAccountAndClient: RateLimiterRedis;
  private readonly loginPerAccount: RateLimiterRedis;
  private readonly registrationsPerClient: RateLimiterRedis;
  private readonly registrationsPerEmail: RateLimiterRedis;
  private readonly webhookTests: RateLimiterRedis;

  constructor(options: ThrottleOptions) {
    const { redis: storeClient, login } = options;
    const limiter = (keyPrefix: string, points: number, duration: number) => new RateLimiterRedis({ storeClient, keyPrefix, points, duration });
    this.loginPerClient = limiter('login-fail:client', login.perClient, login.windowSeconds);
    this.loginPerAccountAndClient = limiter('login-fail:account-client', login.perAccountAndClient, login.windowSeconds);
    this.loginPerAccount = limiter('login-fail:account', login.perAccount, login.accountWindowSeconds);
    this.registrationsPerClient = limiter('register:client', options.registrationsPerClientPerHour, 3600);
    this.registrationsPerEmail = limiter('register:email', options.registrationsPerEmailPerHour, 3600);
    this.webhookTests = limiter('webhook-test:user', 5, 60);
  }

  /**
   * Takes one password guess for `email` from `ip` out of every login budget, or throws 429
   * (having given back what it took). A failed guess needs no report: it stays counted.
   */
  async beginLogin(email: string, ip: string | undefined): Promise<LoginAttempt> {
    const client = clientKey(ip);
    const account = emailKey(email);
    const pair: Budget = [this.loginPerAccountAndClient, `${account}:${client}`];
    const perClient: Budget = [this.loginPerClient, client];
    const perAccount: Budget = [this.loginPerAccount, account];
    await takeAll([perClient, pair, perAccount], tooManyLogins);
    return {
      succeeded: async () => {
        await Promise.all([pair[0].delete(pair[1]), giveBack(perClient), giveBack(perAccount)]);
      },
    };
  }

  /** Counts one registration attempt from `ip` for `email`; 429 once either hourly budget is spent. */
  async consumeRegistration(email: string, ip: string | undefined): Promise<void> {
    // In order, kept when a later one refuses: probing a throttled address still costs the client.
    for (const [limiter, key] of [[this.registrationsPerClient, clientKey(ip)], [this.registrationsPerEmail, emailKey(email)]] as const) {
      try {
        await limiter.consume(key);
      } catch (error) {
        if (error instanceof RateLimiterRes) throw tooManyRegistrations(error);
        throw error;
      }
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

/**
 * Consumes one point of each budget in order. When one refuses, every point this call took
 * (the refusing budget's too) is given back and `refused` is thrown; Redis errors surface.
 */
async function takeAll(budgets: readonly Budget[], refused: (res: RateLimiterRes) => Error): Promise<void> {
  const taken: Budget[] = [];
  for (const budget of budgets) {
    try {
      await budget[0].consume(budget[1]);
      taken.push(budget);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) {
        await Promise.allSettled(taken.map(giveBack));
        throw error;
      }
      await Promise.all([...taken, budget].map(giveBack));
      throw refused(error);
    }
  }
}

/**
 * One point back. Only within the budget's current window: a point given back after its
 * window ended would start the next window below zero.
 */
async function giveBack([limiter, key]: Budget): Promise<void> {
  const current = await limiter.get(key);
  if (current && current.consumedPoints > 0) await limiter.reward(key);
}
