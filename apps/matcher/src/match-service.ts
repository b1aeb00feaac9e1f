import { DISMISSED_DESCRIPTION_CHARS, RECENT_DISMISSALS, type AiProvider, type DismissedJob, type Prefilter } from '@jobping/ai';
import { dismissReasonSchema, parseCompanyInfo, publishThreshold, type CompanyInfo, type MatchAnalysis, type NotificationMessage } from '@jobping/contracts';
import { execute, Prisma, queryRows, type PgPool, type PrismaClient } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import type { CachedJob, JobCache } from './job-cache';
import DataLoader from 'dataloader';
import { handlerBatching } from '@jobping/stream-worker';
import { jobInputColumns, prefilterReasonKind, toJobInput } from '@jobping/ai';

export interface MatchDeps {
  prisma: PrismaClient;
  /** The pool under `prisma` (createDatabase): the batched per-message statements run on it, prepared. */
  pool: PgPool;
  ai: Pick<AiProvider, 'scoreMatch' | 'name' | 'model' | 'promptVersions'>;
  /** null: every pair goes to the AI (AI_PREFILTER=false). */
  prefilter: Pick<Prefilter, 'check'> | null;
  jobs: JobCache;
  publishNotification(message: NotificationMessage): Promise<void>;
  logger: Logger;
}

export type MatchOutcome =
  /** One AI call was made and its result stored. */
  | 'scored'
  /** The pre-filter ruled the pair out; stored without an AI call. */
  | 'prefiltered'
  /** A result for the current prompt version existed: nothing recomputed. */
  | 'stored'
  /** The user, their prompt or the job is gone. */
  | 'skipped';

export interface MatchResultSummary {
  outcome: MatchOutcome;
  score?: number;
  notify: boolean;
}

interface StoredMatch {
  userId: string;
  jobId: string;
  score: number;
  analysis: MatchAnalysis;
  provider: string;
  model: string;
  promptVersion: string;
  inputTokens: number | null;
  outputTokens: number | null;
  prefilterReason: string | null;
  /** prefilterReasonKind of the decision, for the decision log; null when it passed. */
  prefilterCode: string | null;
}

interface DismissalRow {
  i: number;
  job_id: string;
  title: string;
  company: string;
  location: string | null;
  reason: string;
  text: string | null;
  description: string;
}

/** A user's recent dismissals; `jobId` so the pair's own job can be left out. */
type RecentDismissal = DismissedJob & { jobId: string };

interface PairRow {
  ai_prompt: string | null;
  notify_threshold: number;
  /** threshold_override of each enabled notification channel of the user (null: none). */
  channel_overrides: (number | null)[];
  match_score: number | null;
  match_current: boolean | null;
  match_notified: boolean | null;
  match_prefilter_skipped: boolean | null;
}

/** Loads a job and its company research for the AI; exported for main.ts's cache. */
export async function loadJobForMatching(prisma: PrismaClient, jobId: string): Promise<CachedJob | null> {
  const row = await prisma.job.findUnique({ where: { id: jobId }, select: { ...jobInputColumns, company: { select: { companyInfo: true } } } });
  if (!row) return null;
  let company: CompanyInfo | null = null;
  if (row.company.companyInfo !== null) {
    try {
      company = parseCompanyInfo(row.company.companyInfo);
    } catch {
      company = null; // research that no longer fits the contract is ignored, not fatal
    }
  }
  return { job: toJobInput(row), company };
}

/**
 * Stage 3 (docs/product.md, "The four stages"): one message = at most one AI call.
 *
 * 1. A stored result for (user, job) made with the current prompt version, after the user's
 *    last prompt change, is reused: no AI call (redeliveries, replays, a twice-fanned job).
 *    If it reaches the threshold and was not notified yet (a crash between storing and
 *    publishing), the notification is published again; the notifier is idempotent.
 * 2. The pre-filter rules out pairs that cannot reach the threshold: stored with
 *    `prefilter_skipped`, the reason, and the gate's upper bound as the score.
 * 3. Otherwise one `scoreMatch` call; the result is upserted (one row per pair).
 * 4. score ≥ the lowest threshold of the user's destinations as they are now, at scoring time
 *    (`publishThreshold`: the user's threshold or a lower override of an enabled channel) →
 *    publish to notification; the notifier sends it where its threshold lets it through.
 */
export class MatchService {
  private readonly pairs: DataLoader<{ userId: string; jobId: string }, PairRow | undefined>;
  private readonly stores: DataLoader<StoredMatch, void>;
  private readonly dismissals: DataLoader<string, RecentDismissal[]>;

  constructor(private readonly deps: MatchDeps) {
    // The handlers of a stream worker run concurrently (STREAM_CONCURRENCY): the reads and
    // upserts they make in the same turn of the event loop go out as one statement each.
    this.pairs = new DataLoader((keys) => this.loadPairs([...keys]), handlerBatching);
    this.dismissals = new DataLoader((userIds) => this.loadDismissals([...userIds]), handlerBatching);
    this.stores = new DataLoader((rows) => this.storeMatches([...rows]), handlerBatching);
  }

  async handle({ job_id: jobId, user_id: userId }: { job_id: string; user_id: string }): Promise<MatchResultSummary> {
    const { ai, logger } = this.deps;
    const promptVersion = ai.promptVersions.match;
    const pair = await this.pairs.load({ userId, jobId });
    if (!pair || !pair.ai_prompt || pair.ai_prompt.trim() === '') {
      logger.info('user or prompt gone; nothing to match', { job_id: jobId, user_id: userId });
      return { outcome: 'skipped', notify: false };
    }
    // A channel whose own threshold is lower than the user's takes lower scores: the pre-filter
    // and the decision to publish use the lowest threshold of the user's destinations.
    const publishFrom = publishThreshold(pair.notify_threshold, pair.channel_overrides);

    if (pair.match_current && pair.match_score !== null) {
      const notify = !pair.match_prefilter_skipped && !pair.match_notified && pair.match_score >= publishFrom;
      if (notify) await this.deps.publishNotification({ job_id: jobId, user_id: userId });
      return { outcome: 'stored', score: pair.match_score, notify };
    }

    const job = await this.deps.jobs.get(jobId);
    if (!job) {
      logger.info('job gone; nothing to match', { job_id: jobId, user_id: userId });
      return { outcome: 'skipped', notify: false };
    }
    const user = { prompt: pair.ai_prompt, threshold: publishFrom };

    const decision = this.deps.prefilter?.check({ job: job.job, company: job.company, user });
    if (decision && !decision.pass) {
      await this.stores.load({
        userId,
        jobId,
        score: decision.bound,
        analysis: {
          explanation: `Not sent to the AI: ${decision.reason}`.slice(0, 2_000),
          pros: [],
          cons: decision.reasons.slice(0, 10).map((reason) => reason.slice(0, 300)),
          recommendation: 'skip',
        },
        provider: ai.name,
        model: ai.model,
        promptVersion,
        inputTokens: null,
        outputTokens: null,
        prefilterReason: decision.reason,
        prefilterCode: prefilterReasonKind(decision),
      });
      return { outcome: 'prefiltered', score: decision.bound, notify: false };
    }

    // Read only for pairs that reach the AI (most pairs of a job end at the pre-filter). The
    // pair's own job is left out: dismissing it hides it already; its look-alikes are the point.
    const recent = await this.dismissals.load(userId);
    const dismissals = recent
      .filter((dismissal) => dismissal.jobId !== jobId)
      .slice(0, RECENT_DISMISSALS)
      .map(({ jobId: _jobId, ...dismissal }) => dismissal);
    const result = await ai.scoreMatch({ job: job.job, company: job.company, user, dismissals });
    await this.stores.load({
      userId,
      jobId,
      score: result.score,
      analysis: result.analysis,
      provider: result.meta.provider,
      model: result.meta.model,
      promptVersion: result.meta.promptVersion,
      inputTokens: result.meta.usage?.inputTokens ?? null,
      outputTokens: result.meta.usage?.outputTokens ?? null,
      prefilterReason: null,
      prefilterCode: null,
    });
    const notify = result.score >= publishFrom;
    if (notify) await this.deps.publishNotification({ job_id: jobId, user_id: userId });
    return { outcome: 'scored', score: result.score, notify };
  }

  /** The user's prompt and threshold and the stored match, for many pairs in one query. */
  private async loadPairs(keys: { userId: string; jobId: string }[]): Promise<(PairRow | undefined)[]> {
    const promptVersion = this.deps.ai.promptVersions.match;
    const rows = await queryRows<PairRow & { i: number }>(this.deps.pool, Prisma.sql`
      SELECT p.i, u.ai_prompt, u.notify_threshold,
             ARRAY(SELECT c.threshold_override FROM notification_channels c WHERE c.user_id = u.id AND c.enabled) AS channel_overrides,
             m.score AS match_score,
             (m.prompt_version = ${promptVersion} AND (u.ai_prompt_updated_at IS NULL OR m.updated_at >= u.ai_prompt_updated_at)) AS match_current,
             m.notified AS match_notified, m.prefilter_skipped AS match_prefilter_skipped
      FROM unnest(${keys.map((k) => k.userId)}::uuid[], ${keys.map((k) => k.jobId)}::uuid[]) WITH ORDINALITY AS p(user_id, job_id, i)
      JOIN users u ON u.id = p.user_id
      LEFT JOIN user_job_matches m ON m.user_id = p.user_id AND m.job_id = p.job_id`);
    const byIndex = new Map(rows.map((row) => [Number(row.i), row]));
    return keys.map((_key, index) => byIndex.get(index + 1));
  }

  /**
   * The newest dismissals of many users in one query (one more than a match reads, in case
   * one is the pair's own job), with what matching compares of each job. Fields are cut to
   * the input's bounds and unknown reasons skipped: a stored row must never fail the scoring.
   */
  private async loadDismissals(userIds: string[]): Promise<RecentDismissal[][]> {
    const unique = [...new Set(userIds)];
    const rows = await queryRows<DismissalRow>(this.deps.pool, Prisma.sql`
      SELECT u.i, d.job_id, j.title, j.company, j.location, d.reason, d.text, left(j.description, ${DISMISSED_DESCRIPTION_CHARS}) AS description
      FROM unnest(${unique}::uuid[]) WITH ORDINALITY AS u(user_id, i)
      CROSS JOIN LATERAL (
        SELECT job_id, reason, text, created_at FROM job_dismissals
        WHERE user_id = u.user_id ORDER BY created_at DESC, job_id LIMIT ${RECENT_DISMISSALS + 1}
      ) d
      JOIN jobs j ON j.id = d.job_id
      ORDER BY u.i, d.created_at DESC, d.job_id`);
    const byUser = new Map<string, RecentDismissal[]>(unique.map((id) => [id, []]));
    for (const row of rows) {
      const reason = dismissReasonSchema.safeParse(row.reason);
      if (!reason.success || row.title.trim() === '' || row.company.trim() === '') continue;
      byUser.get(unique[Number(row.i) - 1]!)!.push({
        jobId: row.job_id,
        title: row.title.slice(0, 300),
        company: row.company.slice(0, 200),
        location: row.location?.slice(0, 300) ?? null,
        reason: reason.data,
        note: row.text?.slice(0, 500) ?? null,
        description: row.description,
      });
    }
    return userIds.map((id) => byUser.get(id)!);
  }

  /** Upserts many results in one statement; one row per (user, job) whatever happens concurrently. */
  private async storeMatches(rows: StoredMatch[]): Promise<void[]> {
    // A pair twice in one batch (a duplicate message) would make ON CONFLICT touch a row twice.
    const unique = [...new Map(rows.map((row) => [`${row.userId}|${row.jobId}`, row])).values()];
    const column = <T>(pick: (row: StoredMatch) => T) => unique.map(pick);
    await execute(this.deps.pool, Prisma.sql`
      INSERT INTO user_job_matches (user_id, job_id, score, analysis, provider, model, prompt_version,
                                    input_tokens, output_tokens, prefilter_skipped, prefilter_reason, prefilter_code, updated_at)
      SELECT r.user_id, r.job_id, r.score, r.analysis, r.provider, r.model, r.prompt_version,
             r.input_tokens, r.output_tokens, r.prefilter_reason IS NOT NULL, r.prefilter_reason, r.prefilter_code, now()
      FROM unnest(${column((r) => r.userId)}::uuid[], ${column((r) => r.jobId)}::uuid[], ${column((r) => r.score)}::smallint[],
                  ${column((r) => JSON.stringify(r.analysis))}::jsonb[], ${column((r) => r.provider)}::text[], ${column((r) => r.model)}::text[],
                  ${column((r) => r.promptVersion)}::text[], ${column((r) => r.inputTokens)}::int[], ${column((r) => r.outputTokens)}::int[],
                  ${column((r) => r.prefilterReason)}::text[], ${column((r) => r.prefilterCode)}::text[])
           AS r(user_id, job_id, score, analysis, provider, model, prompt_version, input_tokens, output_tokens, prefilter_reason, prefilter_code)
      ON CONFLICT (user_id, job_id) DO UPDATE SET
        score = EXCLUDED.score, analysis = EXCLUDED.analysis, provider = EXCLUDED.provider, model = EXCLUDED.model,
        prompt_version = EXCLUDED.prompt_version, input_tokens = EXCLUDED.input_tokens, output_tokens = EXCLUDED.output_tokens,
        prefilter_skipped = EXCLUDED.prefilter_skipped, prefilter_reason = EXCLUDED.prefilter_reason,
        prefilter_code = EXCLUDED.prefilter_code, updated_at = now()`);
    return rows.map(() => undefined);
  }
}
