import type { SalaryPeriod } from './salary';

/**
 * Pay as a posting states it in words: "$120k–$150k", "€60.000 brutto/Jahr", "£45/hour",
 * "4 500 € par mois". The one reader of pay text in JobPing: a board's free-text salary field
 * (Remotive, LinkedIn cards) and, where a board has no structured pay, the description
 * (`findPayInText`). It reads amounts, currency and period; it never annualises (that is
 * `yearlyTopPay`, next to it in salary.ts).
 */
export interface StatedPay {
  min: number | null;
  max: number | null;
  /** ISO 4217 code; null when the text names none. */
  currency: string | null;
  period: SalaryPeriod;
}

/**
 * A figure without a stated period is read as yearly only from this size up: no hourly, daily
 * or weekly rate comes near it, and monthly pay that high is rare. A smaller one ("$40–60",
 * "€4.500 brutto") says too little to compare with a yearly minimum, so no pay is read.
 */
export const YEARLY_WITHOUT_PERIOD_FROM = 10_000;

const CURRENCY_CODES = ['USD', 'EUR', 'GBP', 'CHF', 'CAD', 'AUD', 'NZD', 'SEK', 'NOK', 'DKK', 'PLN', 'CZK', 'INR', 'JPY', 'SGD', 'HKD', 'BRL', 'MXN', 'ZAR'];
// Longest first, so "US$" is not read as "$".
const CURRENCY_SYMBOLS: [string, string][] = [
  ['US$', 'USD'], ['CA$', 'CAD'], ['AU$', 'AUD'], ['NZ$', 'NZD'], ['C$', 'CAD'], ['A$', 'AUD'], ['R$', 'BRL'],
  ['$', 'USD'], ['€', 'EUR'], ['£', 'GBP'], ['¥', 'JPY'], ['₹', 'INR'],
];
const CURRENCY = new RegExp(
  `(?:${CURRENCY_SYMBOLS.map(([s]) => s.replace(/\$/g, '\\$')).join('|')}|\\b(?:${CURRENCY_CODES.join('|')})\\b)`,
  'i',
);
const CURRENCY_AT_END = new RegExp(`${CURRENCY.source}\\s?$`, 'i');
const CURRENCY_AT_START = new RegExp(`^\\s?${CURRENCY.source}`, 'i');

/** 120,000 · 60.000 · 60 000 · 120'000 (thousands, optional cents) · 31,2 · 45.50 · 45 */
const NUMBER = /\d{1,3}(?:[.,' ]\d{3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d{1,2})?(?!\d)/g;
/** What may follow a figure: thousands (k, K, Tsd.) or millions (M, Mio). */
const MULTIPLIER = /^\s?(k|tsd\.?|mio\.?|m)(?![a-z])/i;
/** Whole words (letters of any script around them do not count), case-insensitive. */
const words = (...alternatives: string[]) => new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}])`, 'iu');

/** What joins the two ends of a range once currency marks are taken out. */
const RANGE_JOIN = /^\s*(?:-|to|through|bis|à|a|and|und|et)\s*$/i;
const UP_TO = new RegExp(`${words('up to', 'upto', 'max(?:imum)?\\.?', 'bis zu', "jusqu'à", 'jusqu’à', 'no more than').source}\\s*$`, 'iu');
const FROM = new RegExp(`${words('from', 'starting at', 'starting from', 'min(?:imum)?\\.?', 'ab', 'à partir de', 'at least').source}\\s*$`, 'iu');

const PERIODS: [SalaryPeriod, RegExp][] = [
  ['hour', words('per hour', 'an hour', 'hourly', 'hour', 'hr', 'h', 'std\\.?', 'stunde', 'stundenlohn', 'stundensatz', 'heure')],
  ['day', words('per day', 'a day', 'daily', 'day rate', 'day', 'pro tag', 'tagessatz', 'tag', 'par jour', 'jour', 'journée', 'tjm')],
  ['week', words('per week', 'a week', 'weekly', 'week', 'wk', 'pro woche', 'woche', 'par semaine', 'semaine')],
  ['month', words('per month', 'a month', 'monthly', 'month', 'mo', 'monatlich', 'pro monat', 'monat', 'mtl\\.?', 'par mois', 'mois', 'mensuel(?:le)?')],
  ['year', words('per year', 'a year', 'yearly', 'annual(?:ly)?', 'per annum', 'annum', 'year', 'yr', 'p\\.\\s?a\\.?', 'pa', 'jährlich', 'jahresgehalt', 'pro jahr', 'jahr', 'par an', 'annuel(?:le)?')],
];

/**
 * The most a figure can be per period and still be read as stated: "$150k … 5 days a week" is
 * not $150,000 a day. A period word next to a larger figure is about something else.
 */
const LARGEST_PER_PERIOD: Readonly<Record<SalaryPeriod, number>> = { hour: 2_000, day: 15_000, week: 60_000, month: 250_000, year: Number.POSITIVE_INFINITY };

interface PayFigure {
  value: number;
  start: number;
  end: number;
  currency: string | null;
  /** Written with k/M: its own scale; a bare figure before it in a range takes the same. */
  multiplier: number;
}

function currencyCode(mark: string): string {
  const symbol = CURRENCY_SYMBOLS.find(([s]) => s.toLowerCase() === mark.toLowerCase());
  return symbol ? symbol[1] : mark.toUpperCase();
}

/** The digits of one figure as a number: separators followed by three digits group thousands, the rest is a decimal mark. */
function numberValue(digits: string): number {
  const decimal = /[.,](\d{1,2})$/.exec(digits);
  const whole = decimal ? digits.slice(0, decimal.index) : digits;
  return Number(whole.replace(/[.,' ]/g, '')) + (decimal ? Number(`0.${decimal[1]}`) : 0);
}

/** Every figure in `text` with the currency written right before or after it and its k/M. */
function figures(text: string): PayFigure[] {
  const found: PayFigure[] = [];
  for (const match of text.matchAll(NUMBER)) {
    const start = match.index;
    let end = start + match[0].length;
    // "401(k)", "401k": a US retirement plan, not pay.
    if (match[0] === '401' && /^\s?\(?k/i.test(text.slice(end))) continue;
    let multiplier = 1;
    const scale = MULTIPLIER.exec(text.slice(end));
    if (scale?.[1]) {
      const unit = scale[1].toLowerCase();
      multiplier = unit.startsWith('k') || unit.startsWith('t') ? 1_000 : 1_000_000;
      end += scale[0].length;
    }
    const after = CURRENCY_AT_START.exec(text.slice(end, end + 5));
    const before = CURRENCY_AT_END.exec(text.slice(Math.max(0, start - 4), start));
    const mark = before?.[0] ?? after?.[0];
    if (after && !before) end += after[0].length;
    found.push({ value: numberValue(match[0]) * multiplier, start, end, currency: mark ? currencyCode(mark.trim()) : null, multiplier });
  }
  return found;
}

interface Stated {
  min: number | null;
  max: number | null;
  currency: string | null;
  start: number;
  end: number;
}

/** Figures joined into what they state: a range, "up to" a maximum, "from" a minimum, or one amount. */
function statements(text: string): Stated[] {
  const list = figures(text);
  const out: Stated[] = [];
  for (let i = 0; i < list.length; i += 1) {
    const a = list[i] as PayFigure;
    const b = list[i + 1];
    const between = b ? text.slice(a.end, b.start).replace(new RegExp(CURRENCY.source, 'gi'), '') : '';
    if (b && RANGE_JOIN.test(between)) {
      // "$120-150k", "60-80 k€": the first end is written without the scale both share.
      const low = a.multiplier === 1 && b.multiplier > 1 && a.value * b.multiplier <= b.value ? a.value * b.multiplier : a.value;
      out.push({ min: low, max: b.value, currency: a.currency ?? b.currency, start: a.start, end: b.end });
      i += 1;
      continue;
    }
    const lead = text.slice(Math.max(0, a.start - 20), a.start).replace(new RegExp(`${CURRENCY.source}\\s?$`, 'i'), '');
    if (UP_TO.test(lead)) out.push({ min: null, max: a.value, currency: a.currency, start: a.start, end: a.end });
    else if (FROM.test(lead) || /^\s?\+/.test(text.slice(a.end))) out.push({ min: a.value, max: null, currency: a.currency, start: a.start, end: a.end });
    else out.push({ min: a.value, max: a.value, currency: a.currency, start: a.start, end: a.end });
  }
  return out.filter((s) => (s.max ?? s.min ?? 0) >= 1);
}

/** The period stated next to the pay (after it first, then before, within its clause), or read from its size. */
function periodOf(text: string, stated: Stated): SalaryPeriod | null {
  const top = stated.max ?? stated.min ?? 0;
  const after = text.slice(stated.end, stated.end + 25).split(/[.;!?](?:\s|$)/)[0] ?? '';
  const beforeAll = text.slice(Math.max(0, stated.start - 30), stated.start);
  const before = beforeAll.split(/[.;!?]\s/).at(-1) ?? '';
  for (const [nearby, isAfter] of [[after, true], [before, false]] as const) {
    let best: { period: SalaryPeriod; distance: number } | null = null;
    for (const [period, pattern] of PERIODS) {
      const hit = pattern.exec(nearby);
      if (!hit || top > LARGEST_PER_PERIOD[period]) continue;
      // After the pay the first word wins; before it, the one closest to the figure.
      const distance = isAfter ? hit.index : nearby.length - hit.index;
      if (!best || distance < best.distance) best = { period, distance };
    }
    if (best) return best.period;
  }
  return top >= YEARLY_WITHOUT_PERIOD_FROM ? 'year' : null;
}

function clean(text: string): string {
  return text
    .replace(/[\u00a0\u202f\u2009\u2007]/g, ' ')
    .replace(/[\u2010-\u2015\u2212]/g, '-');
}

function toPay(text: string, stated: Stated | undefined): StatedPay | null {
  if (!stated) return null;
  const period = periodOf(text, stated);
  if (!period) return null;
  let { min, max } = stated;
  if (min !== null && max !== null && min > max) [min, max] = [max, min];
  return { min, max, currency: stated.currency, period };
}

/**
 * A salary field's text ("$31,2k- $52k", "40-50 USD/hour", "€60.000 brutto") as pay; null for
 * text that states none ("DOE", "Competitive") or a figure whose period it cannot tell.
 */
export function parsePayText(text: string | null | undefined): StatedPay | null {
  if (!text || !/\d/.test(text)) return null;
  const line = clean(text);
  const all = statements(line);
  return toPay(line, all.find((s) => s.currency !== null) ?? all[0]);
}

/** Words that say a line is about pay, in the languages the boards post in. */
const PAY_WORDS = words(
  'salary', 'salaries', 'pay', 'compensation', 'base', 'wage', 'rate', 'ote', 'earn', 'earnings', 'remuneration', 'gehalt', 'vergütung',
  'jahresgehalt', 'bruttojahresgehalt', 'salaire', 'rémunération', 'sueldo', 'salario', 'stundensatz', 'tagessatz',
);

/**
 * The pay stated in a description, for boards without a structured salary: the first amount
 * with a currency on a line that speaks of pay (or right under a line that does, like a "Pay
 * range" heading). Figures without a currency, and ones whose period cannot be told, are not
 * pay: team sizes, years of experience and "401(k)" stay out.
 */
export function findPayInText(text: string | null | undefined): StatedPay | null {
  if (!text) return null;
  const lines = clean(text).split(/\n+/);
  let previous = '';
  for (const line of lines) {
    if (line.trim() && (PAY_WORDS.test(line) || PAY_WORDS.test(previous)) && CURRENCY.test(line)) {
      for (const stated of statements(line)) {
        if (stated.currency === null) continue;
        const pay = toPay(line, stated);
        if (pay) return pay;
      }
    }
    if (line.trim()) previous = line;
  }
  return null;
}
