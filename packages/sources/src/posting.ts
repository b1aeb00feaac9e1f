import type { SalaryPeriod } from '@jobping/contracts';
import { decodeHTML } from 'entities';
import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

export type EmploymentType = 'full_time' | 'part_time' | 'contract' | 'temporary' | 'internship' | 'other';

/** One posting as every source returns it, ready to store. */
export interface NormalizedPosting {
  /** The board's own id of the posting: unique together with the source type. */
  sourceId: string;
  /** Canonical URL (tracking parameters removed). */
  url: string;
  title: string;
  company: string;
  location: string | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: SalaryPeriod | null;
  employmentType: EmploymentType | null;
  postedAt: Date | null;
  /** Sanitised HTML (null when the board gives none). */
  descriptionHtml: string | null;
  /** Plain text derived from the sanitised HTML (or the board's own plain text). */
  description: string;
}

/** What an adapter knows about a posting; `toPosting` does the common normalisation. */
export interface RawPosting {
  sourceId: string | number;
  url: string;
  title: string;
  company: string;
  location?: string | null;
  remote?: boolean | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  salaryCurrency?: string | null;
  salaryPeriod?: SalaryPeriod | null;
  employmentType?: string | null;
  postedAt?: Date | string | number | null;
  /** Description HTML as real markup (decode entity-escaped HTML first). */
  descriptionHtml?: string | null;
  descriptionText?: string | null;
}

const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'hr', 'div', 'span', 'ul', 'ol', 'li', 'strong', 'b', 'em', 'i', 'u', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
    'blockquote', 'code', 'pre', 'a', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'dl', 'dt', 'dd', 'sub', 'sup',
  ],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  // Script and style bodies are dropped, not turned into text.
  nonTextTags: ['script', 'style', 'textarea', 'option', 'noscript', 'iframe', 'object', 'svg'],
  transformTags: {
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener noreferrer', target: '_blank' }),
  },
};
// transformTags adds rel/target after filtering: allow them on the way out.
SANITIZE.allowedAttributes = { a: ['href', 'title', 'rel', 'target'] };

/** Board HTML made safe to render: an allow-list of formatting tags, http(s)/mailto links only. */
export function sanitizeDescription(html: string): string {
  return sanitizeHtml(html, SANITIZE).trim();
}

/** Readable plain text of (sanitised) HTML: paragraphs and list items on their own lines. */
export function htmlToText(html: string): string {
  return convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'a', options: { ignoreHref: true } },
      { selector: 'img', format: 'skip' },
      { selector: 'h1', options: { uppercase: false } },
      { selector: 'h2', options: { uppercase: false } },
      { selector: 'h3', options: { uppercase: false } },
      { selector: 'h4', options: { uppercase: false } },
      { selector: 'table', format: 'dataTable' },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Greenhouse sends its HTML entity-escaped (`&lt;p&gt;`): decode once to get markup. */
export function decodeEntities(text: string): string {
  return decodeHTML(text);
}

/** Decoded, whitespace collapsed, trimmed; tags stripped (titles are text, not markup). */
export function cleanText(value: string | null | undefined): string {
  if (!value) return '';
  return decodeHTML(value.replace(/<[^>]*>/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
}

// Parameters that only say who sent the click; they make one posting look like several.
const TRACKING_PARAMS = new Set([
  'gh_src', 'lever-source', 'lever-origin', 'lever-via', 'lever-source[]', 'ref', 'referrer', 'refid', 'trackingid', 'trk',
  'trkinfo', 'fbclid', 'gclid', 'dclid', 'msclkid', 'mc_cid', 'mc_eid', '_hsenc', '_hsmi',
]);

/**
 * One URL per posting: https/http only, lower-case host, no fragment, no default port, no
 * tracking parameters (utm_*, gh_src, lever-source, LinkedIn's refId/trackingId …), the rest
 * sorted. Parameters that identify the posting (gh_jid, ashby_jid, id …) stay.
 */
export function canonicalUrl(raw: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  url.hash = '';
  url.hostname = url.hostname.toLowerCase();
  // LinkedIn job URLs carry the id in the path; every query parameter is tracking.
  if (url.hostname === 'linkedin.com' || url.hostname.endsWith('.linkedin.com')) url.search = '';
  url.username = '';
  url.password = '';
  const kept = [...url.searchParams.entries()].filter(([key]) => {
    const k = key.toLowerCase();
    return !k.startsWith('utm_') && !TRACKING_PARAMS.has(k);
  });
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  url.search = '';
  for (const [key, value] of kept) url.searchParams.append(key, value);
  if (url.pathname.length > 1 && url.pathname.endsWith('/')) url.pathname = url.pathname.replace(/\/+$/, '');
  return url.toString();
}

const EMPLOYMENT: [RegExp, EmploymentType][] = [
  [/intern|trainee|werkstudent|working student|apprentice/, 'internship'],
  [/part.?time|teilzeit/, 'part_time'],
  [/contract|freelance|contractor|consult/, 'contract'],
  [/temp|fixed.?term|befristet|seasonal/, 'temporary'],
  [/full.?time|permanent|vollzeit|regular|festanstellung/, 'full_time'],
];

/** Board vocabularies (FullTime, full_time, "Full-time", "Vollzeit", …) to one set. */
export function normalizeEmploymentType(value: string | null | undefined): EmploymentType | null {
  if (!value) return null;
  const v = value.toLowerCase().trim();
  if (!v) return null;
  for (const [pattern, type] of EMPLOYMENT) if (pattern.test(v)) return type;
  return 'other';
}

const REMOTE = /\b(remote|anywhere|work from home|wfh|distributed|fully remote)\b/i;

export function looksRemote(...values: (string | null | undefined)[]): boolean {
  return values.some((value) => !!value && REMOTE.test(value));
}

/** Dates as ISO strings, epoch seconds or epoch milliseconds; null when unreadable. */
export function parseDate(value: Date | string | number | null | undefined): Date | null {
  if (value === null || value === undefined || value === '') return null;
  let date: Date;
  if (value instanceof Date) date = value;
  else if (typeof value === 'number') date = new Date(value < 1e11 ? value * 1000 : value);
  else if (/^\d+$/.test(value.trim())) return parseDate(Number(value.trim()));
  else {
    // "2026-11-20T10:23:26" without an offset (Remotive) is UTC.
    const text = /T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(value.trim()) ? `${value.trim()}Z` : value.trim();
    date = new Date(text);
  }
  return Number.isNaN(date.getTime()) ? null : date;
}

function salaryNumber(value: number | null | undefined): number | null {
  if (value === null || value === undefined || !Number.isFinite(value) || value <= 0) return null;
  return Math.round(value);
}

/** Lower-case ISO 4217 code, or null. */
function currency(value: string | null | undefined): string | null {
  if (!value) return null;
  const symbols: Record<string, string> = { $: 'USD', '€': 'EUR', '£': 'GBP' };
  const code = symbols[value.trim()] ?? value.trim().toUpperCase();
  return /^[A-Z]{3}$/.test(code) ? code : null;
}

/**
 * The common normalisation every adapter ends with. Returns null (the posting is skipped)
 * when it lacks what a job needs: an id, a title, a company and an http(s) URL.
 */
export function toPosting(raw: RawPosting): NormalizedPosting | null {
  const sourceId = String(raw.sourceId).trim();
  const title = cleanText(raw.title);
  const company = cleanText(raw.company);
  const url = canonicalUrl(raw.url);
  if (!sourceId || !title || !company || !url) return null;
  const location = cleanText(raw.location) || null;
  const descriptionHtml = raw.descriptionHtml ? sanitizeDescription(raw.descriptionHtml) || null : null;
  const description = descriptionHtml ? htmlToText(descriptionHtml) : (raw.descriptionText ?? '').replace(/\r\n/g, '\n').trim();
  let salaryMin = salaryNumber(raw.salaryMin);
  let salaryMax = salaryNumber(raw.salaryMax);
  if (salaryMin !== null && salaryMax !== null && salaryMin > salaryMax) [salaryMin, salaryMax] = [salaryMax, salaryMin];
  const hasSalary = salaryMin !== null || salaryMax !== null;
  return {
    sourceId: sourceId.slice(0, 200),
    url,
    title: title.slice(0, 300),
    company: company.slice(0, 200),
    location: location?.slice(0, 300) ?? null,
    remote: raw.remote === true || looksRemote(location, title),
    salaryMin,
    salaryMax,
    salaryCurrency: hasSalary ? currency(raw.salaryCurrency) : null,
    salaryPeriod: hasSalary ? (raw.salaryPeriod ?? null) : null,
    employmentType: normalizeEmploymentType(raw.employmentType),
    postedAt: parseDate(raw.postedAt),
    descriptionHtml,
    description,
  };
}

/** "per-year-salary", "1 YEAR", "yearly", "weekly", "hourly" … to a salary period (salaryPeriods in @jobping/contracts). */
export function normalizePeriod(value: string | null | undefined): SalaryPeriod | null {
  if (!value) return null;
  const v = value.toLowerCase();
  if (/year|annual|annum|yr/.test(v)) return 'year';
  if (/month|mo\b/.test(v)) return 'month';
  if (/week|wk\b/.test(v)) return 'week';
  if (/day|daily/.test(v)) return 'day';
  if (/hour|hr\b|wage/.test(v)) return 'hour';
  return null;
}
