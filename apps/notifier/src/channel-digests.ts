import { randomUUID } from 'node:crypto';
import { buildDigest, ChannelSendError, ChannelUnavailableError, type ChannelSender, type MatchContent } from '@jobping/channels';
import { matchAnalysisSchema } from '@jobping/contracts';
import { execute, Prisma, queryRows, type PgPool } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import { scheduleOf } from './channel-deliveries';
import { countPermanentFailure } from './channel-failures';
import { resolveChannelTarget } from './channel-target';
import { dueWindow, type DueWindow } from './digest-schedule';
import { MATCH_CONTENT_COLUMNS, toMatchContent, type MatchContentRow } from './match-content';

export interface ChannelDigestDeps {
  pool: PgPool;
  sender: Pick<ChannelSender, 'send'>;
  logger: Logger;
  /** A digest claimed this long ago without a result was cut off by a crash: another tick takes it over (NOTIFIER_DIGEST_LEASE_MS). */
  leaseMs: number;
  /** At most this many matches per company in a daily or weekly digest; the rest is "+N more" (DIGEST_MAX_PER_COMPANY). */
  perCompany: number;
  /** Retryable failures (SMTP 4xx, 5xx, timeouts) before a digest is marked failed; one per tick. */
  maxAttempts?: number;
  failuresToDisable?: number;
  /** The clock (tests set it). */
  now?: () => Date;
}

export type DigestOutcome = 'sent' | 'empty' | 'skipped' | 'failed' | 'retrying' | 'busy';

interface DigestChannelRow {
  id: string;
  kind: string;
  settings: unknown;
  mode: string;
  time_zone: string;
  digest_hour: number;
  digest_weekday: number;
  quiet_start_minute: number | null;
  quiet_end_minute: number | null;
  email: string;
  email_verified: boolean;
}

interface HeldRow extends MatchContentRow {
  delivery_id: string;
}

const lease = (ms: number) => Prisma.sql`${ms}::int * interval '1 millisecond'`;

/**
 * Sends the held matches of digest channels and of quiet hours (docs/notifications.md, "Digests
 * and quiet hours"). Each notifier replica calls `tick` every NOTIFIER_DIGEST_TICK_MS; a digest
 * goes out once because:
 * - a window is one row of `channel_digests`, unique on (channel, window key), and the key is
 *   the local due time, so every replica computes the same one;
 * - only the replica whose conditional UPDATE claims the row builds and sends it; the held rows
 *   are attached to that digest (digest_id) before sending, so a later window never repeats them;
 * - a claim older than the lease without a result (the notifier was killed mid-digest) is taken
 *   over by the next tick, which sends the same held rows; the mail's Message-ID is the digest's id.
 * An empty window creates nothing and sends nothing.
 */
export class ChannelDigests {
  constructor(private readonly deps: ChannelDigestDeps) {}

  private now(): Date {
    return (this.deps.now ?? (() => new Date()))();
  }

  /** Everything due now, one channel after another; the outcome per digest id. */
  async tick(consumer = 'notifier'): Promise<Map<string, DigestOutcome>> {
    const now = this.now();
    const channels = await queryRows<DigestChannelRow>(this.deps.pool, Prisma.sql`
      SELECT c.id::text AS id, c.kind::text AS kind, c.settings, c.mode::text AS mode, c.time_zone, c.digest_hour, c.digest_weekday,
             c.quiet_start_minute, c.quiet_end_minute, u.email, (u.email_verified_at IS NOT NULL) AS email_verified
      FROM notification_channels c JOIN users u ON u.id = c.user_id
      WHERE c.enabled AND (
        EXISTS (SELECT 1 FROM channel_deliveries d WHERE d.channel_id = c.id AND d.status = 'held' AND d.digest_id IS NULL)
        OR EXISTS (SELECT 1 FROM channel_digests g WHERE g.channel_id = c.id AND g.status = 'pending'))
      ORDER BY c.id`);
    const outcomes = new Map<string, DigestOutcome>();
    for (const channel of channels) {
      try {
        for (const [id, outcome] of await this.channelTick(channel, now, consumer)) outcomes.set(id, outcome);
      } catch (error) {
        this.deps.logger.error('digest tick failed for a channel; the next tick tries again', { channel_id: channel.id, error: (error as Error).message });
      }
    }
    return outcomes;
  }

  private async channelTick(channel: DigestChannelRow, now: Date, consumer: string): Promise<Map<string, DigestOutcome>> {
    const { pool } = this.deps;
    const window = dueWindow(scheduleOf(channel), now);
    if (window) {
      // Only a window with something in it gets a row: an empty day creates nothing.
      await execute(pool, Prisma.sql`
        INSERT INTO channel_digests (channel_id, window_key, due_at)
        SELECT ${channel.id}::uuid, ${window.key}, ${window.dueAt}
        WHERE EXISTS (SELECT 1 FROM channel_deliveries WHERE channel_id = ${channel.id}::uuid AND status = 'held'
                      AND digest_id IS NULL AND created_at < ${window.dueAt})
        ON CONFLICT (channel_id, window_key) DO NOTHING`);
    }
    // This window's digest, and any earlier one left pending by a crash or a retryable failure.
    const pending = await queryRows<{ id: string; window_key: string; due_at: Date }>(pool, Prisma.sql`
      SELECT id::text AS id, window_key, due_at FROM channel_digests
      WHERE channel_id = ${channel.id}::uuid AND status = 'pending' ORDER BY due_at`);
    const outcomes = new Map<string, DigestOutcome>();
    for (const digest of pending) {
      const kind: DueWindow['kind'] = digest.window_key.startsWith('daily:') ? 'daily' : digest.window_key.startsWith('weekly:') ? 'weekly' : 'quiet_hours';
      outcomes.set(digest.id, await this.sendDigest(channel, { ...digest, kind }, now, consumer));
    }
    return outcomes;
  }

  private async sendDigest(
    channel: DigestChannelRow,
    digest: { id: string; kind: DueWindow['kind']; due_at: Date },
    now: Date,
    consumer: string,
  ): Promise<DigestOutcome> {
    const { pool, logger } = this.deps;
    const claim = `${consumer}:${randomUUID()}`;
    const [claimed] = await queryRows<{ attempts: number }>(pool, Prisma.sql`
      UPDATE channel_digests SET claimed_at = ${now}, claimed_by = ${claim}, attempts = attempts + 1
      WHERE id = ${digest.id}::uuid AND status = 'pending' AND (claimed_at IS NULL OR claimed_at <= ${now}::timestamptz - ${lease(this.deps.leaseMs)})
      RETURNING attempts`);
    if (!claimed) return 'busy';
    if (claimed.attempts > 1) logger.warn('taking over a digest an earlier claim did not finish', { digest_id: digest.id, attempts: claimed.attempts });

    // The window's held rows join this digest once; a takeover finds them already attached.
    await execute(pool, Prisma.sql`
      UPDATE channel_deliveries SET digest_id = ${digest.id}::uuid
      WHERE channel_id = ${channel.id}::uuid AND status = 'held' AND digest_id IS NULL AND created_at < ${digest.due_at}`);
    const rows = await queryRows<HeldRow>(pool, Prisma.sql`
      SELECT d.id::text AS delivery_id, ${MATCH_CONTENT_COLUMNS}
      FROM channel_deliveries d JOIN user_job_matches m ON m.id = d.match_id JOIN jobs j ON j.id = m.job_id
      WHERE d.digest_id = ${digest.id}::uuid AND d.status = 'held'
      ORDER BY m.score DESC, d.created_at, d.id`);
    // A stored analysis that no longer parses fails its own row, not the whole digest.
    const held: { row: HeldRow; content: MatchContent }[] = [];
    for (const row of rows) {
      // The stored result is shown as is, and checked as on every read.
      const analysis = matchAnalysisSchema.safeParse(row.analysis);
      if (analysis.success) held.push({ row, content: toMatchContent(row, analysis.data) });
      else
        await execute(pool, Prisma.sql`
          UPDATE channel_deliveries SET status = 'failed', error = 'the stored match analysis is not valid'
          WHERE id = ${row.delivery_id}::uuid AND status = 'held'`);
    }
    const finish = async (status: 'sent' | 'empty' | 'skipped' | 'failed', error: string | null, externalId: string | null = null) => {
      await execute(pool, Prisma.sql`
        UPDATE channel_digests SET status = ${status}::channel_digest_status, error = ${error}, external_id = ${externalId}, match_count = ${held.length},
               sent_at = CASE WHEN ${status}::text = 'sent' THEN ${now}::timestamptz ELSE NULL END
        WHERE id = ${digest.id}::uuid AND claimed_by = ${claim}`);
      if (status === 'empty') return;
      await execute(pool, Prisma.sql`
        UPDATE channel_deliveries SET status = ${status}::channel_delivery_status, error = ${error},
               sent_at = CASE WHEN ${status}::text = 'sent' THEN ${now}::timestamptz ELSE NULL END
        WHERE digest_id = ${digest.id}::uuid AND status = 'held'`);
    };
    if (held.length === 0) {
      await finish('empty', null);
      return 'empty';
    }

    const resolved = await resolveChannelTarget(this.deps, channel, digest.id);
    if (!('target' in resolved)) {
      await finish(resolved.status, resolved.reason);
      return resolved.status;
    }
    const { target } = resolved;
    // Quiet hours release everything; a digest keeps the best few per company.
    const perCompany = digest.kind === 'quiet_hours' ? Number.MAX_SAFE_INTEGER : this.deps.perCompany;
    const content = buildDigest(digest.kind, held.map((h) => h.content), perCompany);
    try {
      const sent = await this.deps.sender.send(target, { type: 'digest', digest: content });
      await finish('sent', null, sent.externalId ?? null);
      await execute(pool, Prisma.sql`
        UPDATE notification_channels SET consecutive_failures = 0, last_error = NULL, last_sent_at = ${now} WHERE id = ${channel.id}::uuid`);
      logger.info('digest sent', { digest_id: digest.id, channel_id: channel.id, kind: channel.kind, matches: held.length });
      return 'sent';
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      if (error instanceof ChannelUnavailableError) {
        await finish('skipped', message);
        return 'skipped';
      }
      if ((error instanceof ChannelSendError && error.failure === 'permanent') || claimed.attempts >= (this.deps.maxAttempts ?? 5)) {
        await finish('failed', message);
        if (error instanceof ChannelSendError && error.failure === 'permanent') await countPermanentFailure(this.deps, channel.id, message);
        logger.warn('digest failed for good', { digest_id: digest.id, channel_id: channel.id, error: message });
        return 'failed';
      }
      // Retryable: release the claim; the next tick tries again with the same held rows.
      await execute(pool, Prisma.sql`
        UPDATE channel_digests SET claimed_at = NULL, claimed_by = NULL, error = ${`retrying: ${message}`}
        WHERE id = ${digest.id}::uuid AND claimed_by = ${claim}`);
      logger.warn('digest send failed; the next tick retries it', { digest_id: digest.id, channel_id: channel.id, error: message });
      return 'retrying';
    }
  }
}


/** Runs `tick` every `intervalMs` (never two at once in one process); `stop` waits for the running one. */
export function startDigestTicker(digests: Pick<ChannelDigests, 'tick'>, intervalMs: number, logger: Logger, consumer: string) {
  let running: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const timer = setInterval(() => {
    running = running.then(() =>
      stopped ? undefined : digests.tick(consumer).catch((error: unknown) => logger.error('digest tick failed', { error: (error as Error).message })),
    );
  }, intervalMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
