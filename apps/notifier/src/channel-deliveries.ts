import { randomUUID } from 'node:crypto';
import { channelThreshold } from '@jobping/contracts';
import { ChannelSendError, ChannelUnavailableError, type ChannelSender, type MatchContent } from '@jobping/channels';
import { execute, Prisma, queryRows, type PgPool } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import { countPermanentFailure } from './channel-failures';
import { resolveChannelTarget } from './channel-target';
import { DeliveryInProgressError } from './delivery-in-progress';
import { inQuietHours, type ChannelSchedule } from './digest-schedule';

export interface ChannelDeliveryDeps {
  pool: PgPool;
  sender: Pick<ChannelSender, 'send'>;
  logger: Logger;
  /** A claim older than this with no result means its holder crashed mid-send (NOTIFIER_SEND_LEASE_MS). */
  sendLeaseMs: number;
  /** Permanent failures in a row that disable a channel (3). */
  failuresToDisable?: number;
  /** The clock of quiet hours and of a held match's time (tests set it). */
  now?: () => Date;
}

export interface ChannelDeliveryContext {
  isLast?: boolean | undefined;
  consumer?: string | undefined;
}

export interface MatchToDeliver {
  userId: string;
  matchId: string;
  score: number;
  content: MatchContent;
}

export type ChannelOutcome =
  | 'sent'
  /** An earlier delivery of the message sent (or finally failed) it. */
  | 'already_done'
  /** Below the channel's threshold. */
  | 'not_due'
  /** Kept for the channel's digest or the end of its quiet hours (ChannelDigests sends it). */
  | 'held'
  /** Not sendable here and not the channel's fault: unverified address, kind not configured. */
  | 'skipped'
  /** A permanent failure (counted; the third in a row disables the channel). */
  | 'failed'
  /** A crash interrupted an earlier send: not sent again, so never twice. */
  | 'interrupted'
  /** Retryable failure: the message is retried by the stream. */
  | 'retrying';

interface ChannelRow {
  id: string;
  kind: string;
  settings: unknown;
  threshold_override: number | null;
  mode: string;
  notify_threshold: number;
  email: string;
  email_verified: boolean;
  time_zone: string;
  digest_hour: number;
  digest_weekday: number;
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
}

export const scheduleOf = (c: Pick<ChannelRow, 'mode' | 'time_zone' | 'digest_hour' | 'digest_weekday' | 'quiet_start_minute' | 'quiet_end_minute'>): ChannelSchedule => ({
  mode: c.mode === 'daily' || c.mode === 'weekly' ? c.mode : 'instant',
  timeZone: c.time_zone,
  digestHour: c.digest_hour,
  digestWeekday: c.digest_weekday,
  quietStartMinute: c.quiet_start_minute,
  quietEndMinute: c.quiet_end_minute,
});

interface DeliveryRow {
  id: string;
  status: string;
  claimed: boolean;
  claim_live: boolean;
}

/**
 * Sends one match on each of the user's enabled channels, at most once per (channel, match):
 * the same three steps as the Discord delivery of notification-service.ts, per channel, on
 * `channel_deliveries` (unique on (channel_id, match_id)):
 * 1. insert the delivery row (ON CONFLICT DO NOTHING) or read the existing one;
 * 2. claim it with a conditional UPDATE only one consumer can win (`claimed_at`, `claimed_by`);
 * 3. send, then record `sent`, `failed`, `skipped` while holding the claim, or release it on
 *    a retryable failure and let the stream retry the message.
 * A claim older than the lease with no result is a crash mid-send: marked failed, not re-sent
 * (at most once). Permanent failures count on the channel; the third in a row disables it with
 * the reason, and a success resets the count.
 */
export class ChannelDeliveries {
  constructor(private readonly deps: ChannelDeliveryDeps) {}

  /** Outcome per channel id; throws (after trying every channel) when one must be retried. */
  async deliver(match: MatchToDeliver, context: ChannelDeliveryContext = {}): Promise<Map<string, ChannelOutcome>> {
    const channels = await queryRows<ChannelRow>(this.deps.pool, Prisma.sql`
      SELECT c.id::text AS id, c.kind::text AS kind, c.settings, c.threshold_override, c.mode::text AS mode,
             u.notify_threshold, u.email, (u.email_verified_at IS NOT NULL) AS email_verified,
             c.time_zone, c.digest_hour, c.digest_weekday, c.quiet_start_minute, c.quiet_end_minute
      FROM notification_channels c JOIN users u ON u.id = c.user_id
      WHERE c.user_id = ${match.userId}::uuid AND c.enabled
      ORDER BY c.created_at, c.id`);
    const outcomes = new Map<string, ChannelOutcome>();
    let retry: unknown;
    for (const channel of channels) {
      try {
        outcomes.set(channel.id, await this.deliverOne(channel, match, context));
      } catch (error) {
        outcomes.set(channel.id, 'retrying');
        retry ??= error;
      }
    }
    if (retry !== undefined) throw retry;
    return outcomes;
  }

  private async deliverOne(channel: ChannelRow, match: MatchToDeliver, context: ChannelDeliveryContext): Promise<ChannelOutcome> {
    const { pool, logger } = this.deps;
    if (match.score < channelThreshold(channel.threshold_override, channel.notify_threshold)) return 'not_due';
    // A digest channel, or quiet hours: the row is written `held` and ChannelDigests sends it later.
    const now = (this.deps.now ?? (() => new Date()))();
    const hold = channel.mode !== 'instant' || inQuietHours(scheduleOf(channel), now);

    // Step 1: the delivery row, new or existing.
    const [row] = await queryRows<DeliveryRow>(pool, Prisma.sql`
      WITH created AS (
        INSERT INTO channel_deliveries (channel_id, match_id, status, created_at)
        VALUES (${channel.id}::uuid, ${match.matchId}::uuid, ${hold ? 'held' : 'pending'}::channel_delivery_status, ${now})
        ON CONFLICT (channel_id, match_id) DO NOTHING
        RETURNING id, status, claimed_at
      ), found AS (
        SELECT id, status, claimed_at FROM created
        UNION ALL
        SELECT id, status, claimed_at FROM channel_deliveries WHERE channel_id = ${channel.id}::uuid AND match_id = ${match.matchId}::uuid
      )
      SELECT id::text AS id, status::text AS status, claimed_at IS NOT NULL AS claimed,
             COALESCE(claimed_at > now() - ${this.deps.sendLeaseMs}::int * interval '1 millisecond', false) AS claim_live
      FROM found LIMIT 1`);
    if (!row) throw new Error('the channel delivery row vanished right after it was written');
    if (row.status === 'held') return 'held';
    if (row.status !== 'pending') return 'already_done';

    // Step 2: claim it.
    if (row.claimed) {
      if (row.claim_live) throw new DeliveryInProgressError(`${channel.kind} channel ${channel.id}`);
      const marked = await execute(pool, Prisma.sql`
        UPDATE channel_deliveries SET status = 'failed', claimed_at = NULL,
               error = 'delivery interrupted (the notifier stopped mid-send); not sent again to avoid a duplicate'
        WHERE id = ${row.id}::uuid AND status = 'pending' AND claimed_at IS NOT NULL
          AND claimed_at <= now() - ${this.deps.sendLeaseMs}::int * interval '1 millisecond'`);
      if (marked === 1) logger.error('a channel delivery was interrupted by a crash; not sending it again', { delivery_id: row.id, channel_id: channel.id });
      return 'interrupted';
    }
    const claim = `${context.consumer ?? 'notifier'}:${randomUUID()}`;
    const claimed = await execute(pool, Prisma.sql`
      UPDATE channel_deliveries SET claimed_at = now(), claimed_by = ${claim}, attempts = attempts + 1
      WHERE id = ${row.id}::uuid AND status = 'pending' AND claimed_at IS NULL`);
    if (claimed !== 1) throw new DeliveryInProgressError(`${channel.kind} channel ${channel.id}`);
    const finish = (status: 'sent' | 'failed' | 'skipped', error: string | null, externalId: string | null = null) =>
      execute(pool, Prisma.sql`
        UPDATE channel_deliveries SET status = ${status}::channel_delivery_status, error = ${error}, external_id = ${externalId},
               sent_at = CASE WHEN ${status}::text = 'sent' THEN now() ELSE NULL END
        WHERE id = ${row.id}::uuid AND claimed_by = ${claim}`);

    // Step 3: send and record.
    const resolved = await resolveChannelTarget(this.deps, channel, row.id);
    if (!('target' in resolved)) {
      await finish(resolved.status, resolved.reason);
      return resolved.status;
    }
    const { target } = resolved;
    try {
      const sent = await this.deps.sender.send(target, { type: 'match', match: match.content });
      await finish('sent', null, sent.externalId ?? null);
      await execute(pool, Prisma.sql`
        UPDATE notification_channels SET consecutive_failures = 0, last_error = NULL, last_sent_at = now() WHERE id = ${channel.id}::uuid`);
      logger.info('channel notification sent', { channel_id: channel.id, kind: channel.kind, match_id: match.matchId, attempts: sent.attempts });
      return 'sent';
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      if (error instanceof ChannelUnavailableError) {
        await finish('skipped', message);
        logger.warn('channel kind not configured here; skipped', { channel_id: channel.id, kind: channel.kind, error: message });
        return 'skipped';
      }
      if (error instanceof ChannelSendError && error.failure === 'permanent') {
        await finish('failed', message);
        await countPermanentFailure(this.deps, channel.id, message);
        logger.warn('channel refused the notification for good', { channel_id: channel.id, kind: channel.kind, status: error.status, error: message });
        return 'failed';
      }
      if (context.isLast) {
        await finish('failed', message);
      } else {
        await execute(pool, Prisma.sql`
          UPDATE channel_deliveries SET claimed_at = NULL, claimed_by = NULL, error = ${`retrying: ${message}`}
          WHERE id = ${row.id}::uuid AND claimed_by = ${claim}`);
      }
      throw error;
    }
  }
}
