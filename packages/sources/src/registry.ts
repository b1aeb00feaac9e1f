import { jobSourceTypes, type JobSourceType } from '@jobping/contracts';
import { arbeitnowAdapter } from './arbeitnow';
import { createBoardAdapters, type BoardApiBases } from './board-settings';
import { fixtureAdapter } from './fixture';
import { linkedInAdapter } from './linkedin';
import { remoteOkAdapter } from './remoteok';
import { remotiveAdapter } from './remotive';
import type { SourceAdapter } from './types';

export type AdapterRegistry = ReadonlyMap<string, SourceAdapter>;

/**
 * Where each board lives and how the browser sources run, named as the scraper's environment
 * variables (its validated config satisfies this type as it is). Base URLs are settings so
 * tests and staging point them at a loopback server or a mirror.
 */
export interface RegistryConfig extends BoardApiBases {
  REMOTIVE_API_BASE: string;
  REMOTEOK_API_BASE: string;
  ARBEITNOW_API_BASE: string;
  LINKEDIN_BASE_URL: string;
  LINKEDIN_DETAIL_LIMIT: number;
  PLAYWRIGHT_CHROMIUM_PATH: string;
  SCRAPE_USER_AGENT: string;
  SCRAPE_FIXTURE_SOURCES: boolean;
  SCRAPE_CHROMIUM_SANDBOX?: boolean;
}

/** Why a `fixture` source cannot be added or run here. */
export const FIXTURE_SOURCES_OFF = 'fixture sources are off: they need SCRAPE_FIXTURE_SOURCES=true (the demo and tests only; never in production)';

/**
 * Every source type the scraper runs here, keyed by `job_sources.type`; `fixture` only when
 * allowed. One adapter per type of the contract (jobSourceTypes in @jobping/contracts): a type
 * added there does not compile until it has an adapter here. Fixture files are read from
 * `<fixtureRoot>/fixtures` (the scraper passes its package folder).
 */
export function createAdapterRegistry(config: RegistryConfig, fixtureRoot: string): AdapterRegistry {
  const adapters: Readonly<Record<JobSourceType, SourceAdapter>> = {
    ...createBoardAdapters(config),
    remotive: remotiveAdapter(config.REMOTIVE_API_BASE),
    remoteok: remoteOkAdapter(config.REMOTEOK_API_BASE),
    arbeitnow: arbeitnowAdapter(config.ARBEITNOW_API_BASE),
    linkedin: linkedInAdapter({
      baseUrl: config.LINKEDIN_BASE_URL,
      chromiumPath: config.PLAYWRIGHT_CHROMIUM_PATH,
      detailLimit: config.LINKEDIN_DETAIL_LIMIT,
      // Absent (tests that build the registry by hand): on, as the schema's default.
      sandbox: config.SCRAPE_CHROMIUM_SANDBOX !== false,
      userAgent: config.SCRAPE_USER_AGENT,
    }),
    // Fixture sources read local files and any URL: for the demo and tests only.
    fixture: fixtureAdapter(fixtureRoot),
  };
  const allowed = jobSourceTypes.filter((type) => type !== 'fixture' || config.SCRAPE_FIXTURE_SOURCES);
  return new Map(allowed.map((type) => [type, adapters[type]]));
}
