import { fields } from '@jobping/config';
import { allowedHostsSchema, DiscordWebhookClient, type WebhookUrlPolicy } from '@jobping/discord';
import type { Logger } from '@jobping/logger';
import { createTransport } from 'nodemailer';
import { z } from 'zod';
import { DiscordChannel } from './kinds/discord';
import { EmailChannel } from './kinds/email';
import { SlackChannel } from './kinds/slack';
import { TelegramChannel } from './kinds/telegram';
import { WebhookChannel } from './kinds/webhook';
import { ChannelSender, type ChannelSet } from './sender';

/**
 * The settings of the channels, read by every app that sends (the notifier, and jobs-api for
 * "send test message"). JOBPING_WEBHOOK_ALLOWED_HOSTS (the Discord client's) also lets tests use
 * http on loopback for Slack and generic webhooks.
 */
export const smtpEnvFields = {
  SMTP_HOST: z.string().default('').describe('SMTP server of the e-mail channel; empty (default): e-mail channels cannot be added or sent'),
  SMTP_PORT: fields.port(587).describe('SMTP port (default 587; 465 with SMTP_TLS=implicit)'),
  SMTP_TLS: z
    .enum(['starttls', 'implicit', 'none'])
    .default('starttls')
    .describe('SMTP encryption: starttls (default: STARTTLS is required), implicit (TLS from the first byte, port 465), none (local mail catchers only)'),
  SMTP_USER: z.string().default('').describe('SMTP user name; empty (default): no authentication'),
  SMTP_PASSWORD: z.string().default('').describe('SMTP password, with SMTP_USER'),
  MAIL_FROM: z.string().min(3).default('JobPing <alerts@jobping.local>').describe('From header of the e-mails (default JobPing <alerts@jobping.local>)'),
  CHANNEL_TIMEOUT_MS: fields.positiveInt(10_000, 'timeout of one request to a channel (SMTP, Telegram, Slack, webhook), in ms'),
};
export type SmtpEnv = z.output<z.ZodObject<typeof smtpEnvFields>>;

/** SMTP over nodemailer with the SMTP_* settings; the notifier's e-mail channel and auth-api's account mails share it. */
export function createSmtpTransport(config: SmtpEnv) {
  return createTransport({
    host: config.SMTP_HOST,
    port: config.SMTP_PORT,
    secure: config.SMTP_TLS === 'implicit',
    requireTLS: config.SMTP_TLS === 'starttls',
    ignoreTLS: config.SMTP_TLS === 'none',
    ...(config.SMTP_USER ? { auth: { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } } : {}),
    connectionTimeout: config.CHANNEL_TIMEOUT_MS,
    greetingTimeout: config.CHANNEL_TIMEOUT_MS,
    socketTimeout: config.CHANNEL_TIMEOUT_MS,
  });
}

export const channelEnvFields = {
  JOBPING_WEBHOOK_ALLOWED_HOSTS: allowedHostsSchema,
  ...smtpEnvFields,
  PUBLIC_WEB_URL: z
    .url()
    .default('http://localhost:3000')
    .describe('the address users open, under which links in messages point (one-click unsubscribe); default http://localhost:3000'),
  UNSUBSCRIBE_SECRET: z
    .string()
    .default('')
    .refine((value) => value === '' || Buffer.byteLength(value, 'utf8') >= 32, { error: 'shorter than 32 bytes' })
    .describe('a random secret of at least 32 bytes that signs one-click unsubscribe links; the notifier and jobs-api must share it; e-mail channels need it'),
  TELEGRAM_API_BASE: z.url().default('https://api.telegram.org').describe("the Telegram Bot API's address (default https://api.telegram.org; a stand-in in tests)"),
  CHANNEL_MAX_ATTEMPTS: fields.positiveInt(3, 'attempts of one channel send, counting the first (429 waits and 5xx/timeout retries)'),
  CHANNEL_MAX_RATE_LIMIT_WAIT_MS: fields.positiveInt(10_000, 'longest 429 retry_after or backoff waited inside one channel send; longer ones retry the message later, in ms'),
  CHANNEL_RETRY_BASE_MS: fields.positiveInt(500, 'first backoff delay after a 5xx or timeout of a channel, doubled per retry, in ms'),
  CHANNEL_RETRY_MAX_MS: fields.positiveInt(5_000, 'longest backoff delay between channel retries, in ms'),
};

/** The channel settings alone, e.g. for tests: `channelEnvSchema.parse({ SMTP_HOST: … })`. */
export const channelEnvSchema = z.object(channelEnvFields);
export type ChannelEnv = z.output<typeof channelEnvSchema>;

/** Whether this deployment can send e-mail: an SMTP server and the unsubscribe-link secret. */
export function emailUnavailableReason(config: Pick<ChannelEnv, 'SMTP_HOST' | 'UNSUBSCRIBE_SECRET'>): string | undefined {
  if (!config.SMTP_HOST) return 'e-mail is not configured on this server (SMTP_HOST)';
  if (!config.UNSUBSCRIBE_SECRET) return 'e-mail needs UNSUBSCRIBE_SECRET for its one-click unsubscribe links';
  return undefined;
}

/** Every channel the configuration allows, behind the shared delivery rules. */
export function createChannelSender(config: ChannelEnv, options: { logger?: Logger; discord?: DiscordWebhookClient } = {}): ChannelSender {
  const policy: WebhookUrlPolicy = { extraAllowedHosts: config.JOBPING_WEBHOOK_ALLOWED_HOSTS };
  const outbound = { allowedHosts: config.JOBPING_WEBHOOK_ALLOWED_HOSTS, timeoutMs: config.CHANNEL_TIMEOUT_MS };
  const discord =
    options.discord ??
    new DiscordWebhookClient({ policy, timeoutMs: config.CHANNEL_TIMEOUT_MS, maxWaitMs: config.CHANNEL_MAX_RATE_LIMIT_WAIT_MS, ...(options.logger ? { logger: options.logger } : {}) });
  const channels: ChannelSet = {
    discord: new DiscordChannel(discord),
    telegram: new TelegramChannel({ baseUrl: config.TELEGRAM_API_BASE, timeoutMs: config.CHANNEL_TIMEOUT_MS }),
    slack: new SlackChannel(outbound),
    webhook: new WebhookChannel(outbound),
  };
  const emailReason = emailUnavailableReason(config);
  if (!emailReason) {
    const transport = createSmtpTransport(config);
    channels.email = new EmailChannel(transport, { from: config.MAIL_FROM, publicUrl: config.PUBLIC_WEB_URL, unsubscribeSecret: config.UNSUBSCRIBE_SECRET });
  }
  return new ChannelSender(
    channels,
    {
      maxAttempts: config.CHANNEL_MAX_ATTEMPTS,
      maxRateLimitWaitMs: config.CHANNEL_MAX_RATE_LIMIT_WAIT_MS,
      backoff: { baseMs: config.CHANNEL_RETRY_BASE_MS, maxMs: config.CHANNEL_RETRY_MAX_MS },
    },
    { ...(options.logger ? { logger: options.logger } : {}), ...(emailReason ? { unavailable: { email: emailReason } } : {}) },
  );
}
