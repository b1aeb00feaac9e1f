import { parseCompanyInfo, parseMatchScore } from '@jobping/contracts';
import { AiInputError } from '../../errors';
import { companyResearchInputSchema, matchInputSchema, parseInput, type CompanyResearchInput, type MatchInput } from '../../inputs';
import type { AiProvider, CompanyResearchResult, MatchResult } from '../../provider';
import { researchCompanyLocally } from './research-company';
import { evaluateMatch, toMatchScore } from './score-match';
import { nearestDismissal } from './near-dismissals';
import { SignalsMemo } from './signals-memo';

// Parsed under its field name, so that errors name `dismissals.0.reason`.
const dismissalsPart = matchInputSchema.pick({ dismissals: true });

/** Bump when the rules or weights change: stored results say which rules produced them. */
export const LOCAL_MODEL = 'jobping-rules-8';
export const LOCAL_PROMPT_VERSIONS = { match: 'local-match-v1', company: 'local-company-v1' } as const;

/**
 * The default provider: deterministic, explainable, free. Scores with the transparent
 * weights of `weights.ts`; researches a company from its own postings.
 */
export class LocalProvider implements AiProvider {
  readonly name = 'local' as const;
  readonly model = LOCAL_MODEL;
  readonly promptVersions = LOCAL_PROMPT_VERSIONS;
  private readonly memo = new SignalsMemo();

  async researchCompany(input: CompanyResearchInput): Promise<CompanyResearchResult> {
    const parsed = parseInput(companyResearchInputSchema, input, 'company research');
    const info = parseCompanyInfo(researchCompanyLocally(parsed));
    return { info, meta: this.meta(this.promptVersions.company) };
  }

  async scoreMatch(input: MatchInput): Promise<MatchResult> {
    if (input === null || typeof input !== 'object') throw new AiInputError('Invalid match input: expected an object with job, company and user');
    const job = this.memo.job(input.job, input.company, 'match');
    const user = this.memo.user(input.user, 'match');
    const { dismissals } = parseInput(dismissalsPart, { dismissals: input.dismissals }, 'match');
    const evaluation = evaluateMatch(job.signals, user.signals, job.company, nearestDismissal(job.job, dismissals));
    const result = parseMatchScore(toMatchScore(job.signals, evaluation));
    return { ...result, meta: this.meta(this.promptVersions.match) };
  }

  private meta(promptVersion: string) {
    return { provider: this.name, model: this.model, promptVersion, usage: null, cached: false };
  }
}
