import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { jobSourceTypes } from '@jobping/contracts';
import { createTestEnv, readJobAnalysis, type TestEnv } from './db-helpers';
import { testRedisUrl } from './helpers';

let env: TestEnv;
const demoBoard = 'fixtures/demo-board.json';

beforeAll(async () => {
  env = await createTestEnv('scraper_cli');
});
afterAll(() => env.close());

async function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return cliWith({ SCRAPE_FIXTURE_SOURCES: 'true' }, ...args);
}

async function cliWith(extraEnv: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli.ts', ...args], {
      cwd: path.resolve(__dirname, '..'),
      env: {
        PATH: process.env.PATH,
        LOG_LEVEL: 'error',
        DATABASE_URL: env.db.url,
        REDIS_URL: testRedisUrl(),
        STREAM_KEY_PREFIX: env.keyPrefix,
        ...extraEnv,
      },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('jobping-scraper CLI', () => {
  it('names the source types of the contract in its usage', async () => {
    const help = await cli('--help');
    expect(help.code).toBe(0);
    for (const type of jobSourceTypes) expect(help.stderr).toContain(type);
  });

  it('manages sources: seed, add, list, enable, disable, remove', async () => {
    const seed = path.join(env.dir, 'seed.json');
    writeFileSync(
      seed,
      JSON.stringify({ sources: [{ type: 'fixture', identifier: demoBoard }, { type: 'lever', identifier: 'palantir', enabled: false }] }),
    );
    expect((await cli('sources', 'seed', seed)).stdout).toContain('added 2 source(s)');

    const added = await cli('sources', 'add', 'greenhouse', 'acme', '--terms', 'backend, go', '--location', 'Berlin', '--disabled');
    expect(added.code).toBe(0);
    expect(added.stdout).toMatch(/disabled\s+greenhouse:acme\s+terms=backend,go\s+location=Berlin/);
    expect((await cli('sources', 'enable', 'greenhouse:acme')).stdout).toMatch(/enabled\s+greenhouse:acme/);
    const row = await env.prisma.jobSource.findFirstOrThrow({ where: { type: 'lever' } });
    expect((await cli('sources', 'disable', row.id)).stdout).toMatch(/disabled\s+lever:palantir/);

    const list = (await cli('sources', 'list')).stdout.trim().split('\n');
    expect(list).toHaveLength(3);
    expect(list.some((line) => /enabled\s+fixture:/.test(line))).toBe(true);

    expect((await cli('sources', 'remove', 'greenhouse:acme')).stdout).toContain('removed greenhouse:acme');
    expect(await env.prisma.jobSource.count()).toBe(2);

    const unknown = await cli('sources', 'add', 'icims', 'acme');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('type must be one of greenhouse, lever');
    expect((await cli('sources', 'enable', 'greenhouse:nope')).code).toBe(1);
    // The same per-type identifier rules as jobs-api's admin routes (@jobping/contracts).
    for (const [type, identifier] of [['greenhouse', '../../admin'], ['lever', 'acme/postings'], ['greenhouse', 'a'.repeat(101)], ['fixture', '/etc/passwd']] as const) {
      const bad = await cli('sources', 'add', type, identifier);
      expect({ type, identifier, code: bad.code }).toEqual({ type, identifier, code: 1 });
      expect(bad.stderr).toContain('identifier');
    }
    const badSeed = path.join(env.dir, 'bad-seed.json');
    writeFileSync(badSeed, JSON.stringify({ sources: [{ type: 'remotive', identifier: 'Software Dev' }] }));
    const refusedSeed = await cli('sources', 'seed', badSeed);
    expect(refusedSeed.code).toBe(1);
    expect(refusedSeed.stderr).toContain('sources.0.identifier');
    // Without SCRAPE_FIXTURE_SOURCES=true the fixture type does not exist.
    const off = await cliWith({}, 'sources', 'add', 'fixture', 'fixtures/other.json');
    expect(off.code).toBe(1);
    expect(off.stderr).toContain('SCRAPE_FIXTURE_SOURCES');
    expect((await cli('frobnicate')).code).toBe(2);
    // Seeding again adds nothing and leaves the admins' changes alone.
    expect((await cli('sources', 'seed', seed)).stdout).toContain('added 0 source(s)');
    expect((await env.prisma.jobSource.findFirstOrThrow({ where: { type: 'lever' } })).enabled).toBe(false);
  }, 180_000);

  it('runs one scrape now for the named source', async () => {
    const result = await cli('run', '--source', `fixture:${demoBoard}`);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^run [0-9a-f-]{36}: succeeded, 8 found, 8 new, 8 published/);
    expect(result.stdout).toContain(`fixture:${demoBoard}: 8 found, 8 new, 0 duplicates`);
    const run = await env.prisma.scrapeRun.findFirstOrThrow({ where: { trigger: 'cli' } });
    expect(run).toMatchObject({ status: 'succeeded', sourcesTotal: 1, jobsNew: 8 });
    expect(await readJobAnalysis(env.redis, env.keyPrefix)).toHaveLength(8);
  }, 120_000);
});
