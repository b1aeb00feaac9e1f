// End to end: the four stage workers as separate processes (built code), real PostgreSQL and
// Redis, and a fake Discord on loopback. Build first (turbo's test task depends on build).
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { DEMO_PROMPT, demoPostings } from '@jobping/db/demo';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createRedis, type Redis } from '@jobping/redis';
import { createPublisher, deadLetters, type Publisher } from '@jobping/streams';
import { streamNames } from '@jobping/contracts';
import { FakeDiscord, deleteKeys, testRedisUrl, uniqueKeyPrefix, waitFor, type DiscordRequest } from '@jobping/testing';
import { insertJobs, insertUser, type InsertedJob, type UserSpec } from '../src/fixtures';
import { streamsIdle } from '../src/idle';
import { spawnWorker, type StageApp, type WorkerProcess } from '../src/workers';
import { stageTestEnv } from './support/stage-env';

const redisUrl = testRedisUrl();
const prefix = uniqueKeyPrefix('pipeline');

let db: TestDatabase;
let prisma: PrismaClient;
let redis: Redis;
let publisher: Publisher;
const discord = new FakeDiscord();
const workers: WorkerProcess[] = [];
let workerEnv: Record<string, string>;

function start(app: StageApp, extra: Record<string, string> = {}): WorkerProcess {
  const worker = spawnWorker(app, { ...workerEnv, ...extra });
  workers.push(worker);
  return worker;
}

/** Waits until every stream is drained and nothing is pending; prints worker logs on a timeout. */
async function settle(what: string, extraCheck: () => Promise<boolean> = async () => true): Promise<void> {
  try {
    // Twice in a row: a message in flight between two stages is not missed.
    let quietChecks = 0;
    await waitFor(
      what,
      async () => {
        quietChecks = (await streamsIdle(redis, prefix)) && (await extraCheck()) ? quietChecks + 1 : 0;
        return quietChecks >= 3;
      },
      { timeoutMs: 200_000, intervalMs: 200 },
    );
  } catch (error) {
    for (const worker of workers) process.stderr.write(`--- ${worker.app} (${worker.pid})\n${worker.output().slice(-4_000)}\n`);
    throw error;
  }
}

type Embed = { title: string; url: string; color: number; description?: string; fields: { name: string; value: string }[] };
const okRequests = (webhookId: string): DiscordRequest[] => discord.requestsFor(webhookId).filter((r) => r.status === 200);
const embedOf = (request: DiscordRequest): Embed => (request.body as { embeds: Embed[] }).embeds[0] as Embed;

interface Pair {
  user_id: string;
  job_id: string;
  score: number;
  prefilter_skipped: boolean;
  notified: boolean;
}
const matchRows = () =>
  prisma.$queryRaw<Pair[]>`SELECT user_id::text, job_id::text, score, prefilter_skipped, notified FROM user_job_matches`;
const countOf = async (table: 'user_job_matches' | 'notifications') =>
  Number((await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM ${table}`))[0]?.n ?? 0);

const users: Record<string, { id: string; spec: UserSpec; webhookId?: string }> = {};
let jobs: InsertedJob[] = [];
const jobByUrl = new Map<string, InsertedJob>();

beforeAll(async () => {
  db = await createTestDatabase('pipeline_e2e');
  prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 4 });
  redis = createRedis(redisUrl, { connectionName: 'pipeline-e2e' });
  publisher = createPublisher({ redis, keyPrefix: prefix });
  await discord.start();
  workerEnv = { ...stageTestEnv({ databaseUrl: db.url, redisUrl, prefix }), LLM_PROVIDER: 'local', JOBPING_WEBHOOK_ALLOWED_HOSTS: discord.host };
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop(5_000)));
  await discord.stop();
  await deleteKeys(redis, prefix);
  await redis.quit();
  await prisma?.$disconnect();
  await db?.drop();
}, 120_000);

describe('the pipeline, end to end', () => {
  it('delivers exactly the matching pairs to Discord and in-app; waits out a 429; marks a 404 webhook broken', async () => {
    const specs: Record<string, UserSpec & { webhookNo?: number }> = {
      a: { prompt: DEMO_PROMPT, threshold: 70, webhookNo: 1 },
      b: { prompt: DEMO_PROMPT, threshold: 60, webhookNo: 2 }, // its first answer is a 429
      c: { prompt: DEMO_PROMPT, threshold: 50, webhookNo: 3 }, // deleted webhook: 404
      d: { prompt: DEMO_PROMPT, threshold: 70 }, // no webhook: in-app only
      e: { prompt: DEMO_PROMPT, threshold: 100, webhookNo: 5 }, // only perfect fits
      f: { prompt: null, webhookNo: 6 }, // no prompt: never fanned out to
      g: { prompt: DEMO_PROMPT, threshold: 70, webhookNo: 7, remoteOnly: true, excludedCompanies: ['Ledgerly GmbH'] },
    };
    for (const [name, spec] of Object.entries(specs)) {
      const webhook = spec.webhookNo === undefined ? null : discord.webhookUrl(spec.webhookNo);
      const id = await insertUser(prisma, { ...spec, webhook });
      users[name] = { id, spec, ...(spec.webhookNo === undefined ? {} : { webhookId: discord.webhookId(spec.webhookNo) }) };
    }
    discord.script(users.b!.webhookId!, { status: 429, body: { message: 'You are being rate limited.', retry_after: 0.4, global: false } });
    discord.always(users.c!.webhookId!, { status: 404, body: { message: 'Unknown Webhook', code: 10015 } });

    jobs = await insertJobs(prisma, demoPostings, 'p1');
    for (const job of jobs) jobByUrl.set(job.url, job);

    for (const app of ['company-researcher', 'fanout', 'matcher', 'notifier'] as const) start(app);
    await publisher.publishMany('job-analysis', jobs.map((job) => ({ job_id: job.id })));
    await settle('phase 1 to finish', async () => (await prisma.job.count({ where: { status: { not: 'fanned_out' } } })) === 0);

    // Research: once per company, and every job moved on.
    const companies = await prisma.company.findMany({ select: { companyInfo: true, companyInfoUpdatedAt: true, companyInfoProvider: true } });
    expect(companies.every((c) => c.companyInfo !== null && c.companyInfoProvider === 'local')).toBe(true);

    // Fan-out: every user with a prompt whose hard filters the job passes, and nobody else.
    const matches = await matchRows();
    const pairsOf = (user: string) => matches.filter((m) => m.user_id === users[user]!.id);
    for (const name of ['a', 'b', 'c', 'd', 'e']) expect(pairsOf(name)).toHaveLength(jobs.length);
    expect(pairsOf('f')).toHaveLength(0);
    const gJobs = new Set(pairsOf('g').map((m) => m.job_id));
    expect(gJobs).toEqual(new Set(jobs.filter((j) => j.remote && j.company !== 'Ledgerly').map((j) => j.id)));
    expect(matches.length).toBe(5 * jobs.length + gJobs.size);

    // The pre-filter kept the LLM away from hopeless pairs (support jobs, product managers…).
    expect(pairsOf('a').filter((m) => m.prefilter_skipped).length).toBeGreaterThan(0);

    const shouldNotify = (name: string) =>
      new Set(pairsOf(name).filter((m) => !m.prefilter_skipped && m.score >= (users[name]!.spec.threshold ?? 70)).map((m) => m.job_id));

    // Known outcomes of the local provider against the demo prompt (docs/ai-scoring.md): strong, borderline, poor.
    const byTitle = (company: string, title: string) => jobs.find((j) => j.company === company && j.title === title)!;
    const ledgerly = byTitle('Ledgerly', 'Senior Backend Engineer (TypeScript)');
    const teamquell = byTitle('Teamquell', 'Senior Software Engineer (Node.js)');
    const goldreel = byTitle('Goldreel', 'Senior Node.js Engineer (TypeScript)');
    expect(shouldNotify('a').has(ledgerly.id)).toBe(true);
    expect(shouldNotify('a').has(teamquell.id)).toBe(false);
    expect(shouldNotify('b').has(teamquell.id)).toBe(true);
    expect(shouldNotify('a').has(goldreel.id)).toBe(false);
    expect(shouldNotify('e').has(ledgerly.id)).toBe(true);
    expect(shouldNotify('e').size).toBeLessThan(shouldNotify('a').size);

    // Discord got exactly one message per notifying pair of users with a working webhook.
    for (const name of ['a', 'b', 'e', 'g']) {
      const received = okRequests(users[name]!.webhookId!).map((r) => jobByUrl.get(embedOf(r).url)?.id);
      expect(received.length).toBe(shouldNotify(name).size);
      expect(new Set(received)).toEqual(shouldNotify(name));
    }
    for (const name of ['a', 'b', 'g']) expect(shouldNotify(name).size).toBeGreaterThan(0);
    expect(discord.requestsFor(users.f!.webhookId!)).toHaveLength(0);

    // Embeds are well formed: "<title> at <company>" linking to the job, score, recommendation, colour.
    const scoreOf = new Map(pairsOf('a').map((m) => [m.job_id, m.score]));
    for (const request of okRequests(users.a!.webhookId!)) {
      const body = request.body as { allowed_mentions: unknown; embeds: Embed[] };
      expect(body.allowed_mentions).toEqual({ parse: [] });
      expect(body.embeds).toHaveLength(1);
      const embed = embedOf(request);
      const job = jobByUrl.get(embed.url)!;
      expect(embed.title).toBe(`${job.title} at ${job.company}`);
      expect(embed.fields.find((f) => f.name === 'Score')?.value).toBe(`${scoreOf.get(job.id)}/100`);
      expect(['Apply', 'Consider']).toContain(embed.fields.find((f) => f.name === 'Recommendation')?.value);
      expect(Number.isInteger(embed.color)).toBe(true);
      expect(embed.title.length).toBeLessThanOrEqual(256);
      expect(embed.fields.every((f) => f.value.length > 0 && f.value.length <= 1024)).toBe(true);
    }

    // The 429 was waited out: one refused request, then every message once.
    const bRequests = discord.requestsFor(users.b!.webhookId!);
    expect(bRequests.filter((r) => r.status === 429)).toHaveLength(1);

    // The 404s (permanent failures) turned the Discord channel off; the in-app notifications stay.
    const c = await prisma.notificationChannel.findFirstOrThrow({ where: { userId: users.c!.id, kind: 'discord' } });
    expect(c).toMatchObject({ enabled: false, disabledReason: expect.any(String), lastError: expect.stringMatching(/does not exist/) });
    expect(discord.requestsFor(users.c!.webhookId!).length).toBeGreaterThanOrEqual(3);
    expect(discord.requestsFor(users.c!.webhookId!).every((r) => r.status === 404)).toBe(true);
    const cNotifications = await prisma.notification.findMany({ where: { userId: users.c!.id } });
    expect(new Set(cNotifications.map((n) => n.jobId))).toEqual(shouldNotify('c'));

    // In-app: one notification per notifying pair, for everyone (d has no webhook), matches marked notified.
    for (const name of ['a', 'b', 'c', 'd', 'e', 'g']) {
      const rows = await prisma.notification.findMany({ where: { userId: users[name]!.id } });
      expect(new Set(rows.map((n) => n.jobId))).toEqual(shouldNotify(name));
      expect(rows).toHaveLength(shouldNotify(name).size);
    }
    // Discord is a channel: one sent delivery per notifying pair of a (d has none).
    const aDeliveries = await prisma.channelDelivery.findMany({ where: { channel: { userId: users.a!.id } } });
    expect(aDeliveries).toHaveLength(shouldNotify('a').size);
    expect(aDeliveries.every((d) => d.status === 'sent' && d.externalId)).toBe(true);
    expect(await prisma.channelDelivery.count({ where: { channel: { userId: users.d!.id } } })).toBe(0);
    const notifiedPairs = (await matchRows()).filter((m) => m.notified);
    expect(notifiedPairs.length).toBe(await countOf('notifications'));

    for (const stream of streamNames) expect(await deadLetters(redis, stream, prefix).count()).toBe(0);
  }, 280_000);

  it('a matcher killed with SIGKILL mid-run and restarted completes every pair exactly once in effect', async () => {
    const extra: string[] = [];
    for (let i = 0; i < 80; i += 1) {
      const n = 1_000 + i;
      const id = await insertUser(prisma, { prompt: DEMO_PROMPT, threshold: 70, webhook: discord.webhookUrl(n) });
      users[`x${i}`] = { id, spec: { prompt: DEMO_PROMPT, threshold: 70 }, webhookId: discord.webhookId(n) };
      extra.push(id);
    }
    const phase2 = await insertJobs(prisma, demoPostings.slice(0, 12), 'p2');
    for (const job of phase2) jobByUrl.set(job.url, job);
    jobs.push(...phase2);
    const phase2Ids = phase2.map((j) => j.id);
    const phase2Matches = () => prisma.userJobMatch.count({ where: { jobId: { in: phase2Ids } } });

    // A slow matcher (few messages at a time) so that it is surely killed mid-run.
    const running = workers.find((w) => w.app === 'matcher')!;
    await running.stop();
    const victim = start('matcher', { STREAM_CONCURRENCY: '2', STREAM_BATCH_SIZE: '2' });
    await publisher.publishMany('job-analysis', phase2.map((job) => ({ job_id: job.id })));

    const usersWithPrompt = await prisma.user.count({ where: { aiPrompt: { not: null } } });
    const g = users.g!;
    const gEligible = phase2.filter((j) => j.remote && j.company !== 'Ledgerly').length;
    const expectedPairs = (usersWithPrompt - 1) * phase2.length + gEligible;
    await waitFor('the matcher to be mid-run', async () => (await phase2Matches()) >= 20, { timeoutMs: 60_000, intervalMs: 20 });
    victim.kill('SIGKILL');
    await victim.exited;
    const atKill = await phase2Matches();
    expect(atKill).toBeLessThan(expectedPairs);

    start('matcher');
    await settle('phase 2 to finish after the restart', async () => (await phase2Matches()) === expectedPairs);

    // Every pair once: one match row each (unique), one notification and one Discord message (channel delivery) per notifying pair.
    const matches = (await matchRows()).filter((m) => phase2Ids.includes(m.job_id));
    expect(matches).toHaveLength(expectedPairs);
    expect(new Set(matches.map((m) => `${m.user_id}|${m.job_id}`)).size).toBe(expectedPairs);
    expect(matches.filter((m) => m.user_id === g.id)).toHaveLength(gEligible);
    const notifying = matches.filter((m) => !m.prefilter_skipped && m.score >= 70 && extra.includes(m.user_id));
    expect(notifying.length).toBeGreaterThan(extra.length); // several jobs per user
    const notifications = await prisma.notification.findMany({ where: { jobId: { in: phase2Ids }, userId: { in: extra } } });
    expect(notifications).toHaveLength(notifying.length);
    for (const id of extra) {
      const user = Object.values(users).find((u) => u.id === id)!;
      const received = okRequests(user.webhookId!).map((r) => jobByUrl.get(embedOf(r).url)!.id);
      const expected = notifying.filter((m) => m.user_id === id).map((m) => m.job_id);
      expect(received.sort()).toEqual(expected.sort());
    }
    const deliveries = await prisma.channelDelivery.findMany({ where: { match: { jobId: { in: phase2Ids }, userId: { in: extra } } } });
    expect(deliveries).toHaveLength(notifying.length);
    expect(deliveries.every((d) => d.status === 'sent')).toBe(true);
    for (const stream of streamNames) expect(await deadLetters(redis, stream, prefix).count()).toBe(0);
  }, 280_000);

  it('replaying every message of every stage creates no duplicates and no new AI work', async () => {
    const requestsBefore = discord.requests.length;
    const matchesBefore = await countOf('user_job_matches');
    const notificationsBefore = await countOf('notifications');
    const [before] = await prisma.$queryRaw<{ last: Date }[]>`SELECT max(updated_at) AS last FROM user_job_matches`;
    const companiesBefore = await prisma.company.findMany({ select: { id: true, companyInfoUpdatedAt: true }, orderBy: { id: 'asc' } });

    const pairs = await matchRows();
    const notified = await prisma.notification.findMany({ select: { userId: true, jobId: true } });
    await publisher.publishMany('job-analysis', jobs.map((job) => ({ job_id: job.id })));
    await publisher.publishMany('user-fanout', jobs.map((job) => ({ job_id: job.id })));
    await publisher.publishMany('user-analysis', pairs.map((m) => ({ job_id: m.job_id, user_id: m.user_id })));
    await publisher.publishMany('notification', notified.map((n) => ({ job_id: n.jobId, user_id: n.userId })));
    await settle('the replay to finish');

    expect(discord.requests.length).toBe(requestsBefore);
    expect(await countOf('user_job_matches')).toBe(matchesBefore);
    expect(await countOf('notifications')).toBe(notificationsBefore);
    const [after] = await prisma.$queryRaw<{ last: Date }[]>`SELECT max(updated_at) AS last FROM user_job_matches`;
    expect(after?.last.getTime()).toBe(before?.last.getTime()); // nothing re-scored
    const companiesAfter = await prisma.company.findMany({ select: { id: true, companyInfoUpdatedAt: true }, orderBy: { id: 'asc' } });
    expect(companiesAfter).toEqual(companiesBefore); // nothing re-researched
    for (const stream of streamNames) expect(await deadLetters(redis, stream, prefix).count()).toBe(0);
  }, 280_000);
});
