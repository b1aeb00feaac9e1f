import { ContractError, describeIssues, parseCompanyInfo, parseMatchScore } from '@jobping/contracts';
import type { Registry } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import type { ChatCompletion, ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import { z } from 'zod';
import type { OpenAiSettings } from '../config';
import { AiOutputError, AiUpstreamError } from '../errors';
import { companyResearchInputSchema, matchInputSchema, parseInput, type CompanyResearchInput, type MatchInput } from '../inputs';
import { silentLogger, sleep, type AiLogger } from '../logging';
import { aiMetrics, type AiMetrics } from '../metrics';
import { COMPANY_PROMPT_VERSION, companyAnswerSchema, companyMessages } from '../prompts/company-v1';
import { MATCH_PROMPT_VERSION, matchAnswerSchema, matchMessages } from '../prompts/match-v2';
import type { AiProvider, AiResultMeta, CompanyResearchResult, MatchResult, TokenUsage } from '../provider';
import { SharedRateLimiter } from '../rate-limit';
import { classifyFailure, retryDelayMs, type RetryPolicy } from './openai-failures';

export interface OpenAiProviderOptions {
  settings: OpenAiSettings;
  /** Holds the shared rate limit (give every replica the same Redis and key prefix). */
  redis: Redis;
  /** Before the rate limiter's keys (STREAM_KEY_PREFIX in the workers). */
  keyPrefix?: string;
  registry?: Registry;
  logger?: AiLogger;
  /** 60 ("per minute") unless a test needs a shorter window. */
  rateLimitWindowSeconds?: number;
  backoff?: Partial<RetryPolicy>;
}

/** How many times a model may answer before an invalid answer fails the call. */
const ANSWER_ATTEMPTS = 2;

type Operation = 'match' | 'company';

/**
 * Any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM, LM Studio) through the
 * official SDK, with structured outputs from zod schemas.
 *
 * Retries: the SDK's own retries are OFF (`maxRetries: 0`); this class retries 408/409/429/5xx,
 * timeouts and network errors itself, up to `maxRetries` times, so that every attempt passes
 * the shared rate limit and is counted, and a 429's `retry-after` pauses every replica. An
 * answer that is not valid JSON or breaks the contract is asked for once more, then fails
 * with `AiOutputError` (not retryable). Worst case per call: 2 × (maxRetries + 1) requests.
 */
export class OpenAiProvider implements AiProvider {
  readonly name = 'openai' as const;
  readonly model: string;
  readonly promptVersions = { match: MATCH_PROMPT_VERSION, company: COMPANY_PROMPT_VERSION } as const;

  private readonly client: OpenAI;
  private readonly limiter: SharedRateLimiter;
  private readonly logger: AiLogger;
  private readonly metrics: AiMetrics | null;
  private readonly backoff: RetryPolicy;

  constructor(private readonly options: OpenAiProviderOptions) {
    const { settings } = options;
    this.model = settings.model;
    this.client = new OpenAI({
      apiKey: settings.apiKey,
      ...(settings.baseURL ? { baseURL: settings.baseURL } : {}),
      // Our own per-attempt deadline (below) fires first; this is only a backstop.
      timeout: settings.timeoutMs + 1_000,
      maxRetries: 0,
    });
    this.limiter = new SharedRateLimiter({
      redis: options.redis,
      ...(options.keyPrefix ? { keyPrefix: options.keyPrefix } : {}),
      scope: settings.model,
      requestsPerWindow: settings.requestsPerMinute,
      tokensPerWindow: settings.tokensPerMinute,
      windowSeconds: options.rateLimitWindowSeconds ?? 60,
      maxWaitMs: settings.rateLimitMaxWaitMs,
      ...(options.registry ? { registry: options.registry } : {}),
      ...(options.logger ? { logger: options.logger } : {}),
    });
    this.logger = options.logger ?? silentLogger;
    this.metrics = options.registry ? aiMetrics(options.registry) : null;
    this.backoff = { baseMs: 500, maxMs: 8_000, maxRetryAfterMs: 60_000, ...options.backoff };
  }

  async scoreMatch(input: MatchInput): Promise<MatchResult> {
    const parsed = parseInput(matchInputSchema, input, 'match');
    const { value, usage } = await this.complete('match', matchMessages(parsed), matchAnswerSchema, parseMatchScore);
    return { ...value, meta: this.meta(this.promptVersions.match, usage) };
  }

  async researchCompany(input: CompanyResearchInput): Promise<CompanyResearchResult> {
    const parsed = parseInput(companyResearchInputSchema, input, 'company research');
    const { value, usage } = await this.complete('company', companyMessages(parsed), companyAnswerSchema, parseCompanyInfo);
    return { info: value, meta: this.meta(this.promptVersions.company, usage) };
  }

  private meta(promptVersion: string, usage: TokenUsage): AiResultMeta {
    return { provider: this.name, model: this.model, promptVersion, usage, cached: false };
  }

  /** Asks until an answer validates (at most twice); usage adds up every answer paid for. */
  private async complete<T>(
    operation: Operation,
    messages: ChatCompletionMessageParam[],
    answerSchema: z.ZodObject,
    validate: (value: unknown) => T,
  ): Promise<{ value: T; usage: TokenUsage }> {
    const format = zodResponseFormat(answerSchema, operation === 'match' ? 'match_score' : 'company_info');
    const usage: TokenUsage = { inputTokens: 0, outputTokens: 0 };
    let reason = '';
    for (let attempt = 1; attempt <= ANSWER_ATTEMPTS; attempt++) {
      const completion = await this.request(operation, messages, format);
      usage.inputTokens += completion.usage?.prompt_tokens ?? 0;
      usage.outputTokens += completion.usage?.completion_tokens ?? 0;
      const answer = this.readAnswer(completion, format.$parseRaw, validate);
      if (answer.ok) return { value: answer.value, usage };
      reason = answer.reason;
      this.metrics?.requests.inc({ provider: this.name, model: this.model, operation, outcome: 'invalid_output' });
      this.logger.warn('The model answered with an invalid result', { operation, attempt, reason });
    }
    throw new AiOutputError(operation, reason, ANSWER_ATTEMPTS);
  }

  private readAnswer<T>(
    completion: ChatCompletion,
    parseRaw: (content: string) => unknown,
    validate: (value: unknown) => T,
  ): { ok: true; value: T } | { ok: false; reason: string } {
    const choice = completion.choices?.[0];
    if (!choice) return { ok: false, reason: 'the response has no choices' };
    if (choice.message?.refusal) return { ok: false, reason: `the model refused: ${choice.message.refusal.slice(0, 200)}` };
    if (choice.finish_reason === 'length') return { ok: false, reason: 'the answer was cut off at the output token limit' };
    const content = choice.message?.content;
    if (!content) return { ok: false, reason: 'the answer is empty' };
    try {
      // The SDK's helper: JSON.parse, then the zod schema sent as response_format.
      return { ok: true, value: validate(parseRaw(content)) };
    } catch (error) {
      if (error instanceof ContractError) return { ok: false, reason: error.reason };
      if (error instanceof z.ZodError) return { ok: false, reason: describeIssues(error) };
      if (error instanceof SyntaxError) return { ok: false, reason: `not valid JSON (${error.message.slice(0, 120)})` };
      throw error;
    }
  }

  /** One answer from the server: rate-limited, with retries on transient failures. */
  private async request(
    operation: Operation,
    messages: ChatCompletionMessageParam[],
    format: ReturnType<typeof zodResponseFormat>,
  ): Promise<ChatCompletion> {
    const { settings } = this.options;
    const labels = { provider: this.name, model: this.model, operation };
    const estimate = estimateTokens(messages) + settings.maxOutputTokens;
    for (let attempt = 0; ; attempt++) {
      const permit = await this.limiter.acquire(estimate);
      const stopTimer = this.metrics?.duration.startTimer(labels);
      // The deadline of this attempt, headers and body included.
      const deadline = AbortSignal.timeout(settings.timeoutMs);
      try {
        const completion = await this.client.chat.completions.create(
          {
            model: this.model,
            messages,
            response_format: { type: format.type, json_schema: format.json_schema },
            max_completion_tokens: settings.maxOutputTokens,
          },
          { signal: deadline },
        );
        stopTimer?.();
        const input = completion.usage?.prompt_tokens ?? 0;
        const output = completion.usage?.completion_tokens ?? 0;
        await permit.settle(completion.usage ? input + output : estimate);
        this.metrics?.requests.inc({ ...labels, outcome: 'success' });
        this.metrics?.tokens.inc({ ...labels, kind: 'input' }, input);
        this.metrics?.tokens.inc({ ...labels, kind: 'output' }, output);
        return completion;
      } catch (error) {
        stopTimer?.();
        // A refused or failed request used no tokens (a timed-out one may have: keep the estimate).
        const failure = classifyFailure(error, deadline.aborted);
        await permit.settle(failure.kind === 'timeout' ? estimate : 0);
        this.metrics?.requests.inc({ ...labels, outcome: failure.kind });
        const attempts = attempt + 1;
        if (!failure.retryable || attempt >= settings.maxRetries) {
          throw new AiUpstreamError(
            failure.kind,
            `LLM ${operation} request failed after ${attempts} attempt${attempts === 1 ? '' : 's'}: ${failure.message}`,
            attempts,
            failure.status,
            { cause: error },
          );
        }
        const delay = retryDelayMs(failure, attempt, this.backoff);
        if (delay === null) {
          throw new AiUpstreamError(
            failure.kind,
            `LLM ${operation} request failed: the server asks to wait ${Math.round((failure.retryAfterMs ?? 0) / 1000)} s, longer than allowed`,
            attempts,
            failure.status,
            { cause: error },
          );
        }
        if (failure.kind === 'rate_limited' && failure.retryAfterMs !== null) await this.limiter.pause(failure.retryAfterMs);
        this.metrics?.retries.inc({ provider: this.name, model: this.model, reason: failure.kind });
        this.logger.warn('LLM request failed; retrying', {
          operation,
          attempt: attempts,
          reason: failure.message,
          status: failure.status,
          delay_ms: delay,
          retry_after_ms: failure.retryAfterMs,
        });
        await sleep(delay);
      }
    }
  }
}

/** About four characters per token, plus a little per message: an estimate for the rate limit. */
export function estimateTokens(messages: ChatCompletionMessageParam[]): number {
  let chars = 0;
  for (const message of messages) chars += typeof message.content === 'string' ? message.content.length : JSON.stringify(message.content).length;
  return Math.ceil(chars / 4) + 8 * messages.length;
}
