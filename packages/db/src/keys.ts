// Normalised keys that decide identity: one company row per real company, one job row per
// real posting across boards. The scraper and the seed must agree, so they live here.

const LEGAL_SUFFIXES = /\b(inc|llc|ltd|limited|gmbh|ag|bv|b\.v|sas|sa|srl|plc|co|corp|corporation|oy|ab|as|aps)\b\.?/g;

function fold(value: string): string {
  return value
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** `Ledgerly GmbH` and `ledgerly` are the same company. */
export function companyKey(name: string): string {
  const key = fold(name)
    .replace(/&/g, ' and ')
    .replace(LEGAL_SUFFIXES, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/\s+/g, '-');
  return key || fold(name).trim();
}

/**
 * The keys of the companies a user excludes, once each: stored with the names (users.
 * excluded_company_keys) so fan-out compares keys with companies.normalized_name and never
 * derives one in SQL. "Smith & Sons" and "Smith and Sons GmbH" are one key.
 */
export function companyKeys(names: readonly string[]): string[] {
  return [...new Set(names.map(companyKey))];
}

/** Company + title + location, each folded, so one posting cross-listed on two boards is one job. */
export function jobDedupeKey(posting: { company: string; title: string; location?: string | null }): string {
  const part = (value: string) =>
    fold(value)
      .replace(/[^a-z0-9]+/g, ' ')
      .trim()
      .replace(/\s+/g, '-');
  return [companyKey(posting.company), part(posting.title), part(posting.location ?? '')].join('|');
}
