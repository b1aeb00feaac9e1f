import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestEnv, readJobAnalysis, type TestEnv } from './db-helpers';
import { eventually, sendJson, startLoopback, testRedisUrl, type LoopbackServer } from './helpers';

let env: TestEnv;
let board: LoopbackServer;
let child: ChildProcess | undefined;
const lines: Record<string, unknown>[] = [];
const appDir = path.resolve(__dirname, '..');

beforeAll(async () => {
  env = await createTestEnv('scraper_main');
  // A Greenhouse board on loopback, answering with the demo postings.
  const demo = JSON.parse(readFileSync(path.join(appDir, 'fixtures', 'demo-board.json'), 'utf8')) as unknown;
  board = await startLoopback((_req, res, url) => (url.pathname === '/v1/boards/demo/jobs' ? sendJson(res, 200, demo) : sendJson(res, 404, {})));
});

afterAll(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await board.close();
  await env.close();
});

const baseEnv = () => ({
  PATH: process.env.PATH,
  NODE_ENV: 'production',
  LOG_LEVEL: 'info',
  DATABASE_URL: env.db.url,
  REDIS_URL: testRedisUrl(),
  OPS_PORT: '0',
  STREAM_KEY_PREFIX: env.keyPrefix,
  BULLMQ_PREFIX: `${env.keyPrefix}bull`,
});

describe('the scraper process (npm start)', () => {
  it('refuses to start in production with fixture sources allowed, in one line', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: appDir,
      env: { ...baseEnv(), SCRAPE_FIXTURE_SOURCES: 'true' },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    const stderr = result.stderr.trim();
    expect(stderr.split('\n')).toHaveLength(1);
    expect(stderr).toContain('SCRAPE_FIXTURE_SOURCES is invalid');
    expect(stderr).toContain('NODE_ENV=production');
  }, 60_000);

  it('seeds its sources (skipping fixture ones, which production refuses), runs them at start, answers the ops endpoints and stops cleanly on SIGTERM', async () => {
    const seed = path.join(env.dir, 'sources.json');
    writeFileSync(
      seed,
      JSON.stringify({
        sources: [
          { type: 'fixture', identifier: 'fixtures/demo-board.json', enabled: true },
          { type: 'greenhouse', identifier: 'demo', enabled: true },
          { type: 'greenhouse', identifier: 'gitlab', enabled: false },
        ],
      }),
    );
    child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      cwd: appDir,
      env: {
        ...baseEnv(),
        GREENHOUSE_API_BASE: board.url,
        SCRAPE_HOST_INTERVAL_MS: '0',
        SCRAPE_SOURCES_FILE: seed,
        SCRAPE_ON_START: 'true',
        SHUTDOWN_TIMEOUT_MS: '5000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let buffer = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      for (const line of parts) {
        try {
          lines.push(JSON.parse(line) as Record<string, unknown>);
        } catch {
          // not a log line
        }
      }
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => void (stderr += chunk.toString()));

    const port = await eventually(async () => {
      if (child?.exitCode !== null) throw new Error(`scraper exited: ${stderr}`);
      return lines.find((l) => l.message === 'ops server listening')?.port as number | undefined;
    }, 300, 100);
    const base = `http://127.0.0.1:${port}`;

    // The start-up run fills the database from the (loopback) board.
    const run = await eventually(async () => {
      const row = await env.prisma.scrapeRun.findFirst({ where: { trigger: 'schedule' } });
      return row && ['succeeded', 'partial', 'failed'].includes(row.status) ? row : null;
    }, 300, 100);
    expect(run).toMatchObject({ status: 'succeeded', sourcesTotal: 1, sourcesDone: 1 });
    expect(run.jobsNew).toBeGreaterThanOrEqual(8);
    expect((await env.prisma.jobSource.findMany()).map((s) => `${s.type}:${s.identifier}`).sort()).toEqual(['greenhouse:demo', 'greenhouse:gitlab']);
    expect(lines.find((l) => l.message === 'seed sources skipped')).toMatchObject({ sources: ['fixture:fixtures/demo-board.json'] });
    expect((await readJobAnalysis(env.redis, env.keyPrefix)).length).toBe(run.jobsNew);

    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { database: 'ok', redis: 'ok' } });
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('scraper_runs_total{trigger="schedule",status="succeeded",service="scraper"} 1');
    expect(metrics).toContain('scraper_postings_total');

    const exited = new Promise<number | null>((resolve) => child?.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(lines.some((l) => l.message === 'shutdown complete')).toBe(true);
  }, 60_000);
});
