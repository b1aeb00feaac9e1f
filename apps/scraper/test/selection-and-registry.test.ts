import { describe, expect, it } from '@jest/globals';
import { loadConfig } from '@jobping/config';
import { jobSourceTypes } from '@jobping/contracts';
import { createAdapterRegistry, toPosting, type SourceAdapter } from '@jobping/sources';
import { APP_ROOT, scraperEnvSchema } from '../src/config';
import { selectPostings } from '../src/services/scrape-runner';

describe('selectPostings (window and limit)', () => {
  const adapter: SourceAdapter = { type: 'fixture', fetch: async () => [] };
  const at = (hoursAgo: number, id: string, title = 'Backend Engineer', location = 'Berlin') =>
    toPosting({ sourceId: id, url: `https://a.example/${id}`, title, company: 'Acme', location, postedAt: new Date(Date.now() - hoursAgo * 3_600_000) })!;

  it('keeps only postings inside the window, newest first, up to the limit', () => {
    const postings = [at(5, 'old'), at(0.5, 'new'), at(0.2, 'newest'), at(30, 'older')];
    const since = new Date(Date.now() - 3_600_000);
    expect(selectPostings(postings, { source: { searchTerms: [], location: null }, adapter, since, limit: 10 }).map((p) => p.sourceId)).toEqual([
      'newest',
      'new',
    ]);
    expect(selectPostings(postings, { source: { searchTerms: [], location: null }, adapter, since: null, limit: 3 }).map((p) => p.sourceId)).toEqual([
      'newest',
      'new',
      'old',
    ]);
  });

  it('applies search terms and location for boards that do not search themselves', () => {
    const postings = [at(1, 'a', 'Backend Engineer', 'Berlin'), at(1, 'b', 'Designer', 'Berlin'), at(1, 'c', 'Backend Engineer', 'Paris'), at(1, 'd', 'Backend Engineer', 'Remote')];
    const picked = selectPostings(postings, { source: { searchTerms: ['backend'], location: 'berlin' }, adapter, since: null, limit: 10 });
    expect(picked.map((p) => p.sourceId).sort()).toEqual(['a', 'd']);
  });
});

describe('adapter registry', () => {
  it('knows every source type; fixture only when SCRAPE_FIXTURE_SOURCES=true', () => {
    const env = { DATABASE_URL: 'postgresql://x@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379/0' };
    const config = loadConfig(scraperEnvSchema, env);
    expect(config.SCRAPE_FIXTURE_SOURCES).toBe(false);
    expect([...createAdapterRegistry(config, APP_ROOT).keys()].sort()).toEqual([...jobSourceTypes].filter((type) => type !== 'fixture').sort());
    expect(config).toMatchObject({ OPS_PORT: 3015, SCRAPE_CRON: '*/30 * * * *', SCRAPE_WINDOW_HOURS: 1, SCRAPE_ON_START: true });
    const demo = loadConfig(scraperEnvSchema, { ...env, SCRAPE_FIXTURE_SOURCES: 'true', GREENHOUSE_API_BASE: 'http://mirror.local/gh' });
    expect(createAdapterRegistry(demo, APP_ROOT).has('fixture')).toBe(true);
    expect(() => loadConfig(scraperEnvSchema, { ...env, LEVER_API_BASE: 'ftp://x' })).toThrow(/LEVER_API_BASE is invalid/);
  });

  it('runs every source type of the contract (@jobping/contracts), and only those', () => {
    const env = { DATABASE_URL: 'postgresql://x@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379/0', SCRAPE_FIXTURE_SOURCES: 'true' };
    const registry = createAdapterRegistry(loadConfig(scraperEnvSchema, env), APP_ROOT);
    expect([...registry.keys()].sort()).toEqual([...jobSourceTypes].sort());
    for (const [type, adapter] of registry) expect(adapter.type).toBe(type);
  });

  it('refuses fixture sources in production at start-up, in one line that names the variable', () => {
    const env = { NODE_ENV: 'production', DATABASE_URL: 'postgresql://x@127.0.0.1/db', REDIS_URL: 'redis://127.0.0.1:6379/0' };
    expect(loadConfig(scraperEnvSchema, { ...env, SCRAPE_FIXTURE_SOURCES: 'false' }).SCRAPE_FIXTURE_SOURCES).toBe(false);
    let message = '';
    try {
      loadConfig(scraperEnvSchema, { ...env, SCRAPE_FIXTURE_SOURCES: 'true' });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/^Invalid configuration: SCRAPE_FIXTURE_SOURCES is invalid \(.*NODE_ENV=production.*\)/);
    expect(message.split('\n')).toHaveLength(1);
  });
});
