// packages/ai: LLM providers for company research and job matching.
export { aiEnvSchema, loadAiConfig, resolveAiConfig, type AiConfig, type AiEnv, type OpenAiSettings } from './config';
export { createAiProvider, type CreateAiProviderOptions } from './create-provider';
export { AiError, AiInputError, AiOutputError, AiRateLimitedError, AiUpstreamError, type UpstreamFailure } from './errors';
export {
  companyResearchInputSchema,
  DISMISSED_DESCRIPTION_CHARS,
  dismissedJobSchema,
  jobInputSchema,
  matchInputSchema,
  RECENT_DISMISSALS,
  userInputSchema,
  type CompanyResearchInput,
  type DismissedJob,
  type JobInput,
  type MatchInput,
  type UserInput,
} from './inputs';
export type { AiProvider, AiResultMeta, CompanyResearchResult, MatchResult, ProviderName, TokenUsage } from './provider';
export type { AiLogger } from './logging';
export { AiCache, withCache, type AiCacheOptions } from './cache';
export { SharedRateLimiter, type RateLimitPermit, type SharedRateLimitOptions } from './rate-limit';
export { LOCAL_MODEL, LOCAL_PROMPT_VERSIONS, LocalProvider } from './providers/local/local-provider';
export { OpenAiProvider, type OpenAiProviderOptions } from './providers/openai-provider';
export { COMPANY_PROMPT_VERSION } from './prompts/company-v1';
export { MATCH_PROMPT_VERSION } from './prompts/match-v2';
export { DEFAULT_THRESHOLD, Prefilter, prefilterReasonKind, prepareJob, preparePrompt, type PrefilterOptions } from './prefilter/prefilter';
export { gate, type GateOptions, type PrefilterDecision } from './prefilter/gate';
export type { JobSignals } from './providers/local/job-signals';
export type { PromptSignals } from './providers/local/prompt-signals';
export { evaluateMatch, type Adjustment, type MatchEvaluation } from './providers/local/score-match';
export { WEIGHTS, APPLY_FROM, CONSIDER_FROM } from './providers/local/weights';
export { jobInputColumns, toJobInput, type JobRow } from './job-row';
