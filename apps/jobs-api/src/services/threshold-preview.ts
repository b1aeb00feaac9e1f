import { createHash } from 'node:crypto';
import { jobInputColumns, LOCAL_MODEL, LocalProvider, toJobInput } from '@jobping/ai';
import { companyInfoSchema } from '@jobping/contracts';
import type { PrismaClient } from '@jobping/db';
import { tooManyRequests } from '@jobping/http-kit';
import type { Counter } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';

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

export interface ThresholdPreviewOptions {
  prisma: PrismaClient;
  /** Rate limits and the estimate cache (the app's connection, with REDIS_KEY_PREFIX). */
  redis: Redis;
  requestsPerMinute: number;
  /** How long one estimate is reused for the same user, prompt and window. */
  cacheSeconds: number;
  /** Counts estimates by `source`: `computed` (the rules ran over the window) or `cache`. */
  estimates?: Counter<'source'>;
}

const parseJson = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

/** One estimated job: [job id, created_at in ms, score]. */
const estimateSchema = z.array(z.tuple([z.string(), z.number(), z.number().int().min(0).max(100)]));
type Estimate = z.infer<typeof estimateSchema>;

/**
 * What a threshold would have let through: the caller's own match scores for the jobs JobPing
 * stored in the last `days` days, as a 101-bucket histogram. Returning buckets (not a count
 * for one threshold) lets the slider preview every value without a request per step.
 *
 * The estimate of the jobs not scored for the caller yet (up to MAX_ESTIMATED_JOBS rule
 * evaluations) is the expensive part: it is computed at most once per (user, prompt, rules
 * version, window) within `cacheSeconds` — concurrent requests in this process share one
 * computation, and Redis shares the result with every replica — and each user may ask
 * `requestsPerMinute` times a minute. The stored scores are read on every request, and a
 * cached estimate drops the jobs that have been scored or left the window since, so nothing is
 * counted twice; jobs stored after the estimate are estimated when it expires.
 */
export class ThresholdPreviewService {
  private readonly rules = new LocalProvider();
  private readonly limiter: RateLimiterRedis;
  private readonly inFlight = new Map<string, Promise<Estimate>>();

  constructor(private readonly options: ThresholdPreviewOptions) {
    this.limiter = new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: 'threshold-preview:user',
      points: options.requestsPerMinute,
      duration: 60,
    });
  }

  async preview(userId: string, days: number, now = new Date()): Promise<ThresholdPreview> {
    try {
      await this.limiter.consume(userId);
    } catch (error) {
      if (!(error instanceof RateLimiterRes)) throw error;
      throw tooManyRequests(error.msBeforeNext / 1000, `At most ${this.options.requestsPerMinute} threshold previews per minute; try again shortly.`);
    }
    const since = new Date(now.getTime() - days * 86_400_000);
    const [rows, estimates] = await Promise.all([
      this.options.prisma.$queryRaw<{ score: number; skipped: boolean; n: bigint }[]>`
        SELECT m.score::int AS score, m.prefilter_skipped AS skipped, count(*) AS n
        FROM user_job_matches m
        JOIN jobs j ON j.id = m.job_id
        WHERE m.user_id = ${userId}::uuid AND j.created_at >= ${since}
        GROUP BY 1, 2`,
      this.currentEstimate(userId, days, since),
    ]);
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
    for (const score of estimates) scoreCounts[score] = (scoreCounts[score] ?? 0) + 1;
    return { days, since: since.toISOString(), scored: scored + estimates.length, ruled_out: ruledOut, score_counts: scoreCounts, estimated: estimates.length };
  }

  /**
   * The estimated scores of the window's jobs that still have no result for the caller: the
   * cached (or now computed) estimate, less the jobs scored or gone since and those that left
   * the window.
   */
  private async currentEstimate(userId: string, days: number, since: Date): Promise<number[]> {
    const user = await this.options.prisma.user.findUnique({ where: { id: userId }, select: { aiPrompt: true } });
    const prompt = user?.aiPrompt?.trim();
    if (!prompt) return [];
    // The prompt and the rules' version name the estimate: either changing computes a new one.
    const version = createHash('sha256').update(`${LOCAL_MODEL}\n${prompt}`).digest('base64url').slice(0, 22);
    const key = `threshold-preview:estimate:${userId}:${version}:${days}`;
    let pending = this.inFlight.get(key);
    if (!pending) {
      pending = this.cachedOrComputed(key, userId, prompt, since).finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    const estimate = (await pending).filter(([, createdAt]) => createdAt >= since.getTime());
    if (estimate.length === 0) return [];
    const stillUnscored = await this.options.prisma.$queryRaw<{ id: string }[]>`
      SELECT j.id::text AS id FROM jobs j
      WHERE j.id = ANY(${estimate.map(([id]) => id)}::uuid[])
        AND NOT EXISTS (SELECT 1 FROM user_job_matches m WHERE m.user_id = ${userId}::uuid AND m.job_id = j.id)`;
    const keep = new Set(stillUnscored.map((row) => row.id));
    return estimate.filter(([id]) => keep.has(id)).map(([, , score]) => score);
  }

  private async cachedOrComputed(key: string, userId: string, prompt: string, since: Date): Promise<Estimate> {
    const { redis, cacheSeconds, estimates } = this.options;
    const cached = await redis.get(key);
    if (cached !== null) {
      const parsed = estimateSchema.safeParse(parseJson(cached));
      if (parsed.success) {
        estimates?.inc({ source: 'cache' });
        return parsed.data;
      }
    }
    const estimate = await this.compute(userId, prompt, since);
    estimates?.inc({ source: 'computed' });
    await redis.set(key, JSON.stringify(estimate), 'EX', cacheSeconds);
    return estimate;
  }

  /** The rules' scores of the window's jobs that have no result for the caller (newest MAX_ESTIMATED_JOBS). */
  private async compute(userId: string, prompt: string, since: Date): Promise<Estimate> {
    const jobs = await this.options.prisma.job.findMany({
      where: { createdAt: { gte: since }, matches: { none: { userId } } },
      select: { id: true, createdAt: true, ...jobInputColumns, company: { select: { companyInfo: true } } },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: MAX_ESTIMATED_JOBS,
    });
    const estimate: Estimate = [];
    for (const row of jobs) {
      const company = companyInfoSchema.safeParse(row.company.companyInfo);
      try {
        const result = await this.rules.scoreMatch({ job: toJobInput(row), company: company.success ? company.data : null, user: { prompt } });
        estimate.push([row.id, row.createdAt.getTime(), Math.min(100, Math.max(0, Math.round(result.score)))]);
      } catch {
        // A posting the scorer cannot read (e.g. an empty title) is left out of the estimate.
      }
    }
    return estimate;
  }
}
