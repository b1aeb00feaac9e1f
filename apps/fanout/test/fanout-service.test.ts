import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { yearlyTopPay, type UserAnalysisMessage } from '@jobping/contracts';
import { companyKey, companyKeys, type Database, type PrismaClient } from '@jobping/db';
import { createLogger } from '@jobping/logger';
import type { FanoutProgress } from '../src/fanout-progress';
import { FanoutService } from '../src/fanout-service';
import { startFanoutEnv, type FanoutEnv } from './fanout-env';

let env: FanoutEnv;
let prisma: PrismaClient;
let database: Database;
let progress: FanoutProgress;
const logger = createLogger({ service: 'fanout-test', level: 'error', nodeEnv: 'test' });

function setup(pageSize = 1_000) {
  const published: UserAnalysisMessage[][] = [];
  const service = new FanoutService({
    prisma,
    pool: database.pool,
    publishMany: async (messages) => {
      published.push(messages);
      return messages.length;
    },
    progress,
    logger,
    pageSize,
  });
  return { service, published, users: () => published.flat().map((m) => m.user_id) };
}

let companyId: string;
async function job(fields: {
  remote?: boolean;
  location?: string | null;
  company?: string;
  companyId?: string;
  salaryMax?: number | null;
  salaryMin?: number | null;
  salaryPeriod?: string | null;
}) {
  const salary = {
    salaryMin: fields.salaryMin ?? null,
    salaryMax: fields.salaryMax ?? null,
    salaryPeriod: fields.salaryPeriod === undefined ? 'year' : fields.salaryPeriod,
  };
  // As the scraper stores a job: the yearly figure with the salary it derives from.
  return prisma.job.create({
    data: {
      source: 'greenhouse',
      sourceId: randomUUID(),
      url: 'https://jobs.example/1',
      dedupeKey: randomUUID(),
      title: 'Backend Engineer',
      companyId: fields.companyId ?? companyId,
      companyName: fields.company ?? 'Ledgerly GmbH',
      location: fields.location === undefined ? 'Berlin, Germany' : fields.location,
      remote: fields.remote ?? false,
      ...salary,
      salaryCurrency: 'EUR',
      salaryTopYearly: yearlyTopPay(salary),
      description: 'x',
    },
  });
}

async function user(fields: { prompt?: string | null; remoteOnly?: boolean; locations?: string[]; minSalary?: number | null; excluded?: string[] } = {}) {
  const row = await prisma.user.create({
    data: {
      email: `${randomUUID()}@jobping.test`,
      passwordHash: 'x',
      aiPrompt: fields.prompt === undefined ? 'backend engineer' : fields.prompt,
      remoteOnly: fields.remoteOnly ?? false,
      locations: fields.locations ?? [],
      minSalary: fields.minSalary ?? null,
      // As auth-api saves the filters: each excluded company's key with its name.
      excludedCompanies: fields.excluded ?? [],
      excludedCompanyKeys: companyKeys(fields.excluded ?? []),
    },
  });
  return row.id;
}

beforeAll(async () => {
  env = await startFanoutEnv('fanout');
  ({ prisma, database, progress, companyId } = env);
});

afterAll(async () => {
  await env?.close();
});

describe('FanoutService', () => {
  it('applies the hard filters in SQL and skips users without a prompt', async () => {
    await prisma.user.deleteMany();
    const anyone = await user();
    await user({ prompt: null });
    await user({ prompt: '   ' });
    const remoteOnly = await user({ remoteOnly: true });
    const berlin = await user({ locations: ['berlin'] });
    const paris = await user({ locations: ['Paris', 'Lyon'] });
    const rich = await user({ minSalary: 120_000 });
    const modest = await user({ minSalary: 60_000 });
    const noLedgerly = await user({ excluded: ['Ledgerly GmbH'] });
    const noLedgerlyKey = await user({ excluded: ['LEDGERLY'] });
    const noOther = await user({ excluded: ['Goldreel'] });

    const onsite = await job({ location: 'Berlin, Germany', salaryMax: 90_000 });
    const { service, users } = setup();
    expect((await service.handle(onsite.id)).published).toBe(4);
    expect(new Set(users())).toEqual(new Set([anyone, berlin, modest, noOther]));
    expect(users()).not.toContain(remoteOnly);
    expect(users()).not.toContain(paris);
    expect(users()).not.toContain(rich);
    expect(users()).not.toContain(noLedgerly);
    expect(users()).not.toContain(noLedgerlyKey);

    // Remote jobs pass location filters; a job without pay passes the salary filter; the
    // company row (Ledgerly) is excluded whatever name the board showed.
    const remote = await job({ remote: true, location: 'Remote (EU)', salaryMax: null, company: 'Ledgerly Payments' });
    const second = setup();
    await second.service.handle(remote.id);
    expect(new Set(second.users())).toEqual(new Set([anyone, remoteOnly, berlin, paris, rich, modest, noOther]));
  });

  it("compares the minimum salary with the job's yearly top pay, the figure jobs-api's min_salary filter uses", async () => {
    await prisma.user.deleteMany();
    // €50 an hour is €104,000 a year (yearlyTopPay): jobs-api lists the job for min_salary up to
    // 104,000 (jobs.test.ts), so fan-out must reach exactly the users whose minimum is that or less.
    const hourly = await job({ salaryMin: 50, salaryMax: null, salaryPeriod: 'hour' });
    expect(yearlyTopPay({ salaryMin: 50, salaryMax: null, salaryPeriod: 'hour' })).toBe(104_000);
    const atTop = await user({ minSalary: 104_000 });
    const below = await user({ minSalary: 90_000 });
    await user({ minSalary: 104_001 });
    const monthly = await job({ salaryMin: 7_500, salaryMax: 8_000, salaryPeriod: 'month' }); // 96,000 a year
    const { service, users } = setup();
    await service.handle(hourly.id);
    expect(new Set(users())).toEqual(new Set([atTop, below]));
    const second = setup();
    await second.service.handle(monthly.id);
    expect(second.users()).toEqual([below]);
  });

  it('excludes a company by its key, as the company row is keyed: accents folded, & read as and, legal suffixes dropped', async () => {
    await prisma.user.deleteMany();
    const company = async (name: string) => (await prisma.company.create({ data: { name, normalizedName: companyKey(name) } })).id;
    const muller = await job({ company: 'Müller GmbH', companyId: await company('Müller GmbH') });
    const smith = await job({ company: 'Smith and Sons GmbH', companyId: await company('Smith and Sons GmbH') });
    const noMuller = await user({ excluded: ['Müller'] });
    const noSmith = await user({ excluded: ['Smith & Sons'] });
    const anyone = await user({ excluded: ['Müllerei'] });

    const first = setup();
    await first.service.handle(muller.id);
    expect(new Set(first.users())).toEqual(new Set([noSmith, anyone]));
    const second = setup();
    await second.service.handle(smith.id);
    expect(new Set(second.users())).toEqual(new Set([noMuller, anyone]));
  });

  it('pages through users by key, publishes each once, marks the job fanned out, and ignores a redelivery', async () => {
    await prisma.user.deleteMany();
    const ids = [];
    for (let i = 0; i < 10; i += 1) ids.push(await user());
    const j = await job({});
    const { service, published, users } = setup(3);
    expect(await service.handle(j.id)).toMatchObject({ published: 10, pages: 4, alreadyDone: false });
    expect(published.map((page) => page.length)).toEqual([3, 3, 3, 1]);
    expect([...users()].sort()).toEqual([...ids].sort());
    expect(new Set(users()).size).toBe(10);
    expect((await prisma.job.findUniqueOrThrow({ where: { id: j.id } })).status).toBe('fanned_out');
    expect(await progress.get(j.id)).toBeNull();

    expect(await service.handle(j.id)).toMatchObject({ published: 0, alreadyDone: true });
    expect(users()).toHaveLength(10);
  });

  it('resumes an interrupted fan-out after the last page it published', async () => {
    await prisma.user.deleteMany();
    for (let i = 0; i < 7; i += 1) await user();
    const sorted = (await prisma.user.findMany({ select: { id: true }, orderBy: { id: 'asc' } })).map((u) => u.id);
    const j = await job({});
    await progress.set(j.id, sorted[3]!);
    const { service, users } = setup(2);
    expect((await service.handle(j.id)).published).toBe(3);
    expect(users()).toEqual(sorted.slice(4));
  });

  it('fans one job out to 5,000 users, each exactly once', async () => {
    await prisma.user.deleteMany();
    await prisma.$executeRaw`
      INSERT INTO users (email, password_hash, ai_prompt, min_salary)
      SELECT 'bulk-' || g || '@jobping.test', 'x', 'backend engineer', CASE WHEN g % 10 = 0 THEN 500000 END
      FROM generate_series(1, 5000) AS g`;
    const j = await job({ salaryMax: 100_000 });
    const { service, users } = setup(1_000);
    expect((await service.handle(j.id)).published).toBe(4_500);
    expect(new Set(users()).size).toBe(4_500);
  });

  it('does nothing for a job that does not exist', async () => {
    const { service, published } = setup();
    expect(await service.handle(randomUUID())).toMatchObject({ missing: true, published: 0 });
    expect(published).toHaveLength(0);
  });
});
