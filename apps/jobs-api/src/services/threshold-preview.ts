import type { PrismaClient } from '@jobping/db';

export interface ThresholdPreview {
  days: number;
  since: string;
  /** Jobs of the window the AI (or a stored result) scored for the caller. */
  scored: number;
  /** Jobs of the window the pre-filter ruled out: they never notify, whatever the threshold. */
  ruled_out: number;
  /** score_counts[s] = scored jobs with score s (0–100); the UI sums s >= T for any threshold T. */
  score_counts: number[];
}

/**
 * What a threshold would have let through: the caller's own match scores for the jobs JobPing
 * stored in the last `days` days, as a 101-bucket histogram. Returning buckets (not a count
 * for one threshold) lets the slider preview every value without a request per step.
 */
export class ThresholdPreviewService {
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
    return { days, since: since.toISOString(), scored, ruled_out: ruledOut, score_counts: scoreCounts };
  }
}
