import { DelayedError, Queue, UnrecoverableError, Worker, type Job } from 'bullmq';
import { parseScrapeRunRequest, scrapeQueue, type ScrapeRunRequest } from '@jobping/contracts';
import type { Logger } from '@jobping/logger';
import type { Redis } from '@jobping/redis';
import { RunNotFoundError, type ScrapeRunner } from '../services/scrape-runner';

export interface QueueConnection {
  /** An ioredis connection with maxRetriesPerRequest: null (BullMQ's requirement for workers). */
  connection: Redis;
  /** BullMQ key prefix (BULLMQ_PREFIX); tests use their own. */
  prefix: string;
}

/** Options of every scheduled run: retried after a failure, history kept bounded. */
export const scheduledJobOptions = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 30_000 },
  removeOnComplete: { count: 200 },
  removeOnFail: { count: 500 },
} as const;

export function createScrapeQueue({ connection, prefix }: QueueConnection): Queue<ScrapeRunRequest> {
  return new Queue<ScrapeRunRequest>(scrapeQueue.name, { connection, prefix });
}

/**
 * The periodic run. upsertJobScheduler is idempotent: every replica calls it at start and one
 * scheduler results (a changed cron replaces the old one). A global concurrency of 1 keeps
 * one run at a time across every replica.
 */
export async function registerSchedule(queue: Queue<ScrapeRunRequest>, cron: string): Promise<void> {
  await queue.setGlobalConcurrency(1);
  await queue.upsertJobScheduler(scrapeQueue.scheduler, { pattern: cron }, { name: scrapeQueue.runJob, data: {}, opts: scheduledJobOptions });
}

/**
 * Queues one run now unless a run was created within `withinMs` (so restarts and several
 * replicas starting together do not pile runs up). The job id is the time bucket, so two
 * replicas in the same bucket add one job.
 */
export async function queueStartupRun(queue: Queue<ScrapeRunRequest>, lastRunAt: Date | null, withinMs = 30 * 60_000): Promise<boolean> {
  if (lastRunAt && Date.now() - lastRunAt.getTime() < withinMs) return false;
  const bucket = Math.floor(Date.now() / withinMs);
  await queue.add(scrapeQueue.runJob, {}, { ...scheduledJobOptions, jobId: `startup-${bucket}` });
  return true;
}

export interface ScrapeWorkerOptions extends QueueConnection {
  runner: ScrapeRunner;
  logger: Logger;
  /** Aborted on shutdown so a running scrape stops fetching. */
  signal?: AbortSignal;
  autorun?: boolean;
}

/**
 * Executes runs from the queue, one at a time: on-demand jobs `{ run_id }` (jobs-api created
 * the row) and scheduled ones `{}` (the row is created here, and its id stored in the job so
 * a retry continues the same run).
 */
export function createScrapeWorker({ connection, prefix, runner, logger, signal, autorun = true }: ScrapeWorkerOptions): Worker<ScrapeRunRequest> {
  const worker = new Worker<ScrapeRunRequest>(
    scrapeQueue.name,
    async (job: Job<ScrapeRunRequest>, token?: string, jobSignal?: AbortSignal) => {
      let request: ScrapeRunRequest;
      try {
        request = parseScrapeRunRequest(job.data);
      } catch (error) {
        throw new UnrecoverableError(error instanceof Error ? error.message : String(error));
      }
      let runId = request.run_id;
      if (!runId) {
        runId = await runner.createRun('schedule');
        await job.updateData({ run_id: runId });
      }
      const signals = [signal, jobSignal].filter((s): s is AbortSignal => s !== undefined);
      try {
        const summary = await runner.executeRun(runId, { signal: signals.length ? AbortSignal.any(signals) : undefined });
        return { run_id: runId, status: summary.status, jobs_new: summary.jobsNew, published: summary.published };
      } catch (error) {
        if (error instanceof RunNotFoundError) throw new UnrecoverableError(error.message);
        if (signal?.aborted && token) {
          // Shutting down: hand the run back (not a failed attempt); a replica, or this one
          // after its restart, continues the same run (runs are idempotent).
          logger.info('scrape run interrupted by shutdown; handed back to the queue', { run_id: runId });
          await job.moveToDelayed(Date.now() + 1_000, token);
          throw new DelayedError();
        }
        throw error;
      }
    },
    { connection, prefix, concurrency: 1, autorun },
  );
  worker.on('failed', (job, error) => {
    if (!job) return;
    const runId = job.data.run_id;
    const final = error instanceof UnrecoverableError || error.name === 'UnrecoverableError' || job.attemptsMade >= (job.opts.attempts ?? 1);
    logger.warn('scrape run attempt failed', { run_id: runId, attempt: job.attemptsMade, final, error: error.message });
    if (runId && final) void runner.failRun(runId, error.message).catch((e: unknown) => logger.error('could not mark the run failed', { run_id: runId, error: String(e) }));
  });
  worker.on('error', (error) => logger.warn('scrape worker error', { error: error.message }));
  return worker;
}
