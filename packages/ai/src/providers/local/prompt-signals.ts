import { placesIn, type Region } from './job-signals';
import { minimumSalaryFromPrompt, payFloorsFromPrompt, type PromptPay } from './salary';
import { clip, hoursIn } from './text';
import { EXCLUSIONS } from './exclusions';
import { SPOKEN_LANGUAGES, weakLanguages } from './spoken-languages';
import { citiesIn, commuteLimitKm, type City } from './places';
import { foldAccents, INDUSTRIES, PROMPT_FAMILY_RULES, SENIORITY_RULES, SKILLS, SOFTWARE_FAMILIES, type RoleFamily, type Seniority } from './vocabulary';

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
  /** Conditions and workplaces ruled out ("no night shifts"), ids of exclusions.ts. */
  excludedConditions: { id: string; words: string }[];
  /** What the user ruled out, word by word, to find in a job title ("no UX writing"). */
  excludedTitleWords: { words: string[]; phrase: string }[];
  /** The words the user named their role with ("gameplay programmer"). */
  roleWords: string[];
  /** The seniority came from years of experience, not from a level the user named. */
  seniorityInferred: boolean;
  preferredIndustries: string[];
  wantsRemote: boolean;
  acceptsHybrid: boolean;
  acceptsOnsite: boolean;
  regions: Region[];
  countries: { name: string; region: Region }[];
  /** Gazetteer cities the prompt names (home and accepted towns), and how far from them an office may be. */
  homeCities: City[];
  commuteKm: number;
  minSalaryEur: number | null;
  minSalaryText: string | null;
  /** Every pay floor the prompt states, in its own currency and gross a year. */
  payFloors: PromptPay[];
  maxCompanySize: number | null;
  wantsProductCompany: boolean;
  wantsCodeReview: boolean;
  wantsFairOnCall: boolean;
  noOnCall: boolean;
  wantsWorkLifeBalance: boolean;
  acceptsContract: boolean;
  acceptsPartTime: boolean;
  /** "CDI only", "permanent", "PAYE not self employed", "umowa o pracę", "loondienst", "W2". */
  wantsPermanent: boolean;
  /** "Full-time", "Vollzeit", "jornada completa". */
  wantsFullTime: boolean;
  /** Spoken languages the user cannot work in ("I don't speak German", "my Dutch is A2", "English only"). */
  weakLanguages: string[];
  /** Weekly hours the user wants ("28–32 uur", "35 to 39h"), when stated. */
  hours: { min: number; max: number } | null;
}

// "no crypto", "not in consulting", "avoid agencies", "without on-call", "pas de pharmacie
// hospitalière", "keine Agentur", "nada de hoteles", "geen ZZP", "niente stagionali", "nie chcę
// tras międzynarodowych"; "no more than 500 people" is a size, not an exclusion.
const NEGATION =
  /(?<![\p{L}])(?:no|not|nothing|avoid(?:ing)?|without|never|exclud(?:e|ing)|nothing (?:in|with)|don'?t want|do not want|not interested in|stay away from|can'?t|cannot|won'?t|don'?t speak|do not speak|don'?t have|pas de|pas d'|pas en|sans|ni|nada de|ni de|sin|keine?[nmrs]?|nicht|geen|niet|zonder|nie chc[eę]|nie|ani|non voglio|non|niente|nessun[oa]?|né|senza)(?![\p{L}])(?!\s+(?:more|less|fewer|later|earlier|older|than)\b)\s*([^.;,!?\n()]+)/giu;

function negatedPhrases(prompt: string): { phrases: string[]; positive: string } {
  const phrases: string[] = [];
  const positive = prompt.replace(NEGATION, (_whole, phrase: string) => {
    phrases.push(phrase.trim());
    return ' ';
  });
  return { phrases, positive };
}

// Words that carry no meaning of their own in "no X roles please".
const FILLER = new Set([
  'roles', 'positions', 'please', 'anything', 'nothing', 'again', 'interested', 'really', 'reinen', 'bitte', 'companies', 'company',
  'industry', 'sector', 'where', 'which', 'because', 'required', 'needed', 'settings', 'setting', 'anymore', 'moving', 'going',
  'working', 'postes', 'puestos', 'ruolo', 'ruoli', 'stellen', 'banen', 'functies', 'pracy', 'other', 'either', 'things', 'stuff',
  'contract', 'contracts', 'heavy', 'fixed', 'either', 'mostly', 'types', 'kinds', 'level', 'field', 'about', 'there', 'their',
]);

/** The meaningful words of a phrase: five letters or more, or an acronym ("UX", "ZZP", "CIS"). */
export function contentWords(phrase: string): string[] {
  return (phrase.match(/[\p{L}][\p{L}'-]*/gu) ?? [])
    .filter((word) => (word.length >= 5 && !FILLER.has(word.toLowerCase())) || /^[A-Z]{2,5}$/.test(word))
    .map((word) => word.toLowerCase());
}

/** "writing" and "writer", "hospitalière" and "hospitalier": the same word for a title match. */
export function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const shorter = Math.min(a.length, b.length);
  if (shorter < 4) return false;
  let common = 0;
  while (common < shorter && a[common] === b[common]) common++;
  return common >= 4 && common >= 0.55 * Math.max(a.length, b.length);
}

const YEARS = /(\d{1,2})\s*\+?\s*(?:years?|yrs?|y\b|ans?\b|años|anni|jaar|lat[a]?\b|jahre?n?)/giu;

/** "7 yrs", "4 ans d'expérience", "6 lat doświadczenia": the most years a prompt names. */
function yearsOfExperience(text: string): number | null {
  let most: number | null = null;
  for (const match of text.matchAll(YEARS)) {
    const years = Number.parseInt(match[1] ?? '', 10);
    if (years > 0 && years < 45) most = Math.max(most ?? 0, years);
  }
  return most;
}

/** The families named in the first sentence that names any: later ones tell past jobs. */
function wantedFamilies(positive: string): { families: RoleFamily[]; words: string[] } {
  for (const sentence of foldAccents(positive).split(/(?<=[.!?])\s+|\n+/)) {
    const families: RoleFamily[] = [];
    const words: string[] = [];
    for (const [family, pattern] of PROMPT_FAMILY_RULES) {
      const match = pattern.exec(sentence);
      if (!match) continue;
      families.push(family);
      words.push(...contentWords(match[0]));
    }
    if (families.length === 0) continue;
    // "Senior backend engineer": 'software' only when nothing more specific was said.
    const specific = families.filter((family) => family !== 'software');
    const nonSoftware = specific.filter((family) => !SOFTWARE_FAMILIES.has(family));
    // "Technical writer for developer documentation": the role is the writer, not the developer.
    return { families: nonSoftware.length > 0 ? nonSoftware : specific.length > 0 ? specific : families, words };
  }
  return { families: [], words: [] };
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
  const excludedConditions: PromptSignals['excludedConditions'] = [];
  const excludedTitleWords: PromptSignals['excludedTitleWords'] = [];
  let noOnCall = false;
  let noOffice = false;
  for (const phrase of phrases) {
    for (const term of EXCLUSIONS) {
      if (term.prompt.test(phrase) && !excludedConditions.some((e) => e.id === term.id)) excludedConditions.push({ id: term.id, words: clip(phrase, 60) });
    }
    for (const part of phrase.split(/\s*(?:\/|,|—|–|\s-\s|\bor\b|\band\b|\bnor\b|\bni\b|\bo\b|\boder\b|\bund\b|\bof\b|\bou\b|\by\b|\blub\b|\balbo\b|\bani\b|\be\b|\bné\b)\s*/iu)) {
      const words = contentWords(part);
      if (words.length > 0 && words.length <= 3) excludedTitleWords.push({ words, phrase: clip(part, 60) });
    }
    for (const term of INDUSTRIES) {
      if (term.patterns.some((pattern) => pattern.test(phrase)) || new RegExp(`\\b${term.label}\\b`, 'i').test(phrase)) {
        excludedIndustries.push({ id: term.id, words: clip(phrase, 60) });
      }
    }
    if (/\b(agenc(y|ies)|consult(ing|ancy|ancies|ants?)|agentur|agence|agencia)\b/i.test(phrase) && !excludedIndustries.some((e) => e.id === 'consulting')) {
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

  const wanted = wantedFamilies(positive);
  // "Social worker, not child protection": a neighbour inside the wanted family is ruled out by
  // its words (excludedTitleWords, excludedConditions), not by dropping the whole family.
  // "Revenue operations (sales ops); no sales roles with a quota": sales is ruled out, sales ops wanted.
  const remaining = wanted.families.filter((family) => !excludedFamilies.includes(family));
  const families = remaining.length > 0 ? remaining : wanted.families;
  const ruledOutFamilies = excludedFamilies.filter((family) => !families.includes(family));
  const softwareRole = families.length === 0 || families.some((family) => SOFTWARE_FAMILIES.has(family));
  const namedSeniorities = [...new Set(SENIORITY_RULES.filter(([, pattern]) => pattern.test(positive)).map(([level]) => level))];
  // No level named: years of experience say it ("7 yrs" is past junior).
  const years = namedSeniorities.length === 0 ? yearsOfExperience(positive) : null;
  const seniorities: Seniority[] = namedSeniorities.length > 0 ? namedSeniorities : years === null ? [] : [years >= 5 ? 3 : years >= 2 ? 2 : 1];
  const skillIds = (kind: 'language' | 'tool') =>
    SKILLS.filter(
      (term) =>
        term.kind === kind &&
        (term.patterns.some((pattern) => pattern.test(positive)) || (term.id === 'go' && LOWERCASE_GO.test(positive))),
    ).map((term) => term.id);
  const places = placesIn(positive);
  const homeCities = citiesIn(positive);
  const salary = minimumSalaryFromPrompt(positive);
  const size =
    /\b(?:under|fewer than|less than|below|at most|max(?:imum)?|up to|no more than|<)\s*(\d{1,3}(?:,\d{3})*|\d+)\s*(?:people|employees|staff|persons?)\b/i.exec(prompt);
  const smallWords = /\b(small (company|team|startup)|early[- ]stage|startup)\b/i.test(positive);
  const wantsRemote = has(positive, /\bremote\b/i) || noOffice;
  // "Vienna or remote Austria", "Kraków hybrydowo albo full remote": the named city's office is fine too.
  const orRemote = has(positive, /\b(or|albo|lub|oder|ou|o|of)\s+(fully |full |100 ?% )?remote\b|\bremote\s+(or|albo|oder|ou|o|of)\b/i);
  return {
    families,
    seniorities,
    seniorityInferred: namedSeniorities.length === 0 && seniorities.length > 0,
    excludedConditions,
    excludedTitleWords,
    roleWords: wanted.words,
    // Programming languages and tools are a software prompt's words ("I go by bike" is not Go).
    languages: softwareRole ? skillIds('language') : [],
    tools: softwareRole ? skillIds('tool') : [],
    excludedIndustries,
    excludedSkills,
    excludedFamilies: ruledOutFamilies,
    preferredIndustries: INDUSTRIES.filter(
      (term) => term.id !== 'consulting' && term.patterns.some((pattern) => pattern.test(positive)),
    ).map((term) => term.id),
    wantsRemote,
    acceptsHybrid: !noOffice && (orRemote || has(positive, /\b(hybrid|hybride|hybryd|h[íi]brid|ibrid|home office|thuiswerk|t[ée]l[ée]travail)/i)),
    acceptsOnsite: !noOffice && (!wantsRemote || orRemote || has(positive, /\b(on-?site|in the office|office in|relocat|office (or|and)|vor ort|sur site|presencial|in sede|stacjonarn|op locatie)/i)),
    regions: places.regions,
    countries: places.countries,
    homeCities,
    commuteKm: commuteLimitKm(positive, homeCities.length),
    minSalaryEur: salary?.eur ?? null,
    minSalaryText: salary?.text ?? null,
    payFloors: payFloorsFromPrompt(prompt),
    maxCompanySize: size ? Number.parseInt((size[1] ?? '').replace(/,/g, ''), 10) : smallWords ? 200 : null,
    wantsProductCompany: has(positive, /\b(product (company|companies|startup|team)|own product|product-led|saas)\b/i),
    wantsCodeReview: has(positive, /\bcode[- ]review/i),
    wantsFairOnCall: has(positive, /\bon[- ]call\b[^.]{0,50}\b(fair|shared|rotation)|\b(fair|shared)\b[^.]{0,30}\bon[- ]call\b/i),
    noOnCall,
    wantsWorkLifeBalance: has(positive, /\b(work[- ]life balance|sustainable pace|healthy (engineering )?culture|no crunch|family[- ]friendly)\b/i),
    acceptsContract: has(positive, /\b(contract(or)?|freelance)\b/i),
    acceptsPartTime: has(positive, /\bpart[- ]time\b/i),
    wantsPermanent: has(positive, /\b(cdi|permanent|unbefristet|festanstellung|tempo indeterminato|indeterminat|indefinido|vaste? (contract|aanstelling)|umow[aęy] o prac[ęe]|loondienst|paye|w-?2|salaried)\b/i),
    weakLanguages: (() => {
      const weak = weakLanguages(prompt, phrases);
      return weak.allButEnglish ? SPOKEN_LANGUAGES.filter((l) => l.id !== 'english').map((l) => l.id) : weak.ids;
    })(),
    hours: hoursIn(positive),
    wantsFullTime: has(positive, /\b(full[- ]time|vollzeit|temps plein|jornada completa|tempo pieno|pe[łl]ny etat|fulltime)\b/i),
  };
}
