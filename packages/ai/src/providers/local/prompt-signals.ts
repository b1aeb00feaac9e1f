import { placesIn, type Region } from './job-signals';
import { minimumSalaryFromPrompt } from './salary';
import { clip } from './text';
import { INDUSTRIES, PROMPT_FAMILY_RULES, SENIORITY_RULES, SKILLS, type RoleFamily, type Seniority } from './vocabulary';

/** What a user's prompt asks for and rules out. Plain data: computed once per prompt. */
export interface PromptSignals {
  families: RoleFamily[];
  seniorities: Seniority[];
  languages: string[];
  tools: string[];
  /** Industries the user ruled out ("no crypto"), with the words they used. */
  excludedIndustries: { id: string; words: string }[];
  excludedSkills: { id: string; words: string }[];
  excludedFamilies: RoleFamily[];
  preferredIndustries: string[];
  wantsRemote: boolean;
  acceptsHybrid: boolean;
  acceptsOnsite: boolean;
  regions: Region[];
  countries: { name: string; region: Region }[];
  minSalaryEur: number | null;
  minSalaryText: string | null;
  maxCompanySize: number | null;
  wantsProductCompany: boolean;
  wantsCodeReview: boolean;
  wantsFairOnCall: boolean;
  noOnCall: boolean;
  wantsWorkLifeBalance: boolean;
  acceptsContract: boolean;
  acceptsPartTime: boolean;
}

// "no crypto", "not in consulting", "avoid agencies", "without on-call"; "no more than 500
// people" is a size, not an exclusion.
const NEGATION =
  /\b(?:no|not|avoid(?:ing)?|without|never|exclud(?:e|ing)|nothing (?:in|with)|don'?t want|do not want|not interested in|stay away from)\b(?!\s+(?:more|less|fewer|later|earlier|older)\s+than)\s+([^.;,!?\n()]+)/gi;

function negatedPhrases(prompt: string): { phrases: string[]; positive: string } {
  const phrases: string[] = [];
  const positive = prompt.replace(NEGATION, (_whole, phrase: string) => {
    phrases.push(phrase.trim());
    return ' ';
  });
  return { phrases, positive };
}

// Users write "typescript or go": in a list of languages the lower-case word is Go too.
const LOWERCASE_GO = /(?:\b(?:or|and)|[,/])\s*go\b(?!\s+(?:to|for|with|on)\b)|\bgo\s*(?:[,/]|\bor\b|\band\b)\s*(?:typescript|rust|python|java|node|kotlin|scala)/i;

function has(text: string, pattern: RegExp): boolean {
  return pattern.test(text);
}

/** Reads a user's prompt. */
export function extractPromptSignals(prompt: string): PromptSignals {
  const { phrases, positive } = negatedPhrases(prompt);
  const excludedIndustries: PromptSignals['excludedIndustries'] = [];
  const excludedSkills: PromptSignals['excludedSkills'] = [];
  const excludedFamilies: RoleFamily[] = [];
  let noOnCall = false;
  let noOffice = false;
  for (const phrase of phrases) {
    for (const term of INDUSTRIES) {
      if (term.patterns.some((pattern) => pattern.test(phrase)) || new RegExp(`\\b${term.label}\\b`, 'i').test(phrase)) {
        excludedIndustries.push({ id: term.id, words: clip(phrase, 60) });
      }
    }
    if (/\b(agenc(y|ies)|consult(ing|ancy|ancies|ants?))\b/i.test(phrase) && !excludedIndustries.some((e) => e.id === 'consulting')) {
      excludedIndustries.push({ id: 'consulting', words: clip(phrase, 60) });
    }
    for (const term of SKILLS) {
      if (term.patterns.some((pattern) => pattern.test(phrase))) excludedSkills.push({ id: term.id, words: clip(phrase, 60) });
    }
    for (const [family, pattern] of PROMPT_FAMILY_RULES) {
      if (family !== 'software' && pattern.test(phrase)) excludedFamilies.push(family);
    }
    if (/\bmanag(ement|er|ing)\b/i.test(phrase)) excludedFamilies.push('management');
    if (/\bon[- ]call\b|\bpager\b/i.test(phrase)) noOnCall = true;
    if (/\b(on-?site|office|relocat|commut)/i.test(phrase)) noOffice = true;
  }

  const families: RoleFamily[] = [];
  for (const [family, pattern] of PROMPT_FAMILY_RULES) {
    if (pattern.test(positive) && !excludedFamilies.includes(family)) families.push(family);
  }
  // "Senior backend engineer": 'software' only when nothing more specific was said.
  const specific = families.filter((family) => family !== 'software');
  const seniorities = [...new Set(SENIORITY_RULES.filter(([, pattern]) => pattern.test(positive)).map(([level]) => level))];
  const skillIds = (kind: 'language' | 'tool') =>
    SKILLS.filter(
      (term) =>
        term.kind === kind &&
        (term.patterns.some((pattern) => pattern.test(positive)) || (term.id === 'go' && LOWERCASE_GO.test(positive))),
    ).map((term) => term.id);
  const places = placesIn(positive);
  const salary = minimumSalaryFromPrompt(positive);
  const size =
    /\b(?:under|fewer than|less than|below|at most|max(?:imum)?|up to|no more than|<)\s*(\d{1,3}(?:,\d{3})*|\d+)\s*(?:people|employees|staff|persons?)\b/i.exec(prompt);
  const smallWords = /\b(small (company|team|startup)|early[- ]stage|startup)\b/i.test(positive);
  const wantsRemote = has(positive, /\bremote\b/i) || noOffice;
  return {
    families: specific.length > 0 ? specific : families,
    seniorities,
    languages: skillIds('language'),
    tools: skillIds('tool'),
    excludedIndustries,
    excludedSkills,
    excludedFamilies,
    preferredIndustries: INDUSTRIES.filter(
      (term) => term.id !== 'consulting' && term.patterns.some((pattern) => pattern.test(positive)),
    ).map((term) => term.id),
    wantsRemote,
    acceptsHybrid: !noOffice && has(positive, /\bhybrid\b/i),
    acceptsOnsite: !noOffice && (!wantsRemote || has(positive, /\b(on-?site|in the office|office in|relocat)/i)),
    regions: places.regions,
    countries: places.countries,
    minSalaryEur: salary?.eur ?? null,
    minSalaryText: salary?.text ?? null,
    maxCompanySize: size ? Number.parseInt((size[1] ?? '').replace(/,/g, ''), 10) : smallWords ? 200 : null,
    wantsProductCompany: has(positive, /\b(product (company|companies|startup|team)|own product|product-led|saas)\b/i),
    wantsCodeReview: has(positive, /\bcode[- ]review/i),
    wantsFairOnCall: has(positive, /\bon[- ]call\b[^.]{0,50}\b(fair|shared|rotation)|\b(fair|shared)\b[^.]{0,30}\bon[- ]call\b/i),
    noOnCall,
    wantsWorkLifeBalance: has(positive, /\b(work[- ]life balance|sustainable pace|healthy (engineering )?culture|no crunch|family[- ]friendly)\b/i),
    acceptsContract: has(positive, /\b(contract(or)?|freelance)\b/i),
    acceptsPartTime: has(positive, /\bpart[- ]time\b/i),
  };
}
