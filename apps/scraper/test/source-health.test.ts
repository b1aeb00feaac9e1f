import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createJobPublisher } from '../src/services/job-publisher';
import { createScrapeRunner } from '../src/services/scrape-runner';
import { pauseReason } from '../src/services/source-health';
import { createAdapterRegistry } from '@jobping/sources';
import { registryConfigAt } from '@jobping/sources/testing';
import { createTestEnv, type TestEnv } from './db-helpers';
import { fixture, logger, sendJson, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

let env: TestEnv;
let server: LoopbackServer;
/** What the loopback Lever site `flaky` answers: a status per run. */
let flaky = 500;
const http = testHttpClient({ maxRetries: 0 });

beforeAll(async () => {
  env = await createTestEnv('scraper_health');
  server = await startLoopback((_req, res, url) => {
    if (url.pathname === '/v0/postings/ledger-labs') return sendJson(res, 200, fixture('lever-postings.json'));
    if (url.pathname === '/v0/postings/flaky') return sendJson(res, flaky, flaky === 200 ? [] : { error: 'nope' });
    // Every other board: moved away.
    return sendJson(res, 404, { ok: false, error: 'Document not found' });
  });
});
afterAll(async () => {
  await http.close();
  await server.close();
  await env.close();
});

function runner() {
  const base = server.url;
  return createScrapeRunner({
    prisma: env.prisma,
    adapters: createAdapterRegistry(registryConfigAt(base), env.dir),
    http,
    publisher: createJobPublisher({ redis: env.redis, keyPrefix: env.keyPrefix }),
    logger,
    settings: { windowHours: 1, backfillLimit: 100, sourceConcurrency: 2, sourceTimeoutMs: 10_000, pause: { afterNotFound: 3, afterFailures: 4 } },
  });
}

async function scheduledRun() {
  const r = runner();
  return r.executeRun(await r.createRun('schedule'));
}

describe('source health', () => {
  it('pauses a source whose board answers 404 three runs in a row, with the reason, and leaves it out afterwards', async () => {
    const moved = await env.prisma.jobSource.create({ data: { type: 'lever', identifier: 'moved-away' } });
    const healthy = await env.prisma.jobSource.create({ data: { type: 'lever', identifier: 'ledger-labs' } });

    const first = await scheduledRun();
    expect(first.sourceStats['lever:ledger-labs']).toMatchObject({ seen: 2, errors: [] });
    expect(first.sourceStats['lever:moved-away']?.errors[0]).toContain('404');
    await scheduledRun();
    let row = await env.prisma.jobSource.findUniqueOrThrow({ where: { id: moved.id } });
    expect(row).toMatchObject({ consecutiveFailures: 2, consecutiveNotFound: 2, pausedAt: null, pauseReason: null });

    const third = await scheduledRun();
    row = await env.prisma.jobSource.findUniqueOrThrow({ where: { id: moved.id } });
    expect(row.pausedAt).toBeInstanceOf(Date);
    expect(row.pauseReason).toMatch(/^board not found \(HTTP 404\) — the board moved\?/);
    expect(row.enabled).toBe(true);
    expect(third.sourceStats['lever:moved-away']?.paused).toBe(row.pauseReason);

    // The next scheduled run leaves it out; the healthy source keeps its health fields.
    const fourth = await scheduledRun();
    expect(Object.keys(fourth.sourceStats)).toEqual(['lever:ledger-labs']);
    const ok = await env.prisma.jobSource.findUniqueOrThrow({ where: { id: healthy.id } });
    expect(ok).toMatchObject({ lastJobsSeen: 2, consecutiveFailures: 0, pausedAt: null, lastError: null });
    expect(ok.lastSuccessAt).toBeInstanceOf(Date);
    await env.prisma.jobSource.deleteMany({ where: { id: { in: [moved.id, healthy.id] } } });
  });

  it('counts other failures separately (a 5xx breaks the 404 streak) and a success clears the streak', async () => {
    const source = await env.prisma.jobSource.create({ data: { type: 'lever', identifier: 'flaky' } });
    flaky = 500;
    await scheduledRun();
    await scheduledRun();
    let row = await env.prisma.jobSource.findUniqueOrThrow({ where: { id: source.id } });
    expect(row).toMatchObject({ consecutiveFailures: 2, consecutiveNotFound: 0, pausedAt: null });
    flaky = 200;
    await scheduledRun();
    row = await env.prisma.jobSource.findUniqueOrThrow({ where: { id: source.id } });
    expect(row).toMatchObject({ consecutiveFailures: 0, lastJobsSeen: 0, lastError: null });
    flaky = 503;
    for (let i = 0; i < 4; i += 1) await scheduledRun();
    row = await env.prisma.jobSource.findUniqueOrThrow({ where: { id: source.id } });
    expect(row.pauseReason).toMatch(/^failed 4 runs in a row \(last: GET .* answered 503\)/);
    await env.prisma.jobSource.delete({ where: { id: source.id } });
  });

  it('decides pauses by the policy: 404/410 streaks, then any long streak', () => {
    const streak = { consecutiveFailures: 3, consecutiveNotFound: 3, status: 410, error: 'gone' };
    expect(pauseReason(streak)).toMatch(/^board not found \(HTTP 410\)/);
    expect(pauseReason({ ...streak, consecutiveNotFound: 2 })).toBeNull();
    expect(pauseReason({ ...streak, status: 500 })).toBeNull();
    expect(pauseReason({ ...streak, status: 500, consecutiveFailures: 10 })).toMatch(/^failed 10 runs in a row/);
  });
});
