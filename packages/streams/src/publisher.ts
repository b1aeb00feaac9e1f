import {
  createEnvelope,
  encodeEntries,
  encodeEntry,
  newTraceId,
  toFieldList,
  type StreamMessage,
  type StreamName,
} from '@jobping/contracts';
import { currentLogContext } from '@jobping/logger';
import type { Redis } from '@jobping/redis';
import { streamKeys } from './keys';
import { defaultTrimPolicy, type TrimPolicy } from './trim';

export interface PublisherOptions {
  redis: Redis;
  keyPrefix?: string;
  trim?: TrimPolicy;
  /** Messages per pipeline round trip in publishMany. */
  batchSize?: number;
}

export interface PublishOptions {
  /** Defaults to the trace id of the message being handled (log context), else a new one. */
  traceId?: string;
}

export interface Publisher {
  publish<S extends StreamName>(stream: S, message: StreamMessage<S>, options?: PublishOptions): Promise<string>;
  /** Validates every message first (all or nothing), then XADDs them pipelined in batches. */
  publishMany<S extends StreamName>(stream: S, messages: readonly StreamMessage<S>[], options?: PublishOptions): Promise<number>;
}

export function createPublisher({ redis, keyPrefix = '', trim = defaultTrimPolicy, batchSize = 1_000 }: PublisherOptions): Publisher {
  const trimArgs = trim.strategy === 'maxlen' ? ['MAXLEN', '~', String(trim.maxLen)] : [];
  const traceIdFor = (options?: PublishOptions) => options?.traceId ?? currentLogContext()?.trace_id ?? newTraceId();

  return {
    async publish(stream, message, options) {
      const fields = toFieldList(encodeEntry(stream, message, createEnvelope(traceIdFor(options))));
      return String(await redis.call('XADD', streamKeys(stream, keyPrefix).stream, ...trimArgs, '*', ...fields));
    },

    async publishMany(stream, messages, options) {
      // Encoding validates: a bad message fails the call before anything is written.
      const encoded = encodeEntries(stream, messages, createEnvelope(traceIdFor(options)));
      const key = streamKeys(stream, keyPrefix).stream;
      for (let start = 0; start < encoded.length; start += batchSize) {
        const pipeline = redis.pipeline();
        for (const fields of encoded.slice(start, start + batchSize)) pipeline.call('XADD', key, ...trimArgs, '*', ...fields);
        const results = (await pipeline.exec()) ?? [];
        const failed = results.find(([error]) => error);
        if (failed) throw failed[0] as Error;
      }
      return encoded.length;
    },
  };
}
