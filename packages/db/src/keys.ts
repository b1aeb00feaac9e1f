// Normalised keys that decide identity: one company row per real company, one job row per
// real posting across boards. The scraper and the seed must agree, so they live here.

import { companyKey, foldName as fold } from '@jobping/contracts';

// companyKey lives in @jobping/contracts (the local scorer compares companies by it too).
export { companyKey };

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
