import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JOB_TEXT_FACTS_VERSION, yearlyTopPay } from '@jobping/contracts';
import { companyKey, companyKeys } from '../src/index';
import { dropDatabase, newTestDatabaseUrl, query, runDbCli } from './test-database';

// Rows as an older release wrote them: no derived columns (salary_top_yearly NULL, no
// excluded company keys), or derived by a rule that has since changed (1,760 hours a year).
const databaseUrl = newTestDatabaseUrl('derived');

async function insertJob(
  sourceId: string,
  salary: { min: number | null; max: number | null; period: string | null; topYearly: number | null },
  text: { title: string; description: string; factsVersion: number } = { title: 'Backend Engineer', description: 'Build payment services.', factsVersion: JOB_TEXT_FACTS_VERSION },
) {
  const [row] = await query<{ id: string }>(
    databaseUrl,
    `INSERT INTO jobs (source, source_id, url, dedupe_key, title, company_id, company, description,
                       salary_min, salary_max, salary_currency, salary_period, salary_top_yearly, job_facts_version)
     VALUES ('greenhouse', $1, 'https://boards.example/' || $1, $1, $7, $2, 'Müller GmbH', $8,
             $3, $4, 'EUR', $5, $6, $9) RETURNING id`,
    [sourceId, companyId, salary.min, salary.max, salary.period, salary.topYearly, text.title, text.description, text.factsVersion],
  );
  return row!.id;
}

let companyId: string;

beforeAll(async () => {
  const migrated = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
  if (migrated.code !== 0) throw new Error(migrated.output);
  [{ id: companyId }] = (await query<{ id: string }>(
    databaseUrl,
    "INSERT INTO companies (name, normalized_name) VALUES ('Müller GmbH', 'muller') RETURNING id",
  )) as [{ id: string }];
});

afterAll(async () => {
  await dropDatabase(databaseUrl);
});

describe('companyKeys', () => {
  it('keys each excluded company as the company rows are keyed, once', () => {
    expect(companyKeys(['Müller', 'Smith & Sons', 'Smith and Sons GmbH', 'MÜLLER'])).toEqual(['muller', 'smith-and-sons']);
    expect(companyKeys(['Müller'])).toEqual([companyKey('Müller GmbH')]);
  });
});

describe('db migrate: derived columns', () => {
  it('brings every stored derived value to what the one function computes, and leaves right values alone', async () => {
    const hourly = await insertJob('hourly', { min: 50, max: null, period: 'hour', topYearly: null });
    const daily = await insertJob('daily-old-rule', { min: 350, max: 400, period: 'day', topYearly: 88_000 });
    const yearly = await insertJob('yearly', { min: 70_000, max: 85_000, period: 'year', topYearly: 85_000 });
    const unpaid = await insertJob('unpaid', { min: null, max: null, period: null, topYearly: 12_345 });
    const [user] = await query<{ id: string }>(
      databaseUrl,
      "INSERT INTO users (email, password_hash, excluded_companies) VALUES ('ada@jobping.test', 'x', ARRAY['Müller', 'Smith & Sons', 'Smith and Sons GmbH']) RETURNING id",
    );
    await query(databaseUrl, "INSERT INTO users (email, password_hash) VALUES ('bo@jobping.test', 'x')");
    const [before] = await query<{ xmin: string }>(databaseUrl, 'SELECT xmin::text FROM jobs WHERE id = $1', [yearly]);

    const result = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(result.code).toBe(0);
    expect(result.output).toContain('derived columns: 3 jobs (salary_top_yearly), 0 jobs (seniority, visa sponsorship, languages), 1 users (excluded_company_keys) brought up to date');

    const jobs = await query<{ id: string; salary_min: number | null; salary_max: number | null; salary_period: string | null; salary_top_yearly: number | null }>(
      databaseUrl,
      'SELECT id, salary_min, salary_max, salary_period, salary_top_yearly FROM jobs',
    );
    for (const job of jobs) {
      expect(job.salary_top_yearly).toBe(yearlyTopPay({ salaryMin: job.salary_min, salaryMax: job.salary_max, salaryPeriod: job.salary_period }));
    }
    const top = (id: string) => jobs.find((job) => job.id === id)?.salary_top_yearly;
    expect([top(hourly), top(daily), top(yearly), top(unpaid)]).toEqual([104_000, 104_000, 85_000, null]);
    // A row that was right is not rewritten (its version, which jobs-api caches by, stays).
    const [after] = await query<{ xmin: string }>(databaseUrl, 'SELECT xmin::text FROM jobs WHERE id = $1', [yearly]);
    expect(after!.xmin).toBe(before!.xmin);

    const [keys] = await query<{ excluded_company_keys: string[] }>(databaseUrl, 'SELECT excluded_company_keys FROM users WHERE id = $1', [user!.id]);
    expect(keys!.excluded_company_keys).toEqual(['muller', 'smith-and-sons']);

    const again = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(again.output).toContain('derived columns are up to date');
  });

  it('reads the text facts of jobs stored under older rules, and only theirs', async () => {
    const noSalary = { min: null, max: null, period: null, topYearly: null };
    const older = await insertJob('facts-old', noSalary, {
      title: 'Senior Platform Engineer',
      description: 'You have 6+ years of experience with Kubernetes. Fluent German required, English is a plus. We are unable to sponsor visas for this role.',
      factsVersion: 0,
    });
    // Current version, deliberately unread columns: a row the rules already read is not read again.
    const current = await insertJob('facts-current', noSalary, { title: 'Junior Data Analyst', description: 'Visa sponsorship is available.', factsVersion: JOB_TEXT_FACTS_VERSION });

    const result = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(result.code).toBe(0);
    expect(result.output).toContain('0 jobs (salary_top_yearly), 1 jobs (seniority, visa sponsorship, languages), 0 users');

    const rows = await query<{ id: string; seniority: string | null; seniority_years: number | null; visa_sponsorship: string; required_languages: string[]; job_facts_version: number }>(
      databaseUrl,
      'SELECT id, seniority, seniority_years, visa_sponsorship, required_languages, job_facts_version FROM jobs WHERE id = ANY($1::uuid[])',
      [[older, current]],
    );
    expect(rows.find((row) => row.id === older)).toMatchObject({ seniority: 'senior', seniority_years: 6, visa_sponsorship: 'not_offered', required_languages: ['de'], job_facts_version: JOB_TEXT_FACTS_VERSION });
    expect(rows.find((row) => row.id === current)).toMatchObject({ seniority: null, visa_sponsorship: 'unknown', required_languages: [] });

    const again = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(again.output).toContain('derived columns are up to date');
  });
});
