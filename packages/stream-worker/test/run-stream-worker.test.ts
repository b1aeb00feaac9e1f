import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRedis, type Redis } from '@jobping/redis';
import { createPublisher, streamKeys } from '@jobping/streams';

const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
const fixture = path.join(__dirname, 'fixtures', 'worker.cjs');
let redis: Redis;
let prefix: string;
const children: ChildProcess[] = [];

beforeEach(() => {
  redis = createRedis(redisUrl, { connectionName: 'stream-worker-test' });
  prefix = `test:worker:${randomUUID()}:`;
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  const keys = (await redis.call('KEYS', `${prefix}*`)) as string[];
  if (keys.length) await redis.call('DEL', ...keys);
  await redis.quit();
});

interface Worker {
  child: ChildProcess;
  port: Promise<number>;
  exited: Promise<number | null>;
  output: () => string;
}

function startWorker(env: Record<string, string> = {}): Worker {
  const child = spawn(process.execPath, [fixture], {
    env: { ...process.env, NODE_ENV: 'production', LOG_LEVEL: 'info', REDIS_URL: redisUrl, STREAM_KEY_PREFIX: prefix, OPS_PORT: '0', STREAM_BLOCK_MS: '200', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let text = '';
  const port = new Promise<number>((resolve, reject) => {
    const onData = (data: Buffer) => {
      text += data.toString();
      for (const line of text.split('\n')) {
        if (line.includes('stream worker running')) resolve(JSON.parse(line).ops_port as number);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (data: Buffer) => (text += data.toString()));
    child.on('exit', () => reject(new Error(`worker exited: ${text}`)));
  });
  port.catch(() => undefined);
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, port, exited, output: () => text };
}

async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let i = 0; i < 400; i += 1) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe('runStreamWorker', () => {
  it('serves /healthz, /readyz and /metrics and handles messages with their trace id', async () => {
    const worker = startWorker();
    const port = await worker.port;
    const base = `http://127.0.0.1:${port}`;

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', checks: { redis: 'ok' } });
    expect((await fetch(`${base}/nope`)).status).toBe(404);

    // A group left behind by a stage that no longer runs: reported stale on this worker's /metrics.
    await redis.call('XGROUP', 'CREATE', streamKeys('user-analysis', prefix).stream, 'retired-stage', '$', 'MKSTREAM');
    const jobId = randomUUID();
    await createPublisher({ redis, keyPrefix: prefix }).publish('user-analysis', { job_id: jobId, user_id: randomUUID() }, { traceId: 'trace-worker-1' });
    await waitFor(async () => (await redis.llen(`${prefix}done`)) === 1, 'the message');
    expect(await redis.lrange(`${prefix}done`, 0, -1)).toEqual([`${jobId}|trace-worker-1`]);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toMatch(/stream_messages_processed_total\{[^}]*stream="user-analysis"[^}]*\} 1/);
    expect(metrics).toMatch(/stream_group_lag\{[^}]*group="matcher"[^}]*\} 0/);
    expect(metrics).toMatch(/stream_group_stale\{[^}]*group="matcher"[^}]*\} 0/);
    expect(metrics).toMatch(/stream_group_stale\{[^}]*group="retired-stage"[^}]*\} 1/);
    expect(metrics).toMatch(/process_resident_memory_bytes\{service="fixture-worker"\}/);
  });

  it('answers 503 on /readyz naming the dependency that fails', async () => {
    const worker = startWorker({ FAIL_READY: '1' });
    const response = await fetch(`http://127.0.0.1:${await worker.port}/readyz`);
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: 'not_ready', failing: ['database'], checks: { redis: 'ok', database: 'failed' } });
  });

  it('on SIGTERM finishes the running handler, acknowledges it and exits 0', async () => {
    const worker = startWorker({ HANDLER_MS: '1500' });
    await worker.port;
    const jobId = randomUUID();
    await createPublisher({ redis, keyPrefix: prefix }).publish('user-analysis', { job_id: jobId, user_id: randomUUID() });
    await waitFor(async () => (await redis.llen(`${prefix}started`)) === 1, 'the handler to start');

    worker.child.kill('SIGTERM');
    expect(await worker.exited).toBe(0);
    expect(await redis.llen(`${prefix}done`)).toBe(1);
    const pending = (await redis.call('XPENDING', streamKeys('user-analysis', prefix).stream, 'matcher')) as unknown[];
    expect(Number(pending[0])).toBe(0);
  });

  it('refuses to start with a malformed REDIS_URL, in one line naming it', async () => {
    const worker = startWorker({ REDIS_URL: '127.0.0.1:6379' });
    expect(await worker.exited).toBe(1);
    expect(worker.output().trim()).toBe(
      'Invalid configuration: REDIS_URL is invalid (not a redis:// or rediss:// URL): expected a Redis URL such as redis://127.0.0.1:6379/0',
    );
  });
});
