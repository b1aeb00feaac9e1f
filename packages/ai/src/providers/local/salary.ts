import { annualPay, type SalaryPeriod } from '@jobping/contracts';
import { EUR_PER_UNIT } from './vocabulary';
import { formatEur } from './text';

export interface Salary {
  /** Yearly amounts in EUR (fixed approximate rates) so ranges can be compared. */
  minEur: number;
  maxEur: number;
  /** As published: "€85,000–€105,000 per year", "$150,000–$175,000 per year (≈ €138k–€161k)". */
  text: string;
}

const SYMBOLS: Record<string, string> = { '€': 'EUR', $: 'USD', '£': 'GBP' };
const CURRENCY_SIGN: Record<string, string> = { EUR: '€', USD: '$', GBP: '£' };

/**
 * Pay a year in EUR: annualised by the rule the min_salary filters use (annualPay in
 * @jobping/contracts), then converted with EUR_PER_UNIT. The conversion is the scorer's own
 * approximation, to weigh a USD range against a prompt's "€80k"; filters convert nothing.
 */
export function toYearlyEur(amount: number, currency: string | null | undefined, period: SalaryPeriod | null | undefined): number | null {
  const rate = EUR_PER_UNIT[(currency ?? 'EUR').toUpperCase()];
  if (rate === undefined) return null;
  return annualPay(amount, period) * rate;
}

function money(amount: number, currency: string): string {
  const sign = CURRENCY_SIGN[currency];
  const digits = amount.toLocaleString('en-GB');
  return sign ? `${sign}${digits}` : `${digits} ${currency}`;
}

export function describeSalary(min: number, max: number, currency: string, period: SalaryPeriod): Salary | null {
  const minEur = toYearlyEur(min, currency, period);
  const maxEur = toYearlyEur(max, currency, period);
  if (minEur === null || maxEur === null) return null;
  const range = min === max ? money(min, currency) : `${money(min, currency)}–${money(max, currency)}`;
  let text = `${range} per ${period}`;
  if (currency !== 'EUR' || period !== 'year') {
    text += ` (≈ ${min === max ? formatEur(minEur) : `${formatEur(minEur)}–${formatEur(maxEur)}`} a year)`;
  }
  return { minEur, maxEur, text };
}

const AMOUNT = String.raw`(\d{1,3}(?:[,.]\d{3})+|\d+(?:\.\d+)?)\s*(k\b)?`;
const RANGE_IN_TEXT = new RegExp(
  String.raw`([€$£])\s?${AMOUNT}\s*(?:[–—-]|to)\s*[€$£]?\s?${AMOUNT}(?:\s*(?:per|a|\/)\s*(year|annum|month|week|day|hour|h\b))?`,
  'i',
);

function amountOf(digits: string, k: string | undefined): number {
  const value = Number.parseFloat(digits.replace(/[,.](?=\d{3}\b)/g, ''));
  return k ? value * 1000 : value;
}

function periodOf(word: string | undefined): SalaryPeriod {
  if (!word) return 'year';
  const lower = word.toLowerCase();
  if (lower === 'h' || lower === 'hour') return 'hour';
  if (lower === 'month' || lower === 'week' || lower === 'day') return lower;
  return 'year';
}

/** A "€90,000–€115,000 per year" range written in the description, when no fields were given. */
export function salaryFromText(text: string): Salary | null {
  const match = RANGE_IN_TEXT.exec(text);
  if (!match) return null;
  const [, symbol, minDigits, minK, maxDigits, maxK, periodWord] = match;
  const currency = SYMBOLS[symbol ?? '€'] ?? 'EUR';
  const min = amountOf(minDigits ?? '0', minK ?? maxK);
  const max = amountOf(maxDigits ?? '0', maxK);
  if (!(min > 0) || !(max >= min)) return null;
  return describeSalary(min, max, currency, periodOf(periodWord));
}

const PROMPT_MINIMUM = new RegExp(
  String.raw`(?:at least|minimum(?: of)?|min\.?|no less than|from|over|above|starting at|>=?|≥)\s*([€$£])?\s*${AMOUNT}\s*(eur|euro|euros|usd|dollars|gbp|pounds)?`,
  'i',
);
const PROMPT_PLUS = new RegExp(String.raw`([€$£])\s*${AMOUNT}\s*\+`, 'i');

/** "Salary at least €80k" → 80,000 EUR a year. */
export function minimumSalaryFromPrompt(prompt: string): { eur: number; text: string } | null {
  const match = PROMPT_MINIMUM.exec(prompt) ?? PROMPT_PLUS.exec(prompt);
  if (!match) return null;
  const [, symbol, digits, k, word] = match;
  let amount = amountOf(digits ?? '0', k);
  // "at least 80" in a salary sentence means thousands.
  if (amount > 0 && amount < 1000 && /salary|pay|comp/i.test(prompt)) amount *= 1000;
  if (amount < 10_000) return null;
  const named = word?.toLowerCase();
  const currency = symbol
    ? (SYMBOLS[symbol] ?? 'EUR')
    : named?.startsWith('usd') || named?.startsWith('dollar')
      ? 'USD'
      : named?.startsWith('gbp') || named?.startsWith('pound')
        ? 'GBP'
        : 'EUR';
  const eur = toYearlyEur(amount, currency, 'year');
  if (eur === null) return null;
  return { eur, text: currency === 'EUR' ? formatEur(amount) : `${money(amount, currency)} (≈ ${formatEur(eur)})` };
}
