import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JOB_TEXT_FACTS_VERSION, jobTextFacts, yearlyTopPay } from '@jobping/contracts';
import { createRedis } from '@jobping/redis';
import { createAdapterRegistry } from '@jobping/sources';
import { registryConfigAt } from '@jobping/sources/testing';
import { createJobPublisher } from '../src/services/job-publisher';
import { createScrapeRunner, type RunnerSettings } from '../src/services/scrape-runner';
import { createTestEnv, readJobAnalysis, writeBoard, type TestEnv } from './db-helpers';
import { fixture, logger, sendJson, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

let env: TestEnv;
let server: LoopbackServer;
/** What the loopback Greenhouse board `northwind` and the Remotive feed list (the trust tests set them). */
const boards: { northwind: unknown[]; remotive: unknown[] } = { northwind: [], remotive: [] };
const http = testHttpClient();
const settings: RunnerSettings = { windowHours: 1, backfillLimit: 100, sourceConcurrency: 4, sourceTimeoutMs: 20_000 };

beforeAll(async () => {
  env = await createTestEnv('scraper_runner');
  server = await startLoopback((_req, res, url) => {
    if (url.pathname === '/v1/boards/ledgerlabs/jobs') return sendJson(res, 200, fixture('greenhouse-jobs.json'));
    if (url.pathname === '/v1/boards/ledgerlabs') return sendJson(res, 200, fixture('greenhouse-board.json'));
    if (url.pathname === '/v0/postings/ledger-labs') return sendJson(res, 200, fixture('lever-postings.json'));
    if (url.pathname.startsWith('/v1/boards/broken')) return sendJson(res, 500, { error: 'upstream exploded' });
    if (url.pathname === '/v1/boards/northwind/jobs') return sendJson(res, 200, { jobs: boards.northwind, meta: { total: boards.northwind.length } });
    if (url.pathname === '/v1/boards/northwind') return sendJson(res, 200, { name: 'Northwind Analytics' });
    if (url.pathname === '/api/remote-jobs') return sendJson(res, 200, { 'job-count': boards.remotive.length, jobs: boards.remotive });
    sendJson(res, 404, {});
  });
});

afterAll(async () => {
  await http.close();
  await server.close();
  await env.close();
});

function runnerWith(redis = env.redis, overrides: Partial<RunnerSettings> = {}, fixtureSources = true) {
  const urls = registryConfigAt(server.url, { SCRAPE_FIXTURE_SOURCES: fixtureSources });
  return createScrapeRunner({
    prisma: env.prisma,
    adapters: createAdapterRegistry(urls, env.dir),
    http,
    publisher: createJobPublisher({ redis, keyPrefix: env.keyPrefix }),
    logger,
    settings: { ...settings, ...overrides },
  });
}

async function addSource(type: string, identifier: string, companyName: string | null = null) {
  return env.prisma.jobSource.create({ data: { type, identifier, companyName } });
}

describe('scrape runs', () => {
  it('stores the same posting from two boards as one job and remembers the other URL', async () => {
    const greenhouse = await addSource('greenhouse', 'ledgerlabs');
    const lever = await addSource('lever', 'ledger-labs');
    const runner = runnerWith();
    const runId = await runner.createRun('manual');
    const summary = await runner.executeRun(runId, { sourceIds: [greenhouse.id, lever.id] });

    expect(summary.status).toBe('succeeded');
    const jobs = await env.prisma.job.findMany({ where: { source: { in: ['greenhouse', 'lever'] } } });
    // 2 Greenhouse + 2 Lever postings, one of them on both boards.
    expect(jobs.map((j) => j.title).sort()).toEqual(['Product Designer', 'Senior Backend Engineer & API Lead', 'iOS Engineer (contract)']);
    const lead = jobs.find((j) => j.title === 'Senior Backend Engineer & API Lead')!;
    expect([lead.url, ...lead.alternateUrls].sort()).toEqual(
      ['https://boards.greenhouse.io/ledgerlabs/jobs/4012345006', 'https://jobs.lever.co/ledgerlabs/5ac21346-8e0c-4494-8e7a-3eb92ff77902'].sort(),
    );
    expect(lead).toMatchObject({ companyName: 'Ledger Labs', remote: true, salaryMin: 90_000, salaryMax: 120_000, salaryCurrency: 'EUR', status: 'new' });
    // Each job stored with its yearly top pay, which the min_salary filters compare (hourly pay too).
    expect(jobs.some((j) => j.salaryPeriod === 'hour')).toBe(true);
    for (const job of jobs) expect({ title: job.title, top: job.salaryTopYearly }).toEqual({ title: job.title, top: yearlyTopPay(job) });
    expect(lead.salaryTopYearly).toBe(120_000);
    // Every location, the work arrangement with its region, department and team are stored.
    expect(lead).toMatchObject({ locations: ['Remote - Europe'], workArrangement: 'remote', remoteRegion: 'Europe' });
    const ios = jobs.find((j) => j.title === 'iOS Engineer (contract)')!;
    expect(ios).toMatchObject({ locations: ['Lisbon, Portugal'], workArrangement: 'onsite', remote: false, department: 'Engineering', team: 'Mobile' });
    // What the text states is read once, as it is stored: the title's seniority ("Senior … & API
    // Lead": the higher of the two levels it names) and, when it says nothing, no sponsorship.
    expect(lead).toMatchObject({ seniority: 'lead', visaSponsorship: 'unknown', jobFactsVersion: JOB_TEXT_FACTS_VERSION });
    for (const job of jobs) {
      const facts = jobTextFacts(job);
      expect({ title: job.title, seniority: job.seniority, languages: job.requiredLanguages }).toEqual({ title: job.title, seniority: facts.seniority, languages: facts.languages });
    }
    const companies = await env.prisma.company.findMany({ where: { normalizedName: 'ledger-labs' } });
    expect(companies).toHaveLength(1);

    const run = await env.prisma.scrapeRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: 'succeeded', trigger: 'manual', sourcesTotal: 2, sourcesDone: 2, jobsFound: 4, jobsNew: 3, error: null });
    expect(run.startedAt).not.toBeNull();
    expect(run.finishedAt).not.toBeNull();
    const stats = run.sourceStats as Record<string, { found: number; new: number; duplicates: number; errors: string[] }>;
    expect(stats['greenhouse:ledgerlabs']).toMatchObject({ found: 2, errors: [] });
    expect(stats['lever:ledger-labs']).toMatchObject({ found: 2, errors: [] });
    expect((stats['greenhouse:ledgerlabs']?.new ?? 0) + (stats['lever:ledger-labs']?.new ?? 0)).toBe(3);
    expect((stats['greenhouse:ledgerlabs']?.duplicates ?? 0) + (stats['lever:ledger-labs']?.duplicates ?? 0)).toBe(1);

    // Each new job handed to job-analysis once, each with its own trace id.
    const published = await readJobAnalysis(env.redis, env.keyPrefix);
    expect(published.map((p) => p.jobId).sort()).toEqual(jobs.map((j) => j.id).sort());
    expect(new Set(published.map((p) => p.traceId)).size).toBe(3);

    // Running again finds the same postings: nothing new, nothing published, URLs not repeated.
    const again = await runner.executeRun(await runner.createRun('manual'), { sourceIds: [greenhouse.id, lever.id] });
    expect(again).toMatchObject({ status: 'succeeded', jobsNew: 0, published: 0 });
    const leadAgain = await env.prisma.job.findUniqueOrThrow({ where: { id: lead.id } });
    expect(leadAgain.alternateUrls).toHaveLength(1);
    expect(await readJobAnalysis(env.redis, env.keyPrefix)).toHaveLength(3);
  });

  it('backfills a source once up to the limit, then takes only postings inside the window on the schedule', async () => {
    writeBoard(env.dir, 'window.json', [
      { id: 1, title: 'Fresh Engineer', company: 'Window Co', location: 'Berlin', hoursAgo: 0.2 },
      { id: 2, title: 'Older Engineer', company: 'Window Co', location: 'Berlin', hoursAgo: 5 },
      { id: 3, title: 'Ancient Engineer', company: 'Window Co', location: 'Berlin', hoursAgo: 72 },
    ]);
    const source = await addSource('fixture', 'fixtures/window.json');
    const runner = runnerWith(env.redis, { backfillLimit: 2 });

    const first = await runner.executeRun(await runner.createRun('schedule'), { sourceIds: [source.id] });
    expect(first.sourceStats['fixture:fixtures/window.json']).toMatchObject({ backfill: true, found: 2, new: 2 });
    const titles = (await env.prisma.job.findMany({ where: { source: 'fixture', companyName: 'Window Co' } })).map((j) => j.title).sort();
    expect(titles).toEqual(['Fresh Engineer', 'Older Engineer']);
    const backfilled = await env.prisma.jobSource.findUniqueOrThrow({ where: { id: source.id } });
    expect(backfilled.backfilledAt).not.toBeNull();
    expect(backfilled.lastSuccessAt).not.toBeNull();

    writeBoard(env.dir, 'window.json', [
      { id: 4, title: 'Newest Engineer', company: 'Window Co', location: 'Berlin', hoursAgo: 0.1 },
      { id: 1, title: 'Fresh Engineer', company: 'Window Co', location: 'Berlin', hoursAgo: 0.2 },
      { id: 5, title: 'Late Listed Engineer', company: 'Window Co', location: 'Berlin', hoursAgo: 4 },
      { id: 3, title: 'Ancient Engineer', company: 'Window Co', location: 'Berlin', hoursAgo: 72 },
    ]);
    const second = await runner.executeRun(await runner.createRun('schedule'), { sourceIds: [source.id] });
    expect(second.sourceStats['fixture:fixtures/window.json']).toMatchObject({ backfill: false, found: 2, new: 1, duplicates: 1 });
    const after = (await env.prisma.job.findMany({ where: { source: 'fixture', companyName: 'Window Co' } })).map((j) => j.title).sort();
    expect(after).toEqual(['Fresh Engineer', 'Newest Engineer', 'Older Engineer']);

    // An on-demand run is not limited to the window.
    const wide = runnerWith(env.redis, { backfillLimit: 10 });
    const manual = await wide.executeRun(await wide.createRun('manual'), { sourceIds: [source.id] });
    expect(manual.sourceStats['fixture:fixtures/window.json']).toMatchObject({ found: 4, new: 2, duplicates: 2 });
  });

  it('records a failing source and completes the others: the run is partial', async () => {
    writeBoard(env.dir, 'healthy.json', [{ id: 10, title: 'Healthy Engineer', company: 'Healthy Co', location: 'Oslo', hoursAgo: 1 }]);
    const healthy = await addSource('fixture', 'fixtures/healthy.json');
    const broken = await addSource('greenhouse', 'broken');
    const unknown = await addSource('icims', 'acme');
    const runner = runnerWith();
    const runId = await runner.createRun('manual');
    const summary = await runner.executeRun(runId, { sourceIds: [healthy.id, broken.id, unknown.id] });

    expect(summary.status).toBe('partial');
    const run = await env.prisma.scrapeRun.findUniqueOrThrow({ where: { id: runId } });
    expect(run).toMatchObject({ status: 'partial', sourcesTotal: 3, sourcesDone: 3, jobsNew: 1 });
    expect(run.error).toContain('2 of 3 sources failed');
    expect(run.error).toContain('greenhouse:broken');
    const stats = run.sourceStats as Record<string, { new: number; errors: string[] }>;
    expect(stats['fixture:fixtures/healthy.json']).toMatchObject({ new: 1, errors: [] });
    expect(stats['greenhouse:broken']?.errors[0]).toContain('500');
    expect(stats['icims:acme']?.errors[0]).toContain('unknown source type');
    const brokenRow = await env.prisma.jobSource.findUniqueOrThrow({ where: { id: broken.id } });
    expect(brokenRow.lastError).toContain('500');
    expect(brokenRow.backfilledAt).toBeNull();
    // The 500 was retried (3 retries) before the source gave up.
    expect(server.requests.filter((r) => r.url.startsWith('/v1/boards/broken/jobs'))).toHaveLength(4);

    const allFailed = await runner.executeRun(await runner.createRun('manual'), { sourceIds: [broken.id] });
    expect(allFailed.status).toBe('failed');
  });

  it('fetches at most SCRAPE_SOURCE_CONCURRENCY sources at once, and every one of them', async () => {
    let active = 0;
    let peak = 0;
    const slow = await startLoopback(async (_req, res, url) => {
      if (!url.pathname.endsWith('/jobs')) return sendJson(res, 200, { name: 'Slow Boards' });
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 30));
      active -= 1;
      sendJson(res, 200, { jobs: [], meta: { total: 0 } });
    });
    // Host politeness out of the way (5 at once allowed), so only the source pool limits.
    const wide = testHttpClient({ hostConcurrency: 5 });
    try {
      const sources = await Promise.all([1, 2, 3, 4, 5].map((i) => addSource('greenhouse', `slowboard${i}`)));
      const runner = createScrapeRunner({
        prisma: env.prisma,
        adapters: createAdapterRegistry(registryConfigAt(slow.url), env.dir),
        http: wide,
        publisher: createJobPublisher({ redis: env.redis, keyPrefix: env.keyPrefix }),
        logger,
        settings: { ...settings, sourceConcurrency: 2 },
      });
      const summary = await runner.executeRun(await runner.createRun('manual'), { sourceIds: sources.map((s) => s.id) });
      expect(summary.status).toBe('succeeded');
      expect(Object.keys(summary.sourceStats).sort()).toEqual([1, 2, 3, 4, 5].map((i) => `greenhouse:slowboard${i}`));
      expect(peak).toBe(2);
    } finally {
      await wide.close();
      await slow.close();
    }
  });

  it('does not fetch a source whose stored identifier breaks its type\'s rules (rows written around jobs-api)', async () => {
    const sneaky = await addSource('greenhouse', '../../v1/boards/ledgerlabs');
    const tooLong = await addSource('lever', 'l'.repeat(101));
    const before = server.requests.length;
    const runner = runnerWith();
    const summary = await runner.executeRun(await runner.createRun('manual'), { sourceIds: [sneaky.id, tooLong.id] });
    expect(summary.status).toBe('failed');
    expect(summary.sourceStats['greenhouse:../../v1/boards/ledgerlabs']?.errors[0]).toMatch(/^invalid source: identifier: /);
    expect(summary.sourceStats[`lever:${'l'.repeat(101)}`]?.errors[0]).toMatch(/^invalid source: identifier: /);
    expect(server.requests.length).toBe(before);
  });

  it('does not read a fixture source while fixture sources are off, and says which setting', async () => {
    const identifier = writeBoard(env.dir, 'off.json', [{ id: 40, title: 'Off Engineer', company: 'Off Co', location: 'Riga', hoursAgo: 1 }]);
    const source = await addSource('fixture', identifier);
    const summary = await runnerWith(env.redis, {}, false).executeRun(await runnerWith().createRun('manual'), { sourceIds: [source.id] });
    expect(summary.status).toBe('failed');
    expect(summary.sourceStats[`fixture:${identifier}`]?.errors[0]).toContain('SCRAPE_FIXTURE_SOURCES=true');
    expect(await env.prisma.job.count({ where: { companyName: 'Off Co' } })).toBe(0);
  });

  it('a run retried after a crash publishes no job twice', async () => {
    writeBoard(env.dir, 'crash.json', [
      { id: 21, title: 'Crash Engineer A', company: 'Crash Co', location: 'Rome', hoursAgo: 1 },
      { id: 22, title: 'Crash Engineer B', company: 'Crash Co', location: 'Rome', hoursAgo: 1 },
      { id: 23, title: 'Crash Engineer C', company: 'Crash Co', location: 'Rome', hoursAgo: 1 },
    ]);
    const source = await addSource('fixture', 'fixtures/crash.json');
    const before = (await readJobAnalysis(env.redis, env.keyPrefix)).length;

    // Attempt 1 stores the jobs, then dies at the hand-off: Redis is unreachable.
    const deadRedis = createRedis('redis://127.0.0.1:1/0', {
      connectionName: 'scraper-test:dead',
      overrides: { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null },
    });
    const crashing = runnerWith(deadRedis);
    const runId = await crashing.createRun('manual');
    await expect(crashing.executeRun(runId, { sourceIds: [source.id] })).rejects.toThrow();
    deadRedis.disconnect();
    expect(await env.prisma.job.count({ where: { companyName: 'Crash Co' } })).toBe(3);
    expect((await env.prisma.scrapeRun.findUniqueOrThrow({ where: { id: runId } })).status).toBe('running');

    // Attempt 2 (the retry): the jobs are already stored, yet each is handed over exactly once.
    const runner = runnerWith();
    const retried = await runner.executeRun(runId, { sourceIds: [source.id] });
    expect(retried).toMatchObject({ status: 'succeeded', published: 3, jobsNew: 0 });

    // Attempt 3: a crash after publishing, before the row was finished, and another retry.
    await env.prisma.scrapeRun.update({ where: { id: runId }, data: { status: 'running', finishedAt: null } });
    const third = await runner.executeRun(runId, { sourceIds: [source.id] });
    expect(third.published).toBe(0);
    // A finished run is not executed again.
    expect((await runner.executeRun(runId)).published).toBe(0);

    const crashJobs = await env.prisma.job.findMany({ where: { companyName: 'Crash Co' }, select: { id: true } });
    const published = (await readJobAnalysis(env.redis, env.keyPrefix)).slice(before).map((p) => p.jobId);
    expect(published.sort()).toEqual(crashJobs.map((j) => j.id).sort());
  });
});

/** One real posting as Northwind's own Greenhouse board lists it. */
function onCompanyBoard(id: number, title: string) {
  return {
    id,
    title,
    company_name: 'Northwind Analytics',
    location: { name: 'Remote (EU)' },
    absolute_url: `https://boards.greenhouse.io/northwind/jobs/${id}`,
    first_published: new Date(Date.now() - 3_600_000).toISOString(),
    content: '&lt;p&gt;Northwind Analytics builds forecasting tools for retailers. You will own our ingestion services in TypeScript.&lt;/p&gt;',
  };
}

/** The same posting as someone else put it on an open aggregator: their link, their text. */
function onAggregator(id: number, title: string) {
  return {
    id,
    url: `https://remotive.com/remote-jobs/software-dev/northwind-${id}`,
    title,
    company_name: 'Northwind Analytics',
    candidate_required_location: 'Remote (EU)',
    publication_date: new Date(Date.now() - 7_200_000).toISOString(),
    salary: '$250k - $300k',
    description: '<p>Apply now through our partner portal and pay the onboarding fee to secure your interview.</p>',
  };
}

describe('trust between boards (an open board cannot hijack a job)', () => {
  async function run(...sourceIds: string[]) {
    const runner = runnerWith();
    return runner.executeRun(await runner.createRun('manual'), { sourceIds });
  }
  const jobTitled = (title: string) => env.prisma.job.findFirstOrThrow({ where: { companyName: 'Northwind Analytics', title } });

  it('an aggregator copy first, then the company board: the board\'s URL, text and details take over the same job', async () => {
    const greenhouse = await addSource('greenhouse', 'northwind');
    const remotive = await addSource('remotive', 'software-dev');
    boards.remotive = [onAggregator(9001, 'Senior Data Engineer')];
    boards.northwind = [];
    await run(remotive.id);
    const hijacked = await jobTitled('Senior Data Engineer');
    expect(hijacked).toMatchObject({ source: 'remotive', url: 'https://remotive.com/remote-jobs/software-dev/northwind-9001', salaryTopYearly: 300_000 });
    const published = (await readJobAnalysis(env.redis, env.keyPrefix)).filter((p) => p.jobId === hijacked.id);
    expect(published).toHaveLength(1);

    boards.northwind = [onCompanyBoard(7001, 'Senior Data Engineer')];
    const summary = await run(greenhouse.id);
    expect(summary).toMatchObject({ status: 'succeeded', jobsNew: 0 });
    const taken = await env.prisma.job.findUniqueOrThrow({ where: { id: hijacked.id } });
    expect(taken).toMatchObject({
      source: 'greenhouse',
      sourceId: '7001',
      url: 'https://boards.greenhouse.io/northwind/jobs/7001',
      alternateUrls: ['https://remotive.com/remote-jobs/software-dev/northwind-9001'],
      salaryMin: null,
      salaryMax: null,
      salaryTopYearly: null,
    });
    expect(taken.description).toContain('forecasting tools for retailers');
    expect(taken.description).not.toContain('onboarding fee');
    expect(taken.descriptionHtml).not.toContain('partner portal');
    expect(await env.prisma.job.count({ where: { companyName: 'Northwind Analytics', title: 'Senior Data Engineer' } })).toBe(1);

    // The aggregator again, and both together: the company's copy stays; nothing is published twice.
    await run(remotive.id);
    await run(remotive.id, greenhouse.id);
    expect(await env.prisma.job.findUniqueOrThrow({ where: { id: hijacked.id } })).toMatchObject({
      source: 'greenhouse',
      url: 'https://boards.greenhouse.io/northwind/jobs/7001',
      alternateUrls: ['https://remotive.com/remote-jobs/software-dev/northwind-9001'],
      description: taken.description,
    });
    expect((await readJobAnalysis(env.redis, env.keyPrefix)).filter((p) => p.jobId === hijacked.id)).toHaveLength(1);
  });

  it('the company board first, then an aggregator: the board\'s copy is kept, the other URL remembered', async () => {
    const greenhouse = await env.prisma.jobSource.findUniqueOrThrow({ where: { type_identifier: { type: 'greenhouse', identifier: 'northwind' } } });
    const remotive = await env.prisma.jobSource.findUniqueOrThrow({ where: { type_identifier: { type: 'remotive', identifier: 'software-dev' } } });
    boards.northwind = [onCompanyBoard(7002, 'Analytics Engineer')];
    boards.remotive = [];
    await run(greenhouse.id);
    const original = await jobTitled('Analytics Engineer');

    boards.remotive = [onAggregator(9002, 'Analytics Engineer')];
    await run(remotive.id);
    const after = await env.prisma.job.findUniqueOrThrow({ where: { id: original.id } });
    expect(after).toMatchObject({
      source: 'greenhouse',
      sourceId: '7002',
      url: 'https://boards.greenhouse.io/northwind/jobs/7002',
      alternateUrls: ['https://remotive.com/remote-jobs/software-dev/northwind-9002'],
      description: original.description,
      descriptionHtml: original.descriptionHtml,
      salaryMax: null,
    });
  });

  it('both copies in one run: the company board\'s wins whichever is stored first, and the job is handed on once', async () => {
    const greenhouse = await env.prisma.jobSource.findUniqueOrThrow({ where: { type_identifier: { type: 'greenhouse', identifier: 'northwind' } } });
    const remotive = await env.prisma.jobSource.findUniqueOrThrow({ where: { type_identifier: { type: 'remotive', identifier: 'software-dev' } } });
    boards.northwind = [onCompanyBoard(7003, 'Platform Engineer')];
    boards.remotive = [onAggregator(9003, 'Platform Engineer')];
    const summary = await run(remotive.id, greenhouse.id);
    expect(summary.jobsNew).toBe(1);
    const job = await jobTitled('Platform Engineer');
    expect(job).toMatchObject({ source: 'greenhouse', url: 'https://boards.greenhouse.io/northwind/jobs/7003' });
    expect((await readJobAnalysis(env.redis, env.keyPrefix)).filter((p) => p.jobId === job.id)).toHaveLength(1);
  });
});

describe('company names', () => {
  it("names a Lever board's company as configured on its source", async () => {
    // Postings earlier tests stored from this board are known already: start without them.
    await env.prisma.job.deleteMany({ where: { source: 'lever' } });
    await env.prisma.jobSource.deleteMany({ where: { type: 'lever' } });
    const lever = await addSource('lever', 'ledger-labs', 'Ledger Labs Group');
    const runId = await runnerWith().createRun('manual');
    await runnerWith().executeRun(runId, { sourceIds: [lever.id] });
    const jobs = await env.prisma.job.findMany({ where: { source: 'lever' } });
    expect(jobs.map((j) => j.companyName)).toEqual(['Ledger Labs Group', 'Ledger Labs Group']);
    await env.prisma.job.deleteMany({ where: { source: 'lever' } });
    await env.prisma.company.deleteMany({ where: { name: 'Ledger Labs Group' } });
    await env.prisma.jobSource.delete({ where: { id: lever.id } });
  });
});
