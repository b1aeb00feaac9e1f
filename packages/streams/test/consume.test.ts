import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createEnvelope, encodeEntry, toFieldList } from '@jobping/contracts';
import { PassThrough } from 'node:stream';
import winston from 'winston';
import { createLogger, withLogContext } from '@jobping/logger';
import { createMetricsRegistry } from '@jobping/metrics';
import { createRedis, type Redis } from '@jobping/redis';
import { consume, createPublisher, DEFAULT_STREAM_MAX_LEN, deadLetters, streamCapArgs, streamKeys, type Consumer, type ConsumeOptions } from '../src/index';
import { cleanup, jobIds, newPrefix, redisClient, redisUrl, testLogger, waitFor } from './helpers';

const USER = randomUUID();
let redis: Redis;
let prefix: string;
const consumers: Consumer[] = [];
const connections: Redis[] = [];

beforeEach(() => {
  redis = redisClient();
  prefix = newPrefix();
});

afterEach(async () => {
  await Promise.all(consumers.splice(0).map((c) => c.stop()));
  await cleanup(redis, prefix);
  await Promise.all(connections.splice(0).map((c) => c.quit()));
  await redis.quit();
});

function startConsumer(options: Partial<ConsumeOptions<'user-analysis'>> & Pick<ConsumeOptions<'user-analysis'>, 'handler'>): Consumer {
  const connection = redisClient();
  connections.push(connection);
  const consumer = consume({
    redis: connection,
    stream: 'user-analysis',
    keyPrefix: prefix,
    logger: testLogger(),
    blockMs: 200,
    backoff: { baseMs: 20, maxMs: 100 },
    ...options,
  });
  consumers.push(consumer);
  return consumer;
}

const messagesFor = (ids: string[]) => ids.map((job_id) => ({ job_id, user_id: USER }));

describe('consume', () => {
  it('shares the work between two consumers of one group, each message handled once', async () => {
    const ids = jobIds(300);
    const handled: { id: string; consumer: string }[] = [];
    const handler = async (message: { job_id: string }, context: { consumer: string }) => {
      await new Promise((resolve) => setTimeout(resolve, 2));
      handled.push({ id: message.job_id, consumer: context.consumer });
    };
    const a = startConsumer({ handler, consumerName: 'a', batchSize: 10, concurrency: 5 });
    const b = startConsumer({ handler, consumerName: 'b', batchSize: 10, concurrency: 5 });
    await Promise.all([a.start(), b.start()]);

    await createPublisher({ redis, keyPrefix: prefix }).publishMany('user-analysis', messagesFor(ids));
    await waitFor(() => handled.length >= ids.length, { what: 'all messages handled' });
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(handled).toHaveLength(ids.length);
    expect(new Set(handled.map((h) => h.id))).toEqual(new Set(ids));
    expect(handled.filter((h) => h.consumer === 'a').length).toBeGreaterThan(0);
    expect(handled.filter((h) => h.consumer === 'b').length).toBeGreaterThan(0);
    await waitFor(async () => Number(((await redis.call('XPENDING', streamKeys('user-analysis', prefix).stream, 'matcher')) as unknown[])[0]) === 0, {
      what: 'every message acknowledged',
    });
  });

  it('dead-letters a message whose handler always throws after N attempts while the others keep flowing', async () => {
    const ids = jobIds(40);
    const poison = ids[7] as string;
    const attempts: number[] = [];
    const done = new Set<string>();
    const consumer = startConsumer({
      maxDeliveries: 3,
      concurrency: 4,
      batchSize: 4,
      handler: async (message, context) => {
        if (message.job_id === poison) {
          attempts.push(context.deliveries);
          throw new Error('company research service is down');
        }
        done.add(message.job_id);
      },
    });
    await consumer.start();
    await createPublisher({ redis, keyPrefix: prefix }).publishMany('user-analysis', messagesFor(ids));

    const dlq = deadLetters(redis, 'user-analysis', prefix);
    await waitFor(async () => (await dlq.count()) === 1, { what: 'the dead letter' });
    await waitFor(() => done.size === ids.length - 1, { what: 'the other messages' });

    expect(attempts).toEqual([1, 2, 3]);
    const [record] = await dlq.list();
    expect(record).toMatchObject({ reason: 'exhausted', error: 'company research service is down', attempts: 3, consumer: consumer.name });
    expect(JSON.parse(record?.original.payload ?? '{}')).toEqual({ job_id: poison, user_id: USER });
    expect(record?.original.trace_id).toBeTruthy();
    const pending = (await redis.call('XPENDING', streamKeys('user-analysis', prefix).stream, 'matcher')) as unknown[];
    expect(Number(pending[0])).toBe(0);
  });

  it('sends an invalid payload to the dead-letter stream at once, without calling the handler', async () => {
    const calls: string[] = [];
    const consumer = startConsumer({ handler: async (m) => void calls.push(m.job_id) });
    await consumer.start();
    const key = streamKeys('user-analysis', prefix).stream;
    const good = encodeEntry('user-analysis', { job_id: randomUUID(), user_id: USER }, createEnvelope());
    await redis.call('XADD', key, '*', ...toFieldList({ ...good, payload: '{"job_id":"not-a-uuid","user_id":"x"}' }));
    await redis.call('XADD', key, '*', ...toFieldList(good));

    const dlq = deadLetters(redis, 'user-analysis', prefix);
    await waitFor(async () => (await dlq.count()) === 1 && calls.length === 1, { what: 'dead letter and the good message' });
    const [record] = await dlq.list();
    expect(record).toMatchObject({ reason: 'invalid', attempts: 1 });
    expect(record?.error).toContain('job_id: expected a UUID');
    expect(calls).toEqual([JSON.parse(good.payload as string).job_id]);
  });

  it('logs every handler line with the trace id of the message and publishes onward with the same trace id', async () => {
    const output = new PassThrough();
    const lines: Record<string, unknown>[] = [];
    output.on('data', (chunk: Buffer) => lines.push(...chunk.toString().split('\n').filter(Boolean).map((l) => JSON.parse(l))));
    // A logger the handler's own service created, not the one handed to consume().
    const serviceLogger = createLogger({ service: 'matcher', format: 'json', transports: [new winston.transports.Stream({ stream: output })] });
    const publisher = createPublisher({ redis, keyPrefix: prefix });
    const consumer = startConsumer({
      handler: async (message, context) => {
        serviceLogger.info('scoring', { job_id: message.job_id, deliveries: context.deliveries });
        await publisher.publish('notification', { job_id: message.job_id, user_id: message.user_id });
      },
    });
    await consumer.start();
    await withLogContext({ trace_id: 'trace-from-the-scraper' }, () => publisher.publish('user-analysis', { job_id: randomUUID(), user_id: USER }));
    const next = streamKeys('notification', prefix).stream;
    await waitFor(async () => Number(await redis.call('XLEN', next)) === 1, { what: 'the onward message' });
    const [[, fields]] = (await redis.call('XRANGE', next, '-', '+')) as [[string, string[]]];
    expect(fields[fields.indexOf('trace_id') + 1]).toBe('trace-from-the-scraper');
    expect(lines).toEqual([expect.objectContaining({ message: 'scoring', service: 'matcher', trace_id: 'trace-from-the-scraper', deliveries: 1 })]);
  });

  it('records processed, failed and dead-lettered counts and the group backlog as metrics', async () => {
    const registry = createMetricsRegistry('streams-test', { defaultMetrics: false });
    const ids = jobIds(5);
    const consumer = startConsumer({
      registry,
      maxDeliveries: 2,
      handler: async (m) => {
        if (m.job_id === ids[0]) throw new Error('nope');
      },
    });
    await consumer.start();
    await createPublisher({ redis, keyPrefix: prefix }).publishMany('user-analysis', messagesFor(ids));
    await waitFor(async () => (await deadLetters(redis, 'user-analysis', prefix).count()) === 1, { what: 'dead letter' });
    await waitFor(async () => (await registry.metrics()).includes('stream_messages_processed_total{stream="user-analysis",group="matcher",service="streams-test"} 4'), {
      what: 'processed counter',
    });
    const text = await registry.metrics();
    expect(text).toContain('stream_messages_failed_total{stream="user-analysis",group="matcher",service="streams-test"} 2');
    expect(text).toContain('stream_messages_dead_lettered_total{stream="user-analysis",group="matcher",reason="exhausted",service="streams-test"} 1');
    expect(text).toContain('stream_messages_retried_total{stream="user-analysis",group="matcher",service="streams-test"} 1');
    expect(text).toContain('stream_group_pending{stream="user-analysis",group="matcher",service="streams-test"} 0');
    expect(text).toContain('stream_group_lag{stream="user-analysis",group="matcher",service="streams-test"} 0');
    expect(text).toMatch(/stream_handler_duration_seconds_count\{[^}]*stream="user-analysis"[^}]*\} 6/);
  });

  it('removes consumers that are gone and hold nothing, but never one that still holds messages', async () => {
    const key = streamKeys('user-analysis', prefix).stream;
    await redis.call('XGROUP', 'CREATE', key, 'matcher', '$', 'MKSTREAM');
    await redis.call('XGROUP', 'CREATECONSUMER', key, 'matcher', 'departed-pod');
    await createPublisher({ redis, keyPrefix: prefix }).publish('user-analysis', { job_id: randomUUID(), user_id: USER });
    // A crashed pod that took a message and never acknowledged it.
    await redis.call('XREADGROUP', 'GROUP', 'matcher', 'crashed-pod', 'COUNT', '1', 'STREAMS', key, '>');
    await new Promise((resolve) => setTimeout(resolve, 300));

    const consumer = startConsumer({ handler: async () => undefined, departedConsumerIdleMs: 200, maintenanceIntervalMs: 100 });
    await consumer.start();
    const names = async () => ((await redis.call('XINFO', 'CONSUMERS', key, 'matcher')) as string[][]).map((row) => row[1]);
    await waitFor(async () => !(await names()).includes('departed-pod'), { what: 'departed consumer removed' });
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await names()).toContain('crashed-pod');
  });
});

describe('publish', () => {
  it('refuses an invalid message before writing anything', async () => {
    const publisher = createPublisher({ redis, keyPrefix: prefix });
    await expect(publisher.publish('user-analysis', { job_id: 'nope', user_id: USER })).rejects.toThrow('job_id: expected a UUID');
    await expect(publisher.publishMany('user-analysis', [...messagesFor(jobIds(3)), { job_id: randomUUID() } as never])).rejects.toThrow('user_id');
    expect(Number(await redis.call('XLEN', streamKeys('user-analysis', prefix).stream))).toBe(0);
  });

  it('writes entries exactly as publish does, in order, across batches', async () => {
    const publisher = createPublisher({ redis, keyPrefix: prefix, batchSize: 7 });
    const key = streamKeys('job-analysis', prefix).stream;
    const ids = jobIds(20);
    expect(await publisher.publishMany('job-analysis', ids.map((job_id) => ({ job_id })), { traceId: 'trace-many' })).toBe(20);
    expect(await publisher.publishMany('job-analysis', [{ job_id: ids[0]! }])).toBe(1);
    await publisher.publish('job-analysis', { job_id: ids[1]! }, { traceId: 'trace-one' });
    const entries = (await redis.call('XRANGE', key, '-', '+')) as [string, string[]][];
    expect(entries).toHaveLength(22);
    expect(entries.slice(0, 20).map(([, f]) => JSON.parse(f[f.indexOf('payload') + 1] as string).job_id)).toEqual(ids);
    const fieldNames = (f: string[]) => f.filter((_, i) => i % 2 === 0);
    expect(fieldNames(entries[0]![1])).toEqual(fieldNames(entries[21]![1]));
    expect(entries[0]![1][entries[0]![1].indexOf('trace_id') + 1]).toBe('trace-many');
  });

  it('publishes many on an auto-pipelining connection (the stage workers’ kind) alongside other commands', async () => {
    const pipelined = createRedis(redisUrl, { connectionName: 'streams-test-autopipeline', overrides: { enableAutoPipelining: true } });
    try {
      const publisher = createPublisher({ redis: pipelined, keyPrefix: prefix });
      // Other commands open an auto-pipeline in the same tick as the script call.
      const [, count, second] = await Promise.all([
        pipelined.call('PING'),
        publisher.publishMany('job-analysis', jobIds(30).map((job_id) => ({ job_id }))),
        publisher.publishMany('job-analysis', jobIds(5).map((job_id) => ({ job_id }))),
      ]);
      expect([count, second]).toEqual([30, 5]);
      expect(Number(await redis.call('XLEN', streamKeys('job-analysis', prefix).stream))).toBe(35);
    } finally {
      pipelined.disconnect();
    }
  });

  it('caps the stream with MAXLEN ~ when that policy is chosen', async () => {
    const publisher = createPublisher({ redis, keyPrefix: prefix, trim: { strategy: 'maxlen', maxLen: 100 }, batchSize: 50 });
    expect(await publisher.publishMany('job-analysis', jobIds(1_000).map((job_id) => ({ job_id })))).toBe(1_000);
    const length = Number(await redis.call('XLEN', streamKeys('job-analysis', prefix).stream));
    expect(length).toBeLessThan(1_000);
    expect(length).toBeGreaterThanOrEqual(100);
  });

  it('caps every stream near its safety cap under the default MINID policy too, however far behind a group is', async () => {
    const key = streamKeys('job-analysis', prefix).stream;
    // A group that never reads: MINID trimming alone would keep every entry for it.
    await redis.call('XGROUP', 'CREATE', key, 'company-researcher', '$', 'MKSTREAM');
    const publisher = createPublisher({ redis, keyPrefix: prefix, trim: { strategy: 'minid', maxLen: 100 }, batchSize: 50 });
    expect(await publisher.publishMany('job-analysis', jobIds(1_000).map((job_id) => ({ job_id })))).toBe(1_000);
    // MAXLEN ~ trims whole macro nodes (100 entries by default), so it keeps at most one node more.
    const afterMany = Number(await redis.call('XLEN', key));
    expect(afterMany).toBeGreaterThanOrEqual(100);
    expect(afterMany).toBeLessThanOrEqual(200);
    for (const job_id of jobIds(300)) await publisher.publish('job-analysis', { job_id });
    const afterOne = Number(await redis.call('XLEN', key));
    expect(afterOne).toBeGreaterThanOrEqual(100);
    expect(afterOne).toBeLessThanOrEqual(200);
    // Replaying a dead letter goes through the cap as well.
    const dlq = deadLetters(redis, 'job-analysis', prefix, { maxLen: 100 });
    for (let i = 0; i < 300; i += 1) {
      await redis.call('XADD', streamKeys('job-analysis', prefix).deadLetter, '*', ...toFieldList(encodeEntry('job-analysis', { job_id: randomUUID() }, createEnvelope())), 'dlq_reason', 'exhausted');
    }
    expect(await dlq.replayAll()).toBe(300);
    expect(Number(await redis.call('XLEN', key))).toBeLessThanOrEqual(200);
  });

  it('caps at DEFAULT_STREAM_MAX_LEN unless told otherwise', () => {
    expect(DEFAULT_STREAM_MAX_LEN).toBe(5_000_000);
    expect(streamCapArgs()).toEqual(['MAXLEN', '~', '5000000']);
  });

  it('trims only what the group has consumed (MINID policy)', async () => {
    const key = streamKeys('user-analysis', prefix).stream;
    const publisher = createPublisher({ redis, keyPrefix: prefix });
    const handled: string[] = [];
    let allow = 600;
    const consumer = startConsumer({
      maintenanceIntervalMs: 100,
      batchSize: 100,
      concurrency: 100,
      handler: async (m) => {
        if (handled.length >= allow) throw new Error('not yet');
        handled.push(m.job_id);
      },
      maxDeliveries: 1_000,
      backoff: { baseMs: 5_000, maxMs: 5_000 },
    });
    await consumer.start();
    await publisher.publishMany('user-analysis', messagesFor(jobIds(1_000)));
    await waitFor(() => handled.length === 600, { what: '600 handled' });
    // Trimming happens in whole macro nodes: the length drops but every unconsumed entry stays.
    await waitFor(async () => Number(await redis.call('XLEN', key)) < 1_000, { what: 'a trim' });
    const remaining = (await redis.call('XRANGE', key, '-', '+')) as [string, string[]][];
    const remainingIds = new Set(remaining.map(([, f]) => JSON.parse(f[f.indexOf('payload') + 1] as string).job_id as string));
    const unhandled = [...remainingIds].filter((id) => !handled.includes(id));
    expect(unhandled.length).toBe(400);
    allow = 1_000;
  });
});
