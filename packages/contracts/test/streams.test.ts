import { describe, expect, it } from '@jest/globals';
import {
  ContractError,
  SCHEMA_VERSION,
  createEnvelope,
  decodeEntry,
  encodeEntries,
  encodeEntry,
  fromFieldList,
  parseMessage,
  streamNames,
  streams,
  toFieldList,
  type StreamName,
} from '../src/index';

const JOB = '3f2b8c1e-5d4a-4e6b-9c7d-1a2b3c4d5e6f';
const USER = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';

// The examples of docs/product.md ("The four stages"), one per stage.
const specExamples: Record<StreamName, unknown> = {
  'job-analysis': { job_id: JOB },
  'user-fanout': { job_id: JOB },
  'user-analysis': { job_id: JOB, user_id: USER },
  notification: { job_id: JOB, user_id: USER },
};

function reasonOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof ContractError) return error.reason;
    throw error;
  }
  throw new Error('expected a ContractError');
}

describe('stream contracts', () => {
  it('names the four stages, their groups and dead-letter streams', () => {
    expect(streamNames).toEqual(['job-analysis', 'user-fanout', 'user-analysis', 'notification']);
    expect(Object.values(streams).map((s) => s.group)).toEqual(['company-researcher', 'fanout', 'matcher', 'notifier']);
    expect(streams['user-analysis'].deadLetter).toBe('user-analysis:dlq');
  });

  it.each(streamNames)('%s accepts the example of docs/product.md', (stream) => {
    expect(parseMessage(stream, specExamples[stream])).toEqual(specExamples[stream]);
  });

  it.each(['user-analysis', 'notification'] as const)('%s rejects a missing user_id, naming it', (stream) => {
    expect(reasonOf(() => parseMessage(stream, { job_id: JOB }))).toMatch(/^user_id: /);
  });

  it.each(streamNames)('%s rejects a non-uuid job_id', (stream) => {
    const bad = { ...(specExamples[stream] as object), job_id: 'job-42' };
    expect(reasonOf(() => parseMessage(stream, bad))).toBe('job_id: expected a UUID');
  });

  it('rejects a wrong type', () => {
    expect(reasonOf(() => parseMessage('job-analysis', { job_id: 42 }))).toMatch(/^job_id: /);
  });

  it('rejects unknown fields so a typo such as jobId is not silently dropped', () => {
    expect(reasonOf(() => parseMessage('job-analysis', { job_id: JOB, jobId: JOB }))).toContain('jobId');
  });
});

describe('wire format', () => {
  const envelope = createEnvelope('trace-0001', new Date('2026-11-23T10:00:00.000Z'));

  it('encodes the envelope fields and the payload exactly as docs/product.md names them', () => {
    const fields = encodeEntry('user-analysis', { job_id: JOB, user_id: USER }, envelope);
    expect(fields).toEqual({
      schema_version: String(SCHEMA_VERSION),
      trace_id: 'trace-0001',
      published_at: '2026-11-23T10:00:00.000Z',
      payload: `{"job_id":"${JOB}","user_id":"${USER}"}`,
    });
  });

  it('round-trips through the flat field list Redis returns', () => {
    const list = toFieldList(encodeEntry('notification', { job_id: JOB, user_id: USER }, envelope));
    expect(decodeEntry('notification', fromFieldList(list))).toEqual({ envelope, message: { job_id: JOB, user_id: USER } });
  });

  it('refuses to encode an invalid message', () => {
    expect(() => encodeEntry('job-analysis', { job_id: 'nope' }, envelope)).toThrow(ContractError);
  });

  it('rejects a wrong schema version', () => {
    const fields = { ...encodeEntry('job-analysis', { job_id: JOB }, envelope), schema_version: '2' };
    expect(reasonOf(() => decodeEntry('job-analysis', fields))).toBe(`schema_version: expected schema_version ${SCHEMA_VERSION}`);
  });

  it('rejects a missing trace id, a bad timestamp, a missing or non-JSON payload', () => {
    const good = encodeEntry('job-analysis', { job_id: JOB }, envelope);
    const { trace_id: _t, ...noTrace } = good;
    expect(reasonOf(() => decodeEntry('job-analysis', noTrace))).toMatch(/^trace_id: /);
    expect(reasonOf(() => decodeEntry('job-analysis', { ...good, published_at: 'yesterday' }))).toMatch(/^published_at: /);
    const { payload: _p, ...noPayload } = good;
    expect(reasonOf(() => decodeEntry('job-analysis', noPayload))).toBe('payload: missing');
    expect(reasonOf(() => decodeEntry('job-analysis', { ...good, payload: '{job_id' }))).toBe('payload: not valid JSON');
    expect(reasonOf(() => decodeEntry('job-analysis', { ...good, payload: '{"job_id":"x"}' }))).toBe('job_id: expected a UUID');
  });
});

describe('encodeEntries', () => {
  it('encodes a batch exactly as encodeEntry does, one entry per message', () => {
    const envelope = createEnvelope('trace-batch-1');
    const batch = [{ job_id: JOB, user_id: USER }, { job_id: USER, user_id: JOB }];
    expect(encodeEntries('user-analysis', batch, envelope)).toEqual(batch.map((m) => toFieldList(encodeEntry('user-analysis', m, envelope))));
    expect(() => encodeEntries('user-analysis', [...batch, { job_id: JOB } as never], envelope)).toThrow('user_id');
  });
});
