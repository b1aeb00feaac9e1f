import { ScrapeRunStatus, ScrapeTrigger, isEndedScrapeRun, type PrismaClient, type ScrapeRun } from '@jobping/db';
import { HttpError, notFound, tooManyRequests, unauthorized, type AuthUser } from '@jobping/http-kit';
import type { Logger } from '@jobping/logger';
import type { Redis } from '@jobping/redis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { z } from 'zod';
import type { scrapeRunSchema } from '../schemas';
import { isPrismaError } from './errors';
import type { ScrapeQueueProducer } from './scrape-queue-producer';

export interface ScrapeRunServiceOptions {
  prisma: PrismaClient;
  redis: Redis;
  queue: ScrapeQueueProducer;
  logger: Logger;
  requestsPerUserPerHour: number;
}

const count = z.coerce.number().int().min(0).catch(0);
const sourceStatsSchema = z
  .record(
    z.string(),
    z.object({
      found: count.default(0),
      new: count.default(0),
      duplicates: count.default(0),
      errors: z.array(z.string()).catch([]).default([]),
    }).catch({ found: 0, new: 0, duplicates: 0, errors: [] }),
  )
  .catch({});

const isAdmin = (user: AuthUser) => user.roles.includes('admin');

/**
 * On-demand scrape runs: the row is created here (queued, manual, requested by the caller)
 * and a BullMQ job `{ run_id }` with the run id as job id is added to the scrape-runs queue,
 * which the scraper consumes. Admins may start runs at any time; other users a few per hour,
 * counted in Redis so every replica shares the limit.
 */
export class ScrapeRunService {
  private readonly limiter: RateLimiterRedis;

  constructor(private readonly options: ScrapeRunServiceOptions) {
    this.limiter = new RateLimiterRedis({
      storeClient: options.redis,
      keyPrefix: 'scrape-request:user',
      points: options.requestsPerUserPerHour,
      duration: 3600,
    });
  }

  async request(user: AuthUser): Promise<{ run_id: string }> {
    if (!isAdmin(user)) {
      try {
        await this.limiter.consume(user.id);
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        throw tooManyRequests(error.msBeforeNext / 1000, `At most ${this.options.requestsPerUserPerHour} scrape runs per hour; try again later.`);
      }
    }
    let run: ScrapeRun;
    try {
      run = await this.options.prisma.scrapeRun.create({ data: { trigger: ScrapeTrigger.manual, status: ScrapeRunStatus.queued, requestedById: user.id } });
    } catch (error) {
      if (isPrismaError(error, 'P2003')) throw unauthorized('The account no longer exists.');
      throw error;
    }
    try {
      await this.options.queue.enqueueRun(run.id);
    } catch (error) {
      this.options.logger.error('could not queue a scrape run', { run_id: run.id, error: error instanceof Error ? error.message : String(error) });
      // The request did not cost the user one of their runs.
      if (!isAdmin(user)) await this.limiter.reward(user.id).catch(() => undefined);
      await this.options.prisma.scrapeRun.update({
        where: { id: run.id },
        data: { status: ScrapeRunStatus.failed, error: 'the run could not be queued', finishedAt: new Date() },
      });
      throw new HttpError(503, 'queue_unavailable', 'The scrape queue is unavailable; try again shortly.', { headers: { 'Retry-After': '30' } });
    }
    return { run_id: run.id };
  }

  /** A run the caller requested (admins: any run). Anyone else's answers 404, like a missing one. */
  async get(user: AuthUser, id: string): Promise<z.input<typeof scrapeRunSchema>> {
    const run = await this.options.prisma.scrapeRun.findFirst({
      where: isAdmin(user) ? { id } : { id, requestedById: user.id },
    });
    if (!run) throw notFound('No such scrape run.');
    const stats = sourceStatsSchema.parse(run.sourceStats);
    const finished = run.finishedAt !== null || isEndedScrapeRun(run.status);
    const progress = finished ? 1 : run.sourcesTotal > 0 ? Math.min(1, run.sourcesDone / run.sourcesTotal) : 0;
    return {
      id: run.id,
      trigger: run.trigger,
      status: run.status,
      sources: Object.entries(stats)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([source, s]) => ({ source, found: s.found, new: s.new, duplicates: s.duplicates, errors: s.errors })),
      sources_total: run.sourcesTotal,
      sources_done: run.sourcesDone,
      progress,
      jobs_found: run.jobsFound,
      jobs_new: run.jobsNew,
      error: run.error,
      created_at: run.createdAt.toISOString(),
      started_at: run.startedAt?.toISOString() ?? null,
      finished_at: run.finishedAt?.toISOString() ?? null,
    };
  }
}

