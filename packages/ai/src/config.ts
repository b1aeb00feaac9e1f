import { ConfigError, fields, loadConfig } from '@jobping/config';
import { z } from 'zod';

/**
 * Environment of packages/ai. Compose it into a service's schema
 * (`baseEnvSchema.extend(redisEnvSchema.shape).extend(aiEnvSchema.shape)`), then call
 * `resolveAiConfig` on the parsed values to pick the provider.
 */
export const aiEnvSchema = z.object({
  LLM_PROVIDER: z
    .enum(['openai', 'local'])
    .optional()
    .describe('openai (any OpenAI-compatible server) or local (deterministic rules, no network); default: openai when OPENAI_API_KEY is set, else local'),
  OPENAI_API_KEY: z.string().min(1).optional().describe('the API key of the OpenAI-compatible server; needed when LLM_PROVIDER=openai (any non-empty value for a server that needs none)'),
  OPENAI_MODEL: z.string().min(1).max(200).default('gpt-4o-mini').describe('the chat model used for matching and company research (default gpt-4o-mini)'),
  OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'not an http:// or https:// URL' })
    .optional()
    .describe('the base URL of an OpenAI-compatible API, e.g. http://127.0.0.1:11434/v1 (default: OpenAI)'),
  OPENAI_TIMEOUT_MS: fields.positiveInt(30_000, 'timeout of one LLM request in ms'),
  OPENAI_MAX_RETRIES: z.coerce
    .number({ error: 'not a number' })
    .int()
    .min(0)
    .max(10)
    .default(3)
    .describe('retries of one LLM request after 408, 409, 429, 5xx, timeouts and network errors (the SDK\'s own retries are off): 0 to 10 (default 3)'),
  OPENAI_MAX_OUTPUT_TOKENS: fields.positiveInt(1_200, 'cap on the tokens of one answer'),
  OPENAI_REQUESTS_PER_MINUTE: fields.positiveInt(500, 'LLM requests per minute shared by every replica'),
  OPENAI_TOKENS_PER_MINUTE: fields.positiveInt(200_000, 'LLM tokens per minute shared by every replica'),
  AI_RATE_LIMIT_MAX_WAIT_MS: z.coerce
    .number({ error: 'not a number' })
    .int()
    .min(0)
    .default(20_000)
    .describe('how long a call may wait for the shared rate limit before failing as retryable, in ms (default 20000)'),
  AI_CACHE_TTL_SECONDS: fields.positiveInt(30 * 24 * 3600, 'how long LLM results stay in the Redis cache, in seconds'),
  AI_PREFILTER: fields.flag(true, 'skip the LLM for pairs the pre-filter rules out'),
});

export type AiEnv = z.output<typeof aiEnvSchema>;

export interface OpenAiSettings {
  apiKey: string;
  model: string;
  baseURL?: string;
  timeoutMs: number;
  maxRetries: number;
  maxOutputTokens: number;
  requestsPerMinute: number;
  tokensPerMinute: number;
  rateLimitMaxWaitMs: number;
}

export interface AiConfig {
  provider: 'openai' | 'local';
  openai: OpenAiSettings | null;
  cacheTtlSeconds: number;
  prefilter: boolean;
}

/** Picks the provider: `LLM_PROVIDER`, else openai when a key is set, else local. */
export function resolveAiConfig(env: AiEnv): AiConfig {
  const provider = env.LLM_PROVIDER ?? (env.OPENAI_API_KEY ? 'openai' : 'local');
  const common = { cacheTtlSeconds: env.AI_CACHE_TTL_SECONDS, prefilter: env.AI_PREFILTER };
  if (provider === 'local') return { provider, openai: null, ...common };
  if (!env.OPENAI_API_KEY) {
    throw new ConfigError(
      'Invalid configuration: OPENAI_API_KEY is missing: expected an API key when LLM_PROVIDER=openai (any non-empty value for a server that needs none)',
      ['OPENAI_API_KEY'],
    );
  }
  return {
    provider,
    openai: {
      apiKey: env.OPENAI_API_KEY,
      model: env.OPENAI_MODEL,
      ...(env.OPENAI_BASE_URL ? { baseURL: env.OPENAI_BASE_URL } : {}),
      timeoutMs: env.OPENAI_TIMEOUT_MS,
      maxRetries: env.OPENAI_MAX_RETRIES,
      maxOutputTokens: env.OPENAI_MAX_OUTPUT_TOKENS,
      requestsPerMinute: env.OPENAI_REQUESTS_PER_MINUTE,
      tokensPerMinute: env.OPENAI_TOKENS_PER_MINUTE,
      rateLimitMaxWaitMs: env.AI_RATE_LIMIT_MAX_WAIT_MS,
    },
    ...common,
  };
}

/** `loadConfig(aiEnvSchema)` + `resolveAiConfig`: throws a one-line `ConfigError`. */
export function loadAiConfig(env: Record<string, string | undefined> = process.env): AiConfig {
  return resolveAiConfig(loadConfig(aiEnvSchema, env));
}
