import { companyKey, foldName, type DismissReason } from '@jobping/contracts';
import { DISMISSED_DESCRIPTION_CHARS, type Job, type ParsedDismissedJob } from '../../inputs';

// The local scorer's memory of "not interested": a job much like one the user dismissed loses
// points for the user's reason. Cheap set similarity over words, no model: a posting re-listed
// (same title and text, maybe under a recruiter's name) or the same role at the same company.

/** Titles at one company this alike (word Jaccard) are the same role: "Senior Backend Engineer" and "Backend Engineer". */
export const SAME_ROLE_TITLE_SIMILARITY = 0.6;
/** Title and description this alike (Jaccard of three-word shingles), with titles at least SAME_POSTING_TITLE_SIMILARITY alike, are the same posting again. */
export const SAME_POSTING_SIMILARITY = 0.7;
export const SAME_POSTING_TITLE_SIMILARITY = 0.5;

export type NearDismissalKind = 'same-posting' | 'same-role' | 'same-company';

export interface NearDismissal {
  dismissal: ParsedDismissedJob;
  kind: NearDismissalKind;
  /** 0–1, of the comparison that decided. */
  similarity: number;
}

/** Words without accents and case ("C++", "node.js" stay words). */
function words(text: string): string[] {
  return foldName(text).match(/[\p{L}\p{N}][\p{L}\p{N}+#.]*/gu) ?? [];
}

export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 || b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared++;
  return shared / (a.size + b.size - shared);
}

/** Three-word shingles of the title and the start of the description (as much as the matcher loads of a dismissed job). */
function shingles(title: string, description: string | null): Set<string> {
  const list = words(`${title}\n${(description ?? '').slice(0, DISMISSED_DESCRIPTION_CHARS)}`);
  const out = new Set<string>();
  for (let i = 0; i + 2 < list.length; i++) out.add(`${list[i]} ${list[i + 1]} ${list[i + 2]}`);
  return out;
}

/**
 * Whether a dismissal with this reason still speaks against a look-alike. "Expired" does not:
 * the look-alike is most likely the live posting. "Location" only when the place is the same
 * too (the same role elsewhere may be exactly what the user wanted).
 */
function reasonApplies(reason: DismissReason, job: Job, dismissal: ParsedDismissedJob): boolean {
  if (reason === 'expired') return false;
  if (reason === 'location') return foldName(job.location ?? '').trim() === foldName(dismissal.location ?? '').trim();
  return true;
}

const STRENGTH: Record<NearDismissalKind, number> = { 'same-posting': 3, 'same-role': 2, 'same-company': 1 };

/**
 * The dismissed job this one is most like, or null when none is near enough. Same posting:
 * alike titles and title-and-description shingles ≥ SAME_POSTING_SIMILARITY, whatever the company; same role:
 * the same company (companyKey) and title words ≥ SAME_ROLE_TITLE_SIMILARITY; same company:
 * dismissed for the company itself, any role there.
 */
export function nearestDismissal(job: Job, dismissals: readonly ParsedDismissedJob[]): NearDismissal | null {
  if (dismissals.length === 0) return null;
  const titleWords = new Set(words(job.title));
  const company = companyKey(job.company);
  let jobShingles: Set<string> | null = null;
  let best: NearDismissal | null = null;
  const consider = (candidate: NearDismissal) => {
    if (!reasonApplies(candidate.dismissal.reason, job, candidate.dismissal)) return;
    if (!best || STRENGTH[candidate.kind] > STRENGTH[best.kind] || (candidate.kind === best.kind && candidate.similarity > best.similarity)) best = candidate;
  };
  for (const dismissal of dismissals) {
    const title = jaccard(titleWords, new Set(words(dismissal.title)));
    // A company's long "about us" makes its postings' texts alike: the titles must be alike too.
    if (title >= SAME_POSTING_TITLE_SIMILARITY) {
      jobShingles ??= shingles(job.title, job.description);
      const posting = jaccard(jobShingles, shingles(dismissal.title, dismissal.description));
      if (posting >= SAME_POSTING_SIMILARITY) {
        consider({ dismissal, kind: 'same-posting', similarity: posting });
        continue;
      }
    }
    if (companyKey(dismissal.company) !== company) continue;
    if (title >= SAME_ROLE_TITLE_SIMILARITY) consider({ dismissal, kind: 'same-role', similarity: title });
    else if (dismissal.reason === 'company') consider({ dismissal, kind: 'same-company', similarity: title });
  }
  return best;
}

const REASON_WORDS: Record<DismissReason, string> = {
  seniority: 'seniority',
  location: 'location',
  salary: 'salary',
  company: 'the company',
  role: 'the role',
  already_applied: 'already applied',
  expired: 'expired',
  other: 'other',
};

/** "salary", or the user's own words for `other`. */
export function reasonWords(dismissal: ParsedDismissedJob): string {
  const note = dismissal.note?.trim();
  return dismissal.reason === 'other' && note ? note : REASON_WORDS[dismissal.reason];
}
