import type { CompanyInfo, MatchScore, Recommendation } from '@jobping/contracts';
import type { JobSignals, Region } from './job-signals';
import type { PromptSignals } from './prompt-signals';
import { floorCurrency, floorInEur, money, payIn, payShortIn } from './salary';
import { clip, firstParagraph, formatEur, listing } from './text';
import { APPLY_FROM, CONSIDER_FROM, WEIGHTS } from './weights';
import { EXCLUSIONS, mentionsPlainly } from './exclusions';
import { distanceKm } from './places';
import { reasonWords, type NearDismissal } from './near-dismissals';
import { SPOKEN_LANGUAGES } from './spoken-languages';
import { sameWord } from './prompt-signals';
import { EUR_PER_UNIT, FAMILY_LABELS, foldAccents, GENERIC_ROLE_WORDS, INDUSTRIES, SENIORITY_LABELS, SKILLS, SOFTWARE_FAMILIES, UNKNOWN_ROLE, familyCompatibility } from './vocabulary';

export type Criterion = 'industry' | 'role' | 'skills' | 'seniority' | 'location' | 'salary' | 'employment' | 'company' | 'culture' | 'dismissed';

/** One reason the score went down: shown as a con, with its points in the explanation. */
export interface Adjustment {
  criterion: Criterion;
  penalty: number;
  cap: number | null;
  /** The con, citing the posting. */
  con: string;
  /** A few words for the explanation: "hybrid in Munich". */
  short: string;
}

export interface MatchEvaluation {
  score: number;
  recommendation: Recommendation;
  adjustments: Adjustment[];
  pros: string[];
  /** A few words per pro, for the explanation. */
  proShorts: string[];
  /** Cons with no points attached (facts from company research). */
  notes: string[];
  /** What the rules could not check ("the role: …"), said in the explanation. */
  unchecked: string[];
}

const quote = (text: string, max = 140) => `"${clip(text, max)}"`;
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const industryNoun = (id: string) => INDUSTRIES.find((term) => term.id === id)?.noun ?? id;
const industryLabel = (id: string) => INDUSTRIES.find((term) => term.id === id)?.label ?? id;
const skillLabel = (id: string) => SKILLS.find((term) => term.id === id)?.label ?? id;

interface Collector {
  adjust(criterion: Criterion, weight: number | { penalty: number; cap: number }, con: string, short: string): void;
  pro(text: string, short: string): void;
  note(text: string): void;
  uncheck(what: string): void;
}

function industries(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  for (const excluded of prompt.excludedIndustries) {
    const hit = job.industries.find((industry) => industry.id === excluded.id);
    if (!hit) continue;
    // "No weight-loss clinics": a clinic is out only when it is that kind of clinic, as its title, name, opening
    // or the sentence that shows the industry says ("no patient house" is not every text with "in-house" in it).
    const where = `${job.title} ${job.company} ${firstParagraph(job.description)} ${hit.evidence}`;
    // Said plainly: "no production pay" is the opposite of a production-paying clinic.
    if (excluded.qualifier && !excluded.qualifier.every((word) => textHasWord(where, word) && saidPlainly(where, word))) continue;
    out.adjust(
      'industry',
      WEIGHTS.excludedIndustry,
      `${job.company} works in ${industryNoun(hit.id)}: ${quote(hit.evidence)}; you wrote "${excluded.words}"`,
      `${industryLabel(hit.id)} (you ruled it out)`,
    );
  }
  if (prompt.preferredIndustries.length > 0) {
    const liked = job.industries.filter((industry) => prompt.preferredIndustries.includes(industry.id));
    if (liked.length > 0) out.pro(`${job.company} works in ${listing(liked.map((i) => industryLabel(i.id)))}, which you asked for`, industryLabel(liked[0]!.id));
    else
      out.adjust(
        'industry',
        WEIGHTS.otherIndustry,
        `Not in ${listing(prompt.preferredIndustries.map(industryLabel), 'or')}, the industries you named`,
        'another industry',
      );
  }
}

/** The prompt's ruled-out words that the job title carries ("no UX writing" and "UX Writer"). */
export function excludedInTitle(title: string, prompt: PromptSignals): { phrase: string; single: boolean }[] {
  const titleWords = (title.match(/[\p{L}][\p{L}'-]*/gu) ?? []).map((word) => word.toLowerCase());
  const has = (word: string) => titleWords.some((candidate) => sameWord(word, candidate));
  return prompt.excludedTitleWords.filter((entry) => entry.words.every(has)).map((entry) => ({ phrase: entry.phrase, single: entry.words.length === 1 }));
}

/** Whether the title carries one of these words ("writing" and "Writer" alike). */
export function titleSharesWord(title: string, words: readonly string[]): boolean {
  const titleWords = (foldAccents(title).match(/[\p{L}][\p{L}'-]*/gu) ?? []).map((word) => word.toLowerCase());
  return words.some((word) => titleWords.some((candidate) => sameWord(word, candidate)));
}

/** Whether the title carries a word the user named their role with ("Gameplay Programmer", "gameplay programmer"). */
export function titleNamesWantedRole(title: string, prompt: PromptSignals): boolean {
  return titleSharesWord(title, prompt.roleWords);
}

// The words that say what kind of job a title is ("Project Manager", "Estimator", "Therapist").
const ROLE_HEADS = new Set([
  'manager', 'engineer', 'estimator', 'designer', 'therapist', 'assistant', 'technician', 'director', 'coordinator', 'specialist', 'consultant',
  'analyst', 'officer', 'supervisor', 'planner', 'administrator', 'advisor', 'adviser', 'scientist', 'architect', 'developer', 'writer', 'editor',
  'nurse', 'teacher', 'driver', 'operator', 'inspector', 'surveyor', 'clerk', 'accountant', 'agent', 'representative', 'buyer', 'trainer',
  'instructor', 'hygienist', 'pharmacist', 'chef', 'cook', 'receptionist', 'recruiter', 'programmer', 'salesperson', 'auditor', 'lawyer',
  'solicitor', 'paralegal', 'secretary', 'electrician', 'mechanic', 'installer', 'fitter', 'labourer', 'cleaner', 'porter', 'carer', 'controller',
]);

/** A kind-of-job word in the title that the user's own role words do not have. */
function otherRoleHead(title: string, userWords: readonly string[]): string | null {
  const titleWords = (foldAccents(title).match(/[\p{L}][\p{L}'-]*/gu) ?? []).map((word) => word.toLowerCase());
  // Two of the user's words in the title name the role ("IT Support Specialist" for an IT support technician).
  const shared = userWords.filter((word) => !GENERIC_ROLE_WORDS.has(word) && titleWords.some((candidate) => sameWord(word, candidate)));
  if (shared.length >= 2) return null;
  // "Supervisor", "Manager", "Specialist" are levels and variants of most jobs, not other jobs.
  const heads = titleWords.filter((word) => (ROLE_HEADS.has(word) || ROLE_HEADS.has(word.replace(/s$/, ''))) && !GENERIC_ROLE_WORDS.has(word.replace(/s$/, '')));
  return heads.find((head) => !userWords.some((word) => sameWord(word, head))) ?? null;
}

/** Whether the text carries a word starting so outside a negation ("production pay", not "no production pay"). */
function saidPlainly(text: string, word: string): boolean {
  return mentionsPlainly(foldAccents(text), new RegExp(`(?<![\\p{L}])${word.split('-')[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'iu'));
}

/** Whether the text carries this word, or a form of it ("weight-loss" and "Weight Loss"). */
function textHasWord(text: string, word: string): boolean {
  const parts = word.split('-');
  const words = (foldAccents(text).match(/[\p{L}][\p{L}'-]*/gu) ?? []).flatMap((candidate) => [candidate.toLowerCase(), ...candidate.toLowerCase().split('-')]);
  return parts.every((part) => words.some((candidate) => sameWord(part, candidate)));
}

// Read per pair for a role the rules do not know: the opening of a posting says what the job is,
// and a bound keeps the cost of a long one out of the fan-out.
const ROLE_TEXT_CHARS = 3_000;

/** How often the posting's opening carries one of these words ("data analysis", "analyst"), counted up to 3. */
function mentionsOf(text: string, words: readonly string[]): number {
  let count = 0;
  for (const match of foldAccents(text.slice(0, ROLE_TEXT_CHARS)).matchAll(/[\p{L}][\p{L}'-]{3,}/gu)) {
    const word = match[0].toLowerCase();
    if (words.some((own) => sameWord(own, word)) && ++count >= 3) break;
  }
  return count;
}

/** A title before its brackets, dash or comma: "Gameplay Programmer" of "Gameplay Programmer (Unreal Engine 5)". */
export function titleHead(title: string): string {
  return title.split(/\s[–—-]\s|[(|,]/)[0] ?? title;
}

function role(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  const label = FAMILY_LABELS[job.family] ?? job.family;
  const namesWantedRole = titleNamesWantedRole(job.title, prompt);
  for (const hit of excludedInTitle(job.title, prompt)) {
    // "Gameplay Programmer (Unreal Engine 5)" against "not engine work": the title also names the
    // role asked for, so one shared word is a doubt, not a dealbreaker.
    // In the title's own words ("Paediatric Occupational Therapist" for "not paediatrics") it says what the job is.
    const inHead = excludedInTitle(titleHead(job.title), prompt).some((head) => head.phrase === hit.phrase);
    const weight = hit.single && namesWantedRole ? (inHead ? WEIGHTS.excludedWordInTitleHead : WEIGHTS.excludedWordBeside) : WEIGHTS.excludedWordInTitle;
    out.adjust('role', weight, `"${job.title}" is what you ruled out ("${hit.phrase}")`, `${hit.phrase} (you ruled it out)`);
  }
  if (prompt.excludedFamilies.includes(job.family)) {
    out.adjust('role', WEIGHTS.excludedFamily, `"${job.title}" is a ${label} role, which you ruled out`, `${label} role`);
    return;
  }
  if (prompt.families.length === 0) {
    // A role the rules do not know: the title either names it in the user's own words or the
    // role is unknown — a doubt, scored cautiously and said, never a silent pass.
    // "Mechanical design engineer" is named by "mechanical design", not by the "engineer" every role has.
    const words = prompt.unknownRoleWords.filter((word) => !GENERIC_ROLE_WORDS.has(word));
    if (words.length === 0) {
      out.uncheck('the role (your prompt names no role these rules know)');
      return;
    }
    const named = `"${words.join(' ')}"`;
    const otherHead = titleSharesWord(job.title, words) ? otherRoleHead(job.title, prompt.unknownRoleWords) : null;
    if (otherHead) {
      // "Electrical Estimator" for an electrician, "Dental Therapist" for a dental hygienist: the
      // title shares a word with the role asked for but is a different kind of job.
      out.adjust(
        'role',
        WEIGHTS.roleUnknownOtherHead,
        `"${job.title}" shares a word with the ${named} role you asked for, but is a ${otherHead} job`,
        `${otherHead}, not ${named}`,
      );
      out.uncheck(`whether "${clip(job.title, 60)}" is a ${named} role`);
    } else if (titleSharesWord(job.title, words)) {
      out.pro(`"${job.title}" names the role you asked for (${named})`, 'role named in the title');
      out.uncheck(`the role beyond its title (these rules do not know ${named})`);
    } else if (job.family !== UNKNOWN_ROLE && !titleSharesWord(label, words) && !(prompt.softwareRole && SOFTWARE_FAMILIES.has(job.family))) {
      // A title the rules place in a known family that neither names the user's role nor is its
      // kind ("Staff Software Engineer" for a software role they do not know) is most likely another role.
      out.adjust(
        'role',
        WEIGHTS.roleUnknownPromptKnownTitle,
        `"${job.title}" reads as a ${label} role and does not name the ${named} role you asked for (these rules do not know that role, so they cannot rule it out)`,
        `${label} role, not named ${named}`,
      );
      out.uncheck(`whether "${clip(job.title, 60)}" is a ${named} role`);
    } else if (job.family === UNKNOWN_ROLE && mentionsOf(job.description, words) >= 2) {
      // Neither side is a role the rules know, but the posting's text speaks of the user's role.
      out.adjust('role', WEIGHTS.roleUnknownPromptInText, `Could not tell whether "${job.title}" is the ${named} role you asked for: the title does not name it, the posting's text does`, 'role not in the title');
      out.uncheck(`whether "${clip(job.title, 60)}" is a ${named} role`);
    } else {
      out.adjust('role', WEIGHTS.roleUnknownPrompt, `Could not tell whether "${job.title}" is the ${named} role you asked for: these rules do not know that role and the title does not name it`, 'role could not be checked');
      out.uncheck(`whether "${clip(job.title, 60)}" is a ${named} role`);
    }
    return;
  }
  const wanted = listing(prompt.families.map((family) => FAMILY_LABELS[family] ?? family), 'or');
  if (job.family === UNKNOWN_ROLE) {
    // Cautious: neither a match nor a mismatch, and said so.
    if (namesWantedRole) out.adjust('role', WEIGHTS.roleUnknownNamed, `Could not tell the role from "${job.title}"; the title shares words with the ${wanted} role you asked for`, 'role unclear');
    else out.adjust('role', WEIGHTS.roleUnknown, `Could not tell whether "${job.title}" is a ${wanted} role`, 'role could not be checked');
    out.uncheck(`whether "${clip(job.title, 60)}" is a ${wanted} role`);
    return;
  }
  const compatibility = Math.max(...prompt.families.map((family) => familyCompatibility(family, job.family)));
  if (compatibility >= 1) out.pro(`${capitalise(label)} role: "${job.title}"`, `${label} role`);
  else if (compatibility <= 0)
    out.adjust('role', WEIGHTS.familyMismatch, `"${job.title}" is a ${label} role; you are looking for ${wanted}`, `${label}, not ${wanted}`);
  else
    out.adjust(
      'role',
      Math.round(WEIGHTS.familyDistance * (1 - compatibility)),
      `"${job.title}" reads as ${label} rather than ${wanted}`,
      `${label} rather than ${wanted}`,
    );
}

const languageLabel = (id: string) => SPOKEN_LANGUAGES.find((language) => language.id === id)?.label ?? id;

function spokenLanguages(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  for (const id of job.requiredLanguages) {
    if (!prompt.weakLanguages.includes(id)) continue;
    out.adjust('skills', WEIGHTS.missingSpokenLanguage, `Requires ${languageLabel(id)}, which you said you do not work in`, `needs ${languageLabel(id)}`);
  }
  // "Inglese C1, francese B2" from someone writing in Italian: a posting that needs German asks for
  // a language the user did not list. Inferred, so a doubt rather than a certainty (the gate never reads it).
  const listed = prompt.spokenLanguages;
  if (!listed) return;
  for (const id of job.requiredLanguages) {
    if (prompt.weakLanguages.includes(id) || listed.includes(id)) continue;
    out.adjust(
      'skills',
      WEIGHTS.unlistedSpokenLanguage,
      `Requires ${languageLabel(id)}; the languages you named are ${listing(listed.map(languageLabel))}`,
      `needs ${languageLabel(id)}, not among yours`,
    );
  }
}

function hours(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  if (!prompt.hours || !job.hours) return;
  // A few hours either way are negotiable; a full-time post for a 28–32 hour week is not.
  if (job.hours.min > prompt.hours.max + 2) out.adjust('employment', WEIGHTS.hoursOff, `${job.hours.min}–${job.hours.max} hours a week; you asked for ${prompt.hours.min}–${prompt.hours.max}`, `${job.hours.min}+ hours`);
  else if (job.hours.max < prompt.hours.min - 4) out.adjust('employment', WEIGHTS.hoursOff, `${job.hours.max} hours a week at most; you asked for ${prompt.hours.min}–${prompt.hours.max}`, `${job.hours.max} hours`);
}

const SOME_DAYS = /\b([1-4]|one|two|three|four|un[oa]?|dos|tres|cuatro|deux|trois|quatre|eine?n?|zwei|drei|vier|uno|due|tre|quattro)\s+(d[ií]as?|days?|jours?|tage?n?|giorni|dagen|dni)\b/i;

const ROTATING = /\b(rotat\w*|rota\b|roulement|wechselschicht\w*|turnos? rotativos?|a turni|rotacyjn\w*|ploegendienst|\d[- ]on[- ]\d[- ]off|days and nights|days\/nights|lates and nights)/i;

function conditions(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  // "One Sunday a month is ok" says nothing of Saturdays: the days must be the same kind.
  const limit = prompt.maxWeekendsPerMonth;
  const asked = job.weekendsPerMonth;
  if (limit && asked && asked.perMonth > limit.max && (limit.day === 'weekend' || asked.day === 'weekend' || limit.day === asked.day)) {
    const day = asked.day === 'weekend' ? 'weekend' : asked.day === 'saturday' ? 'Saturday' : 'Sunday';
    const often = asked.perMonth >= 4 ? `every ${day}` : asked.perMonth >= 2 ? `every other ${day}` : `one ${day} in three`;
    out.adjust('culture', WEIGHTS.tooManyWeekends, `Work ${often}; you accept ${limit.max === 1 ? 'one' : 'two'} a month at most`, `${often}`);
  }
  for (const excluded of prompt.excludedConditions) {
    const hit = job.exclusions.find((entry) => entry.id === excluded.id);
    if (!hit) continue;
    // "1 día de turno partido" is not the split shift every day the user refused, nor "rotating days and nights" permanent nights.
    if (excluded.always && (SOME_DAYS.test(hit.evidence) || ROTATING.test(hit.evidence))) continue;
    const label = EXCLUSIONS.find((term) => term.id === hit.id)?.label ?? hit.id;
    // "I'd rather not go back to aged care" and "Dietitian – Residential Aged Care": the wish is about the job itself.
    if (excluded.soft && hit.strength === 'title') {
      out.adjust('culture', WEIGHTS.excludedConditionMention, `The job is in ${label}: ${quote(hit.evidence)}; you would rather not ("${excluded.words}")`, `${label} (you would rather not)`);
      continue;
    }
    if (excluded.soft) {
      out.adjust('culture', WEIGHTS.excludedConditionSoft, `The posting involves ${label}: ${quote(hit.evidence)}; you would rather not ("${excluded.words}")`, `${label} (you would rather not)`);
      continue;
    }
    // One mention in the text may be an exception ("night cover in the summer only"): a doubt.
    const weight = hit.strength === 'mention' ? WEIGHTS.excludedConditionMention : WEIGHTS.excludedCondition;
    out.adjust('culture', weight, `The posting involves ${label}: ${quote(hit.evidence)}; you wrote "${excluded.words}"`, `${label} (you ruled it out)`);
  }
}

function skills(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  for (const excluded of prompt.excludedSkills) {
    const hit = job.skills.find((skill) => skill.id === excluded.id && skill.strength !== 'mention');
    if (hit) out.adjust('skills', WEIGHTS.excludedSkill, `Works in ${hit.label}; you wrote "${excluded.words}"`, `${hit.label} (you ruled it out)`);
  }
  const tools = job.skills.filter((skill) => prompt.tools.includes(skill.id));
  if (prompt.languages.length > 0) {
    const wanted = listing(prompt.languages.map(skillLabel), 'or');
    const jobLanguages = job.skills.filter((skill) => skill.kind === 'language');
    const direct = jobLanguages.filter((skill) => prompt.languages.includes(skill.id));
    const related = jobLanguages.filter((skill) =>
      SKILLS.find((term) => term.id === skill.id)?.related?.some((id) => prompt.languages.includes(id)),
    );
    // "Senior Python Engineer" that mentions TypeScript once: the job is in Python.
    const titleLanguages = jobLanguages.filter((skill) => skill.strength === 'title' && !prompt.languages.includes(skill.id));
    const onlyInPassing = direct.length > 0 && direct.every((skill) => skill.strength === 'mention');
    if (onlyInPassing && titleLanguages.length > 0 && related.every((skill) => skill.strength !== 'title')) {
      out.adjust(
        'skills',
        WEIGHTS.noWantedLanguage,
        `The job is in ${listing(titleLanguages.map((s) => s.label))} ("${job.title}"); ${listing(direct.map((s) => s.label))} is only mentioned in passing`,
        `${titleLanguages[0]!.label}, not ${wanted}`,
      );
    } else if (direct.length > 0) {
      const named = [...direct, ...related.filter((skill) => !direct.includes(skill)), ...tools].map((skill) => skill.label);
      out.pro(`Uses ${listing(named)} (you asked for ${wanted})`, listing(direct.map((s) => s.label)));
      if (!direct.some((skill) => skill.strength !== 'mention'))
        out.adjust('skills', WEIGHTS.weakLanguageEvidence, `${listing(direct.map((s) => s.label))} is mentioned only once in the posting`, 'language mentioned only in passing');
    } else if (related.length > 0) {
      out.adjust('skills', WEIGHTS.relatedLanguageOnly, `Uses ${listing(related.map((s) => s.label))} rather than ${wanted}`, `${related[0]!.label} rather than ${wanted}`);
    } else {
      const main = jobLanguages.filter((skill) => skill.strength !== 'mention').map((skill) => skill.label);
      out.adjust(
        'skills',
        WEIGHTS.noWantedLanguage,
        main.length > 0 ? `Main languages are ${listing(main.slice(0, 3))}, not ${wanted}` : `The posting does not mention ${wanted}`,
        `no ${wanted}`,
      );
    }
  } else if (tools.length > 0) {
    out.pro(`Uses ${listing(tools.map((skill) => skill.label))}, which you named`, listing(tools.map((skill) => skill.label)));
  }
  if (prompt.tools.length > 0) {
    const missing = prompt.tools.filter((id) => !tools.some((skill) => skill.id === id));
    const penalty = Math.round((WEIGHTS.missingTools * missing.length) / prompt.tools.length);
    if (penalty > 0) out.adjust('skills', penalty, `Does not mention ${listing(missing.map(skillLabel))}`, `no ${listing(missing.map(skillLabel))}`);
  }
}

/** A posting that asks outright for far more years than the user says they have ("12+ years" for someone with 5). */
function experience(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  const have = prompt.experienceYears;
  const asked = job.requiredYears;
  if (have === null || asked === null) return;
  if (asked >= have + 3 || (have <= 2 && asked >= have + 2))
    out.adjust('seniority', WEIGHTS.farMoreYears, `Asks for at least ${asked} years of experience; you wrote ${have}`, `${asked}+ years asked, you have ${have}`);
}

function seniority(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  if (job.seniority !== null && job.seniorityFrom === 'title' && prompt.excludedSeniorities.includes(job.seniority) && !prompt.seniorities.includes(job.seniority)) {
    const label = SENIORITY_LABELS[job.seniority];
    out.adjust('seniority', WEIGHTS.seniorityFarOff, `${capitalise(label)} level ("${job.title}"); you ruled that level out`, `${label} (you ruled it out)`);
    return;
  }
  if (prompt.seniorities.length === 0 || job.family === 'management') return;
  const wantedLabel = listing(prompt.seniorities.map((level) => SENIORITY_LABELS[level]), 'or');
  // Years of experience only tell that a junior post is below the user; they say nothing of a step up.
  // and only a title says a post is junior ("2+ years of experience" is a minimum, not a level).
  // A title two or more levels above what their years make them ("Head of Talent" for five years) is still out of reach.
  const farAbove = job.seniority !== null && job.seniority - Math.max(...prompt.seniorities) >= 2;
  if (prompt.seniorityInferred && (job.seniority === null || job.seniorityFrom !== 'title' || (job.seniority >= Math.min(...prompt.seniorities) && !farAbove))) return;
  if (job.seniority === null) {
    out.adjust('seniority', WEIGHTS.seniorityUnknown, 'The posting does not state a seniority level', 'seniority not stated');
    return;
  }
  const level = job.seniority;
  const nearest = prompt.seniorities.reduce((best, wanted) => (Math.abs(wanted - level) < Math.abs(best - level) ? wanted : best));
  const gap = level - nearest;
  const label = SENIORITY_LABELS[level];
  const source = job.seniorityFrom === 'title' ? `"${job.title}"` : 'by the experience it asks for';
  if (gap === 0) out.pro(`${capitalise(label)} level, as you asked (${source})`, label);
  else if (gap === 1) out.adjust('seniority', WEIGHTS.seniorityOneAbove, `${capitalise(label)} level, a step above ${wantedLabel} (${source})`, `${label}, a step up`);
  else if (gap === -1) out.adjust('seniority', WEIGHTS.seniorityOneBelow, `${capitalise(label)} level, below the ${wantedLabel} level you asked for (${source})`, `${label}, not ${wantedLabel}`);
  else out.adjust('seniority', WEIGHTS.seniorityFarOff, `${capitalise(label)} level (${source}); you asked for ${wantedLabel}`, `${label}, not ${wantedLabel}`);
}

export type AreaFit = 'inside' | 'country-only' | 'outside' | 'unknown';

/** Whether places named by a posting lie where the user wants to work. */
/** Whether a region a posting names includes a place of this region ("EMEA" includes the UK). */
export function regionIncludes(outer: Region, inner: Region): boolean {
  if (outer === 'world' || outer === inner) return true;
  if (outer === 'europe') return inner === 'eu' || inner === 'uk';
  if (outer === 'na') return inner === 'us';
  return false;
}

/** Whether places named by a posting lie where the user wants to work. */
export function areaFit(regions: Region[], countries: JobSignals['countries'], prompt: PromptSignals): AreaFit {
  const wantedRegions = new Set<Region>([...prompt.regions, ...prompt.countries.map((country) => country.region)]);
  // A posting's region covers the user when it includes (or is included in) a region they accept.
  const covers = (region: Region) => [...wantedRegions].some((wanted) => regionIncludes(region, wanted) || regionIncludes(wanted, region));
  if (regions.some(covers) && prompt.countries.length === 0) return 'inside';
  if (prompt.countries.length > 0) {
    if (countries.some((country) => prompt.countries.some((wanted) => wanted.name === country.name))) return 'inside';
    // "Remote – EMEA" for someone in Lisbon or London: the region includes the user's country.
    if (regions.some((region) => prompt.countries.some((wanted) => regionIncludes(region, wanted.region)))) return 'inside';
  }
  if (countries.length > 0) {
    if (prompt.regions.length > 0 && countries.every((country) => prompt.regions.some((wanted) => regionIncludes(wanted, country.region)))) return 'country-only';
    return 'outside';
  }
  if (regions.length > 0) return 'outside';
  return 'unknown';
}

/** The shortest straight-line distance between the posting's office and a place the prompt names. */
export function commuteOf(job: JobSignals, prompt: PromptSignals, options: { world?: boolean } = { world: true }): { km: number; from: string } | null {
  let best: { km: number; from: string } | null = null;
  for (const office of job.cities) {
    for (const home of prompt.homeCities) {
      // A generated town never counts across a border, nor for the gate, which rules out only what is certain.
      if ((office.world || home.world) && (!options.world || office.country !== home.country)) continue;
      const km = Math.round(distanceKm(office, home));
      if (best === null || km < best.km) best = { km, from: home.name };
    }
  }
  return best;
}

/** Offices this close to a named place are in it. */
const SAME_PLACE_KM = 5;

/** The place the prompt ruled out that the posting's office is in, unless it is also at a place the prompt accepts. */
function refusedOffice(job: JobSignals, prompt: PromptSignals): string | null {
  if (prompt.refusedCities.length === 0) return null;
  const near = (office: JobSignals['cities'][number], places: PromptSignals['homeCities']) => places.find((place) => distanceKm(office, place) <= SAME_PLACE_KM);
  for (const office of job.cities) {
    const refused = near(office, prompt.refusedCities);
    if (refused && !near(office, prompt.homeCities)) return refused.name;
  }
  return null;
}

function location(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  const refused = job.mode === 'remote' ? null : refusedOffice(job, prompt);
  if (refused) {
    out.adjust('location', WEIGHTS.officeOutsideRegion, `Office in ${job.locationText}: you said ${refused} is too far`, `office in ${refused}`);
    return;
  }
  const hasArea = prompt.regions.length > 0 || prompt.countries.length > 0;
  // A home town only the generated gazetteer knows names no area, but its commute still counts.
  if (!prompt.wantsRemote && !hasArea && prompt.homeCities.length === 0) return;
  const wantedArea = listing([...prompt.regions.map((r) => r.toUpperCase()), ...prompt.countries.map((c) => c.name)], 'or');
  const fit = hasArea ? areaFit(job.regions, job.countries, prompt) : 'inside';
  const where = job.locationText;
  if (job.mode === 'remote') {
    if (fit === 'inside') out.pro(/^remote\b/i.test(where) ? where : `Remote: ${where}`, `remote (${where.replace(/^remote\s*/i, '').replace(/[()]/g, '') || 'anywhere'})`);
    else if (fit === 'country-only')
      out.adjust('location', WEIGHTS.remoteCountryOnly, `Remote only from ${listing(job.countries.map((c) => c.name))} (${where})`, `remote from ${job.countries[0]?.name ?? 'one country'} only`);
    else if (fit === 'unknown') out.adjust('location', WEIGHTS.remoteScopeUnknown, `Remote, but the posting does not say from where (${where})`, 'remote scope unclear');
    else out.adjust('location', WEIGHTS.remoteOutsideRegion, `Remote only from outside ${wantedArea}: ${where}`, `${where}`);
    return;
  }
  if (job.mode === 'unknown') return;
  const office = job.mode === 'hybrid' ? `Hybrid in ${where}` : `On-site in ${where}`;
  const days = job.officeDays ? ` (${job.officeDays} office day${job.officeDays === 1 ? '' : 's'} a week)` : '';
  if (fit === 'outside') {
    out.adjust('location', WEIGHTS.officeOutsideRegion, `${office}${days}, outside ${wantedArea || 'where you want to work'}`, `office in ${where}`);
    return;
  }
  const commute = commuteOf(job, prompt);
  if (commute && commute.km > prompt.commuteKm) {
    out.adjust('location', WEIGHTS.officeOutsideRegion, `${office}${days}: about ${commute.km} km from ${commute.from}, further than you said you can travel`, `office ${commute.km} km from ${commute.from}`);
    return;
  }
  if (prompt.maxOfficeDays !== null && job.officeDays !== null && job.officeDays > prompt.maxOfficeDays) {
    out.adjust('location', WEIGHTS.tooManyOfficeDays, `${office}${days}; you take ${prompt.maxOfficeDays} office day${prompt.maxOfficeDays === 1 ? '' : 's'} a week at most`, `${job.officeDays} office days a week`);
    return;
  }
  const accepted = job.mode === 'hybrid' ? prompt.acceptsHybrid || prompt.acceptsOnsite : prompt.acceptsOnsite;
  if (prompt.wantsRemote && !accepted) {
    const weight = job.mode === 'hybrid' ? WEIGHTS.hybridWhenRemote : WEIGHTS.onsiteWhenRemote;
    out.adjust('location', weight, `${office}${days}; you asked for remote`, `${job.mode === 'hybrid' ? 'hybrid' : 'on-site'} in ${where}`);
  } else if (fit === 'inside') out.pro(`${office}${days}`, office.toLowerCase());
}

/** The lowest of the prompt's floors, in EUR, read in the posting's currency when the prompt left it open; `currency` is the one it is in. */
export function salaryFloorFor(job: JobSignals, prompt: PromptSignals): { eur: number; text: string; currency: string } | null {
  let best: { eur: number; text: string; currency: string } | null = null;
  for (const floor of prompt.payFloors) {
    const eur = floorInEur(floor, job.salary?.currency ?? null, job.salary?.net ?? false, job.salary?.payments ?? 12);
    const currency = floorCurrency(floor, job.salary?.currency ?? null);
    if (eur !== null && (best === null || eur < best.eur)) best = { eur, text: floorText(floor.text, eur, currency), currency };
  }
  return best;
}

// "€80,000"; "CAD 165k"; "$22 per hour (≈ $45,800 a year)": a floor not given by the year also reads as a year's pay, in its own currency.
function floorText(text: string, eur: number, currency: string): string {
  if (currency === 'EUR') return formatEur(eur);
  const rate = EUR_PER_UNIT[currency];
  if (rate === undefined) return `${text} (≈ ${formatEur(eur)})`;
  return /\d{2}[\d.,' ]{3,}|\dk\b/i.test(text) ? text : `${text} (≈ ${money(Math.round(eur / rate / 100) * 100, currency)} a year)`;
}

function salary(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  const floor = salaryFloorFor(job, prompt);
  if (floor === null) {
    if (job.salary) out.pro(`Salary published: ${job.salary.text}`, 'salary published');
    return;
  }
  const yours = floor.text;
  if (!job.salary) {
    out.adjust('salary', WEIGHTS.salaryUnknown, `No salary published (your minimum: ${yours})`, 'no salary published');
    return;
  }
  // Said in the floor's currency: a user in Toronto compares Canadian dollars, not euros.
  const pays = payIn(job.salary, floor.currency);
  // The best case counts (the top of the range), as a recruiter reads "€60–70k" against "€65k+".
  const shortfall = (floor.eur - job.salary.maxEur) / floor.eur;
  if (shortfall <= WEIGHTS.salaryTopBelow.tolerance) {
    out.pro(`Pays ${pays}, at or above your ${yours} minimum`, payShortIn(job.salary, floor.currency));
    return;
  }
  const { base, perShortfall, max } = WEIGHTS.salaryTopBelow;
  out.adjust('salary', Math.min(max, Math.round(base + perShortfall * shortfall)), `Pays ${pays}, below your ${yours} minimum`, `pays at most ${payShortIn(job.salary, floor.currency).split('–').pop()}`);
}

function employment(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  if (prompt.wantsContractOnly && job.permanent)
    out.adjust('employment', WEIGHTS.permanentWhenContractOnly, `A permanent post ("${job.title}"); you asked for contracts only`, 'permanent, not a contract');
  if (prompt.outsideIr35Only && job.ir35 === 'inside') out.adjust('employment', WEIGHTS.insideIr35, 'Inside IR35; you asked for outside IR35 only', 'inside IR35');
  if (prompt.wantsPartTimeOnly && (job.employmentType === 'full_time' || (job.hours !== null && job.hours.min >= 35)))
    out.adjust('employment', WEIGHTS.fullTimeWhenPartTime, `A full-time post ("${job.title}"); you asked for part-time`, 'full-time');
  if (job.tenure && (prompt.wantsPermanent || (prompt.refusesSelfEmployment && job.tenure.kind === 'self-employed'))) {
    const what = job.tenure.kind === 'fixed-term' ? 'a fixed-term post' : 'self-employed work';
    out.adjust('employment', WEIGHTS.notPermanent, `Not a permanent employment but ${what}: ${quote(job.tenure.evidence)}`, job.tenure.kind === 'fixed-term' ? 'fixed term' : 'self-employed');
  } else if (job.employmentType === 'contract' && !prompt.acceptsContract)
    out.adjust('employment', WEIGHTS.contract, `A contract role ("${job.title}"), not a permanent position`, 'contract role');
  if (prompt.minContractMonths !== null && job.contractMonths !== null && job.contractMonths < prompt.minContractMonths)
    out.adjust('employment', WEIGHTS.contractTooShort, `A contract of ${job.contractMonths} month${job.contractMonths === 1 ? '' : 's'}; you take contracts of ${prompt.minContractMonths} months or more`, `${job.contractMonths}-month contract`);
  if (job.employmentType === 'part_time' && !prompt.acceptsPartTime)
    out.adjust('employment', prompt.wantsFullTime ? WEIGHTS.partTimeWhenFullTime : WEIGHTS.partTime, 'A part-time role', 'part-time');
  if (job.employmentType === 'internship' && !prompt.seniorities.includes(0))
    out.adjust('employment', WEIGHTS.internship, `An internship ("${job.title}")`, 'internship');
}

function companyFit(job: JobSignals, prompt: PromptSignals, company: CompanyInfo | null | undefined, out: Collector): void {
  if (prompt.wantsProductCompany) {
    const agency = job.industries.find((industry) => industry.id === 'consulting' || industry.id === 'public-sector');
    if (agency) out.adjust('company', WEIGHTS.consultancy, `${job.company} does ${industryNoun(agency.id)}, not its own product: ${quote(agency.evidence)}`, industryNoun(agency.id));
  }
  if (prompt.maxCompanySize !== null && job.companySize !== null) {
    const size = job.companySizeText ?? `${job.companySize} people`;
    if (job.companySize <= prompt.maxCompanySize) out.pro(`${job.company} has ${size} (you asked for under ${prompt.maxCompanySize})`, `${job.companySize} people`);
    else {
      const large = job.companySize >= 2 * prompt.maxCompanySize;
      out.adjust(
        'company',
        large ? WEIGHTS.companyTooBig.large : WEIGHTS.companyTooBig.penalty,
        `${job.company} has ${size}, more than the ${prompt.maxCompanySize} you asked for`,
        `${job.companySize.toLocaleString('en-GB')} people`,
      );
    }
  }
  const flag = company?.red_flags[0];
  if (flag) out.note(`Company research: ${clip(flag, 200)}`);
}

function culture(job: JobSignals, prompt: PromptSignals, out: Collector): void {
  if (prompt.wantsCodeReview && job.codeReview) out.pro(`Code review: ${quote(job.codeReview)}`, 'code review');
  if (job.onCall) {
    if (prompt.noOnCall) out.adjust('culture', WEIGHTS.unwantedOnCall, `Has on-call: ${quote(job.onCall.text)}`, 'on-call');
    else if (prompt.wantsFairOnCall && job.onCall.fair) out.pro(`On-call is shared: ${quote(job.onCall.text)}`, 'shared on-call');
    else if (prompt.onCallAtMostOneIn !== null && job.onCall.weeksInRotation !== null && job.onCall.weeksInRotation < prompt.onCallAtMostOneIn)
      out.adjust('culture', WEIGHTS.onCallTooOften, `On call one week in ${job.onCall.weeksInRotation}: ${quote(job.onCall.text)}; you take one week in ${prompt.onCallAtMostOneIn} at most`, `on call 1 week in ${job.onCall.weeksInRotation}`);
    else if (prompt.wantsFairOnCall && job.onCall.heavy) out.adjust('culture', WEIGHTS.heavyOnCall, `Heavy on-call: ${quote(job.onCall.text)}`, 'heavy on-call');
  }
  if (job.crunch) out.adjust('culture', WEIGHTS.crunch, `Mentions long hours: ${quote(job.crunch)}`, 'long hours');
  if (prompt.maxTravelShare !== null && job.travelShare !== null && job.travelShare > prompt.maxTravelShare + 5)
    out.adjust('location', WEIGHTS.travelOverLimit, `About ${job.travelShare} % travel; you take ${prompt.maxTravelShare} % at most`, `${job.travelShare} % travel`);
  if (prompt.noticeDays !== null && job.maxNoticeDays !== null && prompt.noticeDays > job.maxNoticeDays + 7)
    out.adjust('employment', WEIGHTS.noticeTooLong, `Wants joiners within ${job.maxNoticeDays === 0 ? 'days (immediate joiners)' : `${job.maxNoticeDays} days`}; your notice period is ${prompt.noticeDays} days`, `joiners within ${job.maxNoticeDays} days`);
}

const DISMISSED_WEIGHTS = { 'same-posting': WEIGHTS.dismissedPosting, 'same-role': WEIGHTS.dismissedRole, 'same-company': WEIGHTS.dismissedCompany } as const;
const DISMISSED_HOW = { 'same-posting': 'The same posting as', 'same-role': 'Much like', 'same-company': 'At the same company as' } as const;

/** A job much like one the user marked not interested, for the user's reason. */
function dismissed(near: NearDismissal | null, out: Collector): void {
  if (!near) return;
  const { dismissal, kind } = near;
  const reason = reasonWords(dismissal);
  out.adjust(
    'dismissed',
    DISMISSED_WEIGHTS[kind],
    `${DISMISSED_HOW[kind]} "${clip(dismissal.title, 120)}" at ${clip(dismissal.company, 80)}, which you marked not interested (${clip(reason, 100)})`,
    `like a job you marked not interested: ${clip(dismissal.title, 60)} (${clip(reason, 30)})`,
  );
}

/**
 * Scores one posting against one prompt: 100 minus the weights of every mismatch, then caps.
 * `near`: the dismissed job this one is much like (nearestDismissal), if any.
 */
export function evaluateMatch(job: JobSignals, prompt: PromptSignals, company?: CompanyInfo | null, near: NearDismissal | null = null): MatchEvaluation {
  const adjustments: Adjustment[] = [];
  const pros: string[] = [];
  const proShorts: string[] = [];
  const notes: string[] = [];
  const unchecked: string[] = [];
  const out: Collector = {
    adjust: (criterion, weight, con, short) => {
      const { penalty, cap } = typeof weight === 'number' ? { penalty: weight, cap: null } : weight;
      // A dismissal's few words name the dismissed job and the reason: longer than the rest.
      adjustments.push({ criterion, penalty, cap, con: clip(con, 300), short: clip(short, criterion === 'dismissed' ? 140 : 80) });
    },
    pro: (text, short) => {
      pros.push(clip(text, 300));
      proShorts.push(clip(short, 60));
    },
    note: (text) => notes.push(clip(text, 300)),
    uncheck: (what) => unchecked.push(clip(what, 160)),
  };
  industries(job, prompt, out);
  role(job, prompt, out);
  experience(job, prompt, out);
  conditions(job, prompt, out);
  spokenLanguages(job, prompt, out);
  hours(job, prompt, out);
  skills(job, prompt, out);
  seniority(job, prompt, out);
  location(job, prompt, out);
  salary(job, prompt, out);
  employment(job, prompt, out);
  companyFit(job, prompt, company, out);
  culture(job, prompt, out);
  dismissed(near, out);
  const total = adjustments.reduce((sum, adjustment) => sum + adjustment.penalty, 0);
  const cap = Math.min(100, ...adjustments.map((adjustment) => adjustment.cap ?? 100));
  const score = Math.max(0, Math.min(100 - total, cap));
  const recommendation: Recommendation = score >= APPLY_FROM ? 'apply' : score >= CONSIDER_FROM ? 'consider' : 'skip';
  return { score, recommendation, adjustments, pros, proShorts, notes, unchecked };
}

function explanationOf(job: JobSignals, evaluation: MatchEvaluation): string {
  const { score, adjustments } = evaluation;
  const verdict = score >= APPLY_FROM ? 'Strong match' : score >= CONSIDER_FROM ? 'Partial match' : 'Poor match';
  const parts = [`${verdict} (${score}/100) for "${clip(job.title, 120)}" at ${clip(job.company, 80)}.`];
  const capped = adjustments.filter((a) => a.cap !== null && a.cap < 100).sort((a, b) => (a.cap ?? 100) - (b.cap ?? 100))[0];
  if (capped && score <= (capped.cap ?? 100)) parts.push(`Decisive: ${capped.short} (score capped at ${capped.cap}).`);
  if (evaluation.proShorts.length > 0) parts.push(`In favour: ${evaluation.proShorts.join('; ')}.`);
  const against = [...adjustments].sort((a, b) => b.penalty - a.penalty).slice(0, 4);
  if (against.length > 0) parts.push(`Against: ${against.map((a) => `${a.short} (−${a.penalty})`).join('; ')}.`);
  // Never "nothing goes against your prompt" when part of it could not be checked.
  if (evaluation.unchecked.length > 0) parts.push(`Could not check: ${evaluation.unchecked.join('; ')}.`);
  else if (against.length === 0) parts.push('Nothing in the posting goes against your prompt.');
  parts.push('Local rules: every job starts at 100 and loses the points shown for each mismatch with your prompt.');
  return clip(parts.join(' '), 2_000);
}

/** The contract's shape: score, explanation, pros, cons, recommendation. */
export function toMatchScore(job: JobSignals, evaluation: MatchEvaluation): MatchScore {
  const cons = [...evaluation.adjustments].sort((a, b) => b.penalty - a.penalty).map((a) => a.con);
  return {
    score: evaluation.score,
    analysis: {
      explanation: explanationOf(job, evaluation),
      pros: evaluation.pros.slice(0, 10),
      cons: [...cons, ...evaluation.notes].slice(0, 10),
      recommendation: evaluation.recommendation,
    },
  };
}
