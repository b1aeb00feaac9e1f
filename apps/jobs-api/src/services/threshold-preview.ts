import { jobInputColumns, LocalProvider, toJobInput } from '@jobping/ai';
import { companyInfoSchema } from '@jobping/contracts';
import type { PrismaClient } from '@jobping/db';

/** Most jobs of the window estimated per request (newest first): bounds the request's CPU. */
export const MAX_ESTIMATED_JOBS = 300;

export interface ThresholdPreview {
  days: number;
  since: string;
  /** Jobs of the window the AI (or a stored result) scored for the caller. */
  scored: number;
  /** Jobs of the window the pre-filter ruled out: they never notify, whatever the threshold. */
  ruled_out: number;
  /** score_counts[s] = scored jobs with score s (0–100); the UI sums s >= T for any threshold T. */
  score_counts: number[];
  /**
   * How many of `scored` are estimates: jobs of the window not scored for the caller yet (a
   * new account, a changed prompt), scored here against the caller's prompt with the built-in
   * rules (the local provider, no LLM call, nothing stored).
   */
  estimated: number;
}

/**
 * What a threshold would have let through: the caller's own match scores for the jobs JobPing
 * stored in the last `days` days, as a 101-bucket histogram. Returning buckets (not a count
 * for one threshold) lets the slider preview every value without a request per step.
 */
export class ThresholdPreviewService {
  private readonly rules = new LocalProvider();

  constructor(private readonly prisma: PrismaClient) {}

  async preview(userId: string, days: number, now = new Date()): Promise<ThresholdPreview> {
    const since = new Date(now.getTime() - days * 86_400_000);
    const rows = await this.prisma.$queryRaw<{ score: number; skipped: boolean; n: bigint }[]>`
      SELECT m.score::int AS score, m.prefilter_skipped AS skipped, count(*) AS n
      FROM user_job_matches m
      JOIN jobs j ON j.id = m.job_id
      WHERE m.user_id = ${userId}::uuid AND j.created_at >= ${since}
      GROUP BY 1, 2`;
    const scoreCounts = new Array<number>(101).fill(0);
    let scored = 0;
    let ruledOut = 0;
    for (const row of rows) {
      const n = Number(row.n);
      if (row.skipped) {
        ruledOut += n;
        continue;
      }
      const bucket = Math.min(100, Math.max(0, row.score));
      scoreCounts[bucket] = (scoreCounts[bucket] ?? 0) + n;
      scored += n;
    }
    const estimates = await this.estimate(userId, since);
    for (const score of estimates) scoreCounts[score] = (scoreCounts[score] ?? 0) + 1;
    return { days, since: since.toISOString(), scored: scored + estimates.length, ruled_out: ruledOut, score_counts: scoreCounts, estimated: estimates.length };
  }

  /** Scores of the window's jobs that have no result for the caller, by the built-in rules. */
  private async estimate(userId: string, since: Date): Promise<number[]> {
    const user = await this.prisma.user.findUnique({ where: { id: userId }, select: { aiPrompt: true } });
    const prompt = user?.aiPrompt?.trim();
    if (!prompt) return [];
    const jobs = await this.prisma.job.findMany({
      where: { createdAt: { gte: since }, matches: { none: { userId } } },
      select: { ...jobInputColumns, company: { select: { companyInfo: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_ESTIMATED_JOBS,
    });
    const scores: number[] = [];
    for (const row of jobs) {
      const company = companyInfoSchema.safeParse(row.company.companyInfo);
      try {
        const result = await this.rules.scoreMatch({ job: toJobInput(row), company: company.success ? company.data : null, user: { prompt } });
        scores.push(Math.min(100, Math.max(0, Math.round(result.score))));
      } catch {
        // A posting the scorer cannot read (e.g. an empty title) is left out of the estimate.
      }
    }
    return scores;
  }
}
