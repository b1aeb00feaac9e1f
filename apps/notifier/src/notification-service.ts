import { inAppThreshold, matchAnalysisSchema, type MatchAnalysis } from '@jobping/contracts';
import { handlerBatching } from '@jobping/stream-worker';
import DataLoader from 'dataloader';
import { execute, Prisma, queryRows, type PgPool, type PrismaClient } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import type { ChannelDeliveries } from './channel-deliveries';
import { DeliveryInProgressError } from './delivery-in-progress';
import { MATCH_CONTENT_COLUMNS, toMatchContent, type MatchContentRow } from './match-content';

export { DeliveryInProgressError };

export interface NotificationDeps {
  /** For the rare multi-statement transaction. */
  prisma: PrismaClient;
  /** The pool under `prisma` (createDatabase): the per-message statements run on it, prepared. */
  pool: PgPool;
  logger: Logger;
  /** The user's notification channels (notification_channels, Discord among them); without it, in-app only. */
  channels?: Pick<ChannelDeliveries, 'deliver'>;
}

export interface DeliveryContext {
  /** The last delivery before the dead letters: a retryable failure is recorded as final. */
  isLast?: boolean;
  /** Names the claim holder in the database (the stream consumer). */
  consumer?: string;
}

export type DeliveryOutcome =
  /** The in-app notification was written now (channels: see ChannelDeliveries). */
  | 'in_app'
  /** Already written by an earlier delivery of the message. */
  | 'already_done'
  /** The match, user or job no longer exists, or the pre-filter ruled the pair out. */
  | 'gone'
  /** The user snoozed alerts (users.snoozed_until): nothing sent, the match stays in their list. */
  | 'snoozed'
  /** Below the user's threshold: no in-app notification; only channels whose own threshold is lower get it. */
  | 'channels_only';

interface PairRow extends MatchContentRow {
  match_id: string;
  notify_threshold: number;
  snoozed: boolean;
}

/**
 * Stage 4 (docs/product.md): one user notification per message, at most once per (user, job).
 *
 * 1. When the score reaches the user's threshold (inAppThreshold), in one statement: insert the
 *    in-app notification (`ON CONFLICT DO NOTHING` on the unique (user_id, job_id)) and mark the
 *    match `notified = true`. A redelivery finds the row.
 * 2. Send the match on each of the user's enabled notification channels whose threshold it
 *    reaches (ChannelDeliveries: insert, claim, send, record per (channel, match) on
 *    `channel_deliveries`, so never twice on a channel). Discord is one of these kinds: the
 *    account webhook of auth-api is the user's first Discord channel. A retryable failure there
 *    retries the message, and step 1 then finds its row.
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
}

const pairKey = (userId: string, jobId: string) => `${userId}|${jobId}`;

export class NotificationService {
  // Concurrent messages (STREAM_CONCURRENCY) share one read and one insert per batch.
  private readonly pairs: DataLoader<{ userId: string; jobId: string }, PairRow | undefined>;
  private readonly inserts: DataLoader<NewNotification, boolean>;

  constructor(private readonly deps: NotificationDeps) {
    this.pairs = new DataLoader((keys) => this.loadPairs(keys), handlerBatching);
    this.inserts = new DataLoader((rows) => this.insertNotifications(rows), handlerBatching);
  }

  /** The match, the user's threshold and snooze, and the job, for many (user, job) pairs in one query. */
  private async loadPairs(keys: readonly { userId: string; jobId: string }[]): Promise<(PairRow | undefined)[]> {
    const rows = await queryRows<PairRow & { user_id: string; job_id: string }>(this.deps.pool, Prisma.sql`
      SELECT m.user_id::text AS user_id, m.job_id::text AS job_id, m.id::text AS match_id, u.notify_threshold,
             (u.snoozed_until IS NOT NULL AND u.snoozed_until > now()) AS snoozed, ${MATCH_CONTENT_COLUMNS}
      FROM unnest(${keys.map((k) => k.userId)}::uuid[], ${keys.map((k) => k.jobId)}::uuid[]) AS p(user_id, job_id)
      JOIN user_job_matches m ON m.user_id = p.user_id AND m.job_id = p.job_id
      JOIN users u ON u.id = m.user_id JOIN jobs j ON j.id = m.job_id
      WHERE NOT m.prefilter_skipped`);
    const byPair = new Map(rows.map((row) => [pairKey(row.user_id, row.job_id), row]));
    return keys.map((key) => byPair.get(pairKey(key.userId, key.jobId)));
  }

  /**
   * Step 1 for many messages in one statement: the in-app notifications and notified = true.
   * true for each notification this statement created; false for one that existed (a redelivery).
   * discord_status is written `skipped`: the column is deprecated (Discord goes through channels).
   */
  private async insertNotifications(rows: readonly NewNotification[]): Promise<boolean[]> {
    const column = <T>(pick: (row: NewNotification) => T) => rows.map(pick);
    const created = await queryRows<{ user_id: string; job_id: string }>(this.deps.pool, Prisma.sql`
      WITH input AS (
        SELECT * FROM unnest(${column((r) => r.userId)}::uuid[], ${column((r) => r.jobId)}::uuid[], ${column((r) => r.matchId)}::uuid[],
                             ${column((r) => r.title)}::text[], ${column((r) => r.company)}::text[], ${column((r) => r.url)}::text[],
                             ${column((r) => r.score)}::smallint[], ${column((r) => r.analysis)}::jsonb[])
          AS i(user_id, job_id, match_id, job_title, company, job_url, matching_score, ai_analysis)
      ), created AS (
        INSERT INTO notifications (user_id, job_id, match_id, job_title, company, job_url, matching_score, ai_analysis, discord_status)
        SELECT user_id, job_id, match_id, job_title, company, job_url, matching_score, ai_analysis, 'skipped' FROM input
        ON CONFLICT (user_id, job_id) DO NOTHING
        RETURNING user_id::text AS user_id, job_id::text AS job_id
      ), marked AS (
        UPDATE user_job_matches m SET notified = true, notified_at = COALESCE(m.notified_at, now())
        FROM input WHERE m.id = input.match_id AND NOT m.notified
      )
      SELECT user_id, job_id FROM created`);
    const createdPairs = new Set(created.map((row) => pairKey(row.user_id, row.job_id)));
    // A pair twice in one batch (a duplicate message) was inserted once: only the first counts it.
    const seen = new Set<string>();
    return rows.map((row) => {
      const key = pairKey(row.userId, row.jobId);
      if (seen.has(key)) return false;
      seen.add(key);
      return createdPairs.has(key);
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
    const content = toMatchContent(pair, analysis);
    // The in-app notification first, then every channel; each is idempotent on its own, so a
    // failure of a channel retries the message without repeating the others.
    // The matcher publishes from the lowest threshold of the user's destinations
    // (publishThreshold): a score below the user's own threshold goes to channels only.
    let outcome: DeliveryOutcome | undefined = 'channels_only';
    let failure: unknown;
    if (pair.score >= inAppThreshold(pair.notify_threshold)) {
      try {
        outcome = await this.notifyInApp(pair, analysis, { userId, jobId });
      } catch (error) {
        failure = error;
      }
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

  private async notifyInApp(pair: PairRow, analysis: MatchAnalysis, { userId, jobId }: { userId: string; jobId: string }): Promise<DeliveryOutcome> {
    const created = await this.inserts.load({
      userId,
      jobId,
      matchId: pair.match_id,
      title: pair.title,
      company: pair.company,
      url: pair.url,
      score: pair.score,
      analysis: JSON.stringify(analysis),
    });
    if (created) this.deps.logger.info('notification created', { job_id: jobId, user_id: userId, score: pair.score });
    return created ? 'in_app' : 'already_done';
  }
}
