// A consumer group whose stage no longer runs (removed, scaled to zero, crashed everywhere)
// keeps its entries waiting, and with MINID trimming keeps the whole stream in Redis. Such a
// group is reported: by streamsStatus (the CLI and the admin pipeline use it) and as a gauge.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createMetricsRegistry } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import { consume, createPublisher, streamKeys, streamsStatus, type Consumer, type StreamStatus } from '../src/index';
import { cleanup, jobIds, newPrefix, redisClient, testLogger, waitFor } from './helpers';

const USER = randomUUID();
let redis: Redis;
let prefix: string;
let key: string;
const consumers: Consumer[] = [];
const connections: Redis[] = [];

beforeEach(() => {
  redis = redisClient();
  prefix = newPrefix();
  key = streamKeys('user-analysis', prefix).stream;
});

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop()));
  await Promise.all(connections.splice(0).map((c) => c.quit()));
  await cleanup(redis, prefix);
  await redis.quit();
});

const publish = (count: number, maxLen?: number) =>
  createPublisher({ redis, keyPrefix: prefix, ...(maxLen ? { trim: { strategy: 'minid', maxLen } } : {}) }).publishMany(
    'user-analysis',
    jobIds(count).map((job_id) => ({ job_id, user_id: USER })),
  );

const groupOf = (status: StreamStatus[], name: string) => status.find((s) => s.stream === 'user-analysis')!.groups.find((g) => g.name === name)!;

describe('streamsStatus', () => {
  it('marks a group stale when entries wait for it and no consumer of it reads', async () => {
    await redis.call('XGROUP', 'CREATE', key, 'matcher', '$', 'MKSTREAM');
    await redis.call('XGROUP', 'CREATE', key, 'retired-stage', '$');
    await publish(3);
    // Has consumers, nothing waiting: idle, but not stale.
    await redis.call('XGROUP', 'CREATE', key, 'caught-up', '$');
    await redis.call('XGROUP', 'CREATECONSUMER', key, 'caught-up', 'pod-1');
    // Reads right now: not stale, though it holds pending entries.
    await redis.call('XREADGROUP', 'GROUP', 'matcher', 'pod-a', 'COUNT', '10', 'STREAMS', key, '>');

    const status = await streamsStatus(redis, prefix, { staleAfterMs: 60_000 });
    expect(groupOf(status, 'matcher')).toMatchObject({ pending: 3, lag: 0, waiting: true, stale: false });
    expect(groupOf(status, 'matcher').idleMs).toBeLessThan(60_000);
    expect(groupOf(status, 'retired-stage')).toMatchObject({ consumers: 0, lag: 3, waiting: true, idleMs: null, stale: true });
    expect(groupOf(status, 'caught-up')).toMatchObject({ lag: 0, pending: 0, waiting: false, stale: false });
  });

  it('marks a group stale once its consumers have not read for the threshold', async () => {
    await redis.call('XGROUP', 'CREATE', key, 'matcher', '$', 'MKSTREAM');
    await publish(1);
    await redis.call('XREADGROUP', 'GROUP', 'matcher', 'pod-a', 'COUNT', '1', 'STREAMS', key, '>');
    await redis.call('XACK', key, 'matcher', ...((await redis.call('XRANGE', key, '-', '+')) as [string][]).map(([id]) => id));
    await publish(2); // waiting, and pod-a does not come back
    await sleep(30);
    expect(groupOf(await streamsStatus(redis, prefix, { staleAfterMs: 10 }), 'matcher')).toMatchObject({ lag: 2, waiting: true, stale: true });
    expect(groupOf(await streamsStatus(redis, prefix, { staleAfterMs: 60_000 }), 'matcher')).toMatchObject({ waiting: true, stale: false });
  });

  it('keeps reporting a group the cap trimmed entries from before it read them', async () => {
    await redis.call('XGROUP', 'CREATE', key, 'retired-stage', '$', 'MKSTREAM');
    await publish(1_000, 100);
    const length = Number(await redis.call('XLEN', key));
    expect(length).toBeLessThanOrEqual(200);
    expect(groupOf(await streamsStatus(redis, prefix, { staleAfterMs: 60_000 }), 'retired-stage')).toMatchObject({ lag: length, waiting: true, stale: true });
  });

  it('sees entries waiting when Redis cannot count the lag (null after a deletion ahead of the group)', async () => {
    await redis.call('XGROUP', 'CREATE', key, 'matcher', '$', 'MKSTREAM');
    await publish(10);
    const [[, read]] = (await redis.call('XREADGROUP', 'GROUP', 'matcher', 'pod-a', 'COUNT', '2', 'STREAMS', key, '>')) as [[string, [string][]]];
    await redis.call('XACK', key, 'matcher', ...read.map(([id]) => id));
    const ids = ((await redis.call('XRANGE', key, '-', '+')) as [string][]).map(([id]) => id);
    await redis.call('XDEL', key, ids[5]!);
    const behind = groupOf(await streamsStatus(redis, prefix, { staleAfterMs: 60_000 }), 'matcher');
    expect(behind.lag).toBeNull();
    expect(behind).toMatchObject({ pending: 0, waiting: true, stale: false });

    await redis.call('XREADGROUP', 'GROUP', 'matcher', 'pod-a', 'COUNT', '100', 'STREAMS', key, '>');
    await redis.call('XACK', key, 'matcher', ...ids);
    expect(groupOf(await streamsStatus(redis, prefix, { staleAfterMs: 60_000 }), 'matcher')).toMatchObject({ pending: 0, waiting: false, stale: false });
  });
});

describe('the stale-group gauge', () => {
  it('reports every group of the stream a worker reads, stale or not, with the seconds since it last read', async () => {
    const registry = createMetricsRegistry('streams-test', { defaultMetrics: false });
    await redis.call('XGROUP', 'CREATE', key, 'retired-stage', '$', 'MKSTREAM');
    const connection = redisClient();
    connections.push(connection);
    const handled: string[] = [];
    const consumer = consume({
      redis: connection,
      stream: 'user-analysis',
      keyPrefix: prefix,
      logger: testLogger(),
      blockMs: 200,
      registry,
      staleGroupMs: 60_000,
      handler: async (message) => {
        handled.push(message.job_id);
      },
    });
    consumers.push(consumer);
    await consumer.start();
    await publish(5);
    await waitFor(() => handled.length === 5, { what: 'five handled' });

    const text = await registry.metrics();
    expect(text).toContain('stream_group_stale{stream="user-analysis",group="retired-stage",service="streams-test"} 1');
    expect(text).toContain('stream_group_stale{stream="user-analysis",group="matcher",service="streams-test"} 0');
    expect(text).toContain('stream_group_lag{stream="user-analysis",group="retired-stage",service="streams-test"} 5');
    expect(text).toMatch(/stream_group_idle_seconds\{stream="user-analysis",group="matcher",service="streams-test"\} \d/);
    // A group without consumers has no last read to report.
    expect(text).not.toMatch(/stream_group_idle_seconds\{[^}]*group="retired-stage"/);
  });
});
