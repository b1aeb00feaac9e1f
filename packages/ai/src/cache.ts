import { companyInfoSchema, matchScoreSchema } from '@jobping/contracts';
import type { Registry } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { hashOf } from './hash';
import {
  companyResearchInputSchema,
  matchInputSchema,
  parseInput,
  type CompanyResearchInput,
  type MatchInput,
  type ParsedCompanyResearchInput,
  type ParsedMatchInput,
} from './inputs';
import { silentLogger, sleep, type AiLogger } from './logging';
import { aiMetrics, type AiMetrics } from './metrics';
import type { AiProvider, AiResultMeta, CompanyResearchResult, MatchResult } from './provider';

export interface AiCacheOptions {
  /** Key prefix of the connection applies too; keys are `ai:cache:…` and `ai:lock:…` under it. */
  redis: Redis;
  /**
   * Before every key (the workers pass STREAM_KEY_PREFIX): a test or a second stack on the same
   * Redis keeps its own results and locks instead of reading another's.
   */
  keyPrefix?: string;
  ttlSeconds: number;
  /**
   * While one caller computes a result, others with the same key wait for it instead of
   * paying for it too (a redelivered message racing the first delivery). Longer than one
   * call with its retries; a crashed holder's lock expires after this.
   */
  lockTtlMs?: number;
  pollMs?: number;
  registry?: Registry;
  logger?: AiLogger;
}

const metaSchema = z.object({
  provider: z.enum(['openai', 'local']),
  model: z.string(),
  promptVersion: z.string(),
  usage: z.object({ inputTokens: z.number(), outputTokens: z.number() }).nullable(),
});

/**
 * Job content, company info, the prompt and the user's recent dismissals (the answer depends
 * on them): not ids, URLs or dates, so a re-posted job hits. Without dismissals the key is
 * the one it was before they existed.
 */
export function matchCacheInput(input: ParsedMatchInput): unknown {
  const dismissals = input.dismissals.length > 0 ? { dismissals: input.dismissals } : {};
  return { job: input.job, company: input.company ?? null, prompt: input.user.prompt, ...dismissals };
}

export function companyCacheInput(input: ParsedCompanyResearchInput): unknown {
  // The same postings in another order are the same research.
  const postings = input.postings.map((posting) => hashOf(posting)).sort();
  return { name: input.name.toLowerCase(), website: input.website ?? null, postings };
}

/** Results in Redis, keyed by operation, provider, model, prompt version and the input's hash. */
export class AiCache {
  private readonly lockTtlMs: number;
  private readonly pollMs: number;
  private readonly logger: AiLogger;
  private readonly metrics: AiMetrics | null;

  constructor(private readonly options: AiCacheOptions) {
    this.lockTtlMs = options.lockTtlMs ?? 120_000;
    this.pollMs = options.pollMs ?? 250;
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.registry ? aiMetrics(options.registry) : null;
  }

  key(operation: string, meta: Pick<AiResultMeta, 'provider' | 'model' | 'promptVersion'>, input: unknown): string {
    const model = encodeURIComponent(meta.model);
    return `${this.options.keyPrefix ?? ''}ai:cache:${operation}:${meta.provider}:${model}:${meta.promptVersion}:${hashOf(input)}`;
  }

  /**
   * The cached value for `key`, or `compute()`'s, stored for next time. `schema` checks what
   * comes back from Redis (an entry that no longer validates is recomputed).
   */
  async getOrCompute<T>(
    operation: string,
    key: string,
    schema: z.ZodType<T>,
    compute: () => Promise<{ value: T; meta: AiResultMeta }>,
  ): Promise<{ value: T; meta: AiResultMeta }> {
    const entrySchema = z.object({ value: schema, meta: metaSchema });
    const read = async () => {
      const raw = await this.options.redis.get(key);
      if (raw === null) return null;
      try {
        const entry = entrySchema.parse(JSON.parse(raw));
        return { value: entry.value, meta: { ...entry.meta, cached: true } };
      } catch (error) {
        this.logger.warn('Ignoring an invalid AI cache entry', { key, error: (error as Error).message });
        return null;
      }
    };
    const hit = await read();
    if (hit) {
      this.metrics?.cache.inc({ operation, result: 'hit' });
      return hit;
    }
    this.metrics?.cache.inc({ operation, result: 'miss' });

    const prefix = this.options.keyPrefix ?? '';
    const lockKey = `${prefix}ai:lock:${key.slice(`${prefix}ai:cache:`.length)}`;
    const deadline = Date.now() + this.lockTtlMs;
    while (Date.now() < deadline) {
      const token = randomUUID();
      const locked = await this.options.redis.set(lockKey, token, 'PX', this.lockTtlMs, 'NX');
      if (locked === 'OK') {
        try {
          const again = await read();
          if (again) return again;
          const result = await compute();
          const entry = JSON.stringify({ value: result.value, meta: { ...result.meta, cached: undefined } });
          await this.options.redis.set(key, entry, 'EX', this.options.ttlSeconds);
          return result;
        } finally {
          // Best effort: a lock that expired meanwhile and was taken by someone else is
          // deleted too, which only lets them look at the (now filled) cache sooner.
          await this.options.redis.del(lockKey).catch(() => undefined);
        }
      }
      // Someone else is computing the same result: wait for it rather than pay twice.
      await sleep(this.pollMs);
      const waited = await read();
      if (waited) return waited;
    }
    this.logger.warn('Waited for a cache lock in vain; computing anyway', { key });
    return compute();
  }
}

/** Wraps a provider so that every result is looked up in, and stored to, the cache. */
export function withCache(provider: AiProvider, cache: AiCache): AiProvider {
  const meta = (promptVersion: string) => ({ provider: provider.name, model: provider.model, promptVersion });
  return {
    name: provider.name,
    model: provider.model,
    promptVersions: provider.promptVersions,
    async scoreMatch(input: MatchInput): Promise<MatchResult> {
      const parsed = parseInput(matchInputSchema, input, 'match');
      const key = cache.key('match', meta(provider.promptVersions.match), matchCacheInput(parsed));
      const result = await cache.getOrCompute('match', key, matchScoreSchema, async () => {
        const { meta: resultMeta, ...value } = await provider.scoreMatch(parsed);
        return { value, meta: resultMeta };
      });
      return { ...result.value, meta: result.meta };
    },
    async researchCompany(input: CompanyResearchInput): Promise<CompanyResearchResult> {
      const parsed = parseInput(companyResearchInputSchema, input, 'company research');
      const key = cache.key('company', meta(provider.promptVersions.company), companyCacheInput(parsed));
      const result = await cache.getOrCompute('company', key, companyInfoSchema, async () => {
        const { info, meta: resultMeta } = await provider.researchCompany(parsed);
        return { value: info, meta: resultMeta };
      });
      return { info: result.value, meta: result.meta };
    },
  };
}
