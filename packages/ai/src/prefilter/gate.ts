import type { JobSignals } from '../providers/local/job-signals';
import type { PromptSignals } from '../providers/local/prompt-signals';
import { areaFit, commuteOf, excludedInTitle, salaryFloorFor, titleHead, titleNamesWantedRole, titleSharesWord } from '../providers/local/score-match';
import { clip, hoursIn } from '../providers/local/text';
import { FAMILY_LABELS, GENERIC_ROLE_WORDS, UNKNOWN_ROLE, familyCompatibility, familyTitleMatches, familyTitleSpan, foldAccents } from '../providers/local/vocabulary';

/** A pay shortfall the gate trusts (exchange rates and net/gross readings are approximate). */
const CLEAR_SHORTFALL = 0.15;
const EXACT_SHORTFALL = 0.02;
const PLAUSIBLE_SHORTFALL = 0.5;
import { WEIGHTS } from '../providers/local/weights';

// Part-time in the title itself: "0.6 FTE", "Teilzeit", "(24–28 uur)" is read by the hours rule.
const PART_TIME_TITLE = /\b(part[- ]?time|teilzeit|temps partiel|tiempo parcial|media jornada|deeltijd|niepe[łl]ny etat|0[.,]\d fte)\b/i;

export interface PrefilterDecision {
  /** false: the pair cannot reach the threshold; do not pay for an LLM call. */
  pass: boolean;
  /** The highest score the pair could get, from the facts the gate checks. */
  bound: number;
  threshold: number;
  /** The facts that lowered the bound (empty when nothing did). */
  reasons: string[];
  /** One line for the matcher to store with a skipped pair. */
  reason: string;
}

export interface GateOptions {
  /** Pass pairs whose bound is at most this far below the threshold (room for an LLM that judges more kindly). */
  margin?: number;
}

/**
 * The title carries a word the user named their role with that the job's family does not
 * account for: the family may have misread the title, so it is a doubt. Not a doubt: a word many
 * roles share ("engineer"), a word inside the words that named the job's family ("Dental Nurse"
 * for a veterinary nurse), a title a wanted family's own rule reads too (a more specific family
 * took it on purpose).
 */
function sharesWordsByChance(job: JobSignals, prompt: PromptSignals): boolean {
  if (prompt.families.some((family) => familyTitleMatches(family, job.title))) return false;
  return titleSharesWord(outsideFamilySpan(job.family, job.title), prompt.roleWords.filter((word) => !GENERIC_ROLE_WORDS.has(word)));
}

/** The title without the words that named its family ("Domestic" of "Domestic Gas Engineer" when "Gas Engineer" did). */
function outsideFamilySpan(family: string, title: string): string {
  const folded = foldAccents(title);
  const span = familyTitleSpan(family, title);
  return span ? `${folded.slice(0, span.start)} ${folded.slice(span.end)}` : folded;
}

/**
 * The families are the gate's least certain reading, of the prompt as of the title: a job whose
 * family the prompt names too ("Data scientist …, I sit with the sales team every day" was read as
 * sales), or whose title's head speaks of what the user asks for in words its family did not
 * account for, is the scorer's to weigh.
 */
function familyInDoubt(job: JobSignals, prompt: PromptSignals): boolean {
  return sharesWordsByChance(job, prompt) || prompt.namedFamilies.includes(job.family) || titleSharesWord(outsideFamilySpan(job.family, titleHead(job.title)), prompt.askedWords);
}

/**
 * The cheap relevance gate. It looks only at decisive facts already extracted from the posting
 * and the prompt (no LLM, no text scanning per pair): an excluded industry, an unrelated role,
 * none of the wanted languages, seniority or location far off, pay well below the minimum.
 * From these it computes an upper bound of the score (it uses a subset of the local scorer's
 * penalties, never more), so it only skips pairs that cannot reach the threshold.
 */
export function gate(job: JobSignals, prompt: PromptSignals, threshold: number, options: GateOptions = {}): PrefilterDecision {
  const margin = options.margin ?? 5;
  let penalties = 0;
  let cap = 100;
  const reasons: string[] = [];
  const limit = (value: number, reason: string) => {
    cap = Math.min(cap, value);
    reasons.push(reason);
  };
  const subtract = (points: number, reason: string) => {
    penalties += points;
    reasons.push(reason);
  };

  // Only what is certain rules a pair out: the scorer's doubts (an unrecognised title, a stack
  // next to the one named, a remote scope not stated) never do.
  for (const excluded of prompt.excludedIndustries) {
    // A narrowed exclusion ("weight-loss clinics") is the scorer's to read in the posting's words.
    if (excluded.qualifier) continue;
    if (job.industries.some((industry) => industry.id === excluded.id)) limit(WEIGHTS.excludedIndustry.cap, `${excluded.id}: ruled out by the user ("${excluded.words}")`);
  }
  for (const excluded of prompt.excludedConditions) {
    if (excluded.soft) continue;
    // In the title, or a requirement the posting states outright ("own car essential").
    // In the title, a requirement stated outright ("own car essential"), or said twice outside a negation.
    const certain = job.exclusions.some((entry) => entry.id === excluded.id && (entry.strength === 'title' || entry.strength === 'repeated'));
    if (certain) limit(WEIGHTS.excludedCondition.cap, `${excluded.id}: ruled out by the user ("${excluded.words}")`);
  }

  // Terms of employment the posting states outright against what the user ruled out.
  if (prompt.outsideIr35Only && job.ir35 === 'inside') limit(WEIGHTS.insideIr35.cap, 'inside IR35; the user works outside IR35 only');
  if (prompt.wantsContractOnly && /\bpermanent\b/i.test(job.title)) limit(WEIGHTS.permanentWhenContractOnly.cap, `a permanent post ("${job.title}"); the user wants contracts only`);
  if (prompt.wantsPartTimeOnly && /\bfull[- ]?time\b/i.test(job.title)) limit(WEIGHTS.fullTimeWhenPartTime.cap, `a full-time post ("${job.title}"); the user wants part-time only`);
  if (prompt.wantsFullTime && !prompt.acceptsPartTime && PART_TIME_TITLE.test(job.title)) limit(WEIGHTS.partTimeWhenFullTime.cap, `a part-time post ("${job.title}"); the user wants full time`);
  // Weekly hours in the title against the user's own (the scorer's rule, both stated outright).
  // (The text's hours are the scorer's: "up to 48 hours" there may be a legal cap, not the week.)
  const titleHours = hoursIn(job.title);
  if (prompt.hours && titleHours && (titleHours.min > prompt.hours.max + 2 || titleHours.max < prompt.hours.min - 4))
    limit(WEIGHTS.hoursOff.cap, `${titleHours.min}–${titleHours.max} hours a week; the user wants ${prompt.hours.min}–${prompt.hours.max}`);

  // What the user ruled out, in the title in their own words ("no UX writing": "UX Writer"); one
  // ruled-out word beside the role asked for is the scorer's doubt, not a certainty.
  const namesWanted = titleNamesWantedRole(job.title, prompt);
  for (const hit of excludedInTitle(job.title, prompt)) {
    if (!(hit.single && namesWanted)) limit(WEIGHTS.excludedWordInTitle.cap, `"${job.title}" is what the user ruled out ("${hit.phrase}")`);
  }

  // A title that also names the role asked for ("kadr i płac" for payroll, not "HR only") is a doubt, left to the scorer.
  if (prompt.excludedFamilies.includes(job.family)) {
    if (!(namesWanted && prompt.excludedOnlyAlone.includes(job.family))) limit(WEIGHTS.excludedFamily.cap, `${FAMILY_LABELS[job.family] ?? job.family} role: ruled out by the user`);
  }
  else if (prompt.families.length > 0 && job.family !== UNKNOWN_ROLE && !familyInDoubt(job, prompt)) {
    // A known family that cannot serve any wanted one, and a title with none of the user's role
    // words — unless the wanted family's own rule reads the title too and a more specific family
    // took it on purpose ("Veterinary Nurse" for a nurse of people).
    const compatibility = Math.max(...prompt.families.map((wanted) => familyCompatibility(wanted, job.family)));
    const wanted = prompt.families.map((f) => FAMILY_LABELS[f] ?? f).join(' or ');
    if (compatibility <= 0) limit(WEIGHTS.familyMismatch.cap, `${FAMILY_LABELS[job.family] ?? job.family} role; the user wants ${wanted}`);
    // A neighbour (a dental nurse for a hygienist): the scorer's own distance, which alone rules out only the far ones.
    else if (compatibility < 1) subtract(Math.round(WEIGHTS.familyDistance * (1 - compatibility)), `${FAMILY_LABELS[job.family] ?? job.family} role, a neighbour of ${wanted}`);
  }

  // A spoken language the posting requires outright ("fluent German required") that the user said they do not work in.
  for (const id of job.requiredLanguages) {
    if (prompt.weakLanguages.includes(id)) limit(WEIGHTS.missingSpokenLanguage.cap, `requires ${id}, which the user does not work in`);
  }

  // Seniority only when the title states it and the user named a level, or their years put a
  // title-stated junior post below them (the scorer's own rule; years say nothing of a step up).
  const belowInferred = prompt.seniorityInferred && job.seniority !== null && job.seniority < Math.min(...prompt.seniorities);
  if (prompt.seniorities.length > 0 && (!prompt.seniorityInferred || belowInferred) && job.seniority !== null && job.seniorityFrom === 'title' && job.family !== 'management') {
    const level = job.seniority;
    const gap = Math.min(...prompt.seniorities.map((wanted) => Math.abs(level - wanted)));
    const nearest = prompt.seniorities.reduce((best, wanted) => (Math.abs(wanted - level) < Math.abs(best - level) ? wanted : best));
    if (gap >= 2) limit(WEIGHTS.seniorityFarOff.cap, `seniority level ${level}, the user wants ${prompt.seniorities.join(' or ')}`);
    else if (level - nearest === -1) subtract(WEIGHTS.seniorityOneBelow, `seniority level ${level}, a step below the ${prompt.seniorities.join(' or ')} the user wants`);
  }

  // Places: only a remote scope or an office that lies outside every place the prompt accepts
  // ("Remote – EMEA" includes Portugal; an unnamed or unknown place is never outside).
  const hasArea = prompt.regions.length > 0 || prompt.countries.length > 0;
  if (hasArea && job.mode !== 'unknown' && (job.regions.length > 0 || job.countries.length > 0)) {
    const fit = areaFit(job.regions, job.countries, prompt);
    if (fit === 'outside' && job.mode === 'remote') limit(WEIGHTS.remoteOutsideRegion.cap, `remote only from outside the user's area (${job.locationText})`);
    else if (fit === 'outside') limit(WEIGHTS.officeOutsideRegion.cap, `office outside the user's area (${job.locationText})`);
  }

  // Commute: an office far beyond the distance the prompt allows (half as far again, and 20 km more).
  const commute = job.mode === 'remote' ? null : commuteOf(job, prompt, { world: false });
  if (commute && commute.km > prompt.commuteKm * 1.5 && commute.km > prompt.commuteKm + 20)
    limit(WEIGHTS.officeOutsideRegion.cap, `office about ${commute.km} km from ${commute.from}, beyond the user's commute`);

  // Employment: a fixed term or self-employment the title states, for a user who asked for a permanent job.
  // A fixed term the text states in so many words ("12-month fixed-term contract") is as certain as one in the title.
  if (prompt.wantsPermanent && job.tenure && (job.tenure.evidence === clip(job.title, 160) || job.tenure.kind === 'fixed-term'))
    limit(WEIGHTS.notPermanent.cap, `${job.tenure.kind} ("${job.title}"); the user wants a permanent job`);

  // Pay: a shortfall on the top of the range, in the posting's own currency when the prompt used
  // it too (pure arithmetic: 2 % is enough); across currencies only a clear one (15 %), since
  // exchange rates are approximate. Never from a net floor, nor from a figure without a currency:
  // "kod 95" or "C1" read as pay is the kind of slip a fresh text brings, and the scorer still weighs it.
  const floor = salaryFloorFor(job, prompt);
  // A package floor ("including housing and transport") against a posting's basic is the scorer's to weigh.
  if (floor !== null && job.salary && !prompt.payFloors.some((f) => f.package)) {
    const exact = !job.salary.net && prompt.payFloors.every((f) => !f.net && f.currency === job.salary?.currency);
    const loose = prompt.payFloors.every((f) => !f.net && (f.currency === job.salary?.currency || (f.currency === '$' && /^(USD|CAD|AUD|NZD)$/.test(job.salary?.currency ?? ''))));
    const margin = exact ? EXACT_SHORTFALL : loose ? CLEAR_SHORTFALL : null;
    // Under half the floor is likelier a misreading (a period, a thousand, a currency) than an offer: the scorer's.
    if (margin !== null && job.salary.maxEur < floor.eur * (1 - margin) && job.salary.maxEur >= floor.eur * PLAUSIBLE_SHORTFALL) {
      const { base, perShortfall, max } = WEIGHTS.salaryTopBelow;
      const shortfall = (floor.eur - job.salary.maxEur) / floor.eur;
      subtract(Math.min(max, Math.round(base + perShortfall * shortfall)), `pays at most ${job.salary.text}, below the user's minimum (${floor.text})`);
    }
  }

  const bound = Math.max(0, Math.min(100 - penalties, cap));
  const pass = bound >= threshold - margin;
  const reason = pass
    ? reasons.length > 0
      ? `pass: could still reach ${bound} (threshold ${threshold})`
      : 'pass: nothing rules it out'
    : `skip: at most ${bound} < threshold ${threshold}: ${reasons.join('; ')}`;
  return { pass, bound, threshold, reasons, reason: reason.slice(0, 500) };
}
