import { parseCompanyInfo, parseMatchScore } from '@jobping/contracts';
import { companyResearchInputSchema, matchInputSchema, parseInput, type CompanyResearchInput, type MatchInput } from '../../inputs';
import type { AiProvider, CompanyResearchResult, MatchResult } from '../../provider';
import { extractJobSignals } from './job-signals';
import { extractPromptSignals } from './prompt-signals';
import { researchCompanyLocally } from './research-company';
import { evaluateMatch, toMatchScore } from './score-match';

/** Bump when the rules or weights change: stored results say which rules produced them. */
export const LOCAL_MODEL = 'jobping-rules-1';
export const LOCAL_PROMPT_VERSIONS = { match: 'local-match-v1', company: 'local-company-v1' } as const;

/**
 * The default provider: deterministic, explainable, free. Scores with the transparent
 * weights of `weights.ts`; researches a company from its own postings.
 */
export class LocalProvider implements AiProvider {
  readonly name = 'local' as const;
  readonly model = LOCAL_MODEL;
  readonly promptVersions = LOCAL_PROMPT_VERSIONS;

  async researchCompany(input: CompanyResearchInput): Promise<CompanyResearchResult> {
    const parsed = parseInput(companyResearchInputSchema, input, 'company research');
    const info = parseCompanyInfo(researchCompanyLocally(parsed));
    return { info, meta: this.meta(this.promptVersions.company) };
  }

  async scoreMatch(input: MatchInput): Promise<MatchResult> {
    const parsed = parseInput(matchInputSchema, input, 'match');
    const job = extractJobSignals(parsed.job, parsed.company);
    const evaluation = evaluateMatch(job, extractPromptSignals(parsed.user.prompt), parsed.company);
    const result = parseMatchScore(toMatchScore(job, evaluation));
    return { ...result, meta: this.meta(this.promptVersions.match) };
  }

  private meta(promptVersion: string) {
    return { provider: this.name, model: this.model, promptVersion, usage: null, cached: false };
  }
}
