import { randomUUID } from 'node:crypto';
import { ContractError } from './contract-error';
import { SCHEMA_VERSION, envelopeSchema, type Envelope } from './envelope';
import { describeIssues } from './issues';
import { streams, type StreamMessage, type StreamName } from './streams';

/**
 * A stream entry is a flat list of string fields: the envelope's three fields and the
 * message as JSON in `payload`, e.g.
 * `schema_version 1  trace_id …  published_at 2026-…Z  payload {"job_id":"…"}`.
 */
export type EntryFields = Record<string, string>;

export interface DecodedEntry<S extends StreamName> {
  envelope: Envelope;
  message: StreamMessage<S>;
}

export function newTraceId(): string {
  return randomUUID();
}

export function createEnvelope(traceId: string = newTraceId(), now: Date = new Date()): Envelope {
  return { schema_version: SCHEMA_VERSION, trace_id: traceId, published_at: now.toISOString() };
}

/** Validates a message for `stream`; throws ContractError naming the bad field. */
export function parseMessage<S extends StreamName>(stream: S, message: unknown): StreamMessage<S> {
  const result = streams[stream].schema.safeParse(message);
  if (!result.success) throw new ContractError(`${stream} message`, describeIssues(result.error));
  return result.data as StreamMessage<S>;
}

export function encodeEntry<S extends StreamName>(stream: S, message: StreamMessage<S>, envelope: Envelope): EntryFields {
  const checked = parseMessage(stream, message);
  const env = envelopeSchema.safeParse(envelope);
  if (!env.success) throw new ContractError(`${stream} envelope`, describeIssues(env.error));
  return {
    schema_version: String(env.data.schema_version),
    trace_id: env.data.trace_id,
    published_at: env.data.published_at,
    payload: JSON.stringify(checked),
  };
}

/**
 * Encodes many messages that share one envelope (fan-out): the envelope is validated once,
 * every message on its own. Throws ContractError on the first invalid message.
 */
export function encodeEntries<S extends StreamName>(stream: S, messages: readonly StreamMessage<S>[], envelope: Envelope): string[][] {
  const env = envelopeSchema.safeParse(envelope);
  if (!env.success) throw new ContractError(`${stream} envelope`, describeIssues(env.error));
  const head = ['schema_version', String(env.data.schema_version), 'trace_id', env.data.trace_id, 'published_at', env.data.published_at];
  return messages.map((message) => [...head, 'payload', JSON.stringify(parseMessage(stream, message))]);
}

/** Decodes and validates an entry read from `stream`; throws ContractError with a readable reason. */
export function decodeEntry<S extends StreamName>(stream: S, fields: EntryFields): DecodedEntry<S> {
  const { payload, schema_version, trace_id, published_at } = fields;
  const env = envelopeSchema.safeParse({
    schema_version: schema_version === undefined ? undefined : Number(schema_version),
    trace_id,
    published_at,
  });
  if (!env.success) throw new ContractError(`${stream} envelope`, describeIssues(env.error));
  if (payload === undefined) throw new ContractError(`${stream} message`, 'payload: missing');
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    throw new ContractError(`${stream} message`, 'payload: not valid JSON');
  }
  return { envelope: env.data, message: parseMessage(stream, parsed) };
}

/** Redis wants a flat [field, value, field, value, …] list. */
export function toFieldList(fields: EntryFields): string[] {
  return Object.entries(fields).flat();
}

export function fromFieldList(list: readonly string[]): EntryFields {
  const fields: EntryFields = {};
  for (let i = 0; i + 1 < list.length; i += 2) fields[list[i] as string] = list[i + 1] as string;
  return fields;
}
