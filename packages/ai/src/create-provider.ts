import type { Registry } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import { AiCache, withCache } from './cache';
import type { AiConfig } from './config';
import type { AiLogger } from './logging';
import type { AiProvider } from './provider';
import { LocalProvider } from './providers/local/local-provider';
import { OpenAiProvider } from './providers/openai-provider';

export interface CreateAiProviderOptions {
  config: AiConfig;
  /** Required by the openai provider: the shared rate limit and the cache live there. */
  redis?: Redis;
  /** Before the cache's and the rate limit's keys: the workers pass STREAM_KEY_PREFIX, so a test or a second stack on one Redis shares neither. */
  keyPrefix?: string;
  registry?: Registry;
  logger?: AiLogger;
}

/**
 * The provider the configuration asks for. openai results are cached in Redis; the local
 * provider is cheaper than a Redis round trip and is not.
 */
export function createAiProvider({ config, redis, keyPrefix, registry, logger }: CreateAiProviderOptions): AiProvider {
  if (config.provider === 'local' || !config.openai) return new LocalProvider();
  if (!redis) throw new Error('The openai provider needs a Redis connection (shared rate limit and cache)');
  const extras = { ...(keyPrefix ? { keyPrefix } : {}), ...(registry ? { registry } : {}), ...(logger ? { logger } : {}) };
  const provider = new OpenAiProvider({ settings: config.openai, redis, ...extras });
  return withCache(provider, new AiCache({ redis, ttlSeconds: config.cacheTtlSeconds, lockTtlMs: lockTtlFor(config), ...extras }));
}

/** Longer than one call can take with all its retries, so a live holder keeps its lock. */
function lockTtlFor(config: AiConfig): number {
  const openai = config.openai;
  if (!openai) return 60_000;
  return Math.min(15 * 60_000, 2 * (openai.maxRetries + 1) * (openai.timeoutMs + 8_000) + openai.rateLimitMaxWaitMs);
}
