/* eslint-disable no-console -- a benchmark prints its figures */
// `npm run bench -- pipeline [--jobs N] [--users M] [--fanout-users K] [--left-out-every E]
// [--no-decision-log-compare] [--decision-log-off-first]`: the four stages as separate processes (two consumers per stage,
// local provider) on a fresh database, N jobs × M users, every E-th user with a must-have no job
// meets (fan-out leaves them out, and the decision log records why); the same pipeline again
// with the decision log off (DECISION_LOG=false), for the ratio; then fanout alone, 1 job → K
// users, against raw pipelined XADD measured in the same run. One JSON line per figure, then a table.
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEnvelope, encodeEntry, toFieldList } from '@jobping/contracts';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { DEMO_PROMPT, demoPostings } from '@jobping/db/demo';
import { createTestDatabase } from '@jobping/db/testing';
import { createRedis, type Redis } from '@jobping/redis';
import { createPublisher, streamKeys, streamsStatus } from '@jobping/streams';
import { WORKER_NODE_OPTIONS } from '@jobping/stream-worker';
import { FakeDiscord, deleteKeys, intArg as arg, printFigures, round, type Figure } from '@jobping/testing';
import { insertJobs } from '../src/fixtures';
import { streamsIdle } from '../src/idle';
import { spawnWorker, stageApps, type StageApp, type WorkerProcess } from '../src/workers';

const JOBS = arg('jobs', 200);
const USERS = arg('users', 5_000);
const FANOUT_USERS = arg('fanout-users', 100_000);
const CONSUMERS_PER_STAGE = arg('consumers', 2);
/** Every E-th user has a must-have no job meets (a minimum salary no posting reaches, unstated pay left out). */
const LEFT_OUT_EVERY = arg('left-out-every', 10);
/** Unless --no-decision-log-compare: run the pipeline a second time with the decision log off and report the ratio. */
const DECISION_LOG_COMPARE = !process.argv.includes('--no-decision-log-compare');
/** --decision-log-off-first: the log-off run goes first (by default second), to see what the order itself does. */
const DECISION_LOG_OFF_FIRST = process.argv.includes('--decision-log-off-first');
/** Share of users with a Discord webhook (the fake Discord in this process answers). */
const WEBHOOK_EVERY = 50;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';


/** Prompts of varied users: the demo prompt and variations on it, with varied thresholds. */
const PROMPTS = [
  DEMO_PROMPT,
  'Backend engineer, Go or Rust, remote in Europe, at least €70k, no gambling.',
  'Senior frontend engineer, React and TypeScript, hybrid in Berlin is fine.',
  'Staff platform engineer, Kubernetes, Go, remote (EU), no adtech, no crypto.',
  'Mid-level full-stack developer, TypeScript, Node.js and React, remote.',
];

async function insertUsers(prisma: PrismaClient, count: number, discord: FakeDiscord | null, leftOutEvery = 0): Promise<void> {
  const webhookBase = discord ? `http://${discord.host}/api/webhooks/` : null;
  await prisma.$executeRaw`
    INSERT INTO users (email, password_hash, ai_prompt, ai_prompt_updated_at, notify_threshold, min_salary, keep_unstated_salary)
    SELECT 'bench-' || g || '@jobping.test', 'x', (${PROMPTS}::text[])[1 + g % ${PROMPTS.length}], now() - interval '1 day',
           (ARRAY[60, 70, 80])[1 + g % 3],
           CASE WHEN ${leftOutEvery}::int > 0 AND g % ${leftOutEvery}::int = 0 THEN 100000000 END,
           NOT (${leftOutEvery}::int > 0 AND g % ${leftOutEvery}::int = 0)
    FROM generate_series(1, ${count}) AS g`;
  // Every WEBHOOK_EVERY-th user has a Discord channel (the account webhook is one).
  if (webhookBase) {
    await prisma.$executeRaw`
      INSERT INTO notification_channels (user_id, kind, settings)
      SELECT u.id, 'discord', jsonb_build_object('webhook_url', ${webhookBase}::text || (1100000000000000000 + g)::text || '/' || repeat('t', 68))
      FROM generate_series(1, ${count}) AS g JOIN users u ON u.email = 'bench-' || g || '@jobping.test'
      WHERE g % ${WEBHOOK_EVERY} = 0`;
  }
}

/** How many of `count` users insertUsers gives a must-have no job meets. */
const leftOutOf = (count: number, leftOutEvery: number) => (leftOutEvery > 0 ? Math.floor(count / leftOutEvery) : 0);

/** Waits until each stage's consumer group exists (the workers create it when they start). */
async function groupsReady(redis: Redis, prefix: string, stages: readonly StageApp[]): Promise<void> {
  const streamOf: Record<StageApp, Parameters<typeof streamKeys>[0]> = {
    'company-researcher': 'job-analysis',
    fanout: 'user-fanout',
    matcher: 'user-analysis',
    notifier: 'notification',
  };
  const deadline = Date.now() + 60_000;
  for (const stage of stages) {
    const key = streamKeys(streamOf[stage], prefix).stream;
    for (;;) {
      const groups = (await redis.call('XINFO', 'GROUPS', key).catch(() => [])) as unknown[];
      if (groups.length > 0) break;
      if (Date.now() > deadline) throw new Error(`the ${stage} workers did not start`);
      await sleep(50);
    }
  }
}

/** BENCH_NODE_ARGS adds node flags to every worker; BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of each there. */
const PROFILE_ARGS = [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), ...(process.env.BENCH_CPU_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROFILE}`] : [])];

function startStages(stages: readonly StageApp[], env: Record<string, string>, workers: WorkerProcess[]): void {
  for (const app of stages) for (let i = 0; i < CONSUMERS_PER_STAGE; i += 1) workers.push(spawnWorker(app, env, PROFILE_ARGS));
}

/** Raw pipelined XADD of `count` entries like fanout's, encoded up front: only Redis work is timed. */
async function rawXaddRate(redis: Redis, key: string, count: number): Promise<number> {
  const envelope = createEnvelope();
  const jobId = randomUUID();
  const encoded = Array.from({ length: count }, () => toFieldList(encodeEntry('user-analysis', { job_id: jobId, user_id: randomUUID() }, envelope)));
  const start = performance.now();
  for (let i = 0; i < encoded.length; i += 1_000) {
    const pipeline = redis.pipeline();
    for (const fields of encoded.slice(i, i + 1_000)) pipeline.xadd(key, '*', ...fields);
    await pipeline.exec();
  }
  const seconds = (performance.now() - start) / 1000;
  await redis.del(key);
  return count / seconds;
}

async function main(): Promise<void> {
  const prefix = `bench:pipeline:${randomUUID().slice(0, 8)}:`;
  const db = await createTestDatabase('bench_pipeline');
  const prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 4 });
  const redis = createRedis(redisUrl, { connectionName: 'pipeline-bench' });
  const discord = await new FakeDiscord().start();
  const workers: WorkerProcess[] = [];
  const env = {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    DATABASE_URL: db.url,
    DATABASE_POOL_SIZE: '6',
    REDIS_URL: redisUrl,
    STREAM_KEY_PREFIX: prefix,
    OPS_PORT: '0',
    LLM_PROVIDER: 'local',
    JOBPING_WEBHOOK_ALLOWED_HOSTS: discord.host,
    // As deployed (k8s/, docker-compose.yml): the workers' heap limits.
    NODE_OPTIONS: WORKER_NODE_OPTIONS,
  };
  const peaks = new Map<string, number>();
  const sampleMemory = () => {
    workers.forEach((w) => {
      const mb = w.peakRssMb();
      if (mb !== null) peaks.set(`${w.app} (pid ${w.pid})`, mb);
    });
  };
  const stopAll = async () => {
    sampleMemory();
    await Promise.all(workers.map((w) => w.stop()));
  };

  try {
    // 1. The whole pipeline: N jobs × M users, with the decision log on (as deployed), then off.
    const leftOut = leftOutOf(USERS, LEFT_OUT_EVERY);
    process.stderr.write(`pipeline: ${JOBS} jobs × ${USERS} users (${leftOut} left out by a must-have), ${CONSUMERS_PER_STAGE} consumers per stage\n`);
    const expectedPairs = JOBS * USERS;
    const scoredPairs = JOBS * (USERS - leftOut);
    const postings = Array.from({ length: JOBS }, (_, i) => demoPostings[i % demoPostings.length]!);
    let jobs: Awaited<ReturnType<typeof insertJobs>> = [];

    /**
     * One pipeline run in a database of its own (the same users and jobs inserted afresh), with
     * its own stream prefix: the second run inherits no table, statistics or stream of the first.
     */
    const runPipeline = async (decisionLog: boolean, label: string) => {
      const runDb = await createTestDatabase(`bench_pipeline_${label.replace(/-/g, '_')}`);
      const prisma = createPrismaClient({ databaseUrl: runDb.url, poolSize: 4 });
      try {
        return await runPipelineOn(prisma, runDb.url, decisionLog, label);
      } finally {
        await prisma.$disconnect();
        await runDb.drop();
      }
    };
    const runPipelineOn = async (prisma: PrismaClient, databaseUrl: string, decisionLog: boolean, label: string) => {
      await insertUsers(prisma, USERS, discord, LEFT_OUT_EVERY);
      jobs = [];
      for (let copy = 0; copy * demoPostings.length < JOBS; copy += 1) {
        jobs.push(...(await insertJobs(prisma, postings.slice(copy * demoPostings.length, (copy + 1) * demoPostings.length), `bench${label}${copy}`)));
      }
      const runPrefix = `${prefix}${label}:`;
      const runWorkers: WorkerProcess[] = [];
      startStages(stageApps, { ...env, DATABASE_URL: databaseUrl, STREAM_KEY_PREFIX: runPrefix, DECISION_LOG: String(decisionLog) }, runWorkers);
      workers.push(...runWorkers);
      await groupsReady(redis, runPrefix, stageApps);
      const started = Date.now();
      await createPublisher({ redis, keyPrefix: runPrefix }).publishMany('job-analysis', jobs.map((job) => ({ job_id: job.id })));
      let lastReport = 0;
      for (;;) {
        await sleep(500);
        sampleMemory();
        const [row] = await prisma.$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM user_job_matches`;
        const done = Number(row?.n ?? 0);
        if (Date.now() - lastReport > 10_000) {
          lastReport = Date.now();
          const backlog = (await streamsStatus(redis, runPrefix)).map((st) => `${st.stream} ${st.groups.map((g) => (g.lag ?? 0) + g.pending).join('+') || 0}`);
          process.stderr.write(`  [decision log ${decisionLog ? 'on' : 'off'}] ${done.toLocaleString('en')} of ${scoredPairs.toLocaleString('en')} scored pairs after ${round((Date.now() - started) / 1000)} s; backlog: ${backlog.join(', ')}\n`);
        }
        if (done >= scoredPairs && (await streamsIdle(redis, runPrefix))) break;
        const stuck = runWorkers.find((w) => w.child.exitCode !== null);
        if (stuck) throw new Error(`${stuck.app} exited: ${stuck.output().slice(-2_000)}`);
      }
      const [timing] = await prisma.$queryRaw<
        { last_match: Date; last_notification: Date | null; llm_calls: bigint; notifications: bigint; decisions: bigint; p50: number | null; p99: number | null }[]
      >`
        SELECT (SELECT max(updated_at) FROM user_job_matches) AS last_match,
               (SELECT max(created_at) FROM notifications) AS last_notification,
               (SELECT count(*) FROM user_job_matches WHERE NOT prefilter_skipped) AS llm_calls,
               (SELECT count(*) FROM notifications) AS notifications,
               (SELECT count(*) FROM match_decisions) AS decisions,
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM created_at) * 1000 - ${started}) FROM notifications) AS p50,
               (SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM created_at) * 1000 - ${started}) FROM notifications) AS p99`;
      const research = await prisma.company.count({ where: { companyInfoUpdatedAt: { not: null } } });
      const finished = Math.max(timing!.last_match.getTime(), timing!.last_notification?.getTime() ?? 0);
      await Promise.all(runWorkers.map((w) => w.stop()));
      sampleMemory();
      return { pairsPerSecond: expectedPairs / ((finished - started) / 1000), timing: timing!, research };
    };

    const offFirst = DECISION_LOG_COMPARE && DECISION_LOG_OFF_FIRST ? await runPipeline(false, 'log-off') : null;
    const on = await runPipeline(true, 'log-on');
    const { timing, research, pairsPerSecond } = on;
    if (Number(timing.decisions) !== JOBS * leftOut) throw new Error(`the decision log holds ${timing.decisions} rows; expected ${JOBS * leftOut} (jobs × left-out users)`);
    const off = offFirst ?? (DECISION_LOG_COMPARE ? await runPipeline(false, 'log-off') : null);
    if (off && Number(off.timing.decisions) !== 0) throw new Error(`DECISION_LOG=false still wrote ${off.timing.decisions} rows`);

    // 2. Fanout alone: 1 job → K users, against raw pipelined XADD.
    process.stderr.write(`fanout: 1 job → ${FANOUT_USERS} users\n`);
    await insertUsers(prisma, FANOUT_USERS, null);
    const fanoutJob = (await insertJobs(prisma, demoPostings.slice(0, 1), 'fanout'))[0]!.id;
    const baseline = await rawXaddRate(redis, `${prefix}raw-xadd`, FANOUT_USERS);
    const fanoutWorkers: WorkerProcess[] = [];
    startStages(['fanout'], { ...env, STREAM_KEY_PREFIX: `${prefix}fanout:` }, fanoutWorkers);
    workers.push(...fanoutWorkers);
    await groupsReady(redis, `${prefix}fanout:`, ['fanout']);
    await prisma.job.update({ where: { id: fanoutJob }, data: { status: 'researched' } });
    const target = streamKeys('user-analysis', `${prefix}fanout:`).stream;
    const fanoutStart = performance.now();
    await createPublisher({ redis, keyPrefix: `${prefix}fanout:` }).publish('user-fanout', { job_id: fanoutJob });
    while (Number(await redis.call('XLEN', target)) < FANOUT_USERS) await sleep(5);
    const fanoutRate = FANOUT_USERS / ((performance.now() - fanoutStart) / 1000);
    await stopAll();

    const maxRss = Math.max(...peaks.values());
    const figures: Figure[] = [
      { metric: 'pipeline.pairs_per_s', value: round(pairsPerSecond), unit: 'pairs/s', target: '>=5000' },
      { metric: 'pipeline.llm_calls', value: Number(timing.llm_calls) + research, unit: 'calls' },
      { metric: 'pipeline.notifications', value: Number(timing.notifications), unit: 'rows' },
      { metric: 'pipeline.decision_rows', value: Number(timing.decisions), unit: 'rows' },
      { metric: 'pipeline.p50_latency_ms', value: round(timing.p50 ?? 0), unit: 'ms' },
      { metric: 'pipeline.p99_latency_ms', value: round(timing.p99 ?? 0), unit: 'ms' },
      ...(off
        ? [
            { metric: 'pipeline.decision_log_off_pairs_per_s', value: round(off.pairsPerSecond), unit: 'pairs/s' },
            {
              metric: 'pipeline.decision_log_pairs_per_s_ratio',
              value: round(pairsPerSecond / off.pairsPerSecond, 3),
              unit: 'ratio',
              baseline: round(off.pairsPerSecond),
              target: '>=0.85',
            },
          ]
        : []),
      { metric: 'pipeline.fanout_per_s', value: round(fanoutRate), unit: 'msg/s', baseline: round(baseline) },
      { metric: 'pipeline.fanout_ratio', value: round(fanoutRate / baseline, 3), unit: 'ratio', baseline: round(baseline), target: '>=0.5' },
      { metric: 'pipeline.max_worker_rss_mb', value: round(maxRss, 1), unit: 'MB', target: '<=200' },
    ];
    printFigures(
      `pipeline benchmark: ${JOBS} jobs × ${USERS.toLocaleString('en')} users = ${expectedPairs.toLocaleString('en')} pairs ` +
        `(every ${LEFT_OUT_EVERY}th user left out by a must-have: ${(JOBS * leftOut).toLocaleString('en')} pairs decided in fan-out), ` +
        `decision log on${off ? `, and the same run with it off ${offFirst ? 'before' : 'after'} it (ratio on/off)` : ''}, ` +
        `${CONSUMERS_PER_STAGE} consumers per stage (NODE_OPTIONS=${WORKER_NODE_OPTIONS}), local provider (LLM calls = scoring calls that passed the pre-filter + company research); ` +
        `latency from the job-analysis publish to the notification row; fanout alone: 1 job → ${FANOUT_USERS.toLocaleString('en')} users`,
      figures,
    );
    console.log('peak resident memory per worker process (VmHWM):');
    console.table([...peaks.entries()].map(([worker, mb]) => ({ worker, peak_rss_mb: round(mb, 1) })));
  } finally {
    await Promise.all(workers.map((w) => w.stop(5_000)));
    await discord.stop();
    await deleteKeys(redis, prefix);
    await redis.quit();
    await prisma.$disconnect();
    await db.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
