import type { OpenAiSettings } from '../../src/index';

/** OpenAI settings pointing at the fake server: fast timeouts, generous limits, no retries unless asked. */
export function testOpenAiSettings(baseURL: string, overrides: Partial<OpenAiSettings> = {}): OpenAiSettings {
  return {
    apiKey: 'test-key',
    model: 'test-model',
    baseURL,
    timeoutMs: 2_000,
    maxRetries: 0,
    maxOutputTokens: 200,
    requestsPerMinute: 1_000,
    tokensPerMinute: 1_000_000,
    rateLimitMaxWaitMs: 1_000,
    ...overrides,
  };
}
