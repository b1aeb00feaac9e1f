import { decisionReasonSchema } from '@jobping/contracts';
import { Prisma, queryRows, type PgPool } from '@jobping/db';
import { notFound, tooManyRequests } from '@jobping/http-kit';
import type { Redis } from '@jobping/redis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { z } from 'zod';
import { page } from '../cursor';
import type { decisionSchema } from '../routes/decisions';
import { explainDecision } from './decision-words';

/** A pair still in the pipeline this long after its fan-out is counted as undecided, not as awaiting. */
const AWAITING_MS = 3_600_000;

/** The answer of GET /api/users/me/decisions, as its response schema says (one definition). */
export type Decision = z.output<typeof decisionSchema>;

interface DecisionRow {
  job_status: string;
  job_updated_at: Date;
  threshold: number;
  fanout_reason: string | null;
  job_value: string | null;
  user_value: string | null;
  fanout_at: Date | null;
  score: number | null;
  prefilter_skipped: boolean | null;
  prefilter_code: string | null;
  prefilter_reason: string | null;
  notified: boolean | null;
  notify_skip: string | null;
  matched_at: Date | null;
  delivery_failed: boolean;
}

export interface NearMissesQuery {
  within: number;
  limit: number;
  cursor?: [Date, string] | undefined;
}

/**
 * "Why (not)?" for the caller's own pairs (docs/product.md, "Decision log"): fan-out's rows in
 * match_decisions for the pairs it left out, user_job_matches for the ones it let through (the
 * pre-filter, the score against the threshold, the notifier). Every query is keyed by the
 * caller's id; rate-limited per user like the threshold preview.
 */
export class DecisionsService {
  private readonly limiter: RateLimiterRedis;

  constructor(private readonly deps: { pool: PgPool; redis: Redis; requestsPerMinute: number }) {
    this.limiter = new RateLimiterRedis({ storeClient: deps.redis, keyPrefix: 'decisions:user', points: deps.requestsPerMinute, duration: 60 });
  }

  private async consume(userId: string): Promise<void> {
    try {
      await this.limiter.consume(userId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw tooManyRequests(error.msBeforeNext / 1000, `At most ${this.deps.requestsPerMinute} decision requests per minute; try again shortly.`);
    }
  }

  async explain(userId: string, jobId: string, now = new Date()): Promise<Decision> {
    await this.consume(userId);
    const [row] = await queryRows<DecisionRow>(this.deps.pool, Prisma.sql`
      SELECT j.status::text AS job_status, j.updated_at AS job_updated_at, u.notify_threshold::int AS threshold,
             d.reason AS fanout_reason, d.job_value, d.user_value, d.decided_at AS fanout_at,
             m.score::int AS score, m.prefilter_skipped, m.prefilter_code, m.prefilter_reason, m.notified, m.notify_skip,
             m.updated_at AS matched_at,
             ((n.discord_status IN ('failed', 'broken') OR EXISTS (SELECT 1 FROM channel_deliveries c WHERE c.match_id = m.id AND c.status = 'failed'))
               AND NOT EXISTS (SELECT 1 FROM channel_deliveries c WHERE c.match_id = m.id AND c.status = 'sent')) IS TRUE AS delivery_failed
      FROM users u
      JOIN jobs j ON j.id = ${jobId}::uuid
      LEFT JOIN match_decisions d ON d.user_id = u.id AND d.job_id = j.id
      LEFT JOIN user_job_matches m ON m.user_id = u.id AND m.job_id = j.id
      LEFT JOIN notifications n ON n.user_id = u.id AND n.job_id = j.id
      WHERE u.id = ${userId}::uuid`);
    if (!row) throw notFound('No such job.');
    const base = { threshold: row.threshold, job_value: null, user_value: null, prefilter_code: null };
    let decision: Omit<Decision, 'explanation' | 'job_id'>;
    if (row.fanout_reason !== null) {
      decision = {
        ...base,
        stage: 'fanout',
        reason: decisionReasonSchema.catch('unknown').parse(row.fanout_reason),
        score: null,
        job_value: row.job_value,
        user_value: row.user_value,
        decided_at: row.fanout_at?.toISOString() ?? null,
      };
    } else if (row.score !== null) {
      const at = row.matched_at?.toISOString() ?? null;
      if (row.prefilter_skipped) {
        decision = { ...base, stage: 'prefilter', reason: 'prefiltered', score: row.score, prefilter_code: row.prefilter_code, decided_at: at };
      } else if (row.score < row.threshold && !row.notified) {
        decision = { ...base, stage: 'matcher', reason: 'below_threshold', score: row.score, decided_at: at };
      } else if (row.notify_skip === 'snoozed') {
        decision = { ...base, stage: 'notifier', reason: 'snoozed', score: row.score, decided_at: at };
      } else if (row.notified) {
        decision = { ...base, stage: 'notifier', reason: row.delivery_failed ? 'delivery_failed' : 'notified', score: row.score, decided_at: at };
      } else if (row.matched_at && now.getTime() - row.matched_at.getTime() >= AWAITING_MS) {
        // At or above the threshold now, never notified, long ago: the threshold was higher when it was scored.
        decision = { ...base, stage: 'matcher', reason: 'below_threshold', score: row.score, decided_at: at };
      } else {
        decision = { ...base, stage: 'pending', reason: 'awaiting', score: row.score, decided_at: null };
      }
    } else {
      const inFlight = row.job_status !== 'fanned_out' || now.getTime() - row.job_updated_at.getTime() < AWAITING_MS;
      decision = { ...base, stage: 'pending', reason: inFlight ? 'awaiting' : 'unknown', score: null, decided_at: null };
    }
    return {
      job_id: jobId,
      ...decision,
      explanation: explainDecision({
        stage: decision.stage,
        reason: decision.reason,
        jobValue: decision.job_value,
        userValue: decision.user_value,
        score: decision.score,
        threshold: decision.threshold,
        prefilterText: row.prefilter_reason,
      }),
    };
  }

  /**
   * Jobs the AI scored for the caller just under their threshold (within `within` points),
   * newest first: what a slightly lower threshold would have sent. Pre-filtered pairs are not
   * near misses (their score is only an upper bound).
   */
  async nearMisses(userId: string, query: NearMissesQuery) {
    await this.consume(userId);
    const after = query.cursor
      ? Prisma.sql`AND (m.created_at, m.id) < (${query.cursor[0]}::timestamptz, ${query.cursor[1]}::uuid)`
      : Prisma.empty;
    const rows = await queryRows<{
      id: string;
      job_id: string;
      title: string;
      company: string;
      url: string;
      score: number;
      threshold: number;
      created_at: Date;
    }>(this.deps.pool, Prisma.sql`
      SELECT m.id::text AS id, m.job_id::text AS job_id, j.title, j.company, j.url, m.score::int AS score,
             u.notify_threshold::int AS threshold, m.created_at
      FROM users u
      JOIN user_job_matches m ON m.user_id = u.id
      JOIN jobs j ON j.id = m.job_id
      WHERE u.id = ${userId}::uuid AND NOT m.prefilter_skipped
        AND m.score < u.notify_threshold AND m.score >= u.notify_threshold - ${query.within}
        ${after}
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT ${query.limit + 1}`);
    const result = page(rows, query.limit, (row) => [row.created_at.toISOString(), row.id]);
    return {
      items: result.items.map((row) => ({
        job_id: row.job_id,
        title: row.title,
        company: row.company,
        url: row.url,
        score: row.score,
        threshold: row.threshold,
        points_under: row.threshold - row.score,
        scored_at: row.created_at.toISOString(),
      })),
      next_cursor: result.next_cursor,
    };
  }
}
