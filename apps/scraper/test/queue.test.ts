import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Queue, Worker } from 'bullmq';
import { scrapeQueue, type ScrapeRunRequest } from '@jobping/contracts';
import { createRedis, type Redis } from '@jobping/redis';
import { createAdapterRegistry } from '@jobping/sources';
import { registryConfigAt } from '@jobping/sources/testing';
import { createScrapeQueue, createScrapeWorker, queueStartupRun, registerSchedule } from '../src/queue/scrape-queue';
import { createJobPublisher } from '../src/services/job-publisher';
import { createScrapeRunner } from '../src/services/scrape-runner';
import { createTestEnv, readJobAnalysis, writeBoard, type TestEnv } from './db-helpers';
import { eventually, fixture, logger, sendJson, startLoopback, testHttpClient, testRedisUrl } from './helpers';

let env: TestEnv;
let prefix: string;
const http = testHttpClient();
const connections: Redis[] = [];
const queues: Queue<ScrapeRunRequest>[] = [];
const workers: Worker<ScrapeRunRequest>[] = [];

function connection(): Redis {
  const redis = createRedis(testRedisUrl(), { connectionName: 'scraper-test:bullmq', blocking: true });
  connections.push(redis);
  return redis;
}

/** One scraper replica: its own connections, queue and worker, like a second process. */
function replica(boardBase = 'http://127.0.0.1:9') {
  const queue = createScrapeQueue({ connection: connection(), prefix });
  queues.push(queue);
  const runner = createScrapeRunner({
    prisma: env.prisma,
    adapters: createAdapterRegistry(
      registryConfigAt('http://127.0.0.1:9', { GREENHOUSE_API_BASE: boardBase, SCRAPE_FIXTURE_SOURCES: true }),
      env.dir,
    ),
    http,
    publisher: createJobPublisher({ redis: env.redis, keyPrefix: env.keyPrefix }),
    logger,
    settings: { windowHours: 1, backfillLimit: 100, sourceConcurrency: 2, sourceTimeoutMs: 10_000 },
  });
  return { queue, runner };
}

beforeAll(async () => {
  env = await createTestEnv('scraper_queue');
  prefix = `${env.keyPrefix}bull`;
  writeBoard(env.dir, 'queue.json', [
    { id: 31, title: 'Queue Engineer', company: 'Queue Co', location: 'Paris', hoursAgo: 0.5 },
    { id: 32, title: 'Queue Designer', company: 'Queue Co', location: 'Paris', hoursAgo: 0.5 },
  ]);
  await env.prisma.jobSource.create({ data: { type: 'fixture', identifier: 'fixtures/queue.json' } });
});

afterAll(async () => {
  for (const worker of workers) await worker.close();
  if (queues[0]) await queues[0].obliterate({ force: true });
  for (const queue of queues) await queue.close();
  for (const redis of connections) await redis.quit();
  await http.close();
  await env.close();
});

describe('the scrape-runs queue', () => {
  it('registers the scheduler once however many replicas start', async () => {
    const replicas = [replica(), replica()];
    await Promise.all(replicas.map(({ queue }) => registerSchedule(queue, '*/30 * * * *')));
    await registerSchedule(replicas[1]!.queue, '*/30 * * * *');
    expect(await replicas[0]!.queue.getJobSchedulersCount()).toBe(1);
    const [scheduler] = await replicas[0]!.queue.getJobSchedulers();
    expect(scheduler).toMatchObject({ key: scrapeQueue.scheduler, pattern: '*/30 * * * *', name: scrapeQueue.runJob });
    // One delayed job waits for the next slot, not one per replica.
    expect(await replicas[0]!.queue.getDelayedCount()).toBe(1);

    // A changed cron replaces the scheduler rather than adding one.
    await registerSchedule(replicas[0]!.queue, '*/15 * * * *');
    expect(await replicas[1]!.queue.getJobSchedulersCount()).toBe(1);
    expect((await replicas[1]!.queue.getJobSchedulers())[0]).toMatchObject({ pattern: '*/15 * * * *' });
    // Global concurrency 1: one run at a time across every replica.
    expect(await replicas[1]!.queue.getGlobalConcurrency()).toBe(1);
    await replicas[0]!.queue.removeJobScheduler(scrapeQueue.scheduler);
  });

  it('executes on-demand runs from the queue, one at a time, and scheduled ones with their own row', async () => {
    const replicas = [replica(), replica()];
    for (const { runner } of replicas) {
      const worker = createScrapeWorker({ connection: connection(), prefix, runner, logger });
      workers.push(worker);
    }
    await replicas[0]!.queue.setGlobalConcurrency(1);

    // What jobs-api does for POST /api/jobs/fetch: a queued row, then a job { run_id } with that id.
    const first = await env.prisma.scrapeRun.create({ data: { trigger: 'manual', status: 'queued' } });
    const second = await env.prisma.scrapeRun.create({ data: { trigger: 'manual', status: 'queued' } });
    await replicas[0]!.queue.add(scrapeQueue.runJob, { run_id: first.id }, { jobId: first.id });
    await replicas[1]!.queue.add(scrapeQueue.runJob, { run_id: second.id }, { jobId: second.id });
    // The same request again (a retried HTTP call) does not queue the run twice.
    await replicas[1]!.queue.add(scrapeQueue.runJob, { run_id: first.id }, { jobId: first.id });

    const done = await eventually(async () => {
      const rows = await env.prisma.scrapeRun.findMany({ where: { id: { in: [first.id, second.id] } } });
      return rows.every((row) => row.status === 'succeeded') ? rows : null;
    });
    const byId = new Map(done.map((row) => [row.id, row]));
    const a = byId.get(first.id)!;
    const b = byId.get(second.id)!;
    expect(a).toMatchObject({ sourcesTotal: 1, sourcesDone: 1, jobsFound: 2 });
    expect(a.jobsNew + b.jobsNew).toBe(2);
    expect((a.sourceStats as Record<string, unknown>)['fixture:fixtures/queue.json']).toMatchObject({ found: 2, errors: [] });
    // Never two runs at once, although two workers were waiting.
    const [early, late] = [a, b].sort((x, y) => x.startedAt!.getTime() - y.startedAt!.getTime());
    expect(early!.finishedAt!.getTime()).toBeLessThanOrEqual(late!.startedAt!.getTime());
    const job = await replicas[0]!.queue.getJob(first.id);
    expect(job?.returnvalue).toMatchObject({ run_id: first.id, status: 'succeeded' });
    const queueJobs = await env.prisma.job.findMany({ where: { companyName: 'Queue Co' }, select: { id: true } });
    expect((await readJobAnalysis(env.redis, env.keyPrefix)).map((p) => p.jobId).sort()).toEqual(queueJobs.map((j) => j.id).sort());

    // A scheduled run arrives without run_id: the worker creates the row (trigger schedule).
    const scheduled = await replicas[0]!.queue.add(scrapeQueue.runJob, {});
    const row = await eventually(async () => {
      const fresh = await replicas[0]!.queue.getJob(scheduled.id!);
      const runId = fresh?.data.run_id;
      const found = runId ? await env.prisma.scrapeRun.findUnique({ where: { id: runId } }) : null;
      return found?.status === 'succeeded' ? found : null;
    });
    expect(row).toMatchObject({ trigger: 'schedule', sourcesDone: 1, jobsNew: 0 });

    // A job naming a run that does not exist fails for good, without retries.
    const missing = await replicas[0]!.queue.add(scrapeQueue.runJob, { run_id: '00000000-0000-4000-8000-000000000001' }, { attempts: 3 });
    const failed = await eventually(async () => {
      const fresh = await replicas[0]!.queue.getJob(missing.id!);
      // Read it again once failed: the first read may predate the failure (attemptsMade still 0).
      return fresh && (await fresh.isFailed()) ? replicas[0]!.queue.getJob(missing.id!) : null;
    });
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toContain('does not exist');
  });

  it('queues one start-up run per time bucket, none right after a run', async () => {
    const { queue } = replica();
    expect(await queueStartupRun(queue, new Date())).toBe(false);
    expect(await queueStartupRun(queue, null, 24 * 3_600_000)).toBe(true);
    expect(await queueStartupRun(queue, null, 24 * 3_600_000)).toBe(true);
    const jobs = (await queue.getJobs(['waiting', 'active', 'completed', 'prioritized'])).filter((j) => j.id?.startsWith('startup-'));
    expect(jobs).toHaveLength(1);
  });

  it('hands a run interrupted by shutdown back to the queue; the next worker finishes the same run', async () => {
    for (const worker of workers.splice(0)) await worker.close();
    let slow = true;
    const held: ServerResponse[] = [];
    const board = await startLoopback((_req, res, url) => {
      if (url.pathname !== '/v1/boards/slowboard/jobs') return sendJson(res, 404, {});
      if (slow) return void held.push(res);
      sendJson(res, 200, fixture('greenhouse-jobs.json'));
    });
    try {
      await env.prisma.jobSource.create({ data: { type: 'greenhouse', identifier: 'slowboard' } });
      const { queue, runner } = replica(board.url);
      const shutdown = new AbortController();
      const worker = createScrapeWorker({ connection: connection(), prefix, runner, logger, signal: shutdown.signal });
      const run = await env.prisma.scrapeRun.create({ data: { trigger: 'manual', status: 'queued' } });
      await queue.add(scrapeQueue.runJob, { run_id: run.id }, { jobId: run.id });

      // The run is under way, waiting for the board: now the process is told to stop.
      await eventually(async () => board.requests.length > 0);
      shutdown.abort(new Error('SIGTERM'));
      await worker.close();
      const job = await queue.getJob(run.id);
      expect(await job?.getState()).toBe('delayed');
      expect((await env.prisma.scrapeRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe('running');

      // Another worker (a replica, or the restarted process) completes the same run.
      slow = false;
      workers.push(createScrapeWorker({ connection: connection(), prefix, runner, logger }));
      const finished = await eventually(async () => {
        const row = await env.prisma.scrapeRun.findUniqueOrThrow({ where: { id: run.id } });
        return row.status === 'running' || row.status === 'queued' ? null : row;
      });
      expect(finished).toMatchObject({ status: 'succeeded', sourcesTotal: 2, sourcesDone: 2 });
      expect((finished.sourceStats as Record<string, unknown>)['greenhouse:slowboard']).toMatchObject({ found: 2, errors: [] });
    } finally {
      for (const res of held) res.destroy();
      await board.close();
    }
  });
});
