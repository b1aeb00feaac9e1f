import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sourceTrust, yearlyTopPay } from '@jobping/contracts';
import { verify } from '@node-rs/argon2';
import { DEMO_PROMPT, DEMO_USER_EMAIL, demoPostings, seedDemo } from '../src/demo';
import { createPrismaClient, type PrismaClient } from '../src/index';
import { dropDatabase, newTestDatabaseUrl, query, runDbCli } from './test-database';

const databaseUrl = newTestDatabaseUrl('seed');
let prisma: PrismaClient;

async function countRows() {
  const [row] = await query<Record<string, string>>(
    databaseUrl,
    'SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM companies) AS companies, (SELECT count(*) FROM jobs) AS jobs',
  );
  return row;
}

beforeAll(async () => {
  const migrated = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
  if (migrated.code !== 0) throw new Error(migrated.output);
  prisma = createPrismaClient({ databaseUrl, poolSize: 2 });
});

afterAll(async () => {
  await prisma?.$disconnect();
  await dropDatabase(databaseUrl);
});

describe('seedDemo', () => {
  it('writes a demo user with a realistic prompt and about 50 postings from several companies', async () => {
    const result = await seedDemo(prisma, { demoPassword: 'correct horse battery' });
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER_EMAIL } });
    expect(user.aiPrompt).toBe(DEMO_PROMPT);
    expect(user.notifyThreshold).toBe(70);
    expect(await verify(user.passwordHash, 'correct horse battery')).toBe(true);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);

    expect(result.jobs).toBeGreaterThanOrEqual(45);
    expect(result.companies).toBeGreaterThanOrEqual(8);
    const jobs = await prisma.job.findMany({ include: { company: true } });
    expect(jobs).toHaveLength(result.jobs);
    expect(new Set(jobs.map((j) => j.source)).size).toBeGreaterThanOrEqual(4);
    expect(jobs.every((j) => j.company.normalizedName.length > 0 && j.description.length > 200)).toBe(true);
    // Varied enough to fit some prompts and not others.
    expect(jobs.filter((j) => /TypeScript|Node\.js|\bGo\b/.test(j.description) && j.remote).length).toBeGreaterThanOrEqual(6);
    expect(jobs.filter((j) => /iOS|Android|Designer|Sales|Support|Artist/i.test(j.title)).length).toBeGreaterThanOrEqual(5);
  });

  it('merges a posting cross-listed on two boards into one job that remembers both URLs', async () => {
    const crossPosted = await prisma.job.findMany({ where: { NOT: { alternateUrls: { isEmpty: true } } } });
    expect(crossPosted).toHaveLength(demoPostings.length - (await prisma.job.count()));
    expect(crossPosted[0]?.alternateUrls[0]).toMatch(/^https:\/\//);
    expect(crossPosted[0]?.alternateUrls).not.toContain(crossPosted[0]?.url);
  });

  it('gives each job the trust of its board, and a cross-posted job the most trusted copy', async () => {
    const jobs = await prisma.job.findMany();
    for (const job of jobs) expect({ source: job.source, trust: job.sourceTrust }).toEqual({ source: job.source, trust: sourceTrust(job.source) });
    for (const job of jobs.filter((j) => j.alternateUrls.length > 0)) {
      const copies = demoPostings.filter((p) => [job.url, ...job.alternateUrls].includes(p.url));
      expect(copies.length).toBeGreaterThan(1);
      expect(job.sourceTrust).toBe(Math.max(...copies.map((p) => sourceTrust(p.source))));
    }
  });

  it("stores each job's yearly top pay as the scraper does, for the min_salary filters", async () => {
    const jobs = await prisma.job.findMany();
    expect(jobs.filter((j) => j.salaryPeriod === 'hour').length).toBeGreaterThan(0);
    for (const job of jobs) expect({ id: job.id, top: job.salaryTopYearly }).toEqual({ id: job.id, top: yearlyTopPay(job) });
  });

  it('runs twice without duplicating rows or overwriting what the demo user changed', async () => {
    const before = await countRows();
    await prisma.user.update({ where: { email: DEMO_USER_EMAIL }, data: { aiPrompt: 'Rust, Lisbon', notifyThreshold: 55 } });

    await seedDemo(prisma, { demoPassword: 'another password' });
    expect(await countRows()).toEqual(before);
    const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_USER_EMAIL } });
    expect(user).toMatchObject({ aiPrompt: 'Rust, Lisbon', notifyThreshold: 55 });

    // Through the command too, as `npm start` runs it.
    const viaCli = await runDbCli(['seed'], { DATABASE_URL: databaseUrl });
    expect(viaCli.code).toBe(0);
    expect(await countRows()).toEqual(before);
  });
});
