import {
  channelKindSchema,
  channelModes,
  channelModeSchema,
  channelThresholdSchema,
  digestHourSchema,
  digestWeekdaySchema,
  quietHoursSchema,
  discordChannelSettingsSchema,
  emailChannelSettingsSchema,
  slackChannelSettingsSchema,
  telegramChannelSettingsSchema,
  timeZoneSchema,
  webhookChannelSettingsSchema,
} from '@jobping/contracts';
import { z } from 'zod';

/** Bodies of /api/users/me/channels and the one-click unsubscribe (docs/notifications.md). */

const timestamp = z.iso.datetime();

const common = {
  label: z.string().trim().min(1).max(80).nullable().optional().describe('your name for the channel'),
  threshold_override: channelThresholdSchema
    .nullable()
    .optional()
    .describe("minimum score for this channel, 0–100; null: your notify threshold. The matcher publishes at your notify threshold, so a lower override has no effect yet"),
  mode: channelModeSchema.optional(),
  time_zone: timeZoneSchema.optional().describe('IANA time zone for digests and quiet hours (default UTC)'),
  digest_hour: digestHourSchema.optional().describe('local hour of the daily or weekly digest, 0–23 (default 8)'),
  digest_weekday: digestWeekdaySchema.optional().describe('weekday of the weekly digest, 1 Monday … 7 Sunday (default 1)'),
  quiet_hours: quietHoursSchema.nullable().optional().describe('null: none'),
};

export const createChannelBodySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('discord'), settings: discordChannelSettingsSchema, ...common }),
  z.strictObject({ kind: z.literal('email'), settings: emailChannelSettingsSchema.default({}), ...common }).describe('to your account address, which must be verified'),
  z.strictObject({ kind: z.literal('telegram'), settings: telegramChannelSettingsSchema, ...common }),
  z.strictObject({ kind: z.literal('slack'), settings: slackChannelSettingsSchema, ...common }),
  z.strictObject({ kind: z.literal('webhook'), settings: webhookChannelSettingsSchema, ...common }).describe('the answer carries the signing secret, this once'),
]);
export type CreateChannelBody = z.output<typeof createChannelBodySchema>;

export const updateChannelBodySchema = z
  .strictObject({
    ...common,
    enabled: z.boolean().optional().describe('true turns the channel back on and clears its failure count'),
    settings: z
      .union([discordChannelSettingsSchema, telegramChannelSettingsSchema, slackChannelSettingsSchema, webhookChannelSettingsSchema, emailChannelSettingsSchema])
      .optional()
      .describe("new settings, checked against the channel's kind (the webhook keeps its secret)"),
  })
  .refine((body) => Object.keys(body).length > 0, { error: 'nothing to change' });
export type UpdateChannelBody = z.output<typeof updateChannelBodySchema>;

export const channelSchema = z.object({
  id: z.uuid(),
  kind: channelKindSchema,
  label: z.string().nullable(),
  settings: z.record(z.string(), z.string()).describe('the settings with secrets masked (e-mail: the address it goes to)'),
  threshold_override: z.int().nullable(),
  mode: z.enum(channelModes),
  time_zone: z.string(),
  digest_hour: z.int(),
  digest_weekday: z.int(),
  quiet_hours: z.object({ start: z.string(), end: z.string() }).nullable(),
  enabled: z.boolean(),
  disabled_reason: z.string().nullable().describe('why it is off: repeated failures, a one-click unsubscribe, or you'),
  disabled_at: timestamp.nullable(),
  consecutive_failures: z.int().describe('permanent failures since the last success; the third turns the channel off'),
  last_error: z.string().nullable(),
  last_sent_at: timestamp.nullable(),
  created_at: timestamp,
  updated_at: timestamp,
});
export type ChannelView = z.output<typeof channelSchema>;

export const createdChannelSchema = channelSchema.extend({
  secret: z.string().nullable().describe('generic webhook: the HMAC-SHA256 signing secret, shown only in this answer; null for other kinds'),
});

export const channelListSchema = z.object({ items: z.array(channelSchema) });

export const channelTestResultSchema = z.object({
  delivered: z.boolean(),
  attempts: z.int().nullable(),
  error: z.string().nullable().describe('why the test message was not delivered'),
});

export const unsubscribeParams = z.object({ token: z.string().min(40).max(200).describe('the signed token of the unsubscribe link') });
export const unsubscribeResultSchema = z.object({ unsubscribed: z.literal(true) });
