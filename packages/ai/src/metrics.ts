import { Counter, Histogram, type Registry } from '@jobping/metrics';

/** Metrics of packages/ai, registered once per registry (several providers may share one). */
export interface AiMetrics {
  requests: Counter<'provider' | 'model' | 'operation' | 'outcome'>;
  tokens: Counter<'provider' | 'model' | 'operation' | 'kind'>;
  duration: Histogram<'provider' | 'model' | 'operation'>;
  retries: Counter<'provider' | 'model' | 'reason'>;
  cache: Counter<'operation' | 'result'>;
  rateLimitWait: Histogram<'limit'>;
  prefilter: Counter<'decision' | 'reason'>;
}

const cache = new WeakMap<Registry, AiMetrics>();

export function aiMetrics(registry: Registry): AiMetrics {
  const existing = cache.get(registry);
  if (existing) return existing;
  const registers = [registry];
  const metrics: AiMetrics = {
    requests: new Counter({
      name: 'ai_llm_requests_total',
      help: 'LLM HTTP requests by outcome (success, invalid_output, rate_limited, server_error, network, timeout, client_error, bad_response)',
      labelNames: ['provider', 'model', 'operation', 'outcome'],
      registers,
    }),
    tokens: new Counter({
      name: 'ai_llm_tokens_total',
      help: 'Tokens paid for, by kind (input, output)',
      labelNames: ['provider', 'model', 'operation', 'kind'],
      registers,
    }),
    duration: new Histogram({
      name: 'ai_llm_request_duration_seconds',
      help: 'Duration of one LLM HTTP request',
      labelNames: ['provider', 'model', 'operation'],
      buckets: [0.25, 0.5, 1, 2, 4, 8, 15, 30, 60],
      registers,
    }),
    retries: new Counter({
      name: 'ai_llm_retries_total',
      help: 'LLM requests repeated, by reason',
      labelNames: ['provider', 'model', 'reason'],
      registers,
    }),
    cache: new Counter({
      name: 'ai_cache_lookups_total',
      help: 'AI result cache lookups by result (hit, miss)',
      labelNames: ['operation', 'result'],
      registers,
    }),
    rateLimitWait: new Histogram({
      name: 'ai_rate_limit_wait_seconds',
      help: 'Time spent waiting for the shared LLM rate limit',
      labelNames: ['limit'],
      buckets: [0.01, 0.1, 0.5, 1, 2, 5, 10, 20, 60],
      registers,
    }),
    prefilter: new Counter({
      name: 'ai_prefilter_decisions_total',
      help: 'Pre-filter decisions (pass, skip) by first reason',
      labelNames: ['decision', 'reason'],
      registers,
    }),
  };
  cache.set(registry, metrics);
  return metrics;
}
