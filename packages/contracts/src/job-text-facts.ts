import { parseSeniority, type SeniorityLevel } from './seniority';
import { parseLanguageRequirements } from './spoken-languages';
import { parseVisaSponsorship, type VisaSponsorship } from './visa-sponsorship';

/**
 * Raise when a rule of the parsers below changes what they read: the migration run then reads
 * every job stored under an older version again (derived columns in @jobping/db).
 */
export const JOB_TEXT_FACTS_VERSION = 2;

/** What a posting's own words state, read once when it is stored and kept as columns. */
export interface JobTextFacts {
  seniority: SeniorityLevel | null;
  seniorityYears: number | null;
  visaSponsorship: VisaSponsorship;
  /** ISO 639-1 codes of the spoken languages it requires (since version 2). */
  languages: string[];
}

export function jobTextFacts(posting: { title: string; description: string }): JobTextFacts {
  const seniority = parseSeniority(posting.title, posting.description);
  return {
    seniority: seniority.level,
    seniorityYears: seniority.years,
    visaSponsorship: parseVisaSponsorship(`${posting.title}\n${posting.description}`),
    languages: parseLanguageRequirements(posting.title, posting.description),
  };
}
