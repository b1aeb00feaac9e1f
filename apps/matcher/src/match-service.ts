import type { AiProvider, Prefilter } from '@jobping/ai';
import { parseCompanyInfo, type CompanyInfo, type MatchAnalysis, type NotificationMessage } from '@jobping/contracts';
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

interface PairRow {
  ai_prompt: string | null;
  notify_threshold: number;
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
 * 4. score ≥ the user's threshold as it is now, at scoring time → publish to notification.
 */
export class MatchService {
  private readonly pairs: DataLoader<{ userId: string; jobId: string }, PairRow | undefined>;
  private readonly stores: DataLoader<StoredMatch, void>;

  constructor(private readonly deps: MatchDeps) {
    // The handlers of a stream worker run concurrently (STREAM_CONCURRENCY): the reads and
    // upserts they make in the same turn of the event loop go out as one statement each.
    this.pairs = new DataLoader((keys) => this.loadPairs([...keys]), handlerBatching);
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
    const threshold = pair.notify_threshold;

    if (pair.match_current && pair.match_score !== null) {
      const notify = !pair.match_prefilter_skipped && !pair.match_notified && pair.match_score >= threshold;
      if (notify) await this.deps.publishNotification({ job_id: jobId, user_id: userId });
      return { outcome: 'stored', score: pair.match_score, notify };
    }

    const job = await this.deps.jobs.get(jobId);
    if (!job) {
      logger.info('job gone; nothing to match', { job_id: jobId, user_id: userId });
      return { outcome: 'skipped', notify: false };
    }
    const user = { prompt: pair.ai_prompt, threshold };

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

    const result = await ai.scoreMatch({ job: job.job, company: job.company, user });
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
    const notify = result.score >= threshold;
    if (notify) await this.deps.publishNotification({ job_id: jobId, user_id: userId });
    return { outcome: 'scored', score: result.score, notify };
  }

  /** The user's prompt and threshold and the stored match, for many pairs in one query. */
  private async loadPairs(keys: { userId: string; jobId: string }[]): Promise<(PairRow | undefined)[]> {
    const promptVersion = this.deps.ai.promptVersions.match;
    const rows = await queryRows<PairRow & { i: number }>(this.deps.pool, Prisma.sql`
      SELECT p.i, u.ai_prompt, u.notify_threshold,
             m.score AS match_score,
             (m.prompt_version = ${promptVersion} AND (u.ai_prompt_updated_at IS NULL OR m.updated_at >= u.ai_prompt_updated_at)) AS match_current,
             m.notified AS match_notified, m.prefilter_skipped AS match_prefilter_skipped
      FROM unnest(${keys.map((k) => k.userId)}::uuid[], ${keys.map((k) => k.jobId)}::uuid[]) WITH ORDINALITY AS p(user_id, job_id, i)
      JOIN users u ON u.id = p.user_id
      LEFT JOIN user_job_matches m ON m.user_id = p.user_id AND m.job_id = p.job_id`);
    const byIndex = new Map(rows.map((row) => [Number(row.i), row]));
    return keys.map((_key, index) => byIndex.get(index + 1));
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
