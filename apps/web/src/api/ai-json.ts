// Company research and match analyses are open JSON objects in the API documents (what the LLM
// answered, stored as JSONB): the generated types say `{ [key: string]: unknown }`. The app shows
// the fields it knows, and only when they have the type it expects, so an odd stored value is left
// out instead of breaking the page.

/** Research about a company (the contracts' CompanyInfo), as far as the stored JSON has it. */
export interface CompanyInfo {
  size?: string;
  culture?: string;
  funding?: string;
  tech_stack: string[];
  red_flags: string[];
  green_flags: string[];
  summary?: string;
}

/** A match analysis (the contracts' MatchAnalysis), as far as the stored JSON has it. */
export interface MatchAnalysis {
  explanation?: string;
  pros: string[];
  cons: string[];
  recommendation?: 'apply' | 'consider' | 'skip';
}

type Json = Record<string, unknown>;
const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : undefined);
const texts = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : []);
const RECOMMENDATIONS = ['apply', 'consider', 'skip'] as const;

export function readCompanyInfo(info: Json): CompanyInfo {
  return {
    size: text(info.size),
    culture: text(info.culture),
    funding: text(info.funding),
    tech_stack: texts(info.tech_stack),
    red_flags: texts(info.red_flags),
    green_flags: texts(info.green_flags),
    summary: text(info.summary),
  };
}

export function readMatchAnalysis(analysis: Json): MatchAnalysis {
  const recommendation = RECOMMENDATIONS.find((r) => r === analysis.recommendation);
  return { explanation: text(analysis.explanation), pros: texts(analysis.pros), cons: texts(analysis.cons), recommendation };
}
