import { formatSalary } from './discord-message';
import type { MatchContent } from './notice';

/** One company's part of a digest: its best matches, and how many more were left out. */
export interface DigestCompany {
  company: string;
  matches: MatchContent[];
  /** Matches of this company beyond the per-company cap ("+N more"). */
  more: number;
}

/** What a digest (or a quiet-hours release) sends: the window's matches, best first. */
export interface DigestContent {
  kind: 'daily' | 'weekly' | 'quiet_hours';
  /** Every match of the window, counting those past the per-company cap. */
  total: number;
  companies: DigestCompany[];
}

export const DIGEST_TITLES: Record<DigestContent['kind'], string> = {
  daily: 'Your daily JobPing digest',
  weekly: 'Your weekly JobPing digest',
  quiet_hours: 'JobPing matches from your quiet hours',
};

/**
 * Groups matches by company, best first: companies in the order of their best match, each with
 * at most `perCompany` matches (highest score first) and the count of the rest. Ties keep the
 * given order, so the same window always renders the same digest.
 */
export function buildDigest(kind: DigestContent['kind'], matches: readonly MatchContent[], perCompany: number): DigestContent {
  const sorted = [...matches].sort((a, b) => b.score - a.score);
  const byCompany = new Map<string, MatchContent[]>();
  for (const match of sorted) {
    const key = match.company.trim().toLowerCase();
    const list = byCompany.get(key);
    if (list) list.push(match);
    else byCompany.set(key, [match]);
  }
  const companies = [...byCompany.values()].map((list) => ({
    company: list[0]?.company ?? '',
    matches: list.slice(0, perCompany),
    more: Math.max(0, list.length - perCompany),
  }));
  return { kind, total: matches.length, companies };
}

/** One line per match: "86/100 Rust Engineer · Vienna · €70,000–€90,000 per year". */
export function digestMatchLine(m: MatchContent): string {
  const where = [m.location, m.remote && !/remote/i.test(m.location ?? '') ? 'Remote' : null].filter(Boolean).join(', ');
  return [`${m.score}/100 ${m.jobTitle}`, where, formatSalary(m)].filter(Boolean).join(' · ');
}

export function digestSummary(d: DigestContent): string {
  return d.total === 1 ? '1 new match' : `${d.total} new matches`;
}

/** Plain text (Telegram, Discord): nothing in it is markup. */
export function digestPlainText(d: DigestContent, maxLength: number): string {
  const parts = [`${DIGEST_TITLES[d.kind]}: ${digestSummary(d)}`];
  for (const c of d.companies) {
    const lines = c.matches.map((m) => `- ${digestMatchLine(m)}\n  ${m.jobUrl}`);
    if (c.more > 0) lines.push(`+${c.more} more`);
    parts.push(`${c.company}\n${lines.join('\n')}`);
  }
  const text = parts.join('\n\n');
  return text.length <= maxLength ? text : `${text.slice(0, maxLength - 2)}\n…`;
}

/** The digest in the generic webhook's JSON (docs/notifications.md). */
export function digestJson(d: DigestContent, matchJson: (m: MatchContent) => unknown) {
  return {
    kind: d.kind,
    total: d.total,
    companies: d.companies.map((c) => ({ company: c.company, more: c.more, matches: c.matches.map(matchJson) })),
  };
}
