/* eslint-disable no-console -- a benchmark prints its figures */
// `npm run bench -- streams [count]`: publishMany against raw pipelined XADD of the same
// entries (publishMany with its default safety cap, MAXLEN ~ 1,000,000, which this many
// entries never reach, and with a cap a tenth of the count, so that it trims all along),
// and consume+ack with a no-op handler against a raw XREADGROUP/XACK loop, all in one run on
// the same Redis. One JSON line per figure, then a table.
import { randomUUID } from 'node:crypto';
import { createEnvelope, encodeEntry, toFieldList } from '@jobping/contracts';
import { createLogger } from '@jobping/logger';
import { createRedis, type Redis } from '@jobping/redis';
import { deleteKeys, printFigures, round, type Figure } from '@jobping/testing';
import { consume } from '../src/consumer';
import { streamKeys } from '../src/keys';
import { createPublisher } from '../src/publisher';
import { groupInfos } from '../src/replies';

const COUNT = Number(process.argv[2] ?? 100_000);
const BATCH = 1_000;
const ROUNDS = 3;
const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379/0';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

function messages() {
  const user_id = randomUUID();
  return Array.from({ length: COUNT }, () => ({ job_id: randomUUID(), user_id }));
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function rawXadd(redis: Redis, key: string, list: ReturnType<typeof messages>): Promise<void> {
  // The same entries publishMany writes, encoded up front: only the Redis work is timed.
  const envelope = createEnvelope();
  const encoded = list.map((m) => toFieldList(encodeEntry('user-analysis', m, envelope)));
  const seconds = await timed(async () => {
    for (let start = 0; start < encoded.length; start += BATCH) {
      const pipeline = redis.pipeline();
      for (const fields of encoded.slice(start, start + BATCH)) pipeline.xadd(key, '*', ...fields);
      await pipeline.exec();
    }
  });
  rawSeconds.push(seconds);
}

const rawSeconds: number[] = [];
const publishSeconds: number[] = [];
const cappedSeconds: number[] = [];

async function drained(redis: Redis, key: string, group: string): Promise<void> {
  for (;;) {
    const info = groupInfos(await redis.call('XINFO', 'GROUPS', key)).find((g) => g.name === group);
    if (info && info.pending === 0 && info.lag === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

async function rawConsume(redis: Redis, key: string): Promise<number> {
  await redis.call('XGROUP', 'CREATE', key, 'raw', '0');
  return timed(async () => {
    for (;;) {
      const reply = (await redis.call('XREADGROUP', 'GROUP', 'raw', 'c', 'COUNT', '500', 'STREAMS', key, '>')) as [string, [string, string[]][]][] | null;
      const entries = reply?.[0]?.[1] ?? [];
      if (entries.length === 0) return;
      await redis.call('XACK', key, 'raw', ...entries.map(([id]) => id));
    }
  });
}

async function main(): Promise<void> {
  const prefix = `bench:streams:${randomUUID()}:`;
  const redis = createRedis(url, { connectionName: 'streams-bench' });
  const key = streamKeys('user-analysis', prefix).stream;
  const publisher = createPublisher({ redis, keyPrefix: prefix, batchSize: BATCH });
  const capped = createPublisher({ redis, keyPrefix: prefix, batchSize: BATCH, trim: { strategy: 'minid', maxLen: Math.max(100, Math.floor(COUNT / 10)) } });
  try {
    // Interleaved rounds so drift on a noisy machine hits both sides alike.
    for (let round = 0; round < ROUNDS; round += 1) {
      await rawXadd(redis, key, messages());
      await redis.del(key);
      const list = messages();
      publishSeconds.push(await timed(() => publisher.publishMany('user-analysis', list)));
      await redis.del(key);
      const cappedList = messages();
      cappedSeconds.push(await timed(() => capped.publishMany('user-analysis', cappedList)));
      await redis.del(key);
    }

    // Consume: the same backlog for the raw loop (group "raw") and for consume() (group "matcher").
    await publisher.publishMany('user-analysis', messages());
    const rawConsumeSeconds = await rawConsume(redis, key);
    const consumerRedis = createRedis(url, { connectionName: 'streams-bench-consumer' });
    let handled = 0;
    const consumer = consume({
      redis: consumerRedis,
      stream: 'user-analysis',
      keyPrefix: prefix,
      logger: createLogger({ service: 'streams-bench', level: 'warn' }),
      batchSize: 500,
      concurrency: 1_000,
      handler: async () => {
        handled += 1;
      },
    });
    const consumeSeconds = await timed(async () => {
      await consumer.start();
      await drained(redis, key, 'matcher');
    });
    await consumer.stop();
    await consumerRedis.quit();
    if (handled < COUNT) throw new Error(`only ${handled} of ${COUNT} messages were handled`);

    const rawRate = COUNT / median(rawSeconds);
    const publishRate = COUNT / median(publishSeconds);
    const cappedRate = COUNT / median(cappedSeconds);
    const rawConsumeRate = COUNT / rawConsumeSeconds;
    const consumeRate = COUNT / consumeSeconds;
    const figures: Figure[] = [
      { metric: 'streams.raw_xadd_per_s', value: round(rawRate), unit: 'msg/s' },
      { metric: 'streams.publish_many_per_s', value: round(publishRate), unit: 'msg/s', baseline: round(rawRate) },
      { metric: 'streams.publish_many_ratio', value: round(publishRate / rawRate, 3), unit: 'ratio', baseline: round(rawRate), target: '>=0.5' },
      { metric: 'streams.publish_many_trimming_per_s', value: round(cappedRate), unit: 'msg/s', baseline: round(publishRate) },
      { metric: 'streams.publish_many_trimming_ratio', value: round(cappedRate / publishRate, 3), unit: 'ratio', baseline: round(publishRate), target: '>=0.7' },
      { metric: 'streams.raw_consume_per_s', value: round(rawConsumeRate), unit: 'msg/s' },
      { metric: 'streams.consume_per_s', value: round(consumeRate), unit: 'msg/s', baseline: round(rawConsumeRate), target: '>=20000' },
    ];
    printFigures(`streams benchmark: ${COUNT.toLocaleString('en')} messages, ${ROUNDS} interleaved publish rounds (median), one consumer process`, figures);
  } finally {
    await deleteKeys(redis, prefix);
    await redis.quit();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
