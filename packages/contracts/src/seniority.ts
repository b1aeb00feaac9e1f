import { z } from 'zod';

/**
 * How senior a posting is, as its title or requirements state it: the one reader of seniority
 * in JobPing, run once when a job is stored (a column, so a user's seniority range is applied
 * in SQL before any AI call). Levels are ordered: a range is two of them.
 */
export const seniorityLevels = ['intern', 'junior', 'mid', 'senior', 'lead', 'staff', 'principal', 'director'] as const;
export type SeniorityLevel = (typeof seniorityLevels)[number];
export const seniorityLevelSchema = z.enum(seniorityLevels, { error: `one of ${seniorityLevels.join(', ')}` });

export interface StatedSeniority {
  /** null: neither the title nor the requirements say (never a guess). */
  level: SeniorityLevel | null;
  /** The least years of experience asked for ("5+ years", "3–5 years": 3), when stated. */
  years: number | null;
  /** Where the level came from: the title, a level named in the requirements, or the years asked for. */
  from: 'title' | 'requirements' | 'years' | null;
}

/** Letters of any script may not touch a term on either side. */
const words = (...alternatives: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}])`, 'iu');

/**
 * "Staff" and "principal" are levels only before a technical role, up to three words on
 * ("Staff Go Engineer", "Principal Product Designer"); "Staff Nurse" and "Staff Accountant" are not.
 */
const TECHNICAL_ROLE = String.raw`\s+(?:[\p{L}\p{N}.+#/&-]+\s+){0,3}?(?:engineer|developer|scientist|architect|designer|sre|analyst|researcher|consultant|product manager|pm|programmer)`;

/**
 * Title rules, most specific first: the first that matches decides. Terms in English, German,
 * French, Dutch, Spanish and Polish, as boards in Europe and North America write them.
 */
const TITLE_RULES: readonly (readonly [SeniorityLevel, RegExp])[] = [
  ['intern', words('intern', 'internship', 'praktikant(?:in)?', 'praktikum', 'werkstudent(?:in)?', 'working student', 'stagiaire', 'stagiair', 'becario', 'prácticas', 'stażysta', 'staż', 'apprentice(?:ship)?', 'auszubildende[rn]?', 'ausbildung', 'alternance', 'co-?op')],
  ['director', words('director', 'head of', 'vp', 'vice president', 'chief [a-z]+ officer', 'c[teiof]o', 'directeur', 'directrice', 'leiter(?:in)? (?:der|des)', 'bereichsleiter(?:in)?', 'abteilungsleiter(?:in)?')],
  ['principal', new RegExp(`${words('principal', 'distinguished', 'fellow').source}${TECHNICAL_ROLE}`, 'iu')],
  ['staff', new RegExp(`${words('staff').source}${TECHNICAL_ROLE}`, 'iu')],
  ['lead', words('lead(?!\\s+gen)', 'engineering manager', 'team lead', 'tech lead', 'teamleiter(?:in)?', 'teamlead', 'chef d[’\']équipe', 'responsable d[’\']équipe', 'leader')],
  ['senior', words('senior', 'sr\\.?', 'snr', 'iii', 'confirmé(?:e)?', 'expérimenté(?:e)?', 'starszy', 'experienced')],
  ['junior', words('junior', 'jr\\.?', 'entry[- ]level', 'graduate', 'new grad', 'grad', 'trainee', 'associate', 'débutant(?:e)?', 'młodszy', 'einsteiger(?:in)?', 'berufseinsteiger(?:in)?', 'i')],
  ['mid', words('mid[- ]?level', 'mid', 'intermediate', 'medior', 'regular', 'ii')],
];

/** A level named in the requirements: "this is a senior role", "we are hiring a junior …". */
const LEVEL_IN_REQUIREMENTS =
  /\b(?:this is an?|we are (?:looking for|hiring) an?|looking for an?|as an?|you are an?)\s+(intern|junior|entry[- ]level|mid[- ]level|intermediate|senior|lead|staff|principal)\b/i;

const NUMBER_WORDS: Readonly<Record<string, number>> = { one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const COUNT = String.raw`(?<![\p{L}\p{N}])(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten)`;
/** "5+ years", "3-5 years", "at least 4 years", "minimum of two years", "3 Jahre", "2 ans", "3 lata". */
const YEARS = new RegExp(
  String.raw`(?:at least|minimum(?: of)?|min\.?|over|more than|mindestens|au moins)?\s*${COUNT}\s*\+?\s*(?:(?:-|–|to|bis|à)\s*\d{1,2}\s*)?\+?\s*(?:years?|yrs?|jahre[n]?|ans|années|lat|años)\b`,
  'iu',
);
/** Years next to words that make them experience, within one sentence. */
const EXPERIENCE = /experience|erfahrung|expérience|doświadczeni|experiencia|track record|in (?:a|the) (?:similar )?role|professional/i;
/** Years that are not asked of the candidate: the company's age, a contract's length, a warranty. */
const NOT_EXPERIENCE = /founded|in business|company (?:is|has)|contract|fixed[- ]term|befristet|warranty|parental|vesting|anniversary|old\b/i;

const NO_EXPERIENCE_NEEDED = /\b(?:no (?:prior |previous )?experience (?:is )?(?:required|needed|necessary)|new grads?|recent graduates?|graduate (?:programme|program|scheme)|keine berufserfahrung|sans expérience)\b/i;

/** Years of experience asked for → a level, when the title says none. */
function levelFromYears(years: number): SeniorityLevel {
  if (years <= 1) return 'junior';
  if (years <= 4) return 'mid';
  return 'senior';
}

function sentences(text: string): string[] {
  return text.split(/(?<=[.!?;])\s+|\n+/);
}

/** The least years of experience the text asks for, or null. */
export function yearsOfExperience(description: string): number | null {
  let least: number | null = null;
  for (const sentence of sentences(description)) {
    if (!EXPERIENCE.test(sentence) || NOT_EXPERIENCE.test(sentence)) continue;
    const match = YEARS.exec(sentence);
    if (!match) continue;
    const raw = (match[1] ?? '').toLowerCase();
    const years = NUMBER_WORDS[raw] ?? Number.parseInt(raw, 10);
    if (Number.isFinite(years) && years <= 30 && (least === null || years < least)) least = years;
  }
  return least;
}

/**
 * The seniority a posting states: its title first ("Senior …", "Software Engineer II", "Staff
 * Engineer", "Werkstudent", "Head of …"), then a level its requirements name ("this is a senior
 * role"), then the years of experience it asks for ("8+ years" → senior). Nothing stated → null.
 */
export function parseSeniority(title: string, description = ''): StatedSeniority {
  const years = yearsOfExperience(description);
  // Roman and Arabic numerals after the role ("Engineer II", "Developer 3") are levels too.
  const numbered = /(?:^|\s)(?:[a-z]+\s)*(?:engineer|developer|analyst|scientist|designer|specialist|administrator|technician|accountant|consultant)\s+(1|2|3|4|5)\b/i.exec(title);
  if (numbered) {
    const level = (['junior', 'mid', 'senior', 'staff', 'principal'] as const)[Number(numbered[1]) - 1] ?? null;
    return { level, years, from: 'title' };
  }
  for (const [level, pattern] of TITLE_RULES) if (pattern.test(title)) return { level, years, from: 'title' };
  const named = LEVEL_IN_REQUIREMENTS.exec(description);
  if (named) {
    const word = (named[1] ?? '').toLowerCase().replace(/[- ]/g, '');
    const level: SeniorityLevel = word === 'entrylevel' ? 'junior' : word === 'midlevel' || word === 'intermediate' ? 'mid' : (word as SeniorityLevel);
    return { level, years, from: 'requirements' };
  }
  if (NO_EXPERIENCE_NEEDED.test(description)) return { level: 'junior', years: years ?? 0, from: 'requirements' };
  if (years !== null) return { level: levelFromYears(years), years, from: 'years' };
  return { level: null, years: null, from: null };
}
