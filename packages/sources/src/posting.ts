import type { JobEmploymentType, SalaryPeriod, WorkArrangement } from '@jobping/contracts';
import { decodeHTML } from 'entities';
import { convert } from 'html-to-text';
import sanitizeHtml from 'sanitize-html';

/** employmentTypes (@jobping/contracts): the values jobs.employment_type holds. */
export type PostingEmploymentType = JobEmploymentType;

/** One posting as every source returns it, ready to store. */
export interface NormalizedPosting {
  /** The board's own id of the posting: unique together with the source type. */
  sourceId: string;
  /** Canonical URL (tracking parameters removed). */
  url: string;
  title: string;
  company: string;
  /** The location as the board shows it, else the first of `locations` (the cross-board fingerprint uses it). */
  location: string | null;
  /** Every location the board lists, first one first; a filter on any of them finds the job. */
  locations: string[];
  /** Where the work is done, from the board's own field where it has one. */
  workArrangement: WorkArrangement;
  /** Where a remote job may be done from ("Europe", "US"), when the board says. */
  remoteRegion: string | null;
  /** `workArrangement === 'remote'`, for readers that only know the flag. */
  remote: boolean;
  department: string | null;
  team: string | null;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: SalaryPeriod | null;
  employmentType: PostingEmploymentType | null;
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
  /** The location as the board shows it (one line; the cross-board fingerprint uses it). */
  location?: string | null;
  /** Every location, when the board lists them one by one; without it, `location` is the only one. */
  locations?: readonly (string | null | undefined)[] | null;
  /** The board's own statement (workplaceType, a remote flag, location-type metadata); null when it has none. */
  workArrangement?: WorkArrangement | null;
  remoteRegion?: string | null;
  /** A board's yes/no remote flag: true is remote, false is not remote (on-site unless the text says hybrid). */
  remote?: boolean | null;
  department?: string | null;
  team?: string | null;
  salaryMin?: number | null;
  salaryMax?: number | null;
  salaryCurrency?: string | null;
  salaryPeriod?: SalaryPeriod | null;
  employmentType?: string | null;
  postedAt?: Date | string | number | null;
  /** Description HTML; entity-escaped HTML (`&lt;p&gt;`) is recognised and decoded once. */
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

/**
 * HTML that arrives entity-escaped (`&lt;p&gt;&lt;strong&gt;…`, as boards relaying postings
 * from other systems send it) decoded to markup, once; HTML with real tags is left as it is, so
 * a description is never decoded twice (escaped text such as `&lt;template&gt;` stays text).
 */
export function descriptionMarkup(html: string): string {
  const escapedTags = /&lt;\/?[a-z][a-z0-9]*(?:\s[^&]*)?&gt;/i.test(html);
  const realTags = /<\/?[a-z][a-z0-9]*[\s>/]/i.test(html);
  return escapedTags && !realTags ? decodeHTML(html) : html;
}

// Windows-1252 characters for the bytes 0x80–0x9F, as text mis-decoded with it shows them.
const CP1252 = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
/** A UTF-8 sequence read one byte per character (Latin-1 or Windows-1252): a lead byte, then continuation bytes. */
const MOJIBAKE = new RegExp(`[\u00c2-\u00f4][\u0080-\u00bf${CP1252}]{1,3}`, 'g');

function byteOf(char: string): number {
  const cp1252 = CP1252.indexOf(char);
  return cp1252 >= 0 ? 0x80 + cp1252 : char.charCodeAt(0);
}

/**
 * Repairs UTF-8 text that was decoded as Latin-1 or Windows-1252 on the way (`donâ€™t`, `donât`
 * → `don’t`, `CafÃ©` → `Café`). Only sequences that form valid UTF-8 are replaced, so correct
 * text (`Ä`, `ü`, `©`) is left alone.
 */
export function repairMojibake(text: string): string {
  if (!/[\u00c2-\u00f4]/.test(text)) return text;
  return text.replace(MOJIBAKE, (sequence) => {
    const bytes = Buffer.from([...sequence].map(byteOf));
    const lead = bytes[0] ?? 0;
    const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (bytes.length < length) return sequence;
    const decoded = bytes.subarray(0, length).toString('utf8');
    if (decoded.includes('\ufffd') || [...decoded].length !== 1) return sequence;
    return decoded + sequence.slice(length);
  });
}

/** Decoded, whitespace collapsed, trimmed; tags stripped (titles are text, not markup). */
export function cleanText(value: string | null | undefined): string {
  if (!value) return '';
  return repairMojibake(decodeHTML(value.replace(/<[^>]*>/g, ' ')))
    .replace(/\s+/g, ' ')
    .trim();
}

/** A location as text: cleaned, without the stray commas and separators some boards leave at its ends. */
export function cleanLocation(value: string | null | undefined): string {
  return cleanText(value)
    .replace(/^[\s,;/|·-]+|[\s,;/|·-]+$/g, '')
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

const EMPLOYMENT: [RegExp, PostingEmploymentType][] = [
  [/intern|trainee|werkstudent|working student|apprentice|praktikum|ausbildung|stage|alternance/, 'internship'],
  [/part.?time|teilzeit|mini.?job|temps partiel/, 'part_time'],
  [/contract|freelance|contractor|consult|cdd|befristet/, 'contract'],
  [/temp|fixed.?term|seasonal|interim/, 'temporary'],
  [/full.?time|permanent|vollzeit|regular|festanstellung|unbefristet|cdi|temps plein/, 'full_time'],
  // Employment types outside the five: a board's own "other", volunteering.
  [/^other$|volunteer|ehrenamt|bénévol/, 'other'],
];

/**
 * Board vocabularies (FullTime, full_time, "Full-time", "Vollzeit", "Fixed Term", …) to one set.
 * A value that names no employment type (seniority such as "Berufserfahren" or "Mid-level")
 * is null: not known, rather than `other`, which only a board's own "other" becomes.
 */
export function normalizeEmploymentType(value: string | null | undefined): PostingEmploymentType | null {
  if (!value) return null;
  const v = value.toLowerCase().trim();
  if (!v) return null;
  for (const [pattern, type] of EMPLOYMENT) if (pattern.test(v)) return type;
  return null;
}

/** The first of several values (a board's tag list) that names an employment type. */
export function firstEmploymentType(values: readonly (string | null | undefined)[] | null | undefined): string | null {
  return (values ?? []).find((value) => normalizeEmploymentType(value) !== null) ?? null;
}

const REMOTE = /\b(remote|anywhere|work from home|wfh|distributed|fully remote|homeoffice|home office|télétravail)\b/i;
const NOT_REMOTE = /\b(not remote|no remote|non-remote|on.?site only)\b/i;
const HYBRID = /\b(hybrid|hybride|teilweise remote|partly remote|partially remote)\b/i;
const ONSITE = /\b(on.?site|in.?office|office.?based|in.?store|in.?person|vor ort|présentiel)\b/i;

export function looksRemote(...values: (string | null | undefined)[]): boolean {
  return values.some((value) => !!value && REMOTE.test(value) && !NOT_REMOTE.test(value));
}

/**
 * A board's free-text workplace statement ("Hybrid", "Remote", "On-site", "Remote - US",
 * "Location Type: In office") as a work arrangement; null when it says none of them.
 */
export function workArrangementFrom(value: string | null | undefined): WorkArrangement | null {
  if (!value) return null;
  if (HYBRID.test(value)) return 'hybrid';
  if (NOT_REMOTE.test(value) || ONSITE.test(value)) return 'onsite';
  if (REMOTE.test(value)) return 'remote';
  return null;
}

/** The region of a remote location ("Remote - Europe" → "Europe", "Remote (EU)" → "EU"); null for just "Remote". */
export function remoteRegionOf(location: string | null | undefined): string | null {
  const rest = cleanLocation((location ?? '').replace(/\b(fully remote|remote|anywhere|work from home)\b/gi, ' ').replace(/[()]/g, ' '));
  return rest || null;
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

/** Every location once, in the board's order, cleaned; empty ones dropped. */
function allLocations(raw: RawPosting): string[] {
  const listed = (raw.locations ?? []).filter((value) => cleanLocation(value));
  const seen = new Map<string, string>();
  for (const value of listed.length > 0 ? listed : [raw.location]) {
    const location = cleanLocation(value);
    if (location && !seen.has(location.toLowerCase())) seen.set(location.toLowerCase(), location.slice(0, 300));
  }
  return [...seen.values()].slice(0, 50);
}

/**
 * The board's own statement first (workplaceType, location-type metadata, a remote flag);
 * the text of the title and locations only when it has none.
 */
function arrangementOf(raw: RawPosting, title: string, locations: readonly string[]): WorkArrangement {
  if (raw.workArrangement && raw.workArrangement !== 'unknown') return raw.workArrangement;
  const stated = workArrangementFrom([title, ...locations].join(' · '));
  if (raw.remote === true) return stated === 'hybrid' ? 'hybrid' : 'remote';
  if (stated) return stated;
  return raw.remote === false ? 'onsite' : 'unknown';
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
  const locations = allLocations(raw);
  const location = cleanLocation(raw.location).slice(0, 300) || locations[0] || null;
  const workArrangement = arrangementOf(raw, title, location ? [location, ...locations] : locations);
  const remoteRegion = workArrangement === 'remote' ? cleanLocation(raw.remoteRegion) || remoteRegionOf(location) : null;
  const markup = raw.descriptionHtml ? repairMojibake(descriptionMarkup(raw.descriptionHtml)) : null;
  const descriptionHtml = markup ? sanitizeDescription(markup) || null : null;
  const description = descriptionHtml ? htmlToText(descriptionHtml) : repairMojibake(raw.descriptionText ?? '').replace(/\r\n/g, '\n').trim();
  let salaryMin = salaryNumber(raw.salaryMin);
  let salaryMax = salaryNumber(raw.salaryMax);
  if (salaryMin !== null && salaryMax !== null && salaryMin > salaryMax) [salaryMin, salaryMax] = [salaryMax, salaryMin];
  const hasSalary = salaryMin !== null || salaryMax !== null;
  return {
    sourceId: sourceId.slice(0, 200),
    url,
    title: title.slice(0, 300),
    company: company.slice(0, 200),
    location,
    locations,
    workArrangement,
    remoteRegion: remoteRegion?.slice(0, 200) ?? null,
    remote: workArrangement === 'remote',
    department: cleanText(raw.department).slice(0, 200) || null,
    team: cleanText(raw.team).slice(0, 200) || null,
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
