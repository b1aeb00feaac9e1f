import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { AiRateLimitedError, matchInputSchema, OpenAiProvider, SharedRateLimiter, type MatchInput, type OpenAiSettings } from '../src/index';
import { matchMessages } from '../src/prompts/match-v2';
import { estimateTokens } from '../src/providers/openai-provider';
import { completion, FakeOpenAiServer, validMatch } from './support/fake-openai-server';
import { recordingLogger } from './support/logs';
import { testRedis } from './support/redis';
import { testOpenAiSettings } from './support/settings';

// Two provider instances with their own Redis connections stand for two replicas.
const store = testRedis();
let server: FakeOpenAiServer;

const input: MatchInput = {
  job: { title: 'Senior Backend Engineer (Go)', company: 'Freightloop', location: 'Remote (EU)', description: 'Go services for freight visibility.' },
  user: { prompt: 'Senior backend engineer, Go, remote in the EU' },
};

function replica(model: string, overrides: Partial<OpenAiSettings>, windowSeconds = 60, logger = recordingLogger(), keyPrefix?: string) {
  return new OpenAiProvider({
    settings: testOpenAiSettings(server.baseURL, { model, rateLimitMaxWaitMs: 0, ...overrides }),
    redis: store.connect(),
    ...(keyPrefix ? { keyPrefix } : {}),
    rateLimitWindowSeconds: windowSeconds,
    logger,
  });
}

const model = () => `rl-model-${Math.random().toString(36).slice(2)}`;

beforeAll(async () => {
  server = await FakeOpenAiServer.start();
  server.fallback = completion(JSON.stringify(validMatch), { prompt_tokens: 300, completion_tokens: 50 });
});
afterAll(async () => {
  await server.close();
  await store.cleanup();
});
beforeEach(() => {
  server.requests.length = 0;
});

describe('the shared rate limit', () => {
  it('holds requests per minute across two replicas', async () => {
    const name = model();
    const a = replica(name, { requestsPerMinute: 2 });
    const b = replica(name, { requestsPerMinute: 2 });
    await a.scoreMatch(input);
    await b.scoreMatch(input);
    const error = await b.scoreMatch(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AiRateLimitedError);
    expect((error as AiRateLimitedError).limit).toBe('requests');
    expect((error as AiRateLimitedError).retryable).toBe(true);
    expect((error as AiRateLimitedError).retryAfterMs).toBeGreaterThan(0);
    await expect(a.scoreMatch(input)).rejects.toBeInstanceOf(AiRateLimitedError);
    // The third and fourth calls never reached the server.
    expect(server.requests).toHaveLength(2);
  });

  it('gives stacks with different key prefixes (STREAM_KEY_PREFIX) budgets of their own', async () => {
    const name = model();
    const a = replica(name, { requestsPerMinute: 1 }, 60, recordingLogger(), 'stack-a:');
    const b = replica(name, { requestsPerMinute: 1 }, 60, recordingLogger(), 'stack-b:');
    await a.scoreMatch(input);
    await b.scoreMatch(input);
    await expect(a.scoreMatch(input)).rejects.toBeInstanceOf(AiRateLimitedError);
    expect(server.requests).toHaveLength(2);
  });

  it('holds tokens per minute across two replicas, corrected by the real usage', async () => {
    const name = model();
    // A call is taken at its estimate (prompt + 200 output tokens), then corrected to the 350
    // tokens the server reports. The budget fits two calls but not a third one.
    const estimate = estimateTokens(matchMessages(matchInputSchema.parse(input))) + 200;
    const budget = estimate + 350 + 10;
    const a = replica(name, { tokensPerMinute: budget });
    const b = replica(name, { tokensPerMinute: budget });
    await a.scoreMatch(input);
    await b.scoreMatch(input);
    // 700 used: a third call's estimate no longer fits.
    const error = await a.scoreMatch(input).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AiRateLimitedError);
    expect((error as AiRateLimitedError).limit).toBe('tokens');
    expect(server.requests).toHaveLength(2);
  });

  it('makes a call wait for the next window when it may, instead of failing', async () => {
    const name = model();
    const logger = recordingLogger();
    const a = replica(name, { requestsPerMinute: 2, rateLimitMaxWaitMs: 3_000 }, 1, logger);
    const b = replica(name, { requestsPerMinute: 2, rateLimitMaxWaitMs: 3_000 }, 1, logger);
    const results = await Promise.all([a.scoreMatch(input), b.scoreMatch(input), a.scoreMatch(input)]);
    expect(results.map((result) => result.score)).toEqual([82, 82, 82]);
    expect(server.requests).toHaveLength(3);
    expect(logger.lines.some((line) => line.message === 'Waiting for the shared LLM rate limit' && line.meta.limit === 'requests')).toBe(true);
  });

  it('pauses every replica after an upstream 429', async () => {
    const name = `pause-${model()}`;
    const first = new SharedRateLimiter({ redis: store.connect(), scope: name, requestsPerWindow: 100, tokensPerWindow: 10_000, maxWaitMs: 0 });
    const second = new SharedRateLimiter({ redis: store.connect(), scope: name, requestsPerWindow: 100, tokensPerWindow: 10_000, maxWaitMs: 0 });
    await (await second.acquire(10)).settle(10);
    await first.pause(2_000);
    await expect(second.acquire(10)).rejects.toBeInstanceOf(AiRateLimitedError);
  });
});
