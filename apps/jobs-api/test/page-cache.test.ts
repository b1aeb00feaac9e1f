import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ChangeFeed, LIST_CHANGE_CHANNELS, Prisma, execute } from '@jobping/db';
import type request from 'supertest';
import { PageCache } from '../src/services/page-cache';
import { as, createJob, createMatch, startTestApp, waitUntil, type TestContext, type TestUser } from './helpers';

/**
 * The hot lists are served from whole cached pages. These tests write behind the API's back
 * (other connections, raw SQL, Prisma) and expect the very next request to show the write.
 */

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('page_cache');
});
afterAll(async () => ctx?.close());

async function lookups(list: 'jobs' | 'matches', result: 'hit' | 'checked' | 'miss' | 'bypass'): Promise<number> {
  const metric = await ctx.registry.getSingleMetric('jobs_api_page_cache_lookups_total')!.get();
  return metric.values.find((value) => value.labels.list === list && value.labels.result === result)?.value ?? 0;
}

const titles = (res: request.Response) => (res.body.items as { title: string }[]).map((item) => item.title);
const scoresOf = (res: request.Response) => (res.body.items as { score: number }[]).map((item) => item.score);
const matchTitles = (res: request.Response) => (res.body.items as { job: { title: string } }[]).map((item) => item.job.title);

describe('the jobs page cache', () => {
  let reader: TestUser;
  beforeAll(async () => {
    reader = await ctx.user();
    await createJob(ctx.prisma, { title: 'First job', company: 'Cachey', companyInfo: { summary: 'v1' } });
  });

  it('answers a repeated page from memory', async () => {
    await as(ctx, reader).get('/api/jobs?limit=5').expect(200);
    const hits = await lookups('jobs', 'hit');
    const again = await as(ctx, reader).get('/api/jobs?limit=5').expect(200);
    expect(await lookups('jobs', 'hit')).toBe(hits + 1);
    expect(titles(again)[0]).toBe('First job');
  });

  it('shows a job stored by another writer on the very next request, every time', async () => {
    for (let round = 0; round < 15; round += 1) {
      await as(ctx, reader).get('/api/jobs?limit=5').expect(200); // cached
      await createJob(ctx.prisma, { title: `Arrived ${round}`, company: 'Cachey' });
      const res = await as(ctx, reader).get('/api/jobs?limit=5').expect(200);
      expect(titles(res)[0]).toBe(`Arrived ${round}`);
    }
  });

  it('shows a re-researched company and an edited job at once (raw SQL, no API involved)', async () => {
    await as(ctx, reader).get('/api/jobs?limit=50').expect(200);
    await execute(ctx.pool, Prisma.sql`UPDATE companies SET company_info = '{"summary":"v2"}'::jsonb WHERE name = 'Cachey'`);
    const researched = await as(ctx, reader).get('/api/jobs?limit=50').expect(200);
    const cachey = (researched.body.items as { company: { name: string; info: unknown } }[]).filter((item) => item.company.name === 'Cachey');
    expect(cachey.length).toBeGreaterThan(0);
    expect(cachey.every((item) => JSON.stringify(item.company.info) === '{"summary":"v2"}')).toBe(true);

    await execute(ctx.pool, Prisma.sql`UPDATE jobs SET title = 'Renamed job' WHERE title = 'First job'`);
    const renamed = await as(ctx, reader).get('/api/jobs?limit=50').expect(200);
    expect(titles(renamed)).toContain('Renamed job');
    expect(titles(renamed)).not.toContain('First job');
  });

  it('keeps answering fresh pages while its change feed reconnects, then caches again', async () => {
    await as(ctx, reader).get('/api/jobs?limit=5').expect(200);
    // Counted rather than polled for `!isLive`: the feed may be back before a poll would see it gone.
    let resets = 0;
    ctx.changes.subscribe({ onNotification: () => undefined, onReset: () => (resets += 1) });
    await execute(
      ctx.pool,
      Prisma.sql`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'jobping-change-feed' AND datname = current_database()`,
    );
    await waitUntil(() => resets > 0, 'the change feed to notice');
    await createJob(ctx.prisma, { title: 'Stored while nobody listened', company: 'Cachey' });
    const meanwhile = await as(ctx, reader).get('/api/jobs?limit=5').expect(200);
    expect(titles(meanwhile)[0]).toBe('Stored while nobody listened');

    await waitUntil(() => ctx.changes.isLive, 'the change feed to listen again');
    await as(ctx, reader).get('/api/jobs?limit=5').expect(200);
    const hits = await lookups('jobs', 'hit');
    const cached = await as(ctx, reader).get('/api/jobs?limit=5').expect(200);
    expect(await lookups('jobs', 'hit')).toBe(hits + 1);
    expect(titles(cached)[0]).toBe('Stored while nobody listened');
  });
});

describe('the matches page cache', () => {
  let alice: TestUser;
  let bob: TestUser;
  let jobId: string;

  beforeAll(async () => {
    alice = await ctx.user();
    bob = await ctx.user();
    const job = await createJob(ctx.prisma, { title: 'Shared job', company: 'Matchy' });
    jobId = job.id;
    await createMatch(ctx.prisma, alice.id, job.id, 70);
    await createMatch(ctx.prisma, bob.id, job.id, 40);
  });

  it("drops only the pages of the user whose matches changed, and shows the change at once", async () => {
    await as(ctx, alice).get('/api/users/me/matches').expect(200);
    await as(ctx, bob).get('/api/users/me/matches').expect(200);
    await execute(ctx.pool, Prisma.sql`UPDATE user_job_matches SET score = 95 WHERE user_id = ${alice.id}::uuid`);

    // Bob's rows did not change: his page is kept after its rows were re-read, then served as is.
    const checked = await lookups('matches', 'checked');
    const bobs = await as(ctx, bob).get('/api/users/me/matches').expect(200);
    expect(await lookups('matches', 'checked')).toBe(checked + 1);
    expect(bobs.body.items[0].score).toBe(40);
    const hits = await lookups('matches', 'hit');
    await as(ctx, bob).get('/api/users/me/matches').expect(200);
    expect(await lookups('matches', 'hit')).toBe(hits + 1);

    const misses = await lookups('matches', 'miss');
    const alices = await as(ctx, alice).get('/api/users/me/matches').expect(200);
    expect(await lookups('matches', 'miss')).toBe(misses + 1);
    expect(alices.body.items[0].score).toBe(95);
  });

  it('shows feedback given through the API, a new match and an edited job on the next request', async () => {
    await as(ctx, alice).get('/api/users/me/matches').expect(200);
    await as(ctx, alice).post(`/api/users/me/matches/${jobId}/feedback`, { feedback: 'up' }).expect(200);
    const afterFeedback = await as(ctx, alice).get('/api/users/me/matches').expect(200);
    expect(afterFeedback.body.items[0].feedback).toBe('up');

    const newer = await createJob(ctx.prisma, { title: 'Better job', company: 'Matchy' });
    await createMatch(ctx.prisma, alice.id, newer.id, 99);
    expect(matchTitles(await as(ctx, alice).get('/api/users/me/matches').expect(200))[0]).toBe('Better job');

    await execute(ctx.pool, Prisma.sql`UPDATE jobs SET title = 'Better job, renamed' WHERE id = ${newer.id}::uuid`);
    expect(matchTitles(await as(ctx, alice).get('/api/users/me/matches').expect(200))[0]).toBe('Better job, renamed');
  });

  it('checks later pages and filtered pages the same way', async () => {
    const carol = await ctx.user();
    for (const score of [90, 80, 70]) {
      const job = await createJob(ctx.prisma, { title: `Carol ${score}`, company: 'Matchy' });
      await createMatch(ctx.prisma, carol.id, job.id, score);
    }
    const first = await as(ctx, carol).get('/api/users/me/matches?limit=1').expect(200);
    const second = `/api/users/me/matches?limit=1&cursor=${encodeURIComponent(first.body.next_cursor as string)}`;
    expect((await as(ctx, carol).get(second).expect(200)).body.items[0].score).toBe(80);
    expect((await as(ctx, carol).get('/api/users/me/matches?min_score=75').expect(200)).body.items).toHaveLength(2);
    await execute(ctx.pool, Prisma.sql`UPDATE user_job_matches SET score = 85 WHERE user_id = ${carol.id}::uuid AND score = 80`);
    expect((await as(ctx, carol).get(second).expect(200)).body.items[0].score).toBe(85);
    await execute(ctx.pool, Prisma.sql`UPDATE user_job_matches SET score = 76 WHERE user_id = ${carol.id}::uuid AND score = 70`);
    expect(scoresOf(await as(ctx, carol).get('/api/users/me/matches?min_score=75').expect(200))).toEqual([90, 85, 76]);
  });

  it('answers many callers at once, each with their own page', async () => {
    const users = await Promise.all(Array.from({ length: 6 }, () => ctx.user()));
    for (const [index, user] of users.entries()) {
      const job = await createJob(ctx.prisma, { title: `Only for ${index}`, company: 'Matchy' });
      await createMatch(ctx.prisma, user.id, job.id, 50 + index);
    }
    for (let round = 0; round < 3; round += 1) {
      const pages = await Promise.all(users.map((user) => as(ctx, user).get('/api/users/me/matches').expect(200)));
      pages.forEach((page, index) => expect(matchTitles(page)).toEqual([`Only for ${index}`]));
    }
  });

  it('never serves one user’s cached page to another', async () => {
    const alices = await as(ctx, alice).get('/api/users/me/matches').expect(200);
    const bobs = await as(ctx, bob).get('/api/users/me/matches').expect(200);
    expect(bobs.body.items.map((item: { id: string }) => item.id)).not.toEqual(alices.body.items.map((item: { id: string }) => item.id));
    expect(bobs.body.items).toHaveLength(1);
  });
});

describe('PageCache', () => {
  /** A PageCache on a change feed of its own (the app's pages are not touched). */
  async function withPageCache(fn: (pages: PageCache, changes: ChangeFeed) => Promise<void>): Promise<void> {
    const changes = new ChangeFeed({ databaseUrl: ctx.config.DATABASE_URL, syncTimeoutMs: 30_000 });
    const pages = new PageCache(changes, { maxBytes: 1024 * 1024 });
    changes.subscribe({ onNotification: () => undefined, onReset: () => pages.reset() });
    changes.start();
    try {
      await waitUntil(() => changes.isLive, 'the change feed to listen');
      await fn(pages, changes);
    } finally {
      await changes.close();
    }
  }

  it('does not keep a page built while a change it shows was committed', () =>
    withPageCache(async (pages, changes) => {
      changes.subscribe({ onNotification: (channel) => channel === LIST_CHANGE_CHANNELS.jobs && pages.jobsChanged(), onReset: () => undefined });
      const slowBuild = async () => {
        const page = Buffer.from('page 1');
        // A job is stored after this page's data was read, before the page is kept.
        await createJob(ctx.prisma, { title: 'Raced', company: 'Racer' });
        await changes.sync();
        return page;
      };
      expect((await pages.page({ list: 'jobs', key: 'k', build: slowBuild })).toString()).toBe('page 1');
      expect((await pages.page({ list: 'jobs', key: 'k', build: async () => Buffer.from('page 2') })).toString()).toBe('page 2');
      expect((await pages.page({ list: 'jobs', key: 'k', build: async () => Buffer.from('never built') })).toString()).toBe('page 2');
    }));

  it('after a matches change, keeps a page whose rows are unchanged and rebuilds one whose rows changed', () =>
    withPageCache(async (pages) => {
      let signature = 'a.1,b.1';
      let reads = 0;
      const request = (body: string) => ({
        list: 'matches' as const,
        key: 'user|q',
        signature: async () => {
          reads += 1;
          return signature;
        },
        build: async () => Buffer.from(body),
      });
      expect((await pages.page(request('v1'))).toString()).toBe('v1');
      expect((await pages.page(request('v2'))).toString()).toBe('v1');
      expect(reads).toBe(1); // no match changed since: not even the signature is read
      pages.matchesChanged(); // someone else's
      expect((await pages.page(request('v3'))).toString()).toBe('v1');
      expect((await pages.page(request('v4'))).toString()).toBe('v1');
      expect(reads).toBe(2);
      pages.matchesChanged();
      signature = 'a.1,b.2'; // this page's
      expect((await pages.page(request('v5'))).toString()).toBe('v5');
      expect((await pages.page(request('v6'))).toString()).toBe('v5');
    }));
});
