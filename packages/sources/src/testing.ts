// Test support for the workspaces that drive the adapters (this package and the scraper):
// the production HTTP client with quick retries, and the recorded board answers in
// test/fixtures. Never imported by production code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createLogger, type Logger } from '@jobping/logger';
import { boardApiBasesAt } from './board-settings';
import { createHttpClient, type HttpClient, type HttpClientOptions } from './http-client';
import type { RegistryConfig } from './registry';

export const testLogger: Logger = createLogger({ service: 'sources-test', level: 'error' });

// One level below the package root both as src/ (jest) and as dist/ (other workspaces).
const FIXTURES = path.resolve(__dirname, '..', 'test', 'fixtures');

/** A recorded board answer from packages/sources/test/fixtures, as text. */
export function boardFixtureText(name: string): string {
  return readFileSync(path.join(FIXTURES, name), 'utf8');
}

/** A recorded JSON board answer from packages/sources/test/fixtures. */
export function boardFixture(name: string): unknown {
  return JSON.parse(boardFixtureText(name));
}

/** The production HTTP client with short back-off so retries stay quick. */
export function testHttpClient(overrides: Partial<HttpClientOptions> = {}): HttpClient {
  return createHttpClient({
    userAgent: 'JobPing-Scraper-Test/1.0',
    timeoutMs: 5_000,
    maxResponseBytes: 5 * 1024 * 1024,
    maxRetries: 3,
    retryBaseMs: 5,
    retryMaxMs: 50,
    hostConcurrency: 2,
    hostIntervalMs: 0,
    logger: testLogger,
    ...overrides,
  });
}

/**
 * The adapter registry's settings with every board at one (loopback) server, LinkedIn's detail
 * pages off and fixture sources off unless `overrides` says otherwise.
 */
export function registryConfigAt(server: string, overrides: Partial<RegistryConfig> = {}): RegistryConfig {
  return {
    ...boardApiBasesAt(server),
    REMOTIVE_API_BASE: server,
    REMOTEOK_API_BASE: server,
    ARBEITNOW_API_BASE: server,
    LINKEDIN_BASE_URL: server,
    LINKEDIN_DETAIL_LIMIT: 0,
    PLAYWRIGHT_CHROMIUM_PATH: '/usr/bin/chromium',
    SCRAPE_USER_AGENT: 'JobPing-Scraper-Test/1.0',
    SCRAPE_FIXTURE_SOURCES: false,
    ...overrides,
  };
}
