import { Prisma, companyKeys, type PrismaClient, type User } from '@jobping/db';
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
import { normalizeKeyword, seniorityLevels, type SeniorityLevel } from '@jobping/contracts';
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
  /** Mails the verification link after registering, and the owner's notice on a registration of a taken address. */
  links?: Pick<AccountLinks, 'sendVerification' | 'notifySignupAttempt'>;
  now?: () => Date;
}

export interface Session extends IssuedTokens {
  user: UserView;
}

export type LoginOutcome = 'success' | 'failure' | 'throttled';

const invalidCredentials = () => new HttpError(401, 'invalid_credentials', 'The e-mail or password is wrong.');
const accountGone = () => unauthorized('The account no longer exists.', 'account_not_found');

/** The public view of a user: never the password hash, never the full webhook token. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    email: user.email,
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
    discord: {
      status: !user.discordWebhook ? 'not_set' : user.discordWebhookBrokenAt ? 'broken' : 'ok',
      webhook_url: user.discordWebhook ? redactWebhookUrl(user.discordWebhook) : null,
      broken_at: user.discordWebhookBrokenAt?.toISOString() ?? null,
      error: user.discordWebhookError,
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
    const user = await this.deps.prisma.user.findUnique({ where: { id } });
    if (!user) throw accountGone();
    return user;
  }

  async register(email: string, password: string, ip: string | undefined, userAgent: string | undefined): Promise<Session> {
    const problem = passwordProblem(password, email);
    if (problem) throw validationFailed([{ path: 'body.password', message: `Password ${problem}.` }]);
    // Before the existence check: a 409 costs the client and the address what a registration does.
    await this.deps.throttle.consumeRegistration(email, ip);
    const passwordHash = await this.deps.passwords.hash(password);
    let user: User;
    try {
      // Always a plain user, listed in ADMIN_EMAILS or not: registering proves no ownership of the address.
      user = await this.deps.prisma.user.create({ data: { email, passwordHash } });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
        this.deps.links?.notifySignupAttempt(email);
        throw conflict('email_taken', 'An account with this e-mail address exists already.');
      }
      throw error;
    }
    this.deps.logger.info('account registered', { user_id: user.id });
    await this.deps.links?.sendVerification(user.id);
    return { user: toUserView(user), ...(await this.deps.tokens.startSession(user, userAgent)) };
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
    let user = await this.deps.prisma.user.findUnique({ where: { email } });
    const ok = await this.deps.passwords.verify(user?.passwordHash, password);
    if (!user || !ok) {
      onOutcome?.('failure');
      throw invalidCredentials();
    }
    await attempt.succeeded();
    const updates: Prisma.UserUpdateInput = {};
    // ADMIN_EMAILS only grants (to verified addresses); it never takes an operator's promotion away.
    if (user.role !== 'admin' && adminByConfig(user, this.deps.adminEmails)) updates.role = 'admin';
    if (this.deps.passwords.needsRehash(user.passwordHash)) updates.passwordHash = await this.deps.passwords.hash(password);
    if (Object.keys(updates).length > 0) user = await this.deps.prisma.user.update({ where: { id: user.id }, data: updates });
    onOutcome?.('success');
    return { user: toUserView(user), ...(await this.deps.tokens.startSession(user, userAgent)) };
  }

  async refresh(refreshToken: string, userAgent: string | undefined): Promise<Session> {
    let found: User | undefined;
    const { tokens } = await this.deps.tokens.rotate(refreshToken, userAgent, async (userId) => {
      const user = await this.deps.prisma.user.findUnique({ where: { id: userId } });
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
      return toUserView(await this.deps.prisma.user.update({ where: { id: userId }, data }));
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

  /** Saves (or with null removes) the webhook; a new URL clears the broken state. */
  async setDiscordWebhook(userId: string, webhookUrl: string | null): Promise<UserView> {
    let url: string | null = null;
    if (webhookUrl !== null) {
      const check = checkWebhookUrl(webhookUrl, { extraAllowedHosts: this.deps.webhookAllowedHosts });
      if (!check.ok) throw validationFailed([{ path: 'body.webhook_url', message: `Not a Discord webhook URL: ${check.reason}.` }]);
      url = check.url;
    }
    return this.update(userId, { discordWebhook: url, discordWebhookBrokenAt: null, discordWebhookError: null });
  }

  /** Posts a test message to the saved webhook; a webhook Discord says is gone is marked broken. */
  async sendDiscordTest(userId: string): Promise<{ delivered: true; message_id: string | null }> {
    const user = await this.userById(userId);
    if (!user.discordWebhook) throw conflict('webhook_not_set', 'Save a Discord webhook URL first.');
    await this.deps.throttle.consumeWebhookTest(userId);
    try {
      const result = await this.deps.discord.send(user.discordWebhook, {
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
        // Only if the user has not saved another URL meanwhile.
        await this.deps.prisma.user.updateMany({
          where: { id: userId, discordWebhook: user.discordWebhook },
          data: { discordWebhookBrokenAt: this.now(), discordWebhookError: error.message.slice(0, 500) },
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
