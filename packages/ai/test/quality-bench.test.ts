import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { openAiBenchSettings } from '../bench/quality/openai-env';
import { prefilterMetrics, providerMetrics } from '../bench/quality/report';
import { scorePairs, summarisePrefilter, summariseScores, type GateResult } from '../bench/quality/evaluate';
import type { EvalPair, EvalPosting, EvalProfile, Label } from '../eval/dataset';
import { LocalProvider, OpenAiProvider } from '../src/index';
import { completion, errorReply, FakeOpenAiServer, validMatch, type RecordedRequest } from './support/fake-openai-server';
import { testRedis } from './support/redis';
import { testOpenAiSettings } from './support/settings';

// The bench's provider run end to end: real OpenAiProvider (no cache) → loopback fake
// OpenAI-compatible server whose answers are known → the metric lines the bench prints.

const profile = (id: string, profession: string): EvalProfile => ({
  id,
  profession,
  sector: 'non_software',
  prompt: `${profession} in Dublin, days only`,
  threshold: 70,
  style: 'terse',
});
const posting = (id: string, title: string): EvalPosting => ({
  id,
  title,
  company: 'Liffey Clinic',
  location: 'Dublin, Ireland',
  remote: false,
  salaryMin: null,
  salaryMax: null,
  salaryCurrency: null,
  salaryPeriod: null,
  employmentType: 'full_time',
  description: `${title}: Monday to Friday, days only.`,
});
const pair = (p: EvalProfile, job: EvalPosting, label: Label): EvalPair => ({ id: `${p.id}/${job.id}`, profile: p, posting: job, label, reason: 'a reason for the test' });

const nurse = profile('test-nurse', 'Nursing');
const writer = profile('test-writer', 'Content marketing');
// What the fake model answers per posting title: scores, or an HTTP status for a failure.
const answers: Record<string, number | { status: number }> = {
  'Clinic Nurse A': 90, // ping, predicted: tp
  'Ward Nurse B': 20, // no, not predicted: tn
  'Practice Nurse C': 80, // no, predicted: fp
  'Content Writer D': 40, // ping, not predicted: fn
  'Content Writer E': { status: 400 }, // a failed call: reported, left out of the metrics
  'Ambiguous F': 99, // ambiguous: never sent
};
const pairs: EvalPair[] = [
  pair(nurse, posting('test-a', 'Clinic Nurse A'), 'ping'),
  pair(nurse, posting('test-b', 'Ward Nurse B'), 'no'),
  pair(nurse, posting('test-c', 'Practice Nurse C'), 'no'),
  pair(writer, posting('test-d', 'Content Writer D'), 'ping'),
  pair(writer, posting('test-e', 'Content Writer E'), 'no'),
  pair(writer, posting('test-f', 'Ambiguous F'), 'ambiguous'),
];

const store = testRedis();
let server: FakeOpenAiServer;

function answer(request: RecordedRequest) {
  const user = request.body.messages?.find((message) => message.role === 'user')?.content ?? '';
  const title = Object.keys(answers).find((candidate) => user.includes(candidate));
  const value = title === undefined ? { status: 404 } : answers[title]!;
  return typeof value === 'number' ? completion(JSON.stringify({ ...validMatch, score: value })) : errorReply(value.status);
}

beforeAll(async () => {
  server = await FakeOpenAiServer.start();
  server.responder = answer;
});
afterAll(async () => {
  await server.close();
  await store.cleanup();
});

describe('the quality bench with an OpenAI-compatible provider', () => {
  it('scores every non-ambiguous pair through the provider and computes the metrics from its answers', async () => {
    const provider = new OpenAiProvider({ settings: testOpenAiSettings(server.baseURL), redis: store.redis });
    const scores = await scorePairs(pairs, provider, { concurrency: 3 });

    expect(server.requests).toHaveLength(5);
    expect(server.requests.some((request) => JSON.stringify(request.body).includes('Ambiguous F'))).toBe(false);
    // The user's prompt reaches the model.
    expect(server.requests.every((request) => JSON.stringify(request.body).includes('in Dublin, days only'))).toBe(true);

    const summary = summariseScores(scores);
    expect(summary.failed.map((score) => score.pair.id)).toEqual(['test-writer/test-e']);
    expect(summary.overall).toMatchObject({ n: 4, tp: 1, fp: 1, fn: 1, tn: 1 });

    const lines = providerMetrics('openai', summary).map((line) => JSON.parse(JSON.stringify(line)));
    expect(lines).toEqual([
      { metric: 'quality.openai_precision', value: 0.5, unit: 'ratio' },
      { metric: 'quality.openai_recall', value: 0.5, unit: 'ratio' },
      { metric: 'quality.openai_f1', value: 0.5, unit: 'ratio', target: '>=0.85' },
      // positives 90, 40 against negatives 20, 80: 3 of 4 orderings right
      { metric: 'quality.openai_auc', value: 0.75, unit: 'ratio' },
    ]);

    const nursing = summary.byProfession.find((row) => row.profession === 'Nursing')!;
    expect(nursing.quality).toMatchObject({ n: 3, tp: 1, fp: 1, tn: 1, fn: 0 });
    // Worst misses first: the false positive 10 points over, then the false negative 30 under.
    expect(summary.misses.map((miss) => [miss.score.pair.id, miss.distance])).toEqual([
      ['test-writer/test-d', 30],
      ['test-nurse/test-c', 10],
    ]);
  });

  it('runs the local provider through the same path', async () => {
    const summary = summariseScores(await scorePairs(pairs, new LocalProvider()));
    expect(summary.failed).toEqual([]);
    expect(summary.overall.n).toBe(5);
    expect(providerMetrics('local', summary).map((line) => line.metric)).toEqual([
      'quality.local_precision',
      'quality.local_recall',
      'quality.local_f1',
      'quality.local_auc',
    ]);
  });
});

describe('openAiBenchSettings', () => {
  it('is null without OPENAI_BASE_URL (the bench then says the provider was skipped)', () => {
    expect(openAiBenchSettings({ OPENAI_API_KEY: 'sk-x', REDIS_URL: 'redis://127.0.0.1:6379/0' })).toBeNull();
  });

  it('points the provider at OPENAI_BASE_URL with the configured model, and fills in a placeholder key for servers that need none', () => {
    const found = openAiBenchSettings({ OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_MODEL: 'qwen2.5:7b', REDIS_URL: 'redis://127.0.0.1:6379/0' });
    expect(found).toMatchObject({ settings: { baseURL: 'http://127.0.0.1:11434/v1', model: 'qwen2.5:7b' }, redisUrl: 'redis://127.0.0.1:6379/0', placeholderKey: true });
  });

  it('says what to fix when the URL is not one', () => {
    expect(() => openAiBenchSettings({ OPENAI_BASE_URL: 'localhost:11434', REDIS_URL: 'redis://127.0.0.1:6379/0' })).toThrow(/OPENAI_BASE_URL/);
  });
});

describe('summarisePrefilter', () => {
  const gate = (label: Label, pass: boolean, id: string): GateResult => ({ pair: pair(nurse, posting(id, id), label), pass, reason: pass ? 'pass' : 'skip: role' });

  it('measures recall on the ping labels and calls avoided on every scored pair', () => {
    const summary = summarisePrefilter([
      gate('ping', true, 'test-1'),
      gate('ping', false, 'test-2'), // a good job dropped
      gate('ping', true, 'test-3'),
      gate('no', false, 'test-4'),
      gate('no', false, 'test-5'),
      gate('no', true, 'test-6'),
      gate('ambiguous', false, 'test-7'), // not counted
    ]);
    expect(summary).toMatchObject({ pairs: 6, ruledOut: 3, pings: 3, pingsKept: 2 });
    expect(summary.droppedPings.map((result) => result.pair.posting.id)).toEqual(['test-2']);
    expect(prefilterMetrics(summary)).toEqual([
      { metric: 'quality.prefilter_recall', value: 0.6667, unit: 'ratio', target: '>=0.99' },
      { metric: 'quality.prefilter_calls_avoided', value: 0.5, unit: 'ratio', target: '>=0.70' },
    ]);
  });
});
