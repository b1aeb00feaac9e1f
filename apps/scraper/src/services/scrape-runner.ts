import { describeIssues, jobSourceSchema } from '@jobping/contracts';
import { ScrapeRunStatus, isEndedScrapeRun, type JobSource, type PrismaClient, type ScrapeTrigger } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import pMap from 'p-map';
import { UpstreamHttpError, type HttpClient, type NormalizedPosting, FIXTURE_SOURCES_OFF, type AdapterRegistry, type SourceAdapter } from '@jobping/sources';
import type { JobPublisher } from './job-publisher';
import { knownSourceIds, storePosting } from './job-store';
import type { ScraperMetrics } from './metrics';
import { DEFAULT_PAUSE_POLICY, isNotFoundStatus, pauseReason, type PausePolicy } from './source-health';

/** One entry of `scrape_runs.source_stats`, keyed by `type:identifier`. */
export interface SourceStats {
  source_id: string;
  type: string;
  identifier: string;
  /** Postings the board listed, before search terms, window and limit. */
  seen: number;
  found: number;
  new: number;
  duplicates: number;
  errors: string[];
  /** Why the source did not run this time (e.g. its board's request limit). */
  skipped?: string;
  /** Set when this run's failure paused the source: the reason shown to admins. */
  paused?: string;
  backfill: boolean;
}

export interface RunSummary {
  runId: string;
  status: ScrapeRunStatus;
  jobsFound: number;
  jobsNew: number;
  published: number;
  sourceStats: Record<string, SourceStats>;
}

export interface RunnerSettings {
  /** Scheduled runs keep only postings newer than this (sources already backfilled). */
  windowHours: number;
  /** Most postings a source contributes to one run; its first run backfills up to this. */
  backfillLimit: number;
  sourceConcurrency: number;
  sourceTimeoutMs: number;
  /** When repeated failures pause a source (default: 3 × 404, or 10 failures of any kind). */
  pause?: PausePolicy;
}

export interface ScrapeRunnerDeps {
  prisma: PrismaClient;
  adapters: AdapterRegistry;
  http: HttpClient;
  publisher: JobPublisher;
  logger: Logger;
  settings: RunnerSettings;
  metrics?: ScraperMetrics;
}

export interface ExecuteOptions {
  /** Only these `job_sources` ids (enabled or not); default every enabled source. */
  sourceIds?: readonly string[];
  /** Aborts fetches (shutdown). */
  signal?: AbortSignal;
}

export class RunNotFoundError extends Error {
  constructor(runId: string) {
    super(`scrape run ${runId} does not exist`);
    this.name = 'RunNotFoundError';
  }
}

const sourceSpecSchema = jobSourceSchema();
const MAX_ERROR = 2_000;

function message(error: unknown): string {
  // First line only: browser errors append a multi-line call log.
  const text = (error instanceof Error ? error.message : String(error)).split('\n')[0]?.trim() ?? '';
  return text.length > 500 ? `${text.slice(0, 500)}…` : text;
}

/** Search terms, location, window and limit: what a run keeps of what a board lists. */
export function selectPostings(
  postings: readonly NormalizedPosting[],
  { source, adapter, since, limit }: { source: Pick<JobSource, 'searchTerms' | 'location'>; adapter: SourceAdapter; since: Date | null; limit: number },
): NormalizedPosting[] {
  let list = [...postings];
  if (!adapter.searchesServerSide) {
    const terms = source.searchTerms.map((t) => t.toLowerCase().trim()).filter(Boolean);
    if (terms.length > 0) list = list.filter((p) => terms.some((term) => p.title.toLowerCase().includes(term)));
    const where = source.location?.toLowerCase().trim();
    // Any of the posting's locations: a job in London and Stockholm is kept for Stockholm.
    if (where) list = list.filter((p) => p.remote || [p.location, ...p.locations].some((l) => (l ?? '').toLowerCase().includes(where)));
  }
  // Undated postings cannot be placed in the window; (source, source_id) keeps them from repeating.
  if (since) list = list.filter((p) => !p.postedAt || p.postedAt >= since);
  list.sort((a, b) => (b.postedAt?.getTime() ?? -Infinity) - (a.postedAt?.getTime() ?? -Infinity));
  return list.slice(0, limit);
}

/**
 * Runs scrape runs: every enabled source (in parallel, bounded), each one's postings filtered,
 * stored once (de-duplicated within and across boards), progress and per-source counts written
 * to the `scrape_runs` row as each source finishes, then every new job handed to job-analysis
 * exactly once. A failing source is recorded and the run ends `partial`; re-executing a run
 * (a retry after a crash) stores and publishes nothing twice.
 */
export function createScrapeRunner(deps: ScrapeRunnerDeps) {
  const { prisma, adapters, http, publisher, logger, settings, metrics } = deps;

  async function createRun(trigger: ScrapeTrigger, requestedById?: string | null): Promise<string> {
    const run = await prisma.scrapeRun.create({ data: { trigger, status: ScrapeRunStatus.queued, requestedById: requestedById ?? null }, select: { id: true } });
    return run.id;
  }

  async function runSource(
    runId: string,
    trigger: ScrapeTrigger,
    source: JobSource,
    signal: AbortSignal | undefined,
  ): Promise<SourceStats> {
    const backfill = source.backfilledAt === null;
    const stats: SourceStats = {
      source_id: source.id,
      type: source.type,
      identifier: source.identifier,
      seen: 0,
      found: 0,
      new: 0,
      duplicates: 0,
      errors: [],
      backfill,
    };
    const adapter = adapters.get(source.type);
    if (!adapter) {
      stats.errors.push(source.type === 'fixture' ? FIXTURE_SOURCES_OFF : `unknown source type "${source.type}"`);
      return stats;
    }
    if (
      trigger === 'schedule' &&
      adapter.minIntervalMs &&
      source.lastSuccessAt &&
      Date.now() - source.lastSuccessAt.getTime() < adapter.minIntervalMs
    ) {
      stats.skipped = `${source.type} allows one run every ${Math.round(adapter.minIntervalMs / 60_000)} minutes`;
      return stats;
    }

    // Rows may have been written around jobs-api (SQL, older rules): the same per-type rules apply.
    const spec = sourceSpecSchema.safeParse({
      type: source.type,
      identifier: source.identifier,
      search_terms: source.searchTerms,
      location: source.location,
      company_name: source.companyName,
    });
    if (!spec.success) {
      stats.errors.push(`invalid source: ${describeIssues(spec.error)}`);
      await recordFailure(source, stats, null, logger);
      return stats;
    }

    const timeout = AbortSignal.timeout(settings.sourceTimeoutMs);
    const sourceSignal = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const since = trigger === 'schedule' && !backfill ? new Date(Date.now() - settings.windowHours * 3_600_000) : null;
    const log = logger.child({ run_id: runId, source: `${source.type}:${source.identifier}` });
    try {
      const fetched = await adapter.fetch(
        {
          id: source.id,
          type: source.type,
          identifier: source.identifier,
          searchTerms: source.searchTerms,
          location: source.location,
          companyName: source.companyName,
        },
        { http, logger: log, signal: sourceSignal, since, limit: settings.backfillLimit },
      );
      stats.seen = fetched.length;
      const selected = selectPostings(fetched, { source, adapter, since, limit: settings.backfillLimit });
      metrics?.postings.inc({ source: source.type, outcome: 'filtered' }, fetched.length - selected.length);
      stats.found = selected.length;
      const known = await knownSourceIds(prisma, source.type, selected.map((p) => p.sourceId));
      const seen = new Set<string>();
      for (const posting of selected) {
        if (known.has(posting.sourceId) || seen.has(posting.sourceId)) {
          stats.duplicates += 1;
          continue;
        }
        seen.add(posting.sourceId);
        sourceSignal.throwIfAborted();
        const outcome = await storePosting(prisma, source.type, posting);
        if (outcome.kind === 'new') stats.new += 1;
        else stats.duplicates += 1;
        if (outcome.kind === 'duplicate' && outcome.tookOver) {
          log.info('a more trusted board\'s copy took the job over', { job_id: outcome.jobId, source_id: posting.sourceId, url: posting.url });
        }
      }
      metrics?.postings.inc({ source: source.type, outcome: 'new' }, stats.new);
      metrics?.postings.inc({ source: source.type, outcome: 'duplicate' }, stats.duplicates);
      await prisma.$executeRaw`
        UPDATE job_sources SET last_run_at = now(), last_success_at = now(), last_error = NULL,
          last_jobs_seen = ${stats.seen}, consecutive_failures = 0, consecutive_not_found = 0,
          paused_at = NULL, pause_reason = NULL,
          backfilled_at = COALESCE(backfilled_at, now()), updated_at = now()
        WHERE id = ${source.id}::uuid`;
      log.info('source scraped', { found: stats.found, new: stats.new, duplicates: stats.duplicates, backfill });
    } catch (error) {
      // Shutdown is not the source's fault: the run is interrupted, not this source.
      if (signal?.aborted) throw error;
      const reason = timeout.aborted && !signal?.aborted ? `timed out after ${settings.sourceTimeoutMs} ms` : message(error);
      stats.errors.push(reason);
      log.warn('source failed', { error: reason, found: stats.found, new: stats.new });
      await recordFailure(source, stats, error instanceof UpstreamHttpError ? error.status : null, log);
    }
    return stats;
  }

  /**
   * The failure on the source's row (its error, the streaks) and, after too many in a row, a
   * pause with its reason: the scheduled runs leave a paused source out until an admin resumes it.
   */
  async function recordFailure(source: JobSource, stats: SourceStats, status: number | null, log: Logger): Promise<void> {
    const reason = stats.errors[stats.errors.length - 1] ?? 'failed';
    const notFound = isNotFoundStatus(status);
    try {
      const [row] = await prisma.$queryRaw<{ consecutive_failures: number; consecutive_not_found: number }[]>`
        UPDATE job_sources SET last_run_at = now(), last_error = ${reason}, updated_at = now(),
          consecutive_failures = consecutive_failures + 1,
          consecutive_not_found = CASE WHEN ${notFound} THEN consecutive_not_found + 1 ELSE 0 END
        WHERE id = ${source.id}::uuid
        RETURNING consecutive_failures, consecutive_not_found`;
      if (!row) return;
      const pause = pauseReason(
        { consecutiveFailures: row.consecutive_failures, consecutiveNotFound: row.consecutive_not_found, status, error: reason },
        settings.pause ?? DEFAULT_PAUSE_POLICY,
      );
      if (!pause) return;
      const paused = await prisma.$executeRaw`
        UPDATE job_sources SET paused_at = now(), pause_reason = ${pause}, updated_at = now()
        WHERE id = ${source.id}::uuid AND paused_at IS NULL`;
      if (paused > 0) {
        stats.paused = pause;
        log.warn('source paused after repeated failures', { reason: pause });
      }
    } catch (e) {
      log.warn('could not record the source error', { error: message(e) });
    }
  }

  async function executeRun(runId: string, options: ExecuteOptions = {}): Promise<RunSummary> {
    const run = await prisma.scrapeRun.findUnique({ where: { id: runId } });
    if (!run) throw new RunNotFoundError(runId);
    if (isEndedScrapeRun(run.status)) {
      logger.info('scrape run already finished; nothing to do', { run_id: runId, status: run.status });
      return {
        runId,
        status: run.status,
        jobsFound: run.jobsFound,
        jobsNew: run.jobsNew,
        published: 0,
        sourceStats: run.sourceStats as unknown as Record<string, SourceStats>,
      };
    }
    const sources = await prisma.jobSource.findMany({
      // Paused sources wait for an admin; asked for by id (a manual run of one source), they run.
      where: options.sourceIds ? { id: { in: [...options.sourceIds] } } : { enabled: true, pausedAt: null },
      orderBy: [{ type: 'asc' }, { identifier: 'asc' }],
    });
    const timer = metrics?.runDuration.startTimer({ trigger: run.trigger });
    // started_at is kept across retries: the publish sweep below covers every attempt.
    const [started] = await prisma.$queryRaw<{ started_at: Date }[]>`
      UPDATE scrape_runs SET status = ${ScrapeRunStatus.running}::scrape_run_status, started_at = COALESCE(started_at, now()), finished_at = NULL,
        sources_total = ${sources.length}, sources_done = 0, jobs_found = 0, jobs_new = 0, source_stats = '{}'::jsonb, error = NULL
      WHERE id = ${runId}::uuid
      RETURNING started_at`;
    if (!started) throw new RunNotFoundError(runId);
    logger.info('scrape run started', { run_id: runId, trigger: run.trigger, sources: sources.length });

    const all: Record<string, SourceStats> = {};
    // SCRAPE_SOURCE_CONCURRENCY sources at once; after a failure that escapes runSource (shutdown,
    // a lost database) no further source is started.
    await pMap(sources, async (source) => {
      options.signal?.throwIfAborted();
      const stats = await runSource(runId, run.trigger, source, options.signal);
      const key = `${source.type}:${source.identifier}`;
      all[key] = stats;
      metrics?.sourceRuns.inc({ source: source.type, result: stats.errors.length ? 'error' : stats.skipped ? 'skipped' : 'ok' });
      await prisma.$executeRaw`
        UPDATE scrape_runs SET source_stats = source_stats || jsonb_build_object(${key}::text, ${JSON.stringify(stats)}::jsonb),
          sources_done = sources_done + 1, jobs_found = jobs_found + ${stats.found}, jobs_new = jobs_new + ${stats.new}
        WHERE id = ${runId}::uuid`;
    }, { concurrency: settings.sourceConcurrency });
    options.signal?.throwIfAborted();

    // Hand-off: every job this run stored (in this attempt or a crashed earlier one) that is
    // still new; the publisher's per-job marker makes a second hand-off impossible.
    const types = [...new Set(sources.map((s) => s.type))];
    const pending = await prisma.$queryRaw<{ id: string }[]>`
      SELECT id FROM jobs WHERE status = 'new' AND scraped_at >= ${started.started_at} AND source = ANY(${types}::text[])
      ORDER BY scraped_at, id`;
    const published = await publisher.publishNewJobs(pending.map((row) => row.id));
    metrics?.published.inc(published);

    const failed = Object.values(all).filter((s) => s.errors.length > 0);
    const status: ScrapeRunStatus =
      failed.length === 0 ? ScrapeRunStatus.succeeded : failed.length === sources.length ? ScrapeRunStatus.failed : ScrapeRunStatus.partial;
    const summary = failed.map((s) => `${s.type}:${s.identifier}: ${s.errors.join('; ')}`).join(' | ');
    const error = failed.length ? `${failed.length} of ${sources.length} sources failed: ${summary}`.slice(0, MAX_ERROR) : null;
    const [final] = await prisma.$queryRaw<{ jobs_found: number; jobs_new: number }[]>`
      UPDATE scrape_runs SET status = ${status}::scrape_run_status, finished_at = now(), error = ${error}
      WHERE id = ${runId}::uuid RETURNING jobs_found, jobs_new`;
    timer?.();
    metrics?.runs.inc({ trigger: run.trigger, status });
    logger.info('scrape run finished', { run_id: runId, status, jobs_found: final?.jobs_found, jobs_new: final?.jobs_new, published });
    return { runId, status, jobsFound: final?.jobs_found ?? 0, jobsNew: final?.jobs_new ?? 0, published, sourceStats: all };
  }

  /** Marks a run failed (its job gave up: no retries left, or it cannot run). */
  async function failRun(runId: string, reason: string): Promise<void> {
    await prisma.scrapeRun.updateMany({
      where: { id: runId, status: { in: [ScrapeRunStatus.queued, ScrapeRunStatus.running] } },
      data: { status: ScrapeRunStatus.failed, finishedAt: new Date(), error: reason.slice(0, MAX_ERROR) },
    });
  }

  return { createRun, executeRun, failRun };
}

export type ScrapeRunner = ReturnType<typeof createScrapeRunner>;
