import { ConfigError, loadConfig } from '@jobping/config';
import { describe, expect, it } from '@jest/globals';
import { aiEnvSchema, loadAiConfig } from './config';

describe('AI configuration', () => {
  it('defaults to the local provider when no API key is set', () => {
    const config = loadAiConfig({});
    expect(config.provider).toBe('local');
    expect(config.openai).toBeNull();
    expect(config.prefilter).toBe(true);
  });

  it('uses openai when a key is set, with the documented defaults', () => {
    const config = loadAiConfig({ OPENAI_API_KEY: 'sk-test' });
    expect(config.provider).toBe('openai');
    expect(config.openai).toEqual({
      apiKey: 'sk-test',
      model: 'gpt-4o-mini',
      timeoutMs: 30_000,
      maxRetries: 3,
      maxOutputTokens: 1_200,
      requestsPerMinute: 500,
      tokensPerMinute: 200_000,
      rateLimitMaxWaitMs: 20_000,
    });
  });

  it('lets LLM_PROVIDER=local win over a key, and takes a base URL for compatible servers', () => {
    expect(loadAiConfig({ OPENAI_API_KEY: 'sk-test', LLM_PROVIDER: 'local' }).provider).toBe('local');
    expect(loadAiConfig({ OPENAI_API_KEY: 'ollama', OPENAI_BASE_URL: 'http://127.0.0.1:11434/v1' }).openai?.baseURL).toBe('http://127.0.0.1:11434/v1');
  });

  it('refuses openai without a key, naming the variable and never echoing values', () => {
    expect(() => loadAiConfig({ LLM_PROVIDER: 'openai' })).toThrow(ConfigError);
    expect(() => loadAiConfig({ LLM_PROVIDER: 'openai' })).toThrow(/OPENAI_API_KEY is missing/);
    expect(() => loadConfig(aiEnvSchema, { OPENAI_BASE_URL: 'ftp://secret-host' })).toThrow(/OPENAI_BASE_URL is invalid/);
    expect(() => loadConfig(aiEnvSchema, { OPENAI_BASE_URL: 'ftp://secret-host' })).not.toThrow(/secret-host/);
  });
});
