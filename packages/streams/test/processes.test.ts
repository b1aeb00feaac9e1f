import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { Redis } from '@jobping/redis';
import { consume, createPublisher, deadLetters, streamKeys, type Consumer } from '../src/index';
import { cleanup, freePort, jobIds, newPrefix, redisClient, redisUrl, testLogger, waitFor } from './helpers';

const USER = randomUUID();
const fixture = path.join(__dirname, 'fixtures', 'consumer-process.cjs');
const cli = path.resolve(__dirname, '../dist/cli.js');

let redis: Redis;
let prefix: string;
const children: ChildProcess[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

beforeEach(() => {
  redis = redisClient();
  prefix = newPrefix();
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const fn of cleanups.splice(0).reverse()) await fn();
  await cleanup(redis, prefix);
  await redis.quit();
});

function startConsumerProcess(env: Record<string, string>): { child: ChildProcess; ready: Promise<void>; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [fixture], {
    env: { ...process.env, REDIS_URL: redisUrl, STREAM_KEY_PREFIX: prefix, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (data: Buffer) => data.toString().includes('ready') && resolve());
    child.on('exit', (code) => reject(new Error(`consumer process exited early (${code})`)));
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, ready, exited };
}

function inProcessConsumer(client: Redis, handler: (jobId: string, consumer: string) => Promise<void>, visibilityTimeoutMs = 500): Consumer {
  const consumer = consume({
    redis: client,
    stream: 'user-analysis',
    keyPrefix: prefix,
    logger: testLogger(),
    blockMs: 200,
    visibilityTimeoutMs,
    claimIntervalMs: 100,
    handler: (message, context) => handler(message.job_id, context.consumer),
  });
  cleanups.push(() => consumer.stop());
  return consumer;
}

async function pendingCount(client: Redis): Promise<number> {
  return Number(((await client.call('XPENDING', streamKeys('user-analysis', prefix).stream, 'matcher')) as unknown[])[0]);
}

describe('consumer processes', () => {
  it('finishes the work of a consumer process killed with SIGKILL mid-handling; nothing is lost', async () => {
    const ids = jobIds(20);
    const victim = startConsumerProcess({ HANDLER_MS: '60000', CONSUMER_NAME: 'victim', VISIBILITY_MS: '60000' });
    await victim.ready;
    await createPublisher({ redis, keyPrefix: prefix }).publishMany('user-analysis', ids.map((job_id) => ({ job_id, user_id: USER })));
    // The victim has taken messages and is in the middle of handling them.
    await waitFor(async () => (await redis.llen(`${prefix}started`)) >= 5, { what: 'the victim to start handling' });
    victim.child.kill('SIGKILL');
    await victim.exited;
    expect(await redis.llen(`${prefix}done`)).toBe(0);

    const done = new Map<string, string>();
    const survivorRedis = redisClient();
    cleanups.push(() => survivorRedis.quit());
    const survivor = inProcessConsumer(survivorRedis, async (jobId, consumer) => void done.set(jobId, consumer), 500);
    await survivor.start();

    await waitFor(() => done.size === ids.length, { what: 'every message completed by the survivor' });
    expect(new Set(done.keys())).toEqual(new Set(ids));
    await waitFor(async () => (await pendingCount(redis)) === 0, { what: 'nothing pending' });
  });

  it('carries on through a Redis restart (AOF on) without losing a message', async () => {
    const port = await freePort();
    const dir = await mkdtemp(path.join(os.tmpdir(), 'jobping-redis-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const startRedis = () => {
      const server = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--save', ''], {
        stdio: 'ignore',
      });
      children.push(server);
      return server;
    };
    let server = startRedis();
    const url = `redis://127.0.0.1:${port}/0`;
    const own = redisClient(url);
    cleanups.push(async () => own.disconnect());
    await waitFor(async () => (await own.ping().catch(() => '')) === 'PONG', { what: 'redis-server to start' });

    const done = new Set<string>();
    const consumerRedis = redisClient(url);
    cleanups.push(async () => consumerRedis.disconnect());
    const consumer = inProcessConsumer(consumerRedis, async (jobId) => void done.add(jobId), 2_000);
    await consumer.start();

    const publisher = createPublisher({ redis: own, keyPrefix: prefix });
    const before = jobIds(50);
    await publisher.publishMany('user-analysis', before.map((job_id) => ({ job_id, user_id: USER })));
    await waitFor(() => done.size === 50, { what: 'the first 50' });

    server.kill('SIGKILL');
    await new Promise((resolve) => server.on('exit', resolve));
    server = startRedis();
    await waitFor(async () => (await own.ping().catch(() => '')) === 'PONG', { what: 'redis-server to come back', timeoutMs: 30_000 });

    const after = jobIds(50);
    await publisher.publishMany('user-analysis', after.map((job_id) => ({ job_id, user_id: USER })));
    await waitFor(() => done.size === 100, { what: 'the 50 published after the restart', timeoutMs: 30_000 });
    expect(new Set(done)).toEqual(new Set([...before, ...after]));
    await waitFor(async () => (await pendingCount(own)) === 0, { what: 'nothing pending' });
    await consumer.stop();
    server.kill('SIGKILL');
  });
});

describe('operator CLI', () => {
  const run = (args: string[]) =>
    promisify(execFile)(process.execPath, [cli, ...args], { env: { ...process.env, REDIS_URL: redisUrl, STREAM_KEY_PREFIX: prefix } });

  it('shows status and replays a dead letter, which is then processed', async () => {
    let broken = true;
    const handled: string[] = [];
    const client = redisClient();
    cleanups.push(() => client.quit());
    const consumer = consume({
      redis: client,
      stream: 'user-analysis',
      keyPrefix: prefix,
      logger: testLogger(),
      blockMs: 200,
      maxDeliveries: 1,
      handler: async (message) => {
        if (broken) throw new Error('LLM provider returned garbage');
        handled.push(message.job_id);
      },
    });
    cleanups.push(() => consumer.stop());
    await consumer.start();
    const jobId = randomUUID();
    await createPublisher({ redis, keyPrefix: prefix }).publish('user-analysis', { job_id: jobId, user_id: USER });
    const dlq = deadLetters(redis, 'user-analysis', prefix);
    await waitFor(async () => (await dlq.count()) === 1, { what: 'the dead letter' });

    const status = await run(['status']);
    expect(status.stdout).toMatch(/user-analysis: length 1, dead letters 1/);
    expect(status.stdout).toMatch(/group matcher: pending 0, lag 0/);
    const list = await run(['dlq', 'list', 'user-analysis']);
    expect(list.stdout).toContain('exhausted  attempts 1');
    expect(list.stdout).toContain('LLM provider returned garbage');
    const [record] = await dlq.list();
    const shown = JSON.parse((await run(['dlq', 'show', 'user-analysis', record?.id as string])).stdout);
    expect(JSON.parse(shown.original.payload)).toEqual({ job_id: jobId, user_id: USER });

    broken = false;
    const replayed = await run(['dlq', 'replay', 'user-analysis', record?.id as string]);
    expect(replayed.stdout).toMatch(/^replayed \S+ as \d+-\d+/);
    await waitFor(() => handled.includes(jobId), { what: 'the replayed message to be processed' });
    expect(await dlq.count()).toBe(0);
  });

  it('reports a consumer group nobody reads for as stale, and says what to do', async () => {
    const key = streamKeys('user-analysis', prefix).stream;
    await redis.call('XGROUP', 'CREATE', key, 'retired-stage', '$', 'MKSTREAM');
    await createPublisher({ redis, keyPrefix: prefix }).publishMany('user-analysis', jobIds(3).map((job_id) => ({ job_id, user_id: USER })));

    const status = await run(['status']);
    expect(status.stdout).toMatch(/group retired-stage: pending 0, lag 3, .*no consumers\s+STALE/);
    expect(status.stdout).toContain('STALE consumer groups (entries wait, no read for 900 s): user-analysis / retired-stage');
    expect(status.stdout).toContain('XGROUP DESTROY');
    const json = JSON.parse((await run(['status', '--json'])).stdout) as { stream: string; groups: { name: string; stale: boolean }[] }[];
    expect(json.find((s) => s.stream === 'user-analysis')?.groups).toEqual([expect.objectContaining({ name: 'retired-stage', stale: true, waiting: true, idleMs: null })]);
  });

  it('explains wrong usage', async () => {
    await expect(run(['dlq', 'list', 'no-such-stream'])).rejects.toMatchObject({ code: 2, stderr: expect.stringContaining('name a stream: job-analysis') });
  });
});
