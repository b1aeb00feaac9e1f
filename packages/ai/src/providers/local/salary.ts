import { annualPay, type SalaryPeriod } from '@jobping/contracts';
import { EUR_PER_UNIT } from './vocabulary';
import { formatEur } from './text';

export interface Salary {
  /** The posting's currency (ISO code). */
  currency: string;
  /** The posting states take-home pay ("netto"). */
  net?: boolean;
  /** Yearly amounts in EUR (fixed approximate rates) so ranges can be compared. */
  minEur: number;
  maxEur: number;
  /** As published: "€85,000–€105,000 per year", "$150,000–$175,000 per year (≈ €138k–€161k)". */
  text: string;
  /** The period the amounts were stated in. */
  period: SalaryPeriod;
  /** Monthly pay paid more than twelve times a year (13 in France, 13.5 or 14 in Austria, Portugal, Spain, Italy): the yearly figures count them all. */
  payments?: number;
}

const CURRENCY_SIGN: Record<string, string> = { EUR: '€', USD: '$', GBP: '£', CAD: 'CA$', AUD: 'A$', NZD: 'NZ$', SGD: 'S$', MXN: 'MX$', BRL: 'R$', INR: '₹', JPY: '¥', NGN: '₦', PHP: '₱' };

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

export function money(amount: number, currency: string): string {
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
  return { minEur, maxEur, text, currency, period };
}

/**
 * A posting's pay as its text says it, with the yearly equivalent in `currency` (the user's floor's)
 * when that is another currency or the pay is not yearly: a user in Toronto reads "(≈ CA$…)", not euros.
 */
export function payIn(salary: Salary, currency: string): string {
  const rate = EUR_PER_UNIT[currency];
  if (rate === undefined || currency === 'EUR') return salary.text;
  const published = salary.text.replace(/ \(≈ [^)]*\)$/, '');
  if (currency === salary.currency && salary.period === 'year' && (salary.payments ?? 12) === 12) return published;
  const [min, max] = [salary.minEur / rate, salary.maxEur / rate].map((amount) => money(Math.round(amount / 100) * 100, currency));
  return `${published} (≈ ${min === max ? min : `${min}–${max}`} a year)`;
}

/** "CA$150k–CA$160k": a short yearly range in `currency`, for the one-line summary. */
export function payShortIn(salary: Salary, currency: string): string {
  const rate = EUR_PER_UNIT[currency] ?? 1;
  const unit = EUR_PER_UNIT[currency] === undefined ? 'EUR' : currency;
  const short = (eur: number) => {
    const rounded = `${Math.round(eur / rate / 1000)}k`;
    const sign = CURRENCY_SIGN[unit];
    return sign ? `${sign}${rounded}` : `${rounded} ${unit}`;
  };
  return `${short(salary.minEur)}–${short(salary.maxEur)}`;
}

const AMOUNT = String.raw`(\d{1,3}(?:[,.'’]\d{3})+|\d+(?:[.,]\d+)?)\s*(k\b|mil\b|m\b|mn\b|mio\b|millones|millions?)?`;
const RANGE_IN_TEXT = new RegExp(
  String.raw`([€$£])\s?${AMOUNT}\s*(?:[–—-]|to)\s*[€$£]?\s?${AMOUNT}(?:\s*(?:per|a|\/)\s*(year|annum|month|week|day|hour|h\b))?`,
  'i',
);

function periodOf(word: string | undefined): SalaryPeriod {
  if (!word) return 'year';
  const lower = word.toLowerCase();
  if (lower === 'h' || lower === 'hour') return 'hour';
  if (lower === 'month' || lower === 'week' || lower === 'day') return lower;
  return 'year';
}

// Every way the set writes a currency, to its ISO code. A bare "$", "kr" or "DH" stands for several
// currencies: DOLLAR, KRONE and DIRHAM mark them until the text around them (a posting) or the
// posting they are compared with (a prompt's floor) says which.
const DOLLAR = '$';
const KRONE = 'kr';
const DIRHAM = 'dh';
// "A$", "NZ$", "C$", "S$": the dollar with its country's letters before it.
const CURRENCY_SIGNS: Record<string, string> = { '€': 'EUR', $: DOLLAR, '£': 'GBP', '₹': 'INR', '₱': 'PHP', '₦': 'NGN', '¥': 'JPY', zł: 'PLN', kč: 'CZK', kr: KRONE, 'kr.': KRONE, lei: 'RON', ksh: 'KES', dh: DIRHAM, dhs: DIRHAM, a$: 'AUD', au$: 'AUD', nz$: 'NZD', c$: 'CAD', ca$: 'CAD', us$: 'USD', s$: 'SGD', sg$: 'SGD', r$: 'BRL', mx$: 'MXN', r: 'ZAR', rm: 'MYR', 's/': 'PEN', 's/.': 'PEN', tk: 'BDT', 'tk.': 'BDT', '৳': 'BDT', '₫': 'VND', rp: 'IDR', '₩': 'KRW' };
// Currency words only a prompt is read for ("3000 euros net"): in a posting, "lift 20 pounds" is a weight.
const CURRENCY_WORDS: Record<string, string> = { euro: 'EUR', euros: 'EUR', dollar: DOLLAR, dollars: DOLLAR, pound: 'GBP', pounds: 'GBP', naira: 'NGN', yen: 'JPY', dirham: DIRHAM, dirhams: DIRHAM, taka: 'BDT', ringgit: 'MYR', soles: 'PEN', rupiah: 'IDR' };
// The ISO codes are those the scorer can convert ("CHF 115'000", "13 millones COP").
const CURRENCY_CODES: Record<string, string> = Object.fromEntries(Object.keys(EUR_PER_UNIT).map((code) => [code.toLowerCase(), code]));
const POSTING_CURRENCIES: Record<string, string> = { ...CURRENCY_CODES, ...CURRENCY_SIGNS };
const PROMPT_CURRENCIES: Record<string, string> = { ...POSTING_CURRENCIES, ...CURRENCY_WORDS };

/** One alternative per written form, longest first so "kr." wins over "kr" and "euros" over "euro". */
function alternation(forms: Record<string, string>): string {
  return Object.keys(forms)
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.$]/g, '\\$&'))
    .join('|');
}

// Pay written with a currency code or a sign after the figures: "CHF 115'000 – 130'000",
// "7 500–8 800 zł brutto", "19–23 € Stundenlohn", "SGD 7–9k a month", "₹22 – 30 LPA".
const CODE = alternation(POSTING_CURRENCIES);
// "15–18 tys. zł": tysięcy, the Polish thousands.
// "₹17,00,000": Indian grouping (lakhs) before the usual thousands.
const FIGURE = String.raw`(\d{1,2}(?:,\d{2}){1,3},\d{3}|\d{1,3}(?:[ .,'’\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*(k(?![\p{L}])|tys\.?|mil(?![\p{L}])|m(?![\p{L}])|mn|mio|millones|milh[õo]es|millions?)?`;
// "între 19.000 și 22.000 lei", "entre 1.800 y 2.000 €": a range said with "and".
const DASH = String.raw`\s*(?:[–—-]|to|bis|à|a|do|al|și|si|and|und|et|y|e|en|i)\s*`;
const CODED_RANGE = new RegExp(String.raw`(?<![\p{L}\d])(?:(${CODE})\s?${FIGURE}${DASH}(?:${CODE})?\s?${FIGURE}|${FIGURE}${DASH}${FIGURE}\s*(${CODE})(?![\p{L}]))`, 'iu');
const PAY_WORD_AFTER = String.raw`(?=\s*(?:brutto|brutos?|gross|brut|bruto|lordo|netto|netti|netta|nette|netos?|nets?\b|per|a |an |\/|im |par |al |pro |monthly|monatlich|mensual|mensa(?:l|is)\b|mensuels?\b|mensile|miesi|m[ěe]s[íi][čc]n|mesa[čc]n|mjese[čc]n|havonta|kuukaudess|ph\b|p\/h\b|pa\b|p\.a\.|annually|x ?1[2-4]\b|\+ ?(?:super|bonus|benefits|commission|comiss[ãa]o|comisi[óo]n|provvigion|provision)|base\b|basic\b|ote\b|doe\b|depending|,\s*(?:aut[óo]nomo|freelance)))`;
const CODED_SINGLE = new RegExp(String.raw`\b(?:up to|bis (?:zu )?|do|až|max\.?|maximum|jusqu'à|hasta|fino a|tot)\s*${FIGURE}\s*(${CODE})(?![\p{L}])|(?<![\p{L}\d])(${CODE})\s?${FIGURE}${PAY_WORD_AFTER}|(?<![\p{L}\d.,])${FIGURE}\s*(${CODE})(?![\p{L}])${PAY_WORD_AFTER}|\b(?:up to|bis (?:zu )?|max\.?|maximum|jusqu'à|hasta|fino a|tot)\s*(${CODE})\s?${FIGURE}`, 'iu');
const LAKHS = /(?:₹|inr|rs\.?)?\s*(\d+(?:\.\d+)?)\s*(?:(?:[–—-]|to)\s*(\d+(?:\.\d+)?)\s*)?(lpa|lakhs? (?:per annum|p\.?a\.?|a year|per year)|lakhs?)\b/i;

// "DH" is the Moroccan dirham, or the Emirati one where the text is in the Emirates.
const dirhamOf = (text: string) => (/\b(dubai|abu dhabi|sharjah|uae|emirates|ajman|ras al khaimah)\b/i.test(text) ? 'AED' : 'MAD');

/** The ISO code of a currency written in a posting, with the posting's text to say whose krone or dirham. */
function codeOf(sign: string, text = ''): string {
  const code = POSTING_CURRENCIES[sign.toLowerCase()] ?? sign.toUpperCase();
  if (code === DOLLAR) return 'USD';
  // "kr" is Danish, Swedish or Norwegian: the posting's words say which ("kr/mån", "lön" are Swedish); a floor in "kr" is read in the posting's currency, so the two compare.
  if (code === KRONE) return /\b(m[åa]n|m[åa]nad|m[åa]naden|l[öo]n|tj[äa]nst|anst[äa]llning)\b/i.test(text) ? 'SEK' : /\b(norge|norsk|oslo|l[øo]nn)\b/i.test(text) ? 'NOK' : 'DKK';
  if (code === DIRHAM) return dirhamOf(text);
  return code;
}

/**
 * A written figure: "85,000", "85.000", "85 000", "110'000", "31,2" (a decimal comma), with "k", "tys." or
 * "mil" for thousands and "M", "mn" or "millones" for millions ("$2,1M", "13M mensuales"). A lower-case
 * "m" counts as millions only beside a currency (`lowerM`): in a prompt "12m" may be months.
 */
function figure(digits: string, multiplier: string | undefined, lowerM = true): number {
  const indian = /^\d{1,2}(?:,\d{2}){1,3},\d{3}$/.test(digits);
  const value = Number.parseFloat(indian ? digits.replace(/,/g, '') : digits.replace(/[ .,'’\u00a0\u202f](?=\d{3}\b)/g, '').replace(',', '.'));
  if (!multiplier) return value;
  if (/^(k|tys|mil$)/i.test(multiplier)) return value * 1000;
  return multiplier === 'm' && !lowerM ? value : value * 1_000_000;
}

/** A range or a top figure with a code or a sign after it, or lakhs a year, when no fields were given. */
function codedSalaryFromText(text: string): Salary | null {
  const lakhs = LAKHS.exec(text);
  if (lakhs) {
    const min = Number.parseFloat(lakhs[1] ?? '0') * 100_000;
    const max = lakhs[2] ? Number.parseFloat(lakhs[2]) * 100_000 : min;
    const monthly = /^\W{0,3}(per month|a month|monthly|\/\s?month)/i.test(text.slice((lakhs.index ?? 0) + lakhs[0].length));
    if (min > 0 && max >= min) return describeSalary(min, max, 'INR', monthly || /lakhs? (a|per) month/i.test(lakhs[0]) ? 'month' : 'year');
  }
  const range = CODED_RANGE.exec(text);
  if (range) {
    const [, prefix, minDigits, minK, maxDigits, maxK, postMin, postMinK, postMax, postMaxK, postfix] = range;
    const currency = codeOf(prefix ?? postfix ?? '€', text);
    const min = prefix ? figure(minDigits ?? '0', minK ?? maxK) : figure(postMin ?? '0', postMinK ?? postMaxK);
    const max = prefix ? figure(maxDigits ?? '0', maxK) : figure(postMax ?? '0', postMaxK);
    if (min > 0 && max >= min) return describeSalary(min, max, currency, periodNear(text.slice((range.index ?? 0) + range[0].length, (range.index ?? 0) + range[0].length + 40), max));
  }
  const single = CODED_SINGLE.exec(text);
  if (single) {
    const [, digits, k, postfix, prefix, preDigits, preK, postDigits, postK, postCode, topCode, topDigits, topK] = single;
    const currency = codeOf(postfix ?? prefix ?? postCode ?? topCode ?? '€', text);
    const amount = digits ? figure(digits, k) : preDigits ? figure(preDigits, preK) : postDigits ? figure(postDigits, postK) : figure(topDigits ?? '0', topK);
    if (amount > 0) return describeSalary(amount, amount, currency, periodNear(text.slice((single.index ?? 0) + single[0].length, (single.index ?? 0) + single[0].length + 40), amount));
  }
  return null;
}

/** A "€90,000–€115,000 per year" range written in the description, when no fields were given. */
export function salaryFromText(text: string): Salary | null {
  const match = RANGE_IN_TEXT.exec(text);
  if (!match) return codedSalaryFromText(text);
  const [, symbol, minDigits, minK, maxDigits, maxK, periodWord] = match;
  // "A$90,000 – 100,000": the letters before the sign say whose dollar.
  const lettered = /(?<![\p{L}])(a|au|nz|c|ca|us|s|sg|r|mx)$/iu.exec(text.slice(Math.max(0, match.index - 3), match.index));
  const currency = codeOf(lettered ? `${lettered[1]}$` : (symbol ?? '€'));
  const min = figure(minDigits ?? '0', minK ?? maxK);
  const max = figure(maxDigits ?? '0', maxK);
  if (!(min > 0) || !(max >= min)) return null;
  // "$32–$38/hr", "$48 – $55 per hour + super": a period the short form did not catch is read as everywhere else.
  const tail = text.slice(match.index + match[0].length, match.index + match[0].length + 40);
  return describeSalary(min, max, currency, periodWord ? periodOf(periodWord) : periodNear(tail, max));
}

// A prompt's pay floor, in the languages of the set: "€65k+", "£20ph min or 40k", "$30/hr or
// better", "Minimum 7000 zł netto miesięcznie", "No menos de 28.000 € brutos al año", "RAL minima
// 32.000 €", "Au moins 3 200 € net par mois", "Salaire minimum 85k CAD", "ab 55.000 € brutto".
const CURRENCY = alternation(PROMPT_CURRENCIES);
// Not the digits of a word ("IR35", "B2B", "C1").
// "110'000" and "110’000": the Swiss write thousands with an apostrophe.
// "85 000 Kč": the K of a currency is not thousands.
const NUMBER = String.raw`(?<![\p{L}])(\d{1,2}(?:,\d{2}){1,3},\d{3}|\d{1,3}(?:[ .,'’\u00a0\u202f]\d{3})+|\d+(?:[.,]\d+)?)\s*(k(?![\p{L}])|tys\.?|mil(?![\p{L}])|m(?![\p{L}])|mn|mio|millones|milh[õo]es|millions?)?`;
// Said outright ("at least", "Mindestgehalt") or as a want ("I need", "salary expectations:", "not below"):
// either way the lowest figure the user takes.
const FLOOR_WORD = String.raw`at ?least|minst|l[äa]gst|mindst|v[äa]hint[äa][äa]n|minimum(?: of)?|min\.?|m[íi]n\.|mindestgehalt|gehaltswunsch|(?:salary )?expectations?:?|expecting|i need|i want|looking for|seeking|je vise|i earn|earning|above|over|more than|not below|no lower than|not less than|nicht unter|pas moins de|oczekiwania:?|pretensiones?|pretens[ãa]o|no less than|not under|no menos de|au moins|m[íi]nimo|m[íi]nima|piso(?: salarial)?:?|mindestens|aspo[nň]|minim[áa]ln[ěe]|najmanje|v[äa]h\.|legal[áa]bb|ab|from|a partir de|desde|starting at|salary|pay|target|ote(?: at least)?|od|co najmniej|minimaal|tenminste|vanaf|almeno|non meno di|(?:must |should )?not be (?:less|lower) than|or|albo|oder|ou|>=?|≥`;
const FLOOR = new RegExp(
  String.raw`(?:(?<![\p{L}\d])(?:${FLOOR_WORD})\s*(?:(?:of|de|di|von|du)\s+)?(${CURRENCY})?\s*${NUMBER}\s*(${CURRENCY})?|(${CURRENCY})\s*${NUMBER}\s*\+|(\d{1,3}(?:[.,]\d+)?)\s*(k)\s*(${CURRENCY})?\s*\+|(${CURRENCY})\s*${NUMBER}(?=[^.;]{0,25}\b(?:min(?:imum)?|or (?:more|better|above)|base minimum|(?:base )?floor)\b)|${NUMBER}\s*(${CURRENCY})?(?=\s*(?:\S+\s*){0,3}\b(?:min(?:imum)?|or (?:more|better|above))\b))((?:(?!\b(?:or|albo|oder|ou|lub)\b)[^.;,]){0,40})`,
  'giu',
);


/** Take-home pay as a share of gross, to compare a net floor with gross postings (approximate). */
const NET_SHARE: Record<string, number> = { PLN: 0.72, EUR: 0.77 };
const DEFAULT_NET_SHARE = 0.75;

export interface PromptPay {
  /** The floor brought to a gross year in its own currency (annualPay). */
  yearly: number;
  /** ISO code, or '$' when the prompt wrote a dollar sign without saying which dollar. */
  currency: string | null;
  /** Stated as take-home pay ("netto"): grossed up with an approximate share, so only a guide. */
  net: boolean;
  /** For a floor in "kr": the krone of the prompt's country, used when the posting pays in another currency. */
  krone?: 'SEK' | 'DKK' | 'NOK';
  /** Stated by the month and not already counted as more than twelve payments. */
  monthly?: boolean;
  /** Take-home share used to gross it up (1 when stated gross). */
  share: number;
  /** A package with allowances or bonuses counted in ("must not be less than SAR 20,000 monthly including housing"): a posting's basic alone may be under it. */
  package?: boolean;
  text: string;
}

function periodNear(tail: string, amount: number): SalaryPeriod {
  return statedPeriod(tail, amount) ?? (amount < 300 ? 'hour' : amount < 20_000 && !/\b(year|annual|an|año|anno|jahr|jaar|rok)/i.test(tail) ? 'month' : 'year');
}

/** The period the words after a figure name, or null when only its size could tell. */
function statedPeriod(tail: string, amount: number): SalaryPeriod | null {
  // "RAL 24.000–26.000 € su 12 mensilità", "35.000 € en 14 pagas": a year's pay and how it is split.
  if (/^\W{0,3}(?:brutt[oi]\s+|brutos?\s+|lordi?\s+)?(?:su|in|en|em|over|sur)\s+1[2-5](?:[.,]\d)?\s+(?:mensilit|pagas|pagamentos|payments|salaires|monthly)/i.test(tail) && amount >= 10_000) return 'year';
  if (/^\W{0,3}(?:(?:brutto|gross|brut|bruto|lordo)\s+)?(?:\/\s*h(?:ou)?r?\b|ph\b|p\/h|an hour|per hour|\/hr|hourly|de l'heure|la hora|l'ora|za godzin|per uur|stunde|pro stunde)/i.test(tail)) return 'hour';
  if (/\b(month|monthly|mois|mensuel|mensual|m[eê]s|mensil|miesi[ęe]cz|monat|maand|m[åa]ned|m[åa]nad|kuukau|lunar|mensile|m[ěe]s[íi][čc]n|havi)|\/\s*(m(o|c)|md|mdr|m[åa]n|mnd|kk)\b/i.test(tail)) return 'month';
  if (/^\s*(?:\/\s*day|per day|a day|par jour|al d[ií]a|dziennie|pro tag)/i.test(tail)) return 'day';
  // "$4,200 netos semanales", "£600 a week": weekly pay.
  if (/^\W{0,3}(?:(?:net|netos?|brutos?|gross)\s+)?(?:semanal(?:es)?|weekly|per week|a week|\/\s*(?:wk|week)\b|par semaine|pro woche|w[öo]chentlich|tygodniowo|por semana|a la semana)/i.test(tail)) return 'week';
  if (/\b(year|annual|p\.?a\.?|jahr|jaar|rok|año|anno|an)\b/i.test(tail) && amount >= 10_000) return 'year';
  return null;
}

/** Every floor the prompt states ("£20ph min or 40k" has two); the bench counts the lowest. */
// "Including housing and transport", "total package", "all-in", "CTC": more than the base counts.
const PACKAGE = /\b(?:including|incl\.?|inclusive|package|total (?:comp|pay|package)|all[- ]in|allowances?|ctc|tcc)\b/i;

// "Min R28 000", "Basic min RM6,500": a sign of letters written against its figure.
const LETTER_SIGN = /(?<![\p{L}])(R|RM|Rp|Tk)(?=\d)/gu;

export function payFloorsFromPrompt(written: string): PromptPay[] {
  const prompt = written.replace(LETTER_SIGN, '$1 ');
  const floors: PromptPay[] = [];
  const krone = /\b(danmark|denmark|danish|dansk|k[øo]benhavn|copenhagen|aarhus|esbjerg|odense|aalborg|m[åa]ned)\b/i.test(prompt) ? 'DKK' : /\b(norge|norway|norsk|oslo|bergen|trondheim|stavanger)\b/i.test(prompt) ? 'NOK' : 'SEK';
  // "Expecting 22 LPA fixed minimum": lakhs of rupees a year.
  const lakhs = LAKHS.exec(prompt);
  if (lakhs) {
    const yearly = Number.parseFloat(lakhs[1] ?? '0') * 100_000;
    if (yearly > 0) return [{ yearly, currency: 'INR', net: false, share: 1, text: lakhs[0].trim() }];
  }
  const stated: { symbol: string | undefined; amount: number; period: SalaryPeriod }[] = [];
  for (const match of prompt.matchAll(FLOOR)) {
    const groups = match.slice(1);
    // Groups come in (currency?, digits, k, currency?) sets per alternative; take the first filled.
    const digits = [groups[1], groups[5], groups[7], groups[11], groups[13]].find((value) => value !== undefined);
    const k = [groups[2], groups[6], groups[8], groups[12], groups[14]].find((value) => value !== undefined);
    // "$6.000.000 COP": the code after the figure says whose dollar.
    const written = [groups[0], groups[3], groups[4], groups[9], groups[10], groups[15]].filter((value) => value !== undefined);
    const symbol = written.find((value) => PROMPT_CURRENCIES[value.toLowerCase()] !== DOLLAR) ?? written[0];
    const tail = groups[16] ?? '';
    if (!digits) continue;
    // "40 min max", "30 min by bike": a commute, not a pay floor.
    if (!symbol && !k && /^\d[\d .,]*\s*min\b/i.test(match[0].trim())) continue;
    // "looking for 25 hours a week", "over 5 years", "more than 200 people": not pay.
    if (!symbol && /^\s*(?:(?:[–-]|to)\s*\d+\s*)?\+?\s*(hours?|hrs?\b|days?|years?|yrs?\b|weeks?|months?|km|miles?|minutes?|mins?\b|people|employees|staff|beds|units|%|ans\b|jahre|años|anni|jaar|lat\b|stunden|heures|horas|ore\b|uur)/i.test(tail)) continue;
    let amount = figure(digits, k, false);
    if (!(amount > 0)) continue;
    // "at least 80" in a salary sentence means thousands.
    if (amount >= 20 && amount < 300 && !symbol && !/^\s*(?:\/|ph|per|an hour)/i.test(tail) && /salary|pay|comp|ote|k\b/i.test(prompt)) amount *= 1000;
    if (amount < 10) continue;
    // "£550/day min outside ir35, inside only if £650+": a figure without a period near one with it is paid the same way.
    const sibling = stated.find((other) => other.symbol === symbol && amount >= other.amount / 2 && amount <= other.amount * 2);
    const own = statedPeriod(tail, amount);
    const period = own ?? sibling?.period ?? periodNear(tail, amount);
    if (own) stated.push({ symbol, amount, period: own });
    if (period === 'year' && amount < 10_000) continue;
    const currency = symbol ? (PROMPT_CURRENCIES[symbol.toLowerCase()] ?? null) : null;
    const net = /(?<![\p{L}])(?:net|netto|netti|netos?|nette?|netta|neto|nett[óo]|v [čc]istom|[čc]ist[éeáý]\p{L}*|καθαρ\p{L}*)(?![\p{L}])/iu.test(tail) && !/\bb2b\b/i.test(tail);
    const share = net ? (NET_SHARE[currency ?? 'EUR'] ?? DEFAULT_NET_SHARE) : 1;
    // "mínimo 2.400 € brutos x14", "1.500 € al mes en 14 pagas": fourteen monthly payments a year.
    const payments = period === 'month' ? (paymentsIn(`${tail} ${prompt.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 30)}`) ?? 12) / 12 : 1;
    const counted = PACKAGE.test(`${tail} ${prompt.slice((match.index ?? 0) + match[0].length, (match.index ?? 0) + match[0].length + 40)}`);
    floors.push({ yearly: (annualPay(amount, period) * payments) / share, currency, ...(currency === KRONE ? { krone } : {}), ...(period === 'month' && payments === 1 ? { monthly: true } : {}), net, share, ...(counted ? { package: true } : {}), text: match[0].trim().replace(/[\s,(]+$/, '').slice(0, 60) });
  }
  return floors;
}

// Currencies written with a bare "$": a floor in "$" is read in the posting's one.
const DOLLAR_SIGN_CURRENCIES: ReadonlySet<string> = new Set(['USD', 'CAD', 'AUD', 'NZD', 'SGD', 'MXN', 'CLP', 'COP', 'ARS']);

/** The currency a floor is in, reading a bare "$" as the job's own dollar and a missing currency as the job's. */
export function floorCurrency(floor: PromptPay, jobCurrency: string | null): string {
  let currency = floor.currency;
  if (currency === null || (currency === DOLLAR && jobCurrency !== null && DOLLAR_SIGN_CURRENCIES.has(jobCurrency))) currency = jobCurrency ?? (floor.currency === DOLLAR ? 'USD' : 'EUR');
  if (currency === DOLLAR) currency = 'USD';
  // "Minst 60 000 kr/mån" against a posting in euros: whose krone the prompt's country says.
  if (currency === KRONE) currency = jobCurrency === 'SEK' || jobCurrency === 'DKK' || jobCurrency === 'NOK' ? jobCurrency : (floor.krone ?? 'SEK');
  if (currency === DIRHAM) currency = jobCurrency === 'AED' ? 'AED' : 'MAD';
  return currency;
}

/** The floor in EUR a year (see floorCurrency for the currency it is read in). */
export function floorInEur(floor: PromptPay, jobCurrency: string | null, jobNet = false, jobPayments = 12): number | null {
  const currency = floorCurrency(floor, jobCurrency);
  const rate = EUR_PER_UNIT[currency];
  if (rate === undefined) return null;
  // A posting that states take-home pay is compared with the floor as take-home pay.
  const yearly = jobNet ? floor.yearly * (floor.net ? floor.share : (NET_SHARE[currency] ?? DEFAULT_NET_SHARE)) : floor.yearly;
  // "Mínimo 1.800 € por mês" against "1.600 € x 14": a monthly floor is per payment where pay comes fourteen times.
  return yearly * rate * (floor.monthly ? jobPayments / 12 : 1);
}

// "14 Gehälter", "x 14", "en 14 pagas", "× 13.5", "sur 13 mois", "13e mois": monthly pay paid more than twelve times a year.
const PAYMENTS =
  /(?:[×x]|\bsur|\bover|\bin|\ben|\bem|\bsu|\bbei)\s?(1[2-5](?:[.,]5)?)\s*(?:months?|mois|meses|mesi|monate|monatsgeh[äa]ltern?|geh[äa]ltern?|pagas|pagamentos|mensilit[àa]|salaires|payments)?\b|\b(1[3-5](?:[.,]5)?)\s*(?:monatsgeh[äa]ltern?|geh[äa]ltern?|mal|pagas|pagamentos|mensilit[àa]|salaires)\b|\b(13|14)(?:th|e|ème|\.)\s*(?:month|mois|monatsgehalt|mensilit)/i;

/** How many monthly payments a year the text states, when it says more than twelve (or twelve outright). */
export function paymentsIn(text: string): number | null {
  const match = PAYMENTS.exec(text);
  if (!match) return null;
  const count = Number.parseFloat((match[1] ?? match[2] ?? match[3] ?? '').replace(',', '.'));
  return count >= 12 && count <= 15 ? count : null;
}

/** "Salary at least €80k" → 80,000 EUR a year (the lowest floor, read against a euro job). */
export function minimumSalaryFromPrompt(prompt: string): { eur: number; text: string } | null {
  const floors = payFloorsFromPrompt(prompt);
  let best: { eur: number; text: string } | null = null;
  for (const floor of floors) {
    const eur = floorInEur(floor, null);
    if (eur !== null && (best === null || eur < best.eur)) best = { eur, text: floor.text };
  }
  return best;
}
