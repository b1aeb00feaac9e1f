import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { yearlyTopPay } from '@jobping/contracts';
import { companyKey, createDatabase, jobDedupeKey, type Database, type Prisma } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { jobDetailSchema, jobListSchema, jobsQuerySchema, matchListSchema, matchesQuerySchema } from '../src/schemas';
import { JobService } from '../src/services/jobs';
import { DocCache } from '../src/services/list-pages';
import { UserMatchesService } from '../src/services/matches';
import { PageCache } from '../src/services/page-cache';
import { ExactShape } from './exact-shape';

// The hot lists send JSON documents PostgreSQL builds (list-read-model.ts), the detail is assembled from
// them too; the zod schemas in schemas.ts say what the API answers. These rows exercise every
// field of those documents, null and set, so a field added to one side and not the other, or
// a type that differs (a number as text, a date without its zone), fails here.

let testDb: TestDatabase;
let db: Database;
let jobs: JobService;
let matches: UserMatchesService;
const ids: Record<string, string> = {};

/** 310 characters of German with an emoji at the 300-character cut of the summary. */
const LONG_DESCRIPTION = `${'Wir bauen Zahlungsdienste für kleine Händler in Köln und Düsseldorf. Du arbeitest mit Go, PostgreSQL und Kafka. '.repeat(3).slice(0, 299)}🚀 Bewirb dich jetzt!`;

async function company(name: string, fields: { website?: string | null; info?: Prisma.InputJsonValue | null } = {}) {
  const row = await db.prisma.company.create({
    data: {
      name,
      normalizedName: companyKey(name),
      website: fields.website ?? null,
      ...(fields.info === undefined || fields.info === null ? {} : { companyInfo: fields.info, companyInfoUpdatedAt: new Date('2026-11-21T08:30:00.123Z') }),
    },
  });
  return row;
}

async function job(
  key: string,
  owner: { id: string; name: string },
  fields: {
    title: string;
    location: string | null;
    remote: boolean;
    /** Every location, the work arrangement, department and team (default: the one location, unknown, none). */
    extra?: { locations?: string[]; workArrangement?: string; remoteRegion?: string | null; department?: string | null; team?: string | null };
    salary: { salaryMin: number | null; salaryMax: number | null; salaryCurrency: string | null; salaryPeriod: string | null };
    employmentType: string | null;
    alternateUrls: string[];
    postedAt: Date | null;
    description: string;
    descriptionHtml: string | null;
  },
) {
  const row = await db.prisma.job.create({
    data: {
      source: 'greenhouse',
      sourceId: randomUUID(),
      url: `https://boards.greenhouse.io/example/jobs/${key}`,
      alternateUrls: fields.alternateUrls,
      dedupeKey: jobDedupeKey({ company: owner.name, title: fields.title, location: fields.location }),
      title: fields.title,
      companyId: owner.id,
      companyName: owner.name,
      location: fields.location,
      locations: fields.extra?.locations ?? (fields.location ? [fields.location] : []),
      workArrangement: fields.extra?.workArrangement ?? (fields.remote ? 'remote' : 'unknown'),
      remoteRegion: fields.extra?.remoteRegion ?? null,
      department: fields.extra?.department ?? null,
      team: fields.extra?.team ?? null,
      remote: fields.remote,
      ...fields.salary,
      salaryTopYearly: yearlyTopPay(fields.salary),
      employmentType: fields.employmentType,
      description: fields.description,
      descriptionHtml: fields.descriptionHtml,
      postedAt: fields.postedAt,
    },
  });
  ids[key] = row.id;
  return row;
}

beforeAll(async () => {
  testDb = await createTestDatabase('documents');
  db = createDatabase({ databaseUrl: testDb.url, poolSize: 2 });
  // Every page built from the database, none kept: what is checked is what PostgreSQL builds.
  const pages = new PageCache({ sync: async () => false }, { maxBytes: 1_000_000 });
  const docs = new DocCache(1_000_000);
  jobs = new JobService(db.prisma, db.pool, docs, pages);
  matches = new UserMatchesService(db.prisma, db.pool, docs, pages);

  const muller = await company('Müller & Söhne GmbH', {
    website: 'https://mueller-soehne.example',
    info: {
      summary: 'Familiengeführter Zahlungsdienstleister aus Köln – 120 Mitarbeitende',
      size: '51-200',
      tech_stack: ['Go', 'PostgreSQL'],
      green_flags: ['Beiträge zu Open Source 💚'],
      red_flags: [],
    },
  });
  const okami = await company('Ōkami Labs');
  // Research stored by an older release as a list: the API shows no research rather than a list.
  const northwind = await company('Northwind Analytics', { info: ['not', 'an object'] });

  await job('hourly', muller, {
    title: 'Backend-Entwickler:in (Go) – Köln 🚀',
    location: 'Köln, Deutschland',
    remote: false,
    extra: { locations: ['Köln, Deutschland', 'Düsseldorf'], workArrangement: 'hybrid', department: 'Engineering', team: 'Zahlungen' },
    salary: { salaryMin: 55, salaryMax: 70, salaryCurrency: 'EUR', salaryPeriod: 'hour' },
    employmentType: 'contract',
    alternateUrls: ['https://remotive.com/remote-jobs/software-dev/mueller-1', 'https://www.arbeitnow.com/jobs/mueller-2'],
    postedAt: new Date('2026-11-20T09:15:00.456Z'),
    description: LONG_DESCRIPTION,
    descriptionHtml: `<p>${LONG_DESCRIPTION}</p>`,
  });
  await job('bare', okami, {
    title: '研究エンジニア (Research Engineer)',
    location: null,
    remote: false,
    salary: { salaryMin: null, salaryMax: null, salaryCurrency: null, salaryPeriod: null },
    employmentType: null,
    alternateUrls: [],
    postedAt: null,
    description: '',
    descriptionHtml: null,
  });
  await job('top-only', northwind, {
    title: 'Staff Data Engineer',
    location: 'Remote (US only)',
    remote: true,
    extra: { remoteRegion: 'US only' },
    salary: { salaryMin: null, salaryMax: 185_000, salaryCurrency: 'USD', salaryPeriod: 'year' },
    employmentType: 'full_time',
    alternateUrls: [],
    postedAt: new Date('2026-11-19T17:00:00.000Z'),
    description: 'Own the forecasting pipeline. "Quotes", back\\slashes and tabs\tstay text.',
    descriptionHtml: '<p>Own the forecasting pipeline.</p>',
  });
  await job('floor-only', muller, {
    title: 'Werkstudent:in Data',
    location: 'Köln',
    remote: false,
    salary: { salaryMin: 1_600, salaryMax: null, salaryCurrency: null, salaryPeriod: null },
    employmentType: 'part_time',
    alternateUrls: [],
    postedAt: new Date('2026-11-18T06:00:00.000Z'),
    description: 'Dashboards für das Risikoteam.',
    descriptionHtml: null,
  });
  await job('us-only', northwind, {
    title: 'Senior Analytics Engineer',
    location: 'New York, NY',
    remote: false,
    salary: { salaryMin: 150_000, salaryMax: 170_000, salaryCurrency: 'USD', salaryPeriod: 'year' },
    employmentType: 'full_time',
    alternateUrls: [],
    postedAt: new Date('2026-11-17T06:00:00.000Z'),
    description: 'On-site in Manhattan four days a week.',
    descriptionHtml: null,
  });

  const ada = await db.prisma.user.create({ data: { email: 'ada@jobping.test', passwordHash: 'x' } });
  const bo = await db.prisma.user.create({ data: { email: 'bo@jobping.test', passwordHash: 'x' } });
  ids.ada = ada.id;
  ids.bo = bo.id;
  const match = (jobKey: string, data: Partial<Prisma.UserJobMatchUncheckedCreateInput> & { score: number; analysis: Prisma.InputJsonValue }) =>
    db.prisma.userJobMatch.create({ data: { userId: ada.id, jobId: ids[jobKey]!, provider: 'local', model: 'jobping-local-v3', promptVersion: 'match-v1', ...data } });
  await match('hourly', {
    score: 91,
    analysis: { explanation: 'Passt gut: Go und Zahlungen, Köln.', pros: ['Go', 'Köln'], cons: ['Vertrag statt Festanstellung'], recommendation: 'apply' },
    notified: true,
    notifiedAt: new Date(),
    feedback: 'up',
    feedbackAt: new Date('2026-11-22T10:00:00.000Z'),
  });
  // An analysis stored by an older release as text: the API shows an empty analysis.
  await match('bare', { score: 45, analysis: 'legacy free-text analysis' });
  await match('top-only', { score: 30, analysis: { explanation: 'US only.', pros: [], cons: ['US work authorisation'], recommendation: 'skip' }, feedback: 'down', feedbackAt: new Date('2026-11-22T11:00:00.000Z') });
  await match('floor-only', { score: 62, analysis: { explanation: 'Teilzeit.', pros: [], cons: [], recommendation: 'consider' } });
  // Ruled out by the pre-filter: not in the matches list, but the job's detail shows it.
  await match('us-only', { score: 20, analysis: { explanation: 'On-site in New York.', pros: [], cons: ['on-site'], recommendation: 'skip' }, prefilterSkipped: true, prefilterReason: 'location: on-site in New York, NY' });
});

afterAll(async () => {
  await db?.close();
  await testDb?.drop();
});

const parse = (body: Buffer) => JSON.parse(body.toString('utf8')) as unknown;

describe('response documents', () => {
  it('GET /api/jobs: every job document has exactly the fields of JobSummary, each as the schema types it', async () => {
    const shape = new ExactShape(jobListSchema);
    const first = parse(await jobs.list(jobsQuerySchema.parse({ limit: '3' })));
    shape.check(first);
    const next = (first as { next_cursor: string }).next_cursor;
    shape.check(parse(await jobs.list(jobsQuerySchema.parse({ limit: '3', cursor: next }))));
    expect(shape.unexercised()).toEqual([]);
  });

  it('GET /api/users/me/matches: every match document has exactly the fields of the match schema', async () => {
    const shape = new ExactShape(matchListSchema);
    const first = parse(await matches.list(ids.ada!, matchesQuerySchema.parse({ limit: '2' })));
    shape.check(first);
    const next = (first as { next_cursor: string }).next_cursor;
    shape.check(parse(await matches.list(ids.ada!, matchesQuerySchema.parse({ limit: '2', cursor: next }))));
    expect(shape.unexercised()).toEqual([]);
  });

  it("GET /api/jobs/:id: the job with its description and the caller's own match, exactly the detail schema", async () => {
    const shape = new ExactShape(jobDetailSchema);
    for (const key of ['hourly', 'bare', 'top-only', 'floor-only', 'us-only']) shape.check(await jobs.get(ids[key]!, ids.ada!));
    shape.check(await jobs.get(ids.hourly!, ids.bo!));
    expect(shape.unexercised()).toEqual([]);
  });

  it('keeps text as stored: unicode, the 300-character summary cut between characters, escapes', async () => {
    const list = parse(await jobs.list(jobsQuerySchema.parse({ limit: '10' }))) as { items: { id: string; title: string; summary: string; company: { name: string } }[] };
    const hourly = list.items.find((item) => item.id === ids.hourly)!;
    expect(hourly.title).toBe('Backend-Entwickler:in (Go) – Köln 🚀');
    expect(hourly.company.name).toBe('Müller & Söhne GmbH');
    expect(hourly.summary).toBe([...LONG_DESCRIPTION].slice(0, 300).join(''));
    expect(hourly.summary.endsWith('🚀')).toBe(true);
    expect(list.items.find((item) => item.id === ids['top-only'])!.summary).toBe('Own the forecasting pipeline. "Quotes", back\\slashes and tabs\tstay text.');
  });
});
