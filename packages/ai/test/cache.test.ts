import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createMetricsRegistry } from '@jobping/metrics';
import { AiCache, createAiProvider, OpenAiProvider, withCache, type AiProvider, type MatchInput } from '../src/index';
import { completion, FakeOpenAiServer, validCompany, validMatch } from './support/fake-openai-server';
import { testRedis } from './support/redis';
import { testOpenAiSettings } from './support/settings';

const store = testRedis();
let server: FakeOpenAiServer;

const input: MatchInput = {
  job: {
    title: 'Senior Backend Engineer (TypeScript)',
    company: 'Stackwise',
    location: 'Remote (EU)',
    remote: true,
    description: 'Build CI analytics in TypeScript and PostgreSQL.',
  },
  company: null,
  user: { prompt: 'Senior backend engineer, TypeScript, remote in the EU', threshold: 70 },
};

function cachedProvider(model = 'cache-model', registry = createMetricsRegistry('ai-test', { defaultMetrics: false })): AiProvider {
  const redis = store.connect();
  const openai = new OpenAiProvider({
    settings: testOpenAiSettings(server.baseURL, { model }),
    redis,
  });
  return withCache(openai, new AiCache({ redis, ttlSeconds: 60, pollMs: 20, registry }));
}

beforeAll(async () => {
  server = await FakeOpenAiServer.start();
});
afterAll(async () => {
  await server.close();
  await store.cleanup();
});
beforeEach(() => {
  server.requests.length = 0;
  server.fallback = completion(JSON.stringify(validMatch), { prompt_tokens: 300, completion_tokens: 50 });
});

describe('the Redis cache', () => {
  it('answers a repeated call from the cache without a second request', async () => {
    const registry = createMetricsRegistry('ai-test', { defaultMetrics: false });
    const ai = cachedProvider('cache-model-repeat', registry);
    const first = await ai.scoreMatch(input);
    const second = await ai.scoreMatch(input);

    expect(server.requests).toHaveLength(1);
    expect(first.meta.cached).toBe(false);
    expect(second.meta.cached).toBe(true);
    expect(second.score).toBe(first.score);
    expect(second.analysis).toEqual(first.analysis);
    // What was paid for the cached result, for storing with it.
    expect(second.meta.usage).toEqual({ inputTokens: 300, outputTokens: 50 });
    expect(second.meta.promptVersion).toBe('match-v2');
    const metrics = await registry.metrics();
    expect(metrics).toMatch(/ai_cache_lookups_total\{operation="match",result="hit"[^}]*\} 1/);
  });

  it('is shared by replicas and hit by a re-posted job (new id and URL, same content)', async () => {
    const a = cachedProvider('cache-model-repost');
    const b = cachedProvider('cache-model-repost');
    await a.scoreMatch(input);
    const reposted = { ...input, job: { ...input.job, id: 'another-id', url: 'https://example.com/again', postedAt: new Date() } };
    const result = await b.scoreMatch(reposted as MatchInput);
    expect(result.meta.cached).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it('keeps the results of stacks with different key prefixes apart (STREAM_KEY_PREFIX), and shares them within one', async () => {
    const config = { provider: 'openai' as const, openai: testOpenAiSettings(server.baseURL, { model: 'cache-model-prefix' }), cacheTtlSeconds: 60, prefilter: true };
    const stack = (keyPrefix: string) => createAiProvider({ config, redis: store.connect(), keyPrefix });
    const a = stack('stack-a:');
    await a.scoreMatch(input);
    expect((await stack('stack-a:').scoreMatch(input)).meta.cached).toBe(true);
    const other = await stack('stack-b:').scoreMatch(input);
    expect(other.meta.cached).toBe(false);
    expect(server.requests).toHaveLength(2);
  });

  it('pays again when the prompt, the job, the model or the company info changes', async () => {
    const ai = cachedProvider('cache-model-change');
    await ai.scoreMatch(input);
    await ai.scoreMatch({ ...input, user: { prompt: 'Senior backend engineer, Go, remote' } });
    await ai.scoreMatch({ ...input, job: { ...input.job, description: 'Build CI analytics in Go.' } });
    await ai.scoreMatch({ ...input, company: validCompany });
    await cachedProvider('another-model').scoreMatch(input);
    expect(server.requests).toHaveLength(5);
  });

  it('lets concurrent duplicates wait for the first call instead of paying twice', async () => {
    server.reply({ ...completion(JSON.stringify(validMatch)), delayMs: 300 });
    const a = cachedProvider('cache-model-concurrent');
    const b = cachedProvider('cache-model-concurrent');
    const results = await Promise.all([a.scoreMatch(input), b.scoreMatch(input), a.scoreMatch(input)]);
    expect(server.requests).toHaveLength(1);
    expect(results.filter((result) => result.meta.cached)).toHaveLength(2);
  });

  it('does not cache failures', async () => {
    const ai = cachedProvider('cache-model-failure');
    server.reply(completion('not json'), completion('still not json'));
    await expect(ai.scoreMatch(input)).rejects.toThrow(/invalid 2 times/);
    const result = await ai.scoreMatch(input);
    expect(result.meta.cached).toBe(false);
    expect(server.requests).toHaveLength(3);
  });

  it('caches company research by company and postings, whatever their order', async () => {
    server.fallback = completion(JSON.stringify(validCompany));
    const ai = cachedProvider('cache-model-company');
    const one = { ...input.job, title: 'One' };
    const two = { ...input.job, title: 'Two' };
    await ai.researchCompany({ name: 'Stackwise', postings: [one, two] });
    const again = await ai.researchCompany({ name: 'stackwise', postings: [two, one] });
    expect(again.meta.cached).toBe(true);
    expect(again.info).toEqual(validCompany);
    expect(server.requests).toHaveLength(1);
  });

  it('ignores a cache entry that no longer matches the contract', async () => {
    const redis = store.connect();
    const ai = cachedProvider('cache-model-corrupt');
    await ai.scoreMatch(input);
    const keys = await redis.keys(`${store.prefix}ai:cache:match:openai:cache-model-corrupt:*`);
    expect(keys).toHaveLength(1);
    await redis.set(keys[0]!.slice(store.prefix.length), JSON.stringify({ value: { score: 'high' }, meta: {} }));
    const result = await ai.scoreMatch(input);
    expect(result.meta.cached).toBe(false);
    expect(server.requests).toHaveLength(2);
  });
});
