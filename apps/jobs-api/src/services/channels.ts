import {
  ChannelSendError,
  ChannelUnavailableError,
  checkOutboundUrl,
  newWebhookSecret,
  verifyUnsubscribeToken,
  type ChannelSender,
  type ChannelTarget,
} from '@jobping/channels';
import { channelSettingsSchemas, clockTimeOf, minuteOfDay, parseStoredChannelSettings, type ChannelKind } from '@jobping/contracts';
import { Prisma, type NotificationChannel, type PrismaClient } from '@jobping/db';
import { checkWebhookUrl, redactWebhookUrl } from '@jobping/discord';
import { conflict, fieldIssues, HttpError, notFound, tooManyRequests, validationFailed } from '@jobping/http-kit';
import type { Redis } from '@jobping/redis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { ChannelView, CreateChannelBody, UpdateChannelBody } from '../channel-schemas';

export interface UserChannelsOptions {
  /** host:port allowed over http and on loopback (JOBPING_WEBHOOK_ALLOWED_HOSTS; tests). */
  allowedHosts: readonly string[];
  /** UNSUBSCRIBE_SECRET; empty: the one-click link is refused (and no e-mail is sent). */
  unsubscribeSecret: string;
  /** Channels one user may have. */
  maxChannels?: number;
  /** Shares the test-message limit between replicas. */
  redis: Redis;
  /** Test messages one user may send per hour: each is a request from here to a URL the user chose. */
  testsPerHour: number;
}

const mask = (secret: string) => `****${secret.slice(-4)}`;

/** What the API shows of stored settings: never a secret whole. */
function visibleSettings(kind: ChannelKind, stored: unknown, email: string): Record<string, string> {
  const parsed = channelSettingsSchemas[kind].safeParse(kind === 'webhook' ? { url: (stored as { url?: unknown })?.url } : stored);
  if (!parsed.success) return {};
  const s = parsed.data as Record<string, string>;
  switch (kind) {
    case 'discord':
      return { webhook_url: redactWebhookUrl(s.webhook_url as string) };
    case 'email':
      return { address: email };
    case 'telegram':
      return { chat_id: s.chat_id as string, bot_token: `${(s.bot_token as string).split(':')[0]}:${mask(s.bot_token as string)}` };
    case 'slack':
      return { webhook_url: (s.webhook_url as string).replace(/[^/]+$/, (last) => mask(last)) };
    case 'webhook':
      return { url: s.url as string };
  }
}

/** Quiet hours as stored (minutes of the day); undefined: unchanged, null: none. */
function quietHoursData(quiet: { start: string; end: string } | null | undefined) {
  if (quiet === undefined) return {};
  return quiet === null ? { quietStartMinute: null, quietEndMinute: null } : { quietStartMinute: minuteOfDay(quiet.start), quietEndMinute: minuteOfDay(quiet.end) };
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

function view(channel: NotificationChannel, email: string): ChannelView {
  return {
    id: channel.id,
    kind: channel.kind,
    label: channel.label,
    settings: visibleSettings(channel.kind, channel.settings, email),
    threshold_override: channel.thresholdOverride,
    mode: channel.mode,
    time_zone: channel.timeZone,
    digest_hour: channel.digestHour,
    digest_weekday: channel.digestWeekday,
    quiet_hours:
      channel.quietStartMinute === null || channel.quietEndMinute === null
        ? null
        : { start: clockTimeOf(channel.quietStartMinute), end: clockTimeOf(channel.quietEndMinute) },
    enabled: channel.enabled,
    disabled_reason: channel.disabledReason,
    disabled_at: iso(channel.disabledAt),
    consecutive_failures: channel.consecutiveFailures,
    last_error: channel.lastError,
    last_sent_at: iso(channel.lastSentAt),
    created_at: channel.createdAt.toISOString(),
    updated_at: channel.updatedAt.toISOString(),
  };
}

const invalidSetting = (field: string, message: string) => validationFailed([{ path: `body.settings.${field}`, message }]);

/**
 * The caller's notification channels. Every query is scoped to the token's user: another user's
 * channel id answers 404, exactly like one that does not exist.
 */
export class UserChannelsService {
  private readonly maxChannels: number;
  private readonly testLimiter: RateLimiterRedis;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly sender: Pick<ChannelSender, 'send' | 'unavailableReason'>,
    private readonly options: UserChannelsOptions,
  ) {
    this.maxChannels = options.maxChannels ?? 20;
    this.testLimiter = new RateLimiterRedis({ storeClient: options.redis, keyPrefix: 'channel-test:user', points: options.testsPerHour, duration: 3600 });
  }

  async list(userId: string): Promise<{ items: ChannelView[] }> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { email: true } });
    const channels = await this.prisma.notificationChannel.findMany({ where: { userId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
    return { items: channels.map((c) => view(c, user?.email ?? '')) };
  }

  async create(userId: string, body: CreateChannelBody): Promise<ChannelView & { secret: string | null }> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { email: true, emailVerifiedAt: true } });
    if (!user) throw notFound('No such user.');
    if (body.kind === 'email') {
      this.requireEmailSendable(user.emailVerifiedAt);
      if (await this.prisma.notificationChannel.count({ where: { userId, kind: 'email' } })) {
        throw conflict('email_channel_exists', 'You have an e-mail channel already.');
      }
    }
    const settings = this.checkedSettings(body.kind, body.settings);
    const secret = body.kind === 'webhook' ? newWebhookSecret() : null;
    const stored = secret ? { ...settings, secret } : settings;
    // The count and the insert in one serializable transaction: two requests cannot pass the cap together.
    const channel = await this.prisma.$transaction(
      async (tx) => {
        if ((await tx.notificationChannel.count({ where: { userId } })) >= this.maxChannels) {
          throw conflict('too_many_channels', `You can have at most ${this.maxChannels} channels.`);
        }
        return tx.notificationChannel.create({
          data: {
            userId,
            kind: body.kind,
            settings: stored as Prisma.InputJsonObject,
            label: body.label ?? null,
            thresholdOverride: body.threshold_override ?? null,
            mode: body.mode ?? 'instant',
            timeZone: body.time_zone ?? 'UTC',
            ...(body.digest_hour === undefined ? {} : { digestHour: body.digest_hour }),
            ...(body.digest_weekday === undefined ? {} : { digestWeekday: body.digest_weekday }),
            ...quietHoursData(body.quiet_hours),
          },
        });
      },
      { isolationLevel: Prisma.TransactionIsolationLevel.Serializable },
    );
    return { ...view(channel, user.email), secret };
  }

  async update(userId: string, id: string, body: UpdateChannelBody): Promise<ChannelView> {
    const channel = await this.prisma.notificationChannel.findFirst({ where: { id, userId }, include: { user: { select: { email: true, emailVerifiedAt: true } } } });
    if (!channel) throw notFound('No such channel.');
    const data: Prisma.NotificationChannelUpdateInput = {};
    if (body.label !== undefined) data.label = body.label;
    if (body.threshold_override !== undefined) data.thresholdOverride = body.threshold_override;
    if (body.mode !== undefined) data.mode = body.mode;
    if (body.time_zone !== undefined) data.timeZone = body.time_zone;
    if (body.digest_hour !== undefined) data.digestHour = body.digest_hour;
    if (body.digest_weekday !== undefined) data.digestWeekday = body.digest_weekday;
    Object.assign(data, quietHoursData(body.quiet_hours));
    if (body.settings !== undefined) {
      const parsed = channelSettingsSchemas[channel.kind].safeParse(body.settings);
      if (!parsed.success) throw validationFailed(fieldIssues('body', parsed.error).map((issue) => ({ ...issue, path: issue.path.replace(/^body/, 'body.settings') })));
      const settings = this.checkedSettings(channel.kind, parsed.data);
      const secret = channel.kind === 'webhook' ? (channel.settings as { secret?: string }).secret : undefined;
      data.settings = (secret ? { ...settings, secret } : settings) as Prisma.InputJsonObject;
    }
    // New settings or turning it back on starts the failure count afresh.
    if (body.enabled === true || (body.settings !== undefined && channel.enabled)) {
      if (channel.kind === 'email' && body.enabled === true) this.requireEmailSendable(channel.user.emailVerifiedAt);
      Object.assign(data, { consecutiveFailures: 0, lastError: null });
    }
    if (body.enabled === true) Object.assign(data, { enabled: true, disabledReason: null, disabledAt: null });
    if (body.enabled === false && channel.enabled) Object.assign(data, { enabled: false, disabledReason: 'turned off by you', disabledAt: new Date() });
    const updated = await this.prisma.notificationChannel.update({ where: { id: channel.id }, data });
    return view(updated, channel.user.email);
  }

  async remove(userId: string, id: string): Promise<void> {
    const { count } = await this.prisma.notificationChannel.deleteMany({ where: { id, userId } });
    if (count === 0) throw notFound('No such channel.');
  }

  /** Sends the test message now, with the delivery rules; the result does not count toward disabling. */
  async test(userId: string, id: string): Promise<{ delivered: boolean; attempts: number | null; error: string | null }> {
    const channel = await this.prisma.notificationChannel.findFirst({ where: { id, userId }, include: { user: { select: { email: true, emailVerifiedAt: true } } } });
    if (!channel) throw notFound('No such channel.');
    try {
      await this.testLimiter.consume(userId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw tooManyRequests(error.msBeforeNext / 1000, `At most ${this.options.testsPerHour} test messages per hour; try again later.`);
    }
    const target: ChannelTarget = { channelId: channel.id, kind: channel.kind, settings: parseStoredChannelSettings(channel.kind, channel.settings) };
    if (channel.kind === 'email') {
      this.requireEmailSendable(channel.user.emailVerifiedAt);
      target.email = channel.user.email;
    }
    try {
      const sent = await this.sender.send(target, { type: 'test' });
      return { delivered: true, attempts: sent.attempts, error: null };
    } catch (error) {
      if (error instanceof ChannelSendError || error instanceof ChannelUnavailableError) return { delivered: false, attempts: null, error: error.message };
      throw error;
    }
  }

  /** The one-click unsubscribe (RFC 8058): the signed token names one channel, which is turned off. */
  async unsubscribe(token: string): Promise<{ unsubscribed: true }> {
    const channelId = this.options.unsubscribeSecret ? verifyUnsubscribeToken(this.options.unsubscribeSecret, token) : undefined;
    if (!channelId) throw new HttpError(400, 'invalid_token', 'This unsubscribe link is not valid.');
    const { count } = await this.prisma.notificationChannel.updateMany({
      where: { id: channelId, enabled: true },
      data: { enabled: false, disabledReason: 'unsubscribed with the one-click link of an e-mail', disabledAt: new Date() },
    });
    if (count === 0 && !(await this.prisma.notificationChannel.count({ where: { id: channelId } }))) throw notFound('This channel no longer exists.');
    return { unsubscribed: true };
  }

  private requireEmailSendable(verifiedAt: Date | null): void {
    if (!verifiedAt) {
      throw conflict('email_unverified', 'Your e-mail address is not verified yet. E-mail goes only to a verified address: verify it, then add the e-mail channel.');
    }
    const unavailable = this.sender.unavailableReason('email');
    if (unavailable) throw conflict('channel_unavailable', `E-mail cannot be sent from this server: ${unavailable}.`);
  }

  /** The URL rules of each kind (SSRF allow-lists), on the way in; the senders check again on the way out. */
  private checkedSettings(kind: ChannelKind, settings: Record<string, unknown>): Record<string, unknown> {
    const policy = { allowedHosts: this.options.allowedHosts };
    try {
      if (kind === 'discord') {
        const check = checkWebhookUrl(settings.webhook_url as string, { extraAllowedHosts: this.options.allowedHosts });
        if (!check.ok) throw invalidSetting('webhook_url', `not a Discord webhook URL: ${check.reason}`);
        return { webhook_url: check.url };
      }
      if (kind === 'slack') checkOutboundUrl(settings.webhook_url as string, policy, 'hooks.slack.com');
      if (kind === 'webhook') checkOutboundUrl(settings.url as string, policy);
    } catch (error) {
      if (error instanceof ChannelSendError) throw invalidSetting(kind === 'webhook' ? 'url' : 'webhook_url', error.message);
      throw error;
    }
    return settings;
  }
}
