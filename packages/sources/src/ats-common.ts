import { findPayInText, type WorkArrangement } from '@jobping/contracts';
import { z } from 'zod';
import { htmlToText, sanitizeDescription, toPosting, workArrangementFrom, type NormalizedPosting, type RawPosting } from './posting';

/** The placeholder of a per-company base URL: the company's subdomain (or Workday host). */
export const BOARD_PLACEHOLDER = '{board}';

/**
 * A base URL setting of an ATS that serves each company on its own subdomain
 * (`https://{board}.recruitee.com`): tests and staging point it at a loopback server with the
 * board in the path instead (`http://127.0.0.1:4010/recruitee/{board}`).
 */
export const boardUrlTemplate = (fallback: string, what: string) =>
  z
    .string()
    .default(fallback)
    .refine((value) => value.includes(BOARD_PLACEHOLDER), { error: `must contain ${BOARD_PLACEHOLDER}, where the company's board goes` })
    .refine((value) => z.url({ protocol: /^https?$/ }).safeParse(value.replaceAll(BOARD_PLACEHOLDER, 'board')).success, {
      error: 'not an http(s) URL once {board} is filled in',
    })
    .describe(`base URL of ${what}, ${BOARD_PLACEHOLDER} standing for the company's board (default ${fallback})`);

/** The template filled in: the board is one DNS label (or Workday's `tenant.wdN`), checked by the source schema. */
export function boardBase(template: string, board: string): string {
  return template.replaceAll(BOARD_PLACEHOLDER, board.toLowerCase());
}

/** What the ATS adapters know of a posting: every location, and the board's own work arrangement (null: it says none). */
export interface AtsPosting extends Omit<RawPosting, 'location' | 'remote' | 'locations' | 'workArrangement'> {
  /** Every location the posting names, most important first. */
  locations: (string | null | undefined)[];
  arrangement: WorkArrangement | null;
}

/** "Berlin", "Berlin, Germany", null … → one readable place, empty parts and repeats dropped. */
export function place(...parts: (string | null | undefined)[]): string | null {
  const kept = distinctLocations(parts);
  return kept.length ? kept.join(', ') : null;
}

/** Distinct non-empty locations in their order. */
export function distinctLocations(locations: readonly (string | null | undefined)[]): string[] {
  const seen = new Set<string>();
  const kept: string[] = [];
  for (const location of locations) {
    const value = location?.trim();
    if (!value || seen.has(value.toLowerCase())) continue;
    seen.add(value.toLowerCase());
    kept.push(value);
  }
  return kept;
}

/**
 * A board's workplace field as an arrangement: the coded values some boards use (Teamtailor's
 * remoteStatus none / temporarily / fully, JOIN's ONSITE) first, then the common reading of
 * free text ("Fully Remote", "Hybrid", "On-site"); null when it says none of them.
 */
export function arrangementFromText(value: string | null | undefined): WorkArrangement | null {
  const coded = value?.toLowerCase().replace(/[\s_-]+/g, '') ?? '';
  if (coded === 'fully' || coded === 'temporarily') return 'remote';
  if (coded === 'none' || coded === 'onsite') return 'onsite';
  return workArrangementFrom(value);
}

/** Pay stated in the description, for boards without a structured salary field. */
function payFromDescription(posting: AtsPosting) {
  if ((posting.salaryMin ?? null) !== null || (posting.salaryMax ?? null) !== null) return {};
  const text = posting.descriptionHtml ? htmlToText(sanitizeDescription(posting.descriptionHtml)) : posting.descriptionText;
  const pay = findPayInText(text);
  return pay ? { salaryMin: pay.min, salaryMax: pay.max, salaryCurrency: pay.currency, salaryPeriod: pay.period } : {};
}

/**
 * The common normalisation of one ATS posting (sanitised description, canonical URL, …): the
 * structured salary first, else the pay its description states.
 */
export function atsPosting(posting: AtsPosting): NormalizedPosting | null {
  const { locations, arrangement, ...rest } = posting;
  return toPosting({ ...rest, ...payFromDescription(posting), locations: distinctLocations(locations), workArrangement: arrangement });
}
