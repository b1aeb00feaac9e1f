import { loadConfig, redisEnvSchema } from '@jobping/config';
import { aiEnvSchema, resolveAiConfig, type OpenAiSettings } from '../../src/index';

/** A key for OpenAI-compatible servers that ask for none (Ollama, vLLM, LM Studio). */
const PLACEHOLDER_KEY = 'jobping-bench-no-key';

export interface OpenAiBench {
  settings: OpenAiSettings;
  /** The shared rate limit of the provider lives in Redis. */
  redisUrl: string;
  /** True when OPENAI_API_KEY was not set and a placeholder is sent. */
  placeholderKey: boolean;
}

/**
 * The openai provider's settings for the bench, from the same variables the services read;
 * null when OPENAI_BASE_URL is not set (the bench then skips that provider and says so).
 * Throws a `ConfigError` naming the variable when one is invalid.
 */
export function openAiBenchSettings(env: Record<string, string | undefined>): OpenAiBench | null {
  if (!env.OPENAI_BASE_URL?.trim()) return null;
  const placeholderKey = !env.OPENAI_API_KEY?.trim();
  const parsed = loadConfig(redisEnvSchema.extend(aiEnvSchema.shape), {
    ...env,
    LLM_PROVIDER: 'openai',
    OPENAI_API_KEY: placeholderKey ? PLACEHOLDER_KEY : env.OPENAI_API_KEY,
  });
  const config = resolveAiConfig(parsed);
  return { settings: config.openai!, redisUrl: parsed.REDIS_URL, placeholderKey };
}
