// Small text helpers for the local provider. Job text is untrusted: whatever is quoted back
// to the user is cut short, stripped of control characters and never interpreted.

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function clean(text: string): string {
  return text.replace(CONTROL, ' ').replace(/[ \t]+/g, ' ').trim();
}

/** At most `max` characters, cut at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const flat = clean(text).replace(/\s+/g, ' ');
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** The first block of a description: where postings describe the company. */
export function firstParagraph(text: string): string {
  const block = text.split(/\n\s*\n/).find((part) => part.trim().length > 0) ?? '';
  return block.trim();
}

/** The description's lines and sentences, each one a unit that can be quoted. */
export function sentences(text: string): string[] {
  return text
    .split(/\n+|(?<=[.!?])\s+(?=[A-Z€$£])/)
    .map((part) => part.replace(/^[-*•\s]+/, '').trim())
    .filter((part) => part.length > 0);
}

export function firstSentence(text: string): string {
  return sentences(text)[0] ?? '';
}

// One compiled form per vocabulary pattern: its global one, made once and used for counting and for
// a single test alike (lastIndex reset around each use). A RegExp made per call is compiled again
// whenever V8's compilation cache has let it go, a pattern used in two forms is compiled twice, and
// the native code of the vocabulary's many patterns is a large part of a worker's memory.
const globalForms = new WeakMap<RegExp, RegExp>();

/** `pattern` with the g flag (for matchAll and counting), the same object on every call. */
export function globalForm(pattern: RegExp): RegExp {
  if (pattern.global) return pattern;
  let form = globalForms.get(pattern);
  if (!form) globalForms.set(pattern, (form = new RegExp(pattern.source, `${pattern.flags}g`)));
  return form;
}

/** Whether `pattern` matches `text`, through its global form, so the pattern is compiled once. */
export function matchesOnce(pattern: RegExp, text: string): boolean {
  const form = globalForm(pattern);
  form.lastIndex = 0;
  const found = form.test(text);
  form.lastIndex = 0;
  return found;
}

/** Where `pattern` first matches `text` (as String.prototype.search), through its global form. */
export function searchOnce(pattern: RegExp, text: string): number {
  const form = globalForm(pattern);
  form.lastIndex = 0;
  const index = form.exec(text)?.index ?? -1;
  form.lastIndex = 0;
  return index;
}

/** The first sentence that matches, for quoting as evidence. */
export function findSentence(text: string, pattern: RegExp): string | null {
  return sentences(text).find((sentence) => matchesOnce(pattern, sentence)) ?? null;
}

export function countMatches(text: string, patterns: readonly RegExp[]): number {
  let count = 0;
  for (const pattern of patterns) count += (text.match(globalForm(pattern)) ?? []).length;
  return count;
}

export function anyMatch(text: string, patterns: readonly RegExp[]): boolean {
  return patterns.some((pattern) => matchesOnce(pattern, text));
}

/** "TypeScript, Go and PostgreSQL". */
export function listing(items: readonly string[], conjunction = 'and'): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} ${conjunction} ${items[items.length - 1]}`;
}

const NUMBER_WORDS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, eighteen: 18,
  // Contract lengths in the set's other languages ("CDD de trois mois", "contrato de seis meses").
  trois: 3, douze: 12, tres: 3, seis: 6, doce: 12, drei: 3, sechs: 6, zwölf: 12, zwolf: 12, sei: 6, dodici: 12, drie: 3, zes: 6, twaalf: 12,
};

/** "nine" → 9, "seis" → 6, "12" → 12. */
export function parseCount(word: string): number | null {
  const lower = word.toLowerCase();
  if (lower in NUMBER_WORDS) return NUMBER_WORDS[lower] ?? null;
  const value = Number.parseInt(lower, 10);
  return Number.isFinite(value) ? value : null;
}

export function formatEur(amount: number): string {
  return `€${Math.round(amount).toLocaleString('en-GB')}`;
}

const HOURS = /(\d{2})\s*(?:h|hrs?|hours?|uur|std\.?|stunden|heures)?\s*(?:[-–]|to|à|a|bis|tot|do)\s*(\d{2})\s*(?:h\b|hrs?\b|hours?|uur|std|stunden|heures|godzin)/i;
const SINGLE_HOURS = /\b(\d{2})\s*(?:h|hrs?|hours?|uur|std\.?|stunden|heures|godzin)(?:\s*(?:\/|a|per|par|pro|in de)\s*(?:week|semaine|woche|semana|settimana|tydzie[ńn]))?\b/i;

// "minimum 30 hours a week", "at least 30h", "max. 20 Stunden": a bound on the week, not the week itself.
const AT_LEAST_BEFORE = /\b(?:min(?:imum)?\.?|at least|no less than|mindestens|au moins|al menos|minimaal|almeno|co najmniej)\s*(?:of\s*)?$/i;
const AT_MOST_BEFORE = /\b(?:max(?:imum)?\.?|at most|up to|no more than|h[öo]chstens|au maximum|como m[áa]ximo|maximaal|massimo|maksymalnie)\s*$/i;

/** Weekly hours a user asks for: "minimum 30 hours a week" is 30 or more, "max 20 hours" 20 or fewer. */
export function wantedHoursIn(text: string): { min: number; max: number } | null {
  const hours = hoursIn(text);
  if (hours === null || hours.min !== hours.max) return hours;
  const at = SINGLE_HOURS.exec(text)?.index ?? 0;
  const before = text.slice(Math.max(0, at - 20), at);
  if (AT_LEAST_BEFORE.test(before)) return { min: hours.min, max: 60 };
  if (AT_MOST_BEFORE.test(before)) return { min: 8, max: hours.max };
  return hours;
}

// "about 15 hours weekly", "37.5 hours per week", "0.4 FTE": the hours a posting's text gives the week.
const WEEKLY_HOURS = /\b(\d{1,2}(?:[.,]5)?)\s*(?:hours?|hrs?|h|uur|stunden|std\.?|heures|horas|ore|godzin)\s*(?:(?:per|a|each|every|par|pro|in de|por|a la|alla|na|w)\s+)?(?:\/\s*)?(?:weekly|week|semaine|woche|w[öo]chentlich|semana(?:les)?|settimana(?:li)?|tydzie[ńn]|tygodniowo)\b/i;
const FTE = /\b(0[.,]\d{1,2})\s*(?:fte|wte)\b/i;

/** The week a posting states in its text, in hours. */
export function weeklyHoursIn(text: string): { min: number; max: number } | null {
  const weekly = WEEKLY_HOURS.exec(text);
  if (weekly) {
    const value = Math.round(Number.parseFloat((weekly[1] ?? '').replace(',', '.')));
    if (value >= 4 && value <= 60) return { min: value, max: value };
  }
  const fte = FTE.exec(text);
  if (fte) {
    const value = Math.round(Number.parseFloat((fte[1] ?? '').replace(',', '.')) * 37.5);
    if (value >= 4) return { min: value, max: value };
  }
  return null;
}

/** "28–32 uur", "35 to 39h", "30 hours": weekly hours, when the text states them. */
export function hoursIn(text: string): { min: number; max: number } | null {
  const range = HOURS.exec(text);
  if (range) {
    const min = Number.parseInt(range[1] ?? '', 10);
    const max = Number.parseInt(range[2] ?? '', 10);
    if (min >= 8 && max <= 60 && min <= max) return { min, max };
  }
  const single = SINGLE_HOURS.exec(text);
  if (single) {
    const value = Number.parseInt(single[1] ?? '', 10);
    if (value >= 8 && value <= 60) return { min: value, max: value };
  }
  return null;
}
