import { z } from 'zod';
import { ContractError } from './contract-error';
import { describeIssues } from './issues';

// Bounds keep an LLM answer (untrusted input) from filling the database or a Discord embed.
const text = (max: number) => z.string().trim().min(1).max(max);
const list = (items: number, max: number) => z.array(text(max)).max(items);

/** What company research produces; stored in `companies.company_info`. */
export const companyInfoSchema = z.strictObject({
  size: text(200).describe('headcount or range, e.g. "51-200 employees", or "unknown"'),
  culture: text(1_000),
  funding: text(500).describe('stage and investors, "public", "bootstrapped" or "unknown"'),
  tech_stack: list(30, 80),
  red_flags: list(10, 300),
  green_flags: list(10, 300),
  summary: text(2_000),
});
export type CompanyInfo = z.infer<typeof companyInfoSchema>;

export const recommendationSchema = z.enum(['apply', 'consider', 'skip']);
export type Recommendation = z.infer<typeof recommendationSchema>;

export const matchAnalysisSchema = z.strictObject({
  explanation: text(2_000),
  pros: list(10, 300),
  cons: list(10, 300),
  recommendation: recommendationSchema,
});
export type MatchAnalysis = z.infer<typeof matchAnalysisSchema>;

/** What scoring one job for one user produces; stored in `user_job_matches`. */
export const matchScoreSchema = z.strictObject({
  score: z.number().int().min(0).max(100),
  analysis: matchAnalysisSchema,
});
export type MatchScore = z.infer<typeof matchScoreSchema>;

export function parseCompanyInfo(value: unknown): CompanyInfo {
  const result = companyInfoSchema.safeParse(value);
  if (!result.success) throw new ContractError('company info', describeIssues(result.error));
  return result.data;
}

export function parseMatchScore(value: unknown): MatchScore {
  const result = matchScoreSchema.safeParse(value);
  if (!result.success) throw new ContractError('match score', describeIssues(result.error));
  return result.data;
}
