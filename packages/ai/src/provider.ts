import type { CompanyInfo, MatchScore } from '@jobping/contracts';
import type { CompanyResearchInput, MatchInput } from './inputs';

export type ProviderName = 'openai' | 'local';

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** What callers store next to a result (`user_job_matches.provider/model/prompt_version/…`). */
export interface AiResultMeta {
  provider: ProviderName;
  model: string;
  promptVersion: string;
  /** Tokens paid for this result (every attempt included); null for the local provider. */
  usage: TokenUsage | null;
  /** True when the result came from the Redis cache (nothing was paid for it now). */
  cached: boolean;
}

export interface MatchResult extends MatchScore {
  meta: AiResultMeta;
}

export interface CompanyResearchResult {
  info: CompanyInfo;
  meta: AiResultMeta;
}

/** One interface for every provider; outputs are validated by the contracts' schemas. */
export interface AiProvider {
  readonly name: ProviderName;
  readonly model: string;
  /** Prompt versions, returned with every result (bump them when a prompt changes). */
  readonly promptVersions: { readonly match: string; readonly company: string };
  researchCompany(input: CompanyResearchInput): Promise<CompanyResearchResult>;
  scoreMatch(input: MatchInput): Promise<MatchResult>;
}
