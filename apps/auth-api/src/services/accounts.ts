import { randomUUID } from 'node:crypto';
import { Prisma, companyKeys, type PrismaClient } from '@jobping/db';
import {
  BrokenWebhookError,
  DiscordRateLimitError,
  DiscordUnavailableError,
  checkWebhookUrl,
  redactWebhookUrl,
  type DiscordWebhookClient,
} from '@jobping/discord';
import { HttpError, conflict, tooManyRequests, unauthorized, validationFailed } from '@jobping/http-kit';
import type { Logger } from '@jobping/logger';
import type { z } from 'zod';
import { discordChannelSettingsSchema, normalizeKeyword, seniorityLevels, type SeniorityLevel } from '@jobping/contracts';
import { SNOOZE_MAX_DAYS, type filtersBodySchema, type UserView } from '../schemas';
import type { LoginAttempt, Throttle } from './throttle';
import { passwordProblem, type PasswordHasher } from './passwords';
import type { AccountLinks } from './account-links';
import { adminByConfig } from './roles';
import type { IssuedTokens, TokenService } from './tokens';

export interface AccountServiceDeps {
  prisma: PrismaClient;
  passwords: PasswordHasher;
  tokens: TokenService;
  throttle: Throttle;
  discord: DiscordWebhookClient;
  logger: Logger;
  /** Lower-cased; grants the admin role to verified accounts only (see roles.ts). */
  adminEmails: readonly string[];
  webhookAllowedHosts: readonly string[];
  /** How long a provisional account (registered with a taken address) lives (PROVISIONAL_ACCOUNT_TTL_DAYS). */
  provisionalTtlDays: number;
  /** Mails the verification link after registering, and the owner's notice on a registration of a taken address. */
  links?: Pick<AccountLinks, 'sendVerification' | 'notifySignupAttempt'>;
  now?: () => Date;
}

export interface Session extends IssuedTokens {
  user: UserView;
}

export type LoginOutcome = 'success' | 'failure' | 'throttled';

/** As jobs-api's channel service allows (its maxChannels). */
const MAX_CHANNELS_PER_USER = 20;

const invalidCredentials = () => new HttpError(401, 'invalid_credentials', 'The e-mail or password is wrong.');
const accountGone = () => unauthorized('The account no longer exists.', 'account_not_found');

/**
 * The stored address of a provisional account: unique, and unroutable (`.invalid` is reserved,
 * RFC 2606), so no mail can go there and no login, reset or ADMIN_EMAILS entry matches it.
 */
export function provisionalEmail(): string {
  return `${randomUUID()}@provisional.invalid`;
}

/**
 * A user with their first Discord channel (oldest first): the account webhook that
 * PUT /api/users/me/discord writes and `discord` of the user view shows (docs/notifications.md).
 */
export const withAccountDiscord = {
  channels: { where: { kind: 'discord' }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }], take: 1 },
} satisfies Prisma.UserInclude;
export type User = Prisma.UserGetPayload<{ include: typeof withAccountDiscord }>;

/** The account webhook's URL, or null when the stored settings do not parse (then shown as not set). */
function webhookUrlOf(settings: unknown): string | null {
  const parsed = discordChannelSettingsSchema.safeParse(settings);
  return parsed.success ? parsed.data.webhook_url : null;
}

/** The public view of a user: never the password hash, never the full webhook token. */
export function toUserView(user: User): UserView {
  const discord = user.channels[0];
  const webhookUrl = discord ? webhookUrlOf(discord.settings) : null;
  const off = discord !== undefined && !discord.enabled;
  return {
    id: user.id,
    // A provisional account shows the address typed at sign-up, as a new account would.
    email: user.signupEmail ?? user.email,
    email_verified: user.emailVerifiedAt !== null,
    role: user.role,
    prompt: user.aiPrompt,
    prompt_updated_at: user.aiPromptUpdatedAt?.toISOString() ?? null,
    threshold: user.notifyThreshold,
    filters: {
      remote_only: user.remoteOnly,
      locations: user.locations,
      min_salary: user.minSalary,
      excluded_companies: user.excludedCompanies,
      seniority_min: (user.seniorityMin as SeniorityLevel | null) ?? null,
      seniority_max: (user.seniorityMax as SeniorityLevel | null) ?? null,
      work_arrangements: user.workArrangements as ('remote' | 'hybrid' | 'onsite')[],
      remote_regions: user.remoteRegions,
      keep_unstated_salary: user.keepUnstatedSalary,
      needs_visa_sponsorship: user.needsVisaSponsorship,
      keep_unknown_sponsorship: user.keepUnknownSponsorship,
      employment_types: user.employmentTypes as UserView['filters']['employment_types'],
      languages: user.languages,
      excluded_keywords: user.excludedKeywords,
    },
    snoozed_until: user.snoozedUntil?.toISOString() ?? null,
    // A Discord channel that is off (repeated permanent failures, the test finding the webhook
    // gone, or the user on the Channels page) is what this view always called broken.
    discord: {
      status: !webhookUrl ? 'not_set' : off ? 'broken' : 'ok',
      webhook_url: webhookUrl ? redactWebhookUrl(webhookUrl) : null,
      broken_at: off ? (discord.disabledAt?.toISOString() ?? null) : null,
      error: off ? (discord.lastError ?? discord.disabledReason) : null,
    },
    created_at: user.createdAt.toISOString(),
    updated_at: user.updatedAt.toISOString(),
  };
}

/** Case-insensitive de-duplication that keeps the first spelling. */
function uniqueCaseInsensitive(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((value) => {
    const key = value.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function unique<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/** Accounts, sessions and settings. Every method acts on the user id from the verified token only. */
export class AccountService {
  private readonly now: () => Date;

  constructor(private readonly deps: AccountServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  private async userById(id: string): Promise<User> {
    const user = await this.deps.prisma.user.findUnique({ where: { id }, include: withAccountDiscord });
    if (!user) throw accountGone();
    return user;
  }

  /**
   * The same answer whether or not the address has an account (docs/product.md, "Registering a
   * taken address"): a new address gets its account; a taken one gets a provisional account (no
   * address of its own, see provisionalEmail) and its owner a "someone tried to sign up" mail.
   * Both branches hash the password, write one user row and start a session, and mail in the
   * background, so neither the answer nor its time tells them apart.
   */
  async register(email: string, password: string, ip: string | undefined, userAgent: string | undefined): Promise<Session> {
    const problem = passwordProblem(password, email);
    if (problem) throw validationFailed([{ path: 'body.password', message: `Password ${problem}.` }]);
    // Before the existence check: a taken address costs the client and the address what a registration does.
    await this.deps.throttle.consumeRegistration(email, ip);
    const passwordHash = await this.deps.passwords.hash(password);
    let user: User;
    try {
      // Always a plain user, listed in ADMIN_EMAILS or not: registering proves no ownership of the address.
      user = await this.deps.prisma.user.create({ data: { email, passwordHash }, include: withAccountDiscord });
      this.deps.logger.info('account registered', { user_id: user.id });
      void this.deps.links?.sendVerification(user.id).catch((error: unknown) => this.deps.logger.warn('the verification mail failed', { user_id: user.id, error: (error as Error).message }));
    } catch (error) {
      if (!(error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002')) throw error;
      user = await this.deps.prisma.user.create({ data: { email: provisionalEmail(), signupEmail: email, passwordHash }, include: withAccountDiscord });
      this.deps.logger.info('provisional account registered for a taken address', { user_id: user.id });
      this.deps.links?.notifySignupAttempt(email);
      // In the background like the other branch's mail: the answer must not take longer here.
      void this.purgeProvisional().catch((error: unknown) => this.deps.logger.warn('purging provisional accounts failed', { error: (error as Error).message }));
    }
    return { user: toUserView(user), ...(await this.deps.tokens.startSession(user, userAgent)) };
  }

  /** Provisional accounts older than PROVISIONAL_ACCOUNT_TTL_DAYS go (with their sessions, matches and channels). */
  private async purgeProvisional(): Promise<void> {
    const before = new Date(this.now().getTime() - this.deps.provisionalTtlDays * 86_400_000);
    const { count } = await this.deps.prisma.user.deleteMany({ where: { signupEmail: { not: null }, createdAt: { lt: before } } });
    if (count > 0) this.deps.logger.info('purged provisional accounts', { count });
  }

  /**
   * Same answer, and a password verification either way, for an unknown e-mail and a wrong
   * password. The guess is counted before the password is checked (see Throttle).
   */
  async login(email: string, password: string, ip: string | undefined, userAgent: string | undefined, onOutcome?: (o: LoginOutcome) => void): Promise<Session> {
    let attempt: LoginAttempt;
    try {
      attempt = await this.deps.throttle.beginLogin(email, ip);
    } catch (error) {
      onOutcome?.('throttled');
      throw error;
    }
    let user = await this.deps.prisma.user.findUnique({ where: { email }, include: withAccountDiscord });
    let ok = await this.deps.passwords.verify(user?.passwordHash, password);
    if (!ok) {
      // A provisional account made by registering this (taken) address logs in with its own
      // password, as an account of a new address would. Every failed login pays this second
      // verification (against no hash when there is none), so its time says nothing.
      const provisional = await this.deps.prisma.user.findFirst({ where: { signupEmail: email }, orderBy: { createdAt: 'desc' }, include: withAccountDiscord });
      ok = await this.deps.passwords.verify(provisional?.passwordHash, password);
      user = ok ? provisional : null;
    }
    if (!user || !ok) {
      onOutcome?.('failure');
      throw invalidCredentials();
    }
    await attempt.succeeded();
    const updates: Prisma.UserUpdateInput = {};
    // ADMIN_EMAILS only grants (to verified addresses); it never takes an operator's promotion away.
    if (user.role !== 'admin' && adminByConfig(user, this.deps.adminEmails)) updates.role = 'admin';
    if (this.deps.passwords.needsRehash(user.passwordHash)) updates.passwordHash = await this.deps.passwords.hash(password);
    if (Object.keys(updates).length > 0) user = await this.deps.prisma.user.update({ where: { id: user.id }, data: updates, include: withAccountDiscord });
    onOutcome?.('success');
    return { user: toUserView(user), ...(await this.deps.tokens.startSession(user, userAgent)) };
  }

  async refresh(refreshToken: string, userAgent: string | undefined): Promise<Session> {
    let found: User | undefined;
    const { tokens } = await this.deps.tokens.rotate(refreshToken, userAgent, async (userId) => {
      const user = await this.deps.prisma.user.findUnique({ where: { id: userId }, include: withAccountDiscord });
      if (!user) return undefined;
      found = user;
      return user.role; // the stored role: an operator's promote or demote shows at the next refresh
    });
    return { user: toUserView(found as User), ...tokens };
  }

  /**
   * Ends the session the refresh token belongs to (and with `allSessions` every session of its
   * account). Needs no access token: the refresh cookie is the proof, so logging out works
   * after the access token expired. Unknown or missing tokens end nothing.
   */
  async logout(refreshToken: string | undefined, allSessions: boolean): Promise<void> {
    if (!refreshToken) return;
    const userId = await this.deps.tokens.revokeSessionOf(refreshToken);
    if (userId && allSessions) await this.deps.tokens.revokeAllOf(userId);
    if (userId) this.deps.logger.info('logged out', { user_id: userId, all_sessions: allSessions });
  }

  async me(userId: string): Promise<UserView> {
    return toUserView(await this.userById(userId));
  }

  private async update(userId: string, data: Prisma.UserUpdateInput): Promise<UserView> {
    try {
      return toUserView(await this.deps.prisma.user.update({ where: { id: userId }, data, include: withAccountDiscord }));
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2025') throw accountGone();
      throw error;
    }
  }

  async setPrompt(userId: string, prompt: string | null): Promise<UserView> {
    return this.update(userId, { aiPrompt: prompt, aiPromptUpdatedAt: prompt === null ? null : this.now() });
  }

  /** Snoozes every alert until `until` (ISO time, future, at most SNOOZE_MAX_DAYS ahead), or ends the snooze with null. */
  async setSnooze(userId: string, until: string | null): Promise<UserView> {
    if (until === null) return this.update(userId, { snoozedUntil: null });
    const at = new Date(until);
    const now = this.now().getTime();
    if (at.getTime() <= now || at.getTime() > now + SNOOZE_MAX_DAYS * 86_400_000) {
      throw validationFailed([{ path: 'body.until', message: `Must be in the future and at most ${SNOOZE_MAX_DAYS} days ahead.` }]);
    }
    return this.update(userId, { snoozedUntil: at });
  }

  async setThreshold(userId: string, threshold: number): Promise<UserView> {
    return this.update(userId, { notifyThreshold: threshold });
  }

  /** Saves the filters and the must-haves the body carries (one left out keeps its saved value). */
  async setFilters(userId: string, filters: z.output<typeof filtersBodySchema>): Promise<UserView> {
    const excludedCompanies = uniqueCaseInsensitive(filters.excluded_companies);
    const data: Prisma.UserUpdateInput = {
      remoteOnly: filters.remote_only,
      locations: uniqueCaseInsensitive(filters.locations),
      minSalary: filters.min_salary,
      excludedCompanies,
      // Keyed as the company rows are (companyKey): fan-out compares keys, never names.
      excludedCompanyKeys: companyKeys(excludedCompanies),
      seniorityMin: filters.seniority_min,
      seniorityMax: filters.seniority_max,
      workArrangements: filters.work_arrangements && [...new Set(filters.work_arrangements)],
      // Stored as the words fan-out compares (normalizeKeyword): a region or keyword is shown as saved.
      remoteRegions: filters.remote_regions && unique(filters.remote_regions.map(normalizeKeyword)),
      keepUnstatedSalary: filters.keep_unstated_salary,
      needsVisaSponsorship: filters.needs_visa_sponsorship,
      keepUnknownSponsorship: filters.keep_unknown_sponsorship,
      employmentTypes: filters.employment_types && unique(filters.employment_types),
      languages: filters.languages && unique(filters.languages),
      excludedKeywords: filters.excluded_keywords && unique(filters.excluded_keywords.map(normalizeKeyword)),
    };
    if (filters.seniority_min === undefined || filters.seniority_max === undefined) {
      // One bound sent: the range it makes with the saved other bound must still be a range.
      const saved = await this.userById(userId);
      const min = filters.seniority_min === undefined ? saved.seniorityMin : filters.seniority_min;
      const max = filters.seniority_max === undefined ? saved.seniorityMax : filters.seniority_max;
      if (min && max && seniorityLevels.indexOf(min as SeniorityLevel) > seniorityLevels.indexOf(max as SeniorityLevel)) {
        throw validationFailed([{ path: 'body.seniority_max', message: 'must not be below seniority_min' }]);
      }
    }
    return this.update(userId, data);
  }

  /**
   * Saves (or with null removes) the account webhook: the user's first Discord channel, created
   * when there is none. A new URL turns the channel back on and clears its failures.
   */
  async setDiscordWebhook(userId: string, webhookUrl: string | null): Promise<UserView> {
    let url: string | null = null;
    if (webhookUrl !== null) {
      const check = checkWebhookUrl(webhookUrl, { extraAllowedHosts: this.deps.webhookAllowedHosts });
      if (!check.ok) throw validationFailed([{ path: 'body.webhook_url', message: `Not a Discord webhook URL: ${check.reason}.` }]);
      url = check.url;
    }
    const user = await this.userById(userId);
    const first = user.channels[0];
    const { prisma } = this.deps;
    if (url === null) {
      if (first) await prisma.notificationChannel.deleteMany({ where: { id: first.id, userId } });
    } else if (first) {
      await prisma.notificationChannel.updateMany({
        where: { id: first.id, userId },
        data: { settings: { webhook_url: url }, enabled: true, disabledReason: null, disabledAt: null, consecutiveFailures: 0, lastError: null },
      });
    } else {
      if ((await prisma.notificationChannel.count({ where: { userId } })) >= MAX_CHANNELS_PER_USER) {
        throw conflict('too_many_channels', `You have ${MAX_CHANNELS_PER_USER} channels, the most there can be; remove one on the Channels page first.`);
      }
      await prisma.notificationChannel.create({ data: { userId, kind: 'discord', label: 'Discord', settings: { webhook_url: url } } });
    }
    return this.me(userId);
  }

  /** Posts a test message to the account webhook; a webhook Discord says is gone turns its channel off. */
  async sendDiscordTest(userId: string): Promise<{ delivered: true; message_id: string | null }> {
    const channel = (await this.userById(userId)).channels[0];
    const webhookUrl = channel ? webhookUrlOf(channel.settings) : null;
    if (!channel || !webhookUrl) throw conflict('webhook_not_set', 'Save a Discord webhook URL first.');
    await this.deps.throttle.consumeWebhookTest(userId);
    try {
      const result = await this.deps.discord.send(webhookUrl, {
        username: 'JobPing',
        embeds: [
          {
            title: 'JobPing is connected',
            description: 'This is a test message. Matching jobs will be posted to this channel.',
            color: 0x5865f2,
            timestamp: this.now(),
            footer: 'JobPing',
          },
        ],
      });
      return { delivered: true, message_id: result.messageId ?? null };
    } catch (error) {
      if (error instanceof BrokenWebhookError) {
        // Only if the user has not saved another URL meanwhile (a save changes updated_at).
        const message = error.message.slice(0, 500);
        await this.deps.prisma.notificationChannel.updateMany({
          where: { id: channel.id, updatedAt: channel.updatedAt },
          data: { enabled: false, disabledAt: this.now(), disabledReason: `Discord no longer accepts this webhook: ${message}`.slice(0, 500), lastError: message },
        });
        throw conflict('webhook_broken', `Discord did not accept the webhook (${error.message}); save a new webhook URL.`);
      }
      if (error instanceof DiscordRateLimitError) throw tooManyRequests(error.retryAfterMs / 1000, 'Discord asks us to slow down; try again later.');
      if (error instanceof DiscordUnavailableError) {
        throw new HttpError(502, 'discord_unavailable', 'Discord could not be reached; try again later.');
      }
      throw new HttpError(502, 'discord_refused', 'Discord refused the test message.');
    }
  }

  /**
   * Removes the account; refresh tokens, matches and notifications go with it (ON DELETE
   * CASCADE), and in the same transaction its decision log (match_decisions has no foreign key,
   * which would cost fan-out a lock per row it writes).
   */
  async deleteAccount(userId: string): Promise<void> {
    const [, deleted] = await this.deps.prisma.$transaction([
      this.deps.prisma.matchDecision.deleteMany({ where: { userId } }),
      this.deps.prisma.user.deleteMany({ where: { id: userId } }),
    ]);
    if (deleted.count === 0) throw accountGone();
    this.deps.logger.info('account deleted', { user_id: userId });
  }
}
