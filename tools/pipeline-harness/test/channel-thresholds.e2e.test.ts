// A channel's own threshold, both ways (issue 19): matcher and notifier as processes (built
// code), the matcher scoring through an OpenAI-compatible server on loopback that answers 60 for
// every pair, Slack incoming webhooks on loopback as the channels. A user at 70 with a channel at
// 50 gets the score-60 match on that channel only; a user at 50 with a channel at 90 gets it in
// the app and on their other channel, not on that one.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createRedis, type Redis } from '@jobping/redis';
import { createPublisher, streamsStatus, type Publisher } from '@jobping/streams';
import { FakeSlack, deleteKeys, sendJson, startLoopback, testRedisUrl, uniqueKeyPrefix, waitFor, type LoopbackServer } from '@jobping/testing';
import { streamsIdle } from '../src/idle';
import { spawnWorker, type StageApp, type WorkerProcess } from '../src/workers';
import { chatCompletion, openAiTestEnv, stageTestEnv } from './support/stage-env';

const redisUrl = testRedisUrl();
const prefix = uniqueKeyPrefix('channel_thresholds');
const SCORE = 60;

let db: TestDatabase;
let prisma: PrismaClient;
let redis: Redis;
let publisher: Publisher;
let llm: LoopbackServer;
const slack = new FakeSlack();
const workers: WorkerProcess[] = [];

beforeAll(async () => {
  db = await createTestDatabase('channel_thresholds_e2e');
  prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 4 });
  redis = createRedis(redisUrl, { connectionName: 'channel-thresholds-e2e' });
  publisher = createPublisher({ redis, keyPrefix: prefix });
  await slack.start();
  llm = await startLoopback(async (req, res) => {
    for await (const _chunk of req) void _chunk;
    const answer = { score: SCORE, analysis: { explanation: 'A borderline fit.', pros: ['TypeScript'], cons: ['On site'], recommendation: 'consider' } };
    sendJson(res, 200, chatCompletion('chatcmpl-1', answer));
  });
  const env = {
    ...stageTestEnv({ databaseUrl: db.url, redisUrl, prefix }),
    ...openAiTestEnv(llm.url),
    AI_PREFILTER: 'false',
    JOBPING_WEBHOOK_ALLOWED_HOSTS: slack.host,
  };
  for (const app of ['matcher', 'notifier'] as StageApp[]) workers.push(spawnWorker(app, env));
}, 120_000);

afterAll(async () => {
  await Promise.all(workers.map((w) => w.stop(5_000)));
  await llm?.close();
  await slack.stop();
  await deleteKeys(redis, prefix);
  await redis.quit();
  await prisma?.$disconnect();
  await db?.drop();
}, 120_000);

async function userWithChannels(name: string, threshold: number, channels: { hook: number; threshold: number | null }[]): Promise<string> {
  const user = await prisma.user.create({
    data: { email: `${name}@jobping.test`, passwordHash: 'x', aiPrompt: `Backend engineer, TypeScript (${name}).`, aiPromptUpdatedAt: new Date(Date.now() - 60_000), notifyThreshold: threshold },
  });
  for (const channel of channels) {
    await prisma.notificationChannel.create({
      data: { userId: user.id, kind: 'slack', settings: { webhook_url: slack.webhookUrl(channel.hook) }, thresholdOverride: channel.threshold },
    });
  }
  return user.id;
}

describe('channel thresholds, matcher and notifier', () => {
  it('sends a score-60 match to each channel whose own threshold it reaches, and in-app only from the user’s threshold', async () => {
    const company = await prisma.company.create({ data: { name: 'Ledgerly', normalizedName: 'ledgerly' } });
    const job = await prisma.job.create({
      data: {
        source: 'greenhouse',
        sourceId: 'JP-60',
        url: 'https://boards.example/ledgerly/60',
        dedupeKey: 'JP-60',
        title: 'Backend Engineer (TypeScript)',
        description: 'Build our payments API in TypeScript.',
        companyId: company.id,
        companyName: 'Ledgerly',
        status: 'researched',
      },
    });
    // Strict user (70): hook 1 lowered to 50, hook 2 at the user's 70.
    const strict = await userWithChannels('strict', 70, [{ hook: 1, threshold: 50 }, { hook: 2, threshold: null }]);
    // Lenient user (50): hook 3 raised to 90, hook 4 at the user's 50.
    const lenient = await userWithChannels('lenient', 50, [{ hook: 3, threshold: 90 }, { hook: 4, threshold: null }]);

    await waitFor('the workers to start', async () => {
      const status = await streamsStatus(redis, prefix);
      return ['user-analysis', 'notification'].every((name) => (status.find((s) => s.stream === name)?.groups.length ?? 0) > 0);
    }, { timeoutMs: 60_000, intervalMs: 200 });
    await publisher.publishMany('user-analysis', [strict, lenient].map((userId) => ({ job_id: job.id, user_id: userId })));

    let quiet = 0;
    try {
      await waitFor(
        'the matcher and the notifier to settle',
        async () => {
          // Both pairs scored and the lenient user's in-app notification written; then the streams drain.
          const done = (await prisma.userJobMatch.count()) === 2 && (await prisma.notification.count()) >= 1;
          quiet = done && (await streamsIdle(redis, prefix)) ? quiet + 1 : 0;
          return quiet >= 3;
        },
        { timeoutMs: 120_000, intervalMs: 200 },
      );
    } catch (error) {
      for (const worker of workers) process.stderr.write(`--- ${worker.app}\n${worker.output().slice(-4_000)}\n`);
      throw error;
    }

    expect((await prisma.userJobMatch.findMany()).map((m) => m.score)).toEqual([SCORE, SCORE]);
    // Lowered below the user's threshold: that channel only.
    expect(slack.postsTo(1)).toHaveLength(1);
    expect(slack.postsTo(2)).toHaveLength(0);
    expect(await prisma.notification.count({ where: { userId: strict } })).toBe(0);
    // Raised above it: not on that channel; the in-app list and the other channel have it.
    expect(slack.postsTo(3)).toHaveLength(0);
    expect(slack.postsTo(4)).toHaveLength(1);
    expect(await prisma.notification.count({ where: { userId: lenient } })).toBe(1);
  }, 180_000);
});
