import { JOB_TEXT_FACTS_VERSION, jobTextFacts, yearlyTopPay } from '@jobping/contracts';
import { Client } from 'pg';
import { companyKeys } from './keys';

/**
 * Columns JobPing derives from other columns with a TypeScript function, so that SQL can
 * filter on them without a second copy of the rule:
 *
 * - `jobs.salary_top_yearly` = yearlyTopPay (@jobping/contracts) of the salary columns;
 * - `jobs.seniority`, `seniority_years`, `visa_sponsorship`, `required_languages` = jobTextFacts (@jobping/contracts)
 *   of title and description, versioned by `job_facts_version` (only older rows are read);
 * - `users.excluded_company_keys` = companyKeys (./keys) of `excluded_companies`.
 *
 * Writers store them together with their sources (the scraper, auth-api, the seed). This
 * brings stored values to what the functions compute now: the backfill after the migration
 * that adds such a column, rows written by an older release, and every row after a rule
 * changes. It runs with every migration (`pnpm db:migrate`, the chart's migration job),
 * reads in keyset batches and writes only rows whose value differs, and only while their
 * source columns are still as read (a concurrent writer, which stores its own derived value,
 * wins).
 */
export interface DerivedRefresh {
  /** Jobs whose salary_top_yearly was brought up to date. */
  jobs: number;
  /** Jobs whose text facts (seniority, visa sponsorship, languages) were read again under the current rules. */
  jobFacts: number;
  /** Users whose excluded_company_keys were brought up to date. */
  users: number;
}

const BATCH = 2_000;
const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

interface JobPay {
  id: string;
  salary_min: number | null;
  salary_max: number | null;
  salary_period: string | null;
  salary_top_yearly: number | null;
}

interface JobText {
  id: string;
  title: string;
  description: string;
}

interface UserExclusions {
  id: string;
  excluded_companies: string[] | null;
  excluded_company_keys: string[] | null;
}

/** Reads `table` in id order, `batch` rows at a time, and writes the rows `changed` returns; the number written. */
async function refreshInBatches<R extends { id: string }>(
  client: Client,
  select: string,
  changed: (rows: R[]) => unknown[],
  update: string,
  extraParams: readonly unknown[] = [],
): Promise<number> {
  let written = 0;
  let after = FIRST_UUID;
  for (;;) {
    const { rows } = await client.query<R>(select, [after, BATCH, ...extraParams]);
    if (rows.length === 0) return written;
    after = rows[rows.length - 1]!.id;
    const updates = changed(rows);
    if (updates.length > 0) written += (await client.query(update, [JSON.stringify(updates)])).rowCount ?? 0;
    if (rows.length < BATCH) return written;
  }
}

function refreshYearlyPay(client: Client): Promise<number> {
  return refreshInBatches<JobPay>(
    client,
    `SELECT id::text AS id, salary_min, salary_max, salary_period, salary_top_yearly FROM jobs
     WHERE id > $1::uuid AND (salary_min IS NOT NULL OR salary_max IS NOT NULL OR salary_top_yearly IS NOT NULL)
     ORDER BY id LIMIT $2`,
    (rows) =>
      rows
        .map((row) => ({ ...row, top: yearlyTopPay({ salaryMin: row.salary_min, salaryMax: row.salary_max, salaryPeriod: row.salary_period }) }))
        .filter((row) => row.top !== row.salary_top_yearly),
    `UPDATE jobs j SET salary_top_yearly = v.top
     FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, salary_min int, salary_max int, salary_period text, top int)
     WHERE j.id = v.id AND j.salary_min IS NOT DISTINCT FROM v.salary_min AND j.salary_max IS NOT DISTINCT FROM v.salary_max
       AND j.salary_period IS NOT DISTINCT FROM v.salary_period`,
  );
}

/**
 * Jobs stored under older parser rules (job_facts_version below JOB_TEXT_FACTS_VERSION): their
 * text is read again. Only those rows are read, so a migration run after which no rule changed
 * reads none; a job rewritten meanwhile (its version already current) is left alone.
 */
function refreshJobTextFacts(client: Client): Promise<number> {
  return refreshInBatches<JobText>(
    client,
    `SELECT id::text AS id, title, description FROM jobs
     WHERE id > $1::uuid AND job_facts_version < $3
     ORDER BY id LIMIT $2`,
    (rows) => rows.map((row) => ({ id: row.id, ...jobTextFacts(row), version: JOB_TEXT_FACTS_VERSION })),
    `UPDATE jobs j SET seniority = v."seniority", seniority_years = v."seniorityYears", visa_sponsorship = v."visaSponsorship",
       required_languages = v."languages", job_facts_version = v.version
     FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, "seniority" text, "seniorityYears" smallint, "visaSponsorship" text, "languages" text[], version smallint)
     WHERE j.id = v.id AND j.job_facts_version < v.version`,
    [JOB_TEXT_FACTS_VERSION],
  );
}

function refreshExcludedCompanyKeys(client: Client): Promise<number> {
  return refreshInBatches<UserExclusions>(
    client,
    `SELECT id::text AS id, excluded_companies, excluded_company_keys FROM users
     WHERE id > $1::uuid AND (cardinality(excluded_companies) > 0 OR cardinality(excluded_company_keys) > 0)
     ORDER BY id LIMIT $2`,
    (rows) =>
      rows
        .map((row) => ({ id: row.id, names: row.excluded_companies ?? [], keys: companyKeys(row.excluded_companies ?? []), stored: row.excluded_company_keys ?? [] }))
        .filter((row) => row.keys.length !== row.stored.length || row.keys.some((key, index) => key !== row.stored[index]))
        .map(({ id, names, keys }) => ({ id, names, keys })),
    `UPDATE users u
     SET excluded_company_keys = ARRAY(SELECT k.key FROM jsonb_array_elements_text(v.keys) WITH ORDINALITY AS k(key, n) ORDER BY k.n)
     FROM jsonb_to_recordset($1::jsonb) AS v(id uuid, names jsonb, keys jsonb)
     WHERE u.id = v.id AND to_jsonb(COALESCE(u.excluded_companies, '{}')) = v.names`,
  );
}

/** Brings every derived column of the database at `databaseUrl` up to date (see above). */
export async function refreshDerivedColumns(databaseUrl: string): Promise<DerivedRefresh> {
  const client = new Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return {
      jobs: await refreshYearlyPay(client),
      jobFacts: await refreshJobTextFacts(client),
      users: await refreshExcludedCompanyKeys(client),
    };
  } finally {
    await client.end();
  }
}
