// The list read model of jobs-api in SQL: the response documents PostgreSQL builds, their row
// versions (for the page cache), page sizes, filters and order. One module, one mapping.
import { Prisma } from '@jobping/db';

const asObject = (value: unknown): Record<string, unknown> | null =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
export const objectOrEmpty = (value: unknown): Record<string, unknown> => asObject(value) ?? {};

/** A timestamptz column as the API writes times: ISO 8601 in UTC with milliseconds (null stays null). */
export const isoSql = (column: string) => Prisma.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

/**
 * A job with its company as the JSON document of JobSummary, built by PostgreSQL (aliases
 * `j`, `c`). Built once per row version and cached (list-pages.ts): mapping 50 rows × 23
 * columns through Prisma's raw-row decoding cost several times more than the query itself.
 * The response documents (this, MATCH_DOC, OWN_MATCH_DOC) are the only code that builds
 * those shapes; test/documents.test.ts holds them to the zod schemas field by field.
 */
export const JOB_DOC = Prisma.sql`json_build_object(
  'id', j.id, 'title', j.title, 'company_name', j.company,
  'company', json_build_object('id', c.id, 'name', c.name, 'website', c.website,
    'info', CASE WHEN jsonb_typeof(c.company_info) = 'object' THEN c.company_info END,
    'info_updated_at', ${isoSql('c.company_info_updated_at')}),
  'location', j.location, 'locations', j.locations, 'work_arrangement', j.work_arrangement, 'remote_region', j.remote_region,
  'remote', j.remote, 'department', j.department, 'team', j.team,
  'salary', CASE WHEN j.salary_min IS NULL AND j.salary_max IS NULL THEN NULL
    ELSE json_build_object('min', j.salary_min, 'max', j.salary_max, 'currency', j.salary_currency, 'period', j.salary_period) END,
  'employment_type', j.employment_type, 'url', j.url, 'alternate_urls', j.alternate_urls, 'source', j.source,
  'posted_at', ${isoSql('j.posted_at')}, 'scraped_at', ${isoSql('j.scraped_at')}, 'created_at', ${isoSql('j.created_at')},
  'summary', left(j.description, 300))`;

/** The fields every match document has (alias `m`): ownMatchSchema and matchSchema share them. */
const MATCH_FIELDS = Prisma.sql`
  'id', m.id, 'score', m.score,
  'analysis', CASE WHEN jsonb_typeof(m.analysis) = 'object' THEN m.analysis ELSE '{}'::jsonb END,
  'provider', m.provider, 'model', m.model, 'prompt_version', m.prompt_version, 'notified', m.notified,
  'feedback', m.feedback, 'feedback_at', ${isoSql('m.feedback_at')}, 'created_at', ${isoSql('m.created_at')}`;

/** A match in the caller's matches list with its job (matchSchema; aliases `m`, `j`, `c`). */
export const MATCH_DOC = Prisma.sql`json_build_object(${MATCH_FIELDS}, 'job_id', m.job_id, 'job', ${JOB_DOC})`;

/** The caller's own match as a job's detail shows it (ownMatchSchema; alias `m`). */
export const OWN_MATCH_DOC = Prisma.sql`json_build_object(${MATCH_FIELDS},
  'prefilter_skipped', m.prefilter_skipped, 'prefilter_reason', m.prefilter_reason)`;

/** The row version of a job document (aliases `j`, `c`): see list-pages.ts. */
export const JOB_VERSION = Prisma.sql`'j' || j.xmin::text || '.' || c.xmin::text`;
/** The row version of a match document (aliases `m`, `j`, `c`). */
export const MATCH_VERSION = Prisma.sql`'m' || m.xmin::text || '.' || j.xmin::text || '.' || c.xmin::text`;

/**
 * Page sizes a statement is written for: a page of `limit` rows reads `pageStep(limit) + 1`
 * rows (one more tells whether a next page exists) and the caller keeps what it needs.
 * Every step is its own prepared statement, and PostgreSQL keeps each one for the life of
 * the connection, so the steps are few: the statements a client can cause stay a fixed set
 * whatever `limit` it sends. 10 and 20 are the web app's page sizes, 100 the largest allowed.
 */
export const PAGE_STEPS = [10, 20, 50, 100] as const;

/** The smallest page step that holds `limit` rows. */
export function pageStep(limit: number): number {
  if (!Number.isSafeInteger(limit) || limit < 1) throw new RangeError(`limit must be a positive integer, got ${limit}`);
  const step = PAGE_STEPS.find((size) => size >= limit);
  if (step === undefined) throw new RangeError(`limit must be at most ${PAGE_STEPS[PAGE_STEPS.length - 1]}, got ${limit}`);
  return step;
}

/**
 * `LIMIT n` for a page of `limit` rows and the one after it, with n = pageStep(limit) + 1
 * written into the statement text instead of sent as a parameter. PostgreSQL cannot cost a
 * generic plan for `LIMIT $n`, so a prepared statement with it is planned anew on every
 * execution (custom plans only): for the matches list that planning cost more than running
 * the query. With a literal each step is its own statement, planned once.
 */
export function pageLimitClause(limit: number): Prisma.Sql {
  return Prisma.raw(`LIMIT ${pageStep(limit) + 1}`);
}

/**
 * `LIMIT n` exactly, for statements run through Prisma (`$queryRaw` is unnamed: planned each
 * time, kept by no connection). Statements run prepared (`queryRows`) use pageLimitClause.
 * Only a validated integer ever gets here.
 */
export function limitClause(limit: number): Prisma.Sql {
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 1000) throw new RangeError(`limit must be an integer from 1 to 1000, got ${limit}`);
  return Prisma.raw(`LIMIT ${limit}`);
}

/** Where a matches page reads its rows from: SQL for the caller's id and minimum score, and the cursor when given. */
export interface MatchesPageSource {
  userId: Prisma.Sql;
  /** Always a bound (0 without `min_score`), so one statement serves both and the index range uses it. */
  minScore: Prisma.Sql;
  cursor?: [score: Prisma.Sql, id: Prisma.Sql];
}

/**
 * The rows of a matches page and all after it (alias `m`): the caller's own matches the
 * pre-filter did not rule out, at least `minScore`, past the cursor. One definition for the
 * page and for the check of its rows' versions, which must cover exactly the same rows.
 */
export function matchesPageFilter(source: MatchesPageSource): Prisma.Sql {
  const where = [Prisma.sql`m.user_id = ${source.userId}`, Prisma.sql`NOT m.prefilter_skipped`, Prisma.sql`m.score >= ${source.minScore}`];
  if (source.cursor) where.push(Prisma.sql`(m.score, m.id) < (${source.cursor[0]}, ${source.cursor[1]})`);
  return Prisma.join(where, ' AND ');
}

/** The order of a matches page, along the index (user_id, score DESC, id DESC). */
export const MATCHES_ORDER = Prisma.sql`ORDER BY m.score DESC, m.id DESC`;

/** `%text%` for ILIKE with the user's `%`, `_` and `\` taken literally. */
export const containsPattern = (value: string) => `%${value.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
