import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { yearlyTopPay } from '@jobping/contracts';
import request from 'supertest';
import { encodeCursor } from '../src/cursor';
import { as, createJob, createMatch, invalidFields, startTestApp, type TestContext, type TestUser } from './helpers';

let ctx: TestContext;
let alice: TestUser;
let bob: TestUser;

beforeAll(async () => {
  ctx = await startTestApp('jobs');
  alice = await ctx.user();
  bob = await ctx.user();
});
afterAll(async () => ctx?.close());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
type Item = { id: string; title: string };
const titles = (res: request.Response) => (res.body.items as Item[]).map((item) => item.title);

describe('GET /api/jobs', () => {
  beforeAll(async () => {
    await ctx.prisma.job.deleteMany();
    await createJob(ctx.prisma, {
      title: 'Senior TypeScript Engineer',
      company: 'Globex',
      description: 'Build our Node.js platform with PostgreSQL.',
      location: 'Berlin, Germany',
      remote: true,
      salaryMin: 70_000,
      salaryMax: 90_000,
      postedAt: new Date('2026-11-20T10:00:00Z'),
      createdAt: minutesAgo(50),
      companyInfo: { summary: 'Globex makes everything', size: '201-500' },
    });
    await createJob(ctx.prisma, {
      title: 'Go Backend Developer',
      company: 'Initech',
      description: 'Services in Go; some TypeScript tooling.',
      location: 'Paris, France',
      remote: false,
      salaryMin: 5_000,
      salaryMax: 6_000,
      salaryPeriod: 'month',
      postedAt: new Date('2026-11-10T10:00:00Z'),
      createdAt: minutesAgo(40),
    });
    await createJob(ctx.prisma, {
      title: 'Product Designer',
      company: 'Globex',
      description: 'Figma all day. Design systems.',
      location: 'Remote (EU)',
      remote: true,
      postedAt: null,
      createdAt: minutesAgo(30),
    });
    await createJob(ctx.prisma, {
      title: 'Data Engineer 100%_remote',
      company: 'Hooli',
      description: 'Spark pipelines, running every night.',
      location: 'London',
      remote: true,
      salaryMin: 40,
      salaryMax: 60,
      salaryPeriod: 'hour',
      postedAt: new Date('2026-11-22T10:00:00Z'),
      createdAt: minutesAgo(20),
    });
  });

  it('lists jobs newest first with their company and its research', async () => {
    const res = await as(ctx, alice).get('/api/jobs').expect(200);
    expect(titles(res)).toEqual(['Data Engineer 100%_remote', 'Product Designer', 'Go Backend Developer', 'Senior TypeScript Engineer']);
    expect(res.body.next_cursor).toBeNull();
    const globex = (res.body.items as Record<string, unknown>[])[3];
    expect(globex).toEqual({
      id: expect.any(String),
      title: 'Senior TypeScript Engineer',
      company_name: 'Globex',
      company: {
        id: expect.any(String),
        name: 'Globex',
        website: null,
        info: { summary: 'Globex makes everything', size: '201-500' },
        info_updated_at: expect.any(String),
      },
      location: 'Berlin, Germany',
      locations: ['Berlin, Germany'],
      work_arrangement: 'remote',
      remote_region: null,
      remote: true,
      department: null,
      team: null,
      salary: { min: 70_000, max: 90_000, currency: 'EUR', period: 'year' },
      employment_type: null,
      url: expect.stringMatching(/^https:\/\/jobs\.example\.com\//),
      alternate_urls: [],
      source: 'fixture',
      posted_at: '2026-11-20T10:00:00.000Z',
      scraped_at: expect.any(String),
      created_at: expect.any(String),
      summary: 'Build our Node.js platform with PostgreSQL.',
    });
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it.each([
    ['a word in the title, stemmed', 'q=engineers', ['Data Engineer 100%_remote', 'Senior TypeScript Engineer']],
    ['a word in the description', 'q=figma', ['Product Designer']],
    ['the company name', 'q=initech', ['Go Backend Developer']],
    ['several words (all must match)', 'q=typescript%20postgresql', ['Senior TypeScript Engineer']],
    ['an excluded word', 'q=typescript%20-go', ['Senior TypeScript Engineer']],
    ['a quoted phrase', 'q=%22design%20systems%22', ['Product Designer']],
    ['remote only', 'remote=true', ['Data Engineer 100%_remote', 'Product Designer', 'Senior TypeScript Engineer']],
    ['on-site only', 'remote=false', ['Go Backend Developer']],
    ['a location, case-insensitively', 'location=germany', ['Senior TypeScript Engineer']],
    ['a company, case-insensitively', 'company=globex', ['Product Designer', 'Senior TypeScript Engineer']],
    ['LIKE wildcards taken literally', 'q=data&location=%25', []],
    ['posted since a date', 'posted_since=2026-11-15T00:00:00Z', ['Data Engineer 100%_remote', 'Senior TypeScript Engineer']],
    // 40–60/hour ≈ 124,800/year; 5,000–6,000/month = 72,000/year; 70,000–90,000/year.
    ['a yearly minimum salary, other periods annualised', 'min_salary=80000', ['Data Engineer 100%_remote', 'Senior TypeScript Engineer']],
    ['a minimum salary below every range', 'min_salary=60000', ['Data Engineer 100%_remote', 'Go Backend Developer', 'Senior TypeScript Engineer']],
    ['filters combined', 'q=engineer&remote=true&company=globex', ['Senior TypeScript Engineer']],
    ['a search nothing matches', 'q=cobol', []],
  ])('filters by %s', async (_name, query, expected) => {
    const res = await as(ctx, alice).get(`/api/jobs?${query}`).expect(200);
    expect(titles(res)).toEqual(expected);
  });

  it('a job in London and Stockholm is visible to a Stockholm filter, with all its locations', async () => {
    await createJob(ctx.prisma, { title: 'Trust & Safety Engineer', company: 'Two Cities', location: 'London', locations: ['London', 'Stockholm'] });
    const res = await as(ctx, alice).get('/api/jobs?company=two%20cities&location=stockholm').expect(200);
    expect(titles(res)).toEqual(['Trust & Safety Engineer']);
    expect((res.body.items as { locations: string[] }[])[0]?.locations).toEqual(['London', 'Stockholm']);
    expect(titles(await as(ctx, alice).get('/api/jobs?company=two%20cities&location=paris').expect(200))).toEqual([]);
  });

  it('keeps a job for min_salary up to its yearly top pay, the figure fan-out compares, and drops it above', async () => {
    // €50 an hour is €104,000 a year (yearlyTopPay); fan-out reaches exactly the users whose
    // minimum is that or less (fanout-service.test.ts).
    await createJob(ctx.prisma, { title: 'Contract SRE', company: 'Hourly Co', salaryMin: 50, salaryMax: null, salaryPeriod: 'hour' });
    expect(yearlyTopPay({ salaryMin: 50, salaryMax: null, salaryPeriod: 'hour' })).toBe(104_000);
    expect(titles(await as(ctx, alice).get('/api/jobs?company=hourly&min_salary=104000').expect(200))).toEqual(['Contract SRE']);
    expect(titles(await as(ctx, alice).get('/api/jobs?company=hourly&min_salary=104001').expect(200))).toEqual([]);
  });

  it('keeps the search document current when a job is edited', async () => {
    const job = await createJob(ctx.prisma, { title: 'Kotlin Developer', company: 'Renamed Co', description: 'Android apps.' });
    expect(titles(await as(ctx, alice).get('/api/jobs?q=kotlin').expect(200))).toEqual(['Kotlin Developer']);
    await ctx.prisma.job.update({ where: { id: job.id }, data: { title: 'Swift Developer', description: 'iOS apps.' } });
    expect(titles(await as(ctx, alice).get('/api/jobs?q=kotlin').expect(200))).toEqual([]);
    expect(titles(await as(ctx, alice).get('/api/jobs?q=swift%20ios').expect(200))).toEqual(['Swift Developer']);
    await ctx.prisma.job.delete({ where: { id: job.id } });
  });

  it('serves a job edited by any writer at once, though pages are assembled from cached documents', async () => {
    const job = await createJob(ctx.prisma, { title: 'Elixir Developer', company: 'Cachet', description: 'Phoenix.', companyInfo: { summary: 'before' } });
    const first = await as(ctx, alice).get('/api/jobs?q=elixir').expect(200);
    expect(first.body.items).toEqual([expect.objectContaining({ title: 'Elixir Developer', company: expect.objectContaining({ info: { summary: 'before' } }) })]);
    // Raw SQL, as another service would write: no updated_at bump, no hook in this process.
    await ctx.prisma.$executeRaw`UPDATE jobs SET title = 'Elixir Lead', location = 'Lisbon' WHERE id = ${job.id}::uuid`;
    const retitled = await as(ctx, alice).get('/api/jobs?q=elixir').expect(200);
    expect(retitled.body.items).toEqual([expect.objectContaining({ title: 'Elixir Lead', location: 'Lisbon' })]);
    await ctx.prisma.$executeRaw`UPDATE companies SET company_info = '{"summary":"after"}'::jsonb WHERE id = ${job.companyId}::uuid`;
    const researched = await as(ctx, alice).get('/api/jobs?q=elixir').expect(200);
    expect(researched.body.items[0].company.info).toEqual({ summary: 'after' });
    await ctx.prisma.job.delete({ where: { id: job.id } });
    expect((await as(ctx, alice).get('/api/jobs?q=elixir').expect(200)).body.items).toEqual([]);
  });

  it('pages with a cursor, with no gaps or repeats while jobs are stored between pages', async () => {
    const user = await ctx.user();
    const created: string[] = [];
    for (let i = 0; i < 7; i += 1) created.push((await createJob(ctx.prisma, { title: `Paging ${i}`, company: 'Paging Co', createdAt: minutesAgo(10 - i) })).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const path: string = `/api/jobs?company=paging&limit=3${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await as(ctx, user).get(path).expect(200);
      expect((res.body.items as Item[]).length).toBeLessThanOrEqual(3);
      seen.push(...(res.body.items as Item[]).map((item) => item.id));
      cursor = res.body.next_cursor as string | null;
      pages += 1;
      // New postings arrive while the reader pages: they belong before page one.
      await createJob(ctx.prisma, { title: `Arrived ${pages}`, company: 'Paging Co' });
    } while (cursor);
    expect(seen).toEqual([...created].reverse());
    expect(pages).toBe(3);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('answers 400 naming each invalid query parameter', async () => {
    const cases: [string, string][] = [
      ['limit=0', 'query.limit'],
      ['limit=101', 'query.limit'],
      ['limit=ten', 'query.limit'],
      ['remote=maybe', 'query.remote'],
      ['posted_since=yesterday', 'query.posted_since'],
      ['min_salary=-1', 'query.min_salary'],
      ['cursor=not-a-cursor', 'query.cursor'],
      [`cursor=${encodeCursor(['2026-11-23T00:00:00.000Z', 'not-a-uuid'])}`, 'query.cursor'],
      [`cursor=${encodeCursor([87, '2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b11'])}`, 'query.cursor'],
      [`q=${'x'.repeat(201)}`, 'query.q'],
    ];
    for (const [query, field] of cases) {
      const res = await as(ctx, alice).get(`/api/jobs?${query}`).expect(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(invalidFields(res)).toEqual([field]);
    }
  });

  it('needs a valid access token', async () => {
    expect((await request(ctx.app).get('/api/jobs').expect(401)).body.error.code).toBe('unauthorized');
    expect((await request(ctx.app).get('/api/jobs').set('Authorization', 'Bearer nope').expect(401)).body.error.code).toBe('invalid_token');
  });
});

describe('GET /api/jobs/:id', () => {
  it("shows the job, its company and the caller's own match only", async () => {
    const job = await createJob(ctx.prisma, { title: 'Staff Engineer', company: 'Umbrella', description: 'Long description', companyInfo: { summary: 'Pharma' } });
    await createMatch(ctx.prisma, alice.id, job.id, 91);
    await createMatch(ctx.prisma, bob.id, job.id, 12);

    const mine = await as(ctx, alice).get(`/api/jobs/${job.id}`).expect(200);
    expect(mine.body).toMatchObject({
      id: job.id,
      title: 'Staff Engineer',
      description: 'Long description',
      description_html: null,
      company: { name: 'Umbrella', info: { summary: 'Pharma' } },
      match: { score: 91, provider: 'local', model: 'rules-v1', prompt_version: 'v1', prefilter_skipped: false, feedback: null, analysis: { summary: 'score 91' } },
    });
    expect(mine.body.summary).toBeUndefined();
    expect((await as(ctx, bob).get(`/api/jobs/${job.id}`).expect(200)).body.match.score).toBe(12);
    const stranger = await ctx.user();
    expect((await as(ctx, stranger).get(`/api/jobs/${job.id}`).expect(200)).body.match).toBeNull();
  });

  it('answers 404 for an unknown job and 400 for a malformed id', async () => {
    await as(ctx, alice).get('/api/jobs/2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b11').expect(404);
    const res = await as(ctx, alice).get('/api/jobs/42').expect(400);
    expect(invalidFields(res)).toEqual(['params.id']);
  });

  it('needs a valid access token', async () => {
    await request(ctx.app).get('/api/jobs/2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b11').expect(401);
  });
});
