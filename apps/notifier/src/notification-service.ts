import { matchAnalysisSchema, type MatchAnalysis } from '@jobping/contracts';
import { handlerBatching } from '@jobping/stream-worker';
import DataLoader from 'dataloader';
import { execute, Prisma, queryRows, type DiscordDelivery, type PgPool, type PrismaClient } from '@jobping/db';
import { BrokenWebhookError, DiscordWebhookError, redactWebhookUrl, type DiscordWebhookClient } from '@jobping/discord';
import type { Logger } from '@jobping/logger';
import { notificationMessage, type MatchContent } from '@jobping/channels';
import type { ChannelDeliveries } from './channel-deliveries';
import { DeliveryInProgressError } from './delivery-in-progress';

export { DeliveryInProgressError };

export interface NotificationDeps {
  /** For the rare multi-statement transaction. */
  prisma: PrismaClient;
  /** The pool under `prisma` (createDatabase): the per-message statements run on it, prepared. */
  pool: PgPool;
  discord: Pick<DiscordWebhookClient, 'send'>;
  logger: Logger;
  /** A claim older than this with no result means its holder crashed mid-send (see below). */
  sendLeaseMs: number;
  /** The user's notification channels (notification_channels); without it, in-app and Discord only. */
  channels?: Pick<ChannelDeliveries, 'deliver'>;
}

export interface DeliveryContext {
  /** The last delivery before the dead letters: a retryable failure is recorded as final. */
  isLast?: boolean;
  /** Names the claim holder in the database (the stream consumer). */
  consumer?: string;
}

export type DeliveryOutcome =
  /** Posted to Discord now. */
  | 'sent'
  /** In-app only: the user has no (working) webhook. */
  | 'in_app_only'
  /** Discord answered 401/404: the webhook is marked broken; the in-app notification stays. */
  | 'webhook_broken'
  /** Discord refused the message for good (400/403…), or a crash interrupted an earlier send. */
  | 'discord_failed'
  /** Already delivered by an earlier delivery of the message. */
  | 'already_done'
  /** The match, user or job no longer exists, or the pre-filter ruled the pair out. */
  | 'gone'
  /** The user snoozed alerts (users.snoozed_until): nothing sent, the match stays in their list. */
  | 'snoozed';

interface PairRow {
  match_id: string;
  score: number;
  analysis: unknown;
  discord_webhook: string | null;
  webhook_broken: boolean;
  snoozed: boolean;
  title: string;
  company: string;
  url: string;
  location: string | null;
  remote: boolean;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: string | null;
}

interface NotificationRow {
  id: string;
  discord_status: DiscordDelivery;
  discord_error: string | null;
}

/** `discord_error` of a pending notification while one consumer posts it: the claim. */
const CLAIM_PREFIX = 'sending:';

/**
 * Stage 4 (docs/product.md): one user notification per message, at most once per (user, job).
 *
 * Order of writes (each step is idempotent, keyed by the unique (user_id, job_id) of
 * `notifications`):
 * 1. In one statement: insert the in-app notification (`ON CONFLICT DO NOTHING`) with
 *    `discord_status = pending` (or `skipped` without a working webhook), and mark the match
 *    `notified = true`. A redelivery finds the row and goes on from its state.
 * 2. Claim the Discord delivery: a conditional UPDATE that only one consumer can win writes
 *    `sending:<time>:<consumer>` into `discord_error` of the still-pending row.
 * 3. Post to Discord; then record `sent` (with the message id), `broken`, or `failed`.
 *    Retryable failures (5xx, network, a long 429) release the claim and throw: the stream
 *    retries the message and, after STREAM_MAX_DELIVERIES, dead-letters it (the row is then
 *    marked `failed` on the last delivery).
 * 4. Send the match on each of the user's enabled notification channels (ChannelDeliveries,
 *    the same three steps per (channel, match) on `channel_deliveries`); a failure there
 *    retries the message, and steps 1–3 then find their results.
 *
 * Remaining windows, by design at most once rather than at least once on Discord:
 * - the process dies after step 2 and before the result of step 3 is written: the
 *   redelivered message finds a claim older than the lease and marks it `failed`
 *   ("interrupted") instead of posting again, so such a crash can lose one Discord message
 *   (the in-app notification exists) but never posts twice. A claim younger than the lease
 *   (NOTIFIER_SEND_LEASE_MS) belongs to a live delivery of a duplicate message: this one is
 *   retried and then finds the result. The lease must exceed the longest send (timeout ×
 *   attempts + rate-limit waits) and stay below STREAM_VISIBILITY_TIMEOUT_MS, after which a
 *   crashed holder's message is reclaimed, with its claim expired;
 * - Discord answers 5xx or times out after it did post: the retry posts again (webhooks
 *   have no idempotency key); Discord rarely does this.
 */
interface NewNotification {
  userId: string;
  jobId: string;
  matchId: string;
  title: string;
  company: string;
  url: string;
  score: number;
  analysis: string;
  status: 'pending' | 'skipped';
}

const pairKey = (userId: string, jobId: string) => `${userId}|${jobId}`;

export class NotificationService {
  // Concurrent messages (STREAM_CONCURRENCY) share one read and one insert per batch.
  private readonly pairs: DataLoader<{ userId: string; jobId: string }, PairRow | undefined>;
  private readonly inserts: DataLoader<NewNotification, NotificationRow | undefined>;

  constructor(private readonly deps: NotificationDeps) {
    this.pairs = new DataLoader((keys) => this.loadPairs(keys), handlerBatching);
    this.inserts = new DataLoader((rows) => this.insertNotifications(rows), handlerBatching);
  }

  /** The match, the user's webhook and the job, for many (user, job) pairs in one query. */
  private async loadPairs(keys: readonly { userId: string; jobId: string }[]): Promise<(PairRow | undefined)[]> {
    const rows = await queryRows<PairRow & { user_id: string; job_id: string }>(this.deps.pool, Prisma.sql`
      SELECT m.user_id::text AS user_id, m.job_id::text AS job_id, m.id::text AS match_id, m.score, m.analysis,
             u.discord_webhook, (u.discord_webhook_broken_at IS NOT NULL) AS webhook_broken,
             (u.snoozed_until IS NOT NULL AND u.snoozed_until > now()) AS snoozed,
             j.title, j.company, j.url, j.location, j.remote, j.salary_min, j.salary_max, j.salary_currency, j.salary_period
      FROM unnest(${keys.map((k) => k.userId)}::uuid[], ${keys.map((k) => k.jobId)}::uuid[]) AS p(user_id, job_id)
      JOIN user_job_matches m ON m.user_id = p.user_id AND m.job_id = p.job_id
      JOIN users u ON u.id = m.user_id JOIN jobs j ON j.id = m.job_id
      WHERE NOT m.prefilter_skipped`);
    const byPair = new Map(rows.map((row) => [pairKey(row.user_id, row.job_id), row]));
    return keys.map((key) => byPair.get(pairKey(key.userId, key.jobId)));
  }

  /**
   * Step 1 for many messages in one statement: the in-app notifications and notified = true.
   * A row comes back for each notification this statement created; none for one that existed
   * (a redelivery), which the caller then reads.
   */
  private async insertNotifications(rows: readonly NewNotification[]): Promise<(NotificationRow | undefined)[]> {
    const column = <T>(pick: (row: NewNotification) => T) => rows.map(pick);
    const created = await queryRows<NotificationRow & { user_id: string; job_id: string }>(this.deps.pool, Prisma.sql`
      WITH input AS (
        SELECT * FROM unnest(${column((r) => r.userId)}::uuid[], ${column((r) => r.jobId)}::uuid[], ${column((r) => r.matchId)}::uuid[],
                             ${column((r) => r.title)}::text[], ${column((r) => r.company)}::text[], ${column((r) => r.url)}::text[],
                             ${column((r) => r.score)}::smallint[], ${column((r) => r.analysis)}::jsonb[], ${column((r) => r.status)}::discord_delivery[])
          AS i(user_id, job_id, match_id, job_title, company, job_url, matching_score, ai_analysis, discord_status)
      ), created AS (
        INSERT INTO notifications (user_id, job_id, match_id, job_title, company, job_url, matching_score, ai_analysis, discord_status)
        SELECT user_id, job_id, match_id, job_title, company, job_url, matching_score, ai_analysis, discord_status FROM input
        ON CONFLICT (user_id, job_id) DO NOTHING
        RETURNING id::text AS id, user_id::text AS user_id, job_id::text AS job_id, discord_status::text AS discord_status, discord_error
      ), marked AS (
        UPDATE user_job_matches m SET notified = true, notified_at = COALESCE(m.notified_at, now())
        FROM input WHERE m.id = input.match_id AND NOT m.notified
      )
      SELECT id, user_id, job_id, discord_status, discord_error FROM created`);
    const byPair = new Map(created.map((row) => [pairKey(row.user_id, row.job_id), row]));
    // A pair twice in one batch (a duplicate message) was inserted once: only the first gets the row.
    const seen = new Set<string>();
    return rows.map((row) => {
      const key = pairKey(row.userId, row.jobId);
      if (seen.has(key)) return undefined;
      seen.add(key);
      const found = byPair.get(key);
      return found ? { id: found.id, discord_status: found.discord_status, discord_error: found.discord_error } : undefined;
    });
  }

  async handle({ job_id: jobId, user_id: userId }: { job_id: string; user_id: string }, delivery: DeliveryContext = {}): Promise<DeliveryOutcome> {
    const { logger } = this.deps;
    const pair = await this.pairs.load({ userId, jobId });
    if (!pair) {
      // Deleted user, job or match, or a pair the pre-filter ruled out (never notified).
      logger.warn('no notifiable match for this notification; nothing to send', { job_id: jobId, user_id: userId });
      return 'gone';
    }
    if (pair.snoozed) {
      // Snooze silences alerts, not matching: the match is stored and listed, and is not
      // notified later (an alert days late is noise). Fan-out keeps scoring on purpose, so the
      // list is complete when the user comes back.
      // Recorded for the decision log ("why wasn't I pinged?"): one short update, snoozed pairs only.
      await execute(this.deps.pool, Prisma.sql`
        UPDATE user_job_matches SET notify_skip = 'snoozed' WHERE id = ${pair.match_id}::uuid AND notify_skip IS DISTINCT FROM 'snoozed'`);
      logger.info('alerts snoozed; nothing sent', { job_id: jobId, user_id: userId });
      return 'snoozed';
    }
    // The stored result is shown as is; the AI never runs here.
    const analysis = matchAnalysisSchema.parse(pair.analysis);
    const content: MatchContent = {
      jobTitle: pair.title,
      company: pair.company,
      jobUrl: pair.url,
      location: pair.location,
      remote: pair.remote,
      salaryMin: pair.salary_min,
      salaryMax: pair.salary_max,
      salaryCurrency: pair.salary_currency,
      salaryPeriod: pair.salary_period,
      score: pair.score,
      analysis,
    };
    // The in-app notification and users.discord_webhook first, then every channel; each is
    // idempotent on its own, so a failure of one retries the message without repeating the others.
    let outcome: DeliveryOutcome | undefined;
    let failure: unknown;
    try {
      outcome = await this.notifyInAppAndDiscord(pair, analysis, content, { userId, jobId }, delivery);
    } catch (error) {
      failure = error;
    }
    if (this.deps.channels) {
      try {
        await this.deps.channels.deliver({ userId, matchId: pair.match_id, score: pair.score, content }, delivery);
      } catch (error) {
        failure ??= error;
      }
    }
    if (failure !== undefined) throw failure;
    return outcome as DeliveryOutcome;
  }

  private async notifyInAppAndDiscord(
    pair: PairRow,
    analysis: MatchAnalysis,
    content: MatchContent,
    { userId, jobId }: { userId: string; jobId: string },
    delivery: DeliveryContext,
  ): Promise<DeliveryOutcome> {
    const { prisma, pool, logger } = this.deps;
    const webhook = pair.discord_webhook && !pair.webhook_broken ? pair.discord_webhook : null;

    // Step 1: the in-app notification and notified = true, atomically (batched). The new row
    // comes back from the same statement; a redelivery (conflict) reads the existing one.
    const created = await this.inserts.load({
      userId,
      jobId,
      matchId: pair.match_id,
      title: pair.title,
      company: pair.company,
      url: pair.url,
      score: pair.score,
      analysis: JSON.stringify(analysis),
      status: webhook ? 'pending' : 'skipped',
    });
    const [row] = created
      ? [created]
      : await queryRows<NotificationRow>(pool, Prisma.sql`
          SELECT id::text AS id, discord_status::text AS discord_status, discord_error
          FROM notifications WHERE user_id = ${userId}::uuid AND job_id = ${jobId}::uuid`);
    if (!row) throw new Error('the notification row vanished right after it was written');

    if (row.discord_status !== 'pending') return row.discord_status === 'skipped' ? 'in_app_only' : 'already_done';
    if (!webhook) {
      // The webhook was removed or found broken since the row was created.
      await execute(pool, Prisma.sql`UPDATE notifications SET discord_status = 'skipped' WHERE id = ${row.id}::uuid AND discord_status = 'pending'`);
      return 'in_app_only';
    }

    // Step 2: claim the delivery.
    if (row.discord_error?.startsWith(CLAIM_PREFIX)) {
      const claimedAt = Number(row.discord_error.slice(CLAIM_PREFIX.length).split(':')[0]);
      if (Number.isFinite(claimedAt) && Date.now() - claimedAt < this.deps.sendLeaseMs) throw new DeliveryInProgressError();
      const marked = await execute(pool, Prisma.sql`
        UPDATE notifications SET discord_status = 'failed',
               discord_error = 'delivery interrupted (the notifier stopped mid-send); not posted again to avoid a duplicate'
        WHERE id = ${row.id}::uuid AND discord_status = 'pending' AND discord_error = ${row.discord_error}`);
      if (marked === 1) logger.error('a Discord delivery was interrupted by a crash; not re-posting it', { notification_id: row.id });
      return 'discord_failed';
    }
    const claim = `${CLAIM_PREFIX}${Date.now()}:${delivery.consumer ?? 'notifier'}`;
    const claimed = await execute(pool, Prisma.sql`
      UPDATE notifications SET discord_error = ${claim}
      WHERE id = ${row.id}::uuid AND discord_status = 'pending' AND discord_error IS NOT DISTINCT FROM ${row.discord_error}::text`);
    if (claimed !== 1) throw new DeliveryInProgressError();

    // Step 3: post, then record the result (only while we still hold the claim).
    try {
      const sent = await this.deps.discord.send(webhook, notificationMessage(content));
      await execute(pool, Prisma.sql`
        UPDATE notifications SET discord_status = 'sent', discord_sent_at = now(), discord_message_id = ${sent.messageId ?? null}, discord_error = NULL
        WHERE id = ${row.id}::uuid AND discord_error = ${claim}`);
      logger.info('notification sent', { notification_id: row.id, job_id: jobId, user_id: userId, score: pair.score, attempts: sent.attempts });
      return 'sent';
    } catch (error) {
      const message = (error as Error).message.slice(0, 500);
      if (error instanceof BrokenWebhookError) {
        // Discord: "If a webhook returns a 404 status you should not attempt to use it again."
        // Only the webhook we used is marked: a new one saved meanwhile stays untouched.
        await prisma.$transaction([
          prisma.$executeRaw`UPDATE notifications SET discord_status = 'broken', discord_error = ${message} WHERE id = ${row.id}::uuid AND discord_error = ${claim}`,
          prisma.$executeRaw`
            UPDATE users SET discord_webhook_broken_at = now(), discord_webhook_error = ${message}
            WHERE id = ${userId}::uuid AND discord_webhook = ${webhook} AND discord_webhook_broken_at IS NULL`,
        ]);
        logger.warn('discord webhook is broken; marked it and kept the in-app notification', { user_id: userId, webhook: redactWebhookUrl(webhook), error: message });
        return 'webhook_broken';
      }
      if (error instanceof DiscordWebhookError && !error.retryable) {
        await execute(pool, Prisma.sql`UPDATE notifications SET discord_status = 'failed', discord_error = ${message} WHERE id = ${row.id}::uuid AND discord_error = ${claim}`);
        logger.error('discord refused the notification; not retrying', { notification_id: row.id, status: error.status, error: message });
        return 'discord_failed';
      }
      // Retryable (5xx, network, timeout, a 429 longer than we wait) or unexpected: release
      // the claim so the retry can post, or give up on the last delivery.
      if (delivery.isLast) {
        await execute(pool, Prisma.sql`UPDATE notifications SET discord_status = 'failed', discord_error = ${message} WHERE id = ${row.id}::uuid AND discord_error = ${claim}`);
      } else {
        await execute(pool, Prisma.sql`UPDATE notifications SET discord_error = ${`retrying: ${message}`} WHERE id = ${row.id}::uuid AND discord_error = ${claim}`);
      }
      throw error;
    }
  }
}
