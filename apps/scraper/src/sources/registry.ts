import { jobSourceTypes, type JobSourceType } from '@jobping/contracts';
import type { ScraperEnv } from '../config';
import { APP_ROOT } from '../config';
import { arbeitnowAdapter } from './arbeitnow';
import { ashbyAdapter } from './ashby';
import { fixtureAdapter } from './fixture';
import { greenhouseAdapter } from './greenhouse';
import { leverAdapter } from './lever';
import { linkedInAdapter } from './linkedin';
import { remoteOkAdapter } from './remoteok';
import { remotiveAdapter } from './remotive';
import type { SourceAdapter } from './types';

export type AdapterRegistry = ReadonlyMap<string, SourceAdapter>;

type RegistryConfig = Pick<
  ScraperEnv,
  | 'GREENHOUSE_API_BASE'
  | 'LEVER_API_BASE'
  | 'ASHBY_API_BASE'
  | 'REMOTIVE_API_BASE'
  | 'REMOTEOK_API_BASE'
  | 'ARBEITNOW_API_BASE'
  | 'LINKEDIN_BASE_URL'
  | 'LINKEDIN_DETAIL_LIMIT'
  | 'PLAYWRIGHT_CHROMIUM_PATH'
  | 'SCRAPE_USER_AGENT'
  | 'SCRAPE_FIXTURE_SOURCES'
> & { SCRAPE_CHROMIUM_SANDBOX?: boolean };

/** Why a `fixture` source cannot be added or run here. */
export const FIXTURE_SOURCES_OFF = 'fixture sources are off: they need SCRAPE_FIXTURE_SOURCES=true (the demo and tests only; never in production)';

/**
 * Every source type the scraper runs here, keyed by `job_sources.type`; `fixture` only when
 * allowed. One adapter per type of the contract (jobSourceTypes in @jobping/contracts): a type
 * added there does not compile until it has an adapter here.
 */
export function createAdapterRegistry(config: RegistryConfig, fixtureRoot: string = APP_ROOT): AdapterRegistry {
  const adapters: Readonly<Record<JobSourceType, SourceAdapter>> = {
    greenhouse: greenhouseAdapter(config.GREENHOUSE_API_BASE),
    lever: leverAdapter(config.LEVER_API_BASE),
    ashby: ashbyAdapter(config.ASHBY_API_BASE),
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
