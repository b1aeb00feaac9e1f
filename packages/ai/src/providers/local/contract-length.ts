import { parseCount } from './text';

// How long a fixed-term contract runs, in the posting ("Three-month contract", "CDD de 6 mois",
// "befristet auf 6 Monate") and as the shortest the user takes ("perm or a long contract (6 months +)",
// "contracts of at least 6 months"). Weeks count as a quarter of a month rounded down, so a
// "12-week contract" is shorter than three months' worth of work would suggest only by days.

const COUNT = String.raw`(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|eighteen|trois|six|douze|tres|seis|doce|drei|sechs|zw[öo]lf|sei|dodici|drie|zes|twaalf)`;
const MONTHS = String.raw`(?:months?|mths?|mos?|mois|meses|monate?n?|mesi|maanden|miesi[ęe]c[ye]?)`;
const WEEKS = String.raw`(?:weeks?|wks?|semaines|semanas|wochen|settimane|weken|tygodni)`;
const CONTRACT = String.raw`(?:contracts?|assignments?|engagements?|ftc|fixed[- ]term|temporary|temp|placement|cover|project|secondment|mission|contrat|cdd|contrato|vertrag|befristung|contratto|contract(?:en)?|umowa)`;

const JOB_FORMS: readonly [RegExp, 'months' | 'weeks'][] = [
  // "3 Month Contract", "Three-month contract", "6-month fixed-term contract", "12-week assignment"
  [new RegExp(String.raw`\b${COUNT}[- ]${MONTHS}\s+(?:(?:fixed[- ]term|temporary|initial|rolling|full[- ]time|part[- ]time)\s+)?${CONTRACT}\b`, 'i'), 'months'],
  [new RegExp(String.raw`\b${COUNT}[- ]${WEEKS}\s+(?:(?:fixed[- ]term|temporary|initial|rolling)\s+)?${CONTRACT}\b`, 'i'), 'weeks'],
  // "contract of 3 months", "a fixed-term contract for six months", "CDD de 3 mois", "contrato de 6 meses", "contratto di 6 mesi"
  [new RegExp(String.raw`\b${CONTRACT}\s+(?:(?:temporal|à durée déterminée|a tempo determinato|fixed[- ]term)\s+)?(?:of|for|de|di|van|na|von|über)\s+(?:about |around |approximately |initially |environ )?${COUNT}\s+${MONTHS}\b`, 'i'), 'months'],
  [new RegExp(String.raw`\b${CONTRACT}\s+(?:of|for|de|di|van|na)\s+${COUNT}\s+${WEEKS}\b`, 'i'), 'weeks'],
  // "Specified Purpose, 9 months", "Fixed-term (9 months)", "CDD – 6 mois"
  [new RegExp(String.raw`\b(?:fixed[- ]term|specified purpose|temporary|maternity cover|befristet|cdd|interim)\b[^.\n]{0,20}?\b${COUNT}[- ]${MONTHS}\b`, 'i'), 'months'],
  // "befristet auf 6 Monate", "duration: 3 months", "length of contract: 4 months"
  [new RegExp(String.raw`\b(?:befristet auf|duration:?|length(?: of (?:the )?contract)?:|dur[ée]e\s*:?|duraci[óo]n\s*:?|durata\s*:?|looptijd\s*:?)\s*${COUNT}\s+${MONTHS}\b`, 'i'), 'months'],
];

const monthsOf = (count: string | undefined, unit: 'months' | 'weeks'): number | null => {
  const value = parseCount(count ?? '');
  if (value === null || value <= 0) return null;
  return unit === 'months' ? value : Math.floor(value / 4.33);
};

/** How many months the posting's fixed-term contract runs, when it says. */
export function contractMonthsIn(text: string): number | null {
  for (const [pattern, unit] of JOB_FORMS) {
    const match = pattern.exec(text);
    if (match) return monthsOf(match[1], unit);
  }
  return null;
}

// The clause has to be about contracts: "6 months" alone may be a notice period or experience.
const ABOUT_CONTRACTS = /\b(contracts?|contracting|fixed[- ]term|ftc|temp|assignments?|missions?|contrats?|cdd|contratos?|vertr[äa]ge?|befrist|contratt[oi]|umow[aey])\b/i;
const NOT_LENGTH = /\b(notice|experience|years?|exp[ée]rience|erfahrung|experiencia|esperienza|ervaring|do[śs]wiadczen|probation|probezeit)\b/i;
const FLOOR_FORMS: readonly RegExp[] = [
  // "6 months +", "6+ months", "6 months or more", "6 months minimum", "6 mois minimum"
  new RegExp(String.raw`\b${COUNT}\s*\+?\s*[- ]?${MONTHS}\s*(?:\+|or (?:more|longer|over|above)|minimum|min\b|at least|and (?:up|over|longer)|o m[áa]s|ou plus|oder l[äa]nger|o pi[ùu])`, 'i'),
  new RegExp(String.raw`\b${COUNT}\s*\+\s*${MONTHS}`, 'i'),
  // "at least 6 months", "minimum 6 months", "min. 6 mois", "mindestens 6 Monate", "al menos 6 meses"
  new RegExp(String.raw`\b(?:at least|minimum(?: of)?|min\.?|no (?:less|shorter) than|not (?:less|shorter) than|mindestens|au moins|al menos|m[íi]nimo(?: de)?|almeno|minstens|co najmniej)\s+${COUNT}[- ]?${MONTHS}`, 'i'),
  // "nothing shorter than 6 months", "longer than 3 months"
  new RegExp(String.raw`\b(?:shorter|less|longer|more) than\s+${COUNT}[- ]?${MONTHS}`, 'i'),
];

/** The shortest contract the user takes, in months, when the prompt names one. */
export function minContractMonthsIn(prompt: string): number | null {
  for (const clause of prompt.split(/[.;!?\n]+/)) {
    if (!ABOUT_CONTRACTS.test(clause)) continue;
    for (const form of FLOOR_FORMS) {
      const match = form.exec(clause);
      if (!match) continue;
      // "Contract roles, 5+ years of experience": the figure is not about the contract.
      const after = clause.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 25);
      if (NOT_LENGTH.test(after) || NOT_LENGTH.test(match[0])) continue;
      const months = monthsOf(match[1], 'months');
      if (months !== null && months <= 36) return months;
    }
  }
  return null;
}
