import type { JobSignals } from '../providers/local/job-signals';
import type { PromptSignals } from '../providers/local/prompt-signals';
import { areaFit } from '../providers/local/score-match';
import { FAMILY_LABELS, SKILLS, familyCompatibility } from '../providers/local/vocabulary';
import { WEIGHTS } from '../providers/local/weights';

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

  for (const excluded of prompt.excludedIndustries) {
    if (job.industries.some((industry) => industry.id === excluded.id)) limit(WEIGHTS.excludedIndustry.cap, `${excluded.id}: ruled out by the user ("${excluded.words}")`);
  }

  if (prompt.excludedFamilies.includes(job.family)) limit(WEIGHTS.excludedFamily.cap, `${FAMILY_LABELS[job.family]} role: ruled out by the user`);
  else if (prompt.families.length > 0) {
    const compatibility = Math.max(...prompt.families.map((wanted) => familyCompatibility(wanted, job.family)));
    if (compatibility <= 0)
      limit(WEIGHTS.familyMismatch.cap, `${FAMILY_LABELS[job.family]} role; the user wants ${prompt.families.map((f) => FAMILY_LABELS[f]).join(' or ')}`);
  }

  if (prompt.languages.length > 0) {
    const wanted = new Set(prompt.languages);
    const fits = job.skills.some(
      (skill) => skill.kind === 'language' && (wanted.has(skill.id) || SKILLS.find((term) => term.id === skill.id)?.related?.some((id) => wanted.has(id))),
    );
    if (!fits) subtract(WEIGHTS.noWantedLanguage, `none of ${prompt.languages.join(', ')} in the posting`);
  }

  if (prompt.seniorities.length > 0 && job.seniority !== null && job.family !== 'management') {
    const level = job.seniority;
    const gap = Math.min(...prompt.seniorities.map((wanted) => Math.abs(level - wanted)));
    const below = prompt.seniorities.every((wanted) => level < wanted);
    if (gap >= 2) limit(WEIGHTS.seniorityFarOff.cap, `seniority level ${level}, the user wants ${prompt.seniorities.join(' or ')}`);
    else if (gap === 1 && below) subtract(WEIGHTS.seniorityOneBelow, `one seniority level below what the user wants`);
  }

  const hasArea = prompt.regions.length > 0 || prompt.countries.length > 0;
  if ((prompt.wantsRemote || hasArea) && job.mode !== 'unknown') {
    const fit = hasArea ? areaFit(job.regions, job.countries, prompt) : 'inside';
    if (job.mode === 'remote') {
      if (fit === 'outside') limit(WEIGHTS.remoteOutsideRegion.cap, `remote only from outside the user's area (${job.locationText})`);
    } else if (fit === 'outside') limit(WEIGHTS.officeOutsideRegion.cap, `office outside the user's area (${job.locationText})`);
    else if (prompt.wantsRemote) {
      const accepted = job.mode === 'hybrid' ? prompt.acceptsHybrid || prompt.acceptsOnsite : prompt.acceptsOnsite;
      if (!accepted) {
        const weight = job.mode === 'hybrid' ? WEIGHTS.hybridWhenRemote : WEIGHTS.onsiteWhenRemote;
        limit(weight.cap, `${job.mode} (${job.locationText}); the user wants remote`);
      }
    }
  }

  if (prompt.minSalaryEur !== null && job.salary && job.salary.maxEur < prompt.minSalaryEur) {
    const shortfall = (prompt.minSalaryEur - job.salary.maxEur) / prompt.minSalaryEur;
    const { base, perShortfall, max } = WEIGHTS.salaryTopBelow;
    subtract(Math.min(max, Math.round(base + perShortfall * shortfall)), `pays at most €${Math.round(job.salary.maxEur / 1000)}k, below the user's minimum`);
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
