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
> & { SCRAPE_FIXTURE_SOURCES?: boolean; SCRAPE_CHROMIUM_SANDBOX?: boolean };

/** Every source type the scraper knows, keyed by `job_sources.type`. */
export function createAdapterRegistry(config: RegistryConfig, fixtureRoot: string = APP_ROOT): AdapterRegistry {
  const adapters: SourceAdapter[] = [
    greenhouseAdapter(config.GREENHOUSE_API_BASE),
    leverAdapter(config.LEVER_API_BASE),
    ashbyAdapter(config.ASHBY_API_BASE),
    remotiveAdapter(config.REMOTIVE_API_BASE),
    remoteOkAdapter(config.REMOTEOK_API_BASE),
    arbeitnowAdapter(config.ARBEITNOW_API_BASE),
    linkedInAdapter({
      baseUrl: config.LINKEDIN_BASE_URL,
      chromiumPath: config.PLAYWRIGHT_CHROMIUM_PATH,
      detailLimit: config.LINKEDIN_DETAIL_LIMIT,
      // Absent (tests that build the registry by hand): on, as the schema's default.
      sandbox: config.SCRAPE_CHROMIUM_SANDBOX !== false,
      userAgent: config.SCRAPE_USER_AGENT,
    }),
  ];
  // Fixture sources read local files and any URL: for the demo and tests, off in production.
  if (config.SCRAPE_FIXTURE_SOURCES !== false) adapters.push(fixtureAdapter(fixtureRoot));
  return new Map(adapters.map((adapter) => [adapter.type, adapter]));
}
