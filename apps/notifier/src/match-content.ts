import type { MatchContent } from '@jobping/channels';
import type { MatchAnalysis } from '@jobping/contracts';
import { Prisma } from '@jobping/db';

/** What a message shows of a match and its job: select with MATCH_CONTENT_COLUMNS (`m` the match, `j` the job). */
export interface MatchContentRow {
  score: number;
  analysis: unknown;
  title: string;
  company: string;
  url: string;
  location: string | null;
  remote: boolean;
  salary_min: number | null;
  salary_max: number | null;
  salary_currency: string | null;
  salary_period: string | null;
}

/** The columns of MatchContentRow, for single deliveries and digests alike. */
export const MATCH_CONTENT_COLUMNS = Prisma.sql`m.score, m.analysis, j.title, j.company, j.url, j.location, j.remote,
       j.salary_min, j.salary_max, j.salary_currency, j.salary_period`;

/** The message content of a row whose stored analysis was checked (matchAnalysisSchema) by the caller. */
export function toMatchContent(row: MatchContentRow, analysis: MatchAnalysis): MatchContent {
  return {
    jobTitle: row.title,
    company: row.company,
    jobUrl: row.url,
    location: row.location,
    remote: row.remote,
    salaryMin: row.salary_min,
    salaryMax: row.salary_max,
    salaryCurrency: row.salary_currency,
    salaryPeriod: row.salary_period,
    score: row.score,
    analysis,
  };
}
