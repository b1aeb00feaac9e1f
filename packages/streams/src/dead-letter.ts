import { fromFieldList, streams, type StreamName } from '@jobping/contracts';
import type { Redis } from '@jobping/redis';
import { streamKeys } from './keys';
import { streamEntries, type StreamEntry } from './replies';
import { streamCapArgs } from './trim';

/** Fields a dead letter carries next to the original entry's fields. */
export const DLQ_FIELDS = ['dlq_reason', 'dlq_error', 'dlq_attempts', 'dlq_consumer', 'dlq_group', 'dlq_original_id', 'dlq_failed_at'] as const;

export type DeadLetterReason = 'invalid' | 'exhausted';

export interface DeadLetterInput {
  stream: StreamName;
  keyPrefix: string;
  entry: StreamEntry;
  reason: DeadLetterReason;
  error: string;
  attempts: number;
  consumer: string;
  group: string;
}

// Dead letters are kept for inspection, not forever.
const DLQ_MAX_LEN = 100_000;

/** Writes the entry to `<stream>:dlq` and acknowledges it in one MULTI, so it is never in both or neither. */
export async function deadLetter(redis: Redis, input: DeadLetterInput): Promise<string> {
  const keys = streamKeys(input.stream, input.keyPrefix);
  const extra = {
    dlq_reason: input.reason,
    dlq_error: input.error.slice(0, 2_000),
    dlq_attempts: String(input.attempts),
    dlq_consumer: input.consumer,
    dlq_group: input.group,
    dlq_original_id: input.entry.id,
    dlq_failed_at: new Date().toISOString(),
  };
  const results = await redis
    .multi()
    .call('XADD', keys.deadLetter, 'MAXLEN', '~', String(DLQ_MAX_LEN), '*', ...stripDlqFields(input.entry.fields), ...Object.entries(extra).flat())
    .call('XACK', keys.stream, input.group, input.entry.id)
    .exec();
  const failed = results?.find(([error]) => error);
  if (failed) throw failed[0] as Error;
  return String(results?.[0]?.[1]);
}

function stripDlqFields(fields: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    if (!String(fields[i]).startsWith('dlq_')) out.push(fields[i] as string, fields[i + 1] as string);
  }
  return out;
}

export interface DeadLetterRecord {
  id: string;
  reason: string;
  error: string;
  attempts: number;
  consumer: string;
  originalId: string;
  failedAt: string;
  /** The original entry's fields (envelope and payload), as they were published. */
  original: Record<string, string>;
}

function toRecord(entry: StreamEntry): DeadLetterRecord {
  const all = fromFieldList(entry.fields);
  const original: Record<string, string> = {};
  for (const [key, value] of Object.entries(all)) if (!key.startsWith('dlq_')) original[key] = value;
  return {
    id: entry.id,
    reason: all.dlq_reason ?? '',
    error: all.dlq_error ?? '',
    attempts: Number(all.dlq_attempts ?? 0),
    consumer: all.dlq_consumer ?? '',
    originalId: all.dlq_original_id ?? '',
    failedAt: all.dlq_failed_at ?? '',
    original,
  };
}

/** Operator actions on a stage's dead-letter stream. `maxLen`: the stage stream's cap (STREAM_MAXLEN), applied on replay. */
export function deadLetters(redis: Redis, stream: StreamName, keyPrefix = '', options: { maxLen?: number } = {}) {
  const keys = streamKeys(stream, keyPrefix);
  const capArgs = streamCapArgs(options.maxLen);
  return {
    async count(): Promise<number> {
      return Number(await redis.call('XLEN', keys.deadLetter));
    },
    async list(limit = 20): Promise<DeadLetterRecord[]> {
      const reply = await redis.call('XREVRANGE', keys.deadLetter, '+', '-', 'COUNT', String(limit));
      return streamEntries('XRANGE', reply).map(toRecord);
    },
    async show(id: string): Promise<DeadLetterRecord | null> {
      const reply = await redis.call('XRANGE', keys.deadLetter, id, id);
      return streamEntries('XRANGE', reply).map(toRecord)[0] ?? null;
    },
    /** Publishes the original entry to the stage stream again and removes the dead letter. */
    async replay(id: string): Promise<string | null> {
      const record = await this.show(id);
      if (!record) return null;
      const results = await redis
        .multi()
        .call('XADD', keys.stream, ...capArgs, '*', ...Object.entries(record.original).flat())
        .call('XDEL', keys.deadLetter, id)
        .exec();
      const failed = results?.find(([error]) => error);
      if (failed) throw failed[0] as Error;
      return String(results?.[0]?.[1]);
    },
    async replayAll(): Promise<number> {
      let replayed = 0;
      for (;;) {
        const batch = await this.list(500);
        if (batch.length === 0) return replayed;
        for (const record of batch.reverse()) if (await this.replay(record.id)) replayed += 1;
      }
    },
    async purge(): Promise<number> {
      const count = await this.count();
      await redis.call('DEL', keys.deadLetter);
      return count;
    },
    group: streams[stream].group,
  };
}
