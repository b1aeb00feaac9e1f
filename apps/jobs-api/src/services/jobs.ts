import { Prisma, queryRows, type PgPool, type PrismaClient } from '@jobping/db';
import { notFound } from '@jobping/http-kit';
import type { JobDetail, JobSummary, JobsQuery, OwnMatch } from '../schemas';
import { pageJson, type DocCache, type DocRow, type VersionRow } from './list-pages';
import type { PageCache } from './page-cache';
import { containsPattern, isoSql, JOB_DOC, JOB_VERSION, OWN_MATCH_DOC, pageLimitClause } from './list-read-model';

/** A job's detail: its list document, the fields only the detail shows, and the caller's match document. */
interface DetailRow {
  job: string;
  description: string;
  description_html: string | null;
  match: string | null;
}

/**
 * Reads jobs with plain SQL through `$queryRaw` (parameterised tagged templates): the list is
 * the hottest read of the service. Newest first by (created_at, id) — the order in which
 * JobPing stored them — so jobs arriving between two pages land before the first page and
 * never shift the pages a reader is walking through.
 */
export class JobService {
  constructor(
    private readonly prisma: PrismaClient,
    private readonly pool: PgPool,
    private readonly docs: DocCache,
    private readonly pages: PageCache,
  ) {}

  /** One page as JSON bytes, from the page cache while nothing it shows has changed. */
  async list(query: JobsQuery): Promise<Buffer> {
    return this.pages.page({ list: 'jobs', key: JSON.stringify(query), build: () => this.buildPage(query) });
  }

  private async buildPage(query: JobsQuery): Promise<Buffer> {
    const where: Prisma.Sql[] = [];
    if (query.q) where.push(Prisma.sql`j.search_vector @@ websearch_to_tsquery('english', ${query.q})`);
    if (query.remote !== undefined) where.push(Prisma.sql`j.remote = ${query.remote}`);
    // Any of the job's locations: a job in London and Stockholm is found with "Stockholm".
    if (query.location) {
      const pattern = containsPattern(query.location);
      where.push(Prisma.sql`(j.location ILIKE ${pattern} OR EXISTS (SELECT 1 FROM unnest(j.locations) AS l(name) WHERE l.name ILIKE ${pattern}))`);
    }
    if (query.company) where.push(Prisma.sql`j.company ILIKE ${containsPattern(query.company)}`);
    if (query.posted_since) where.push(Prisma.sql`j.posted_at >= ${query.posted_since}`);
    // The job's yearly top pay as stored with it (yearlyTopPay in @jobping/contracts, the figure fan-out compares too).
    if (query.min_salary !== undefined) where.push(Prisma.sql`j.salary_top_yearly >= ${query.min_salary}`);
    if (query.cursor) {
      const [createdAt, id] = query.cursor;
      where.push(Prisma.sql`(j.created_at, j.id) < (${createdAt}::timestamptz, ${id}::uuid)`);
    }
    const condition = where.length > 0 ? Prisma.sql`WHERE ${Prisma.join(where, ' AND ')}` : Prisma.empty;
    // Each filter combination is its own statement text (their plans differ: the full-text
    // index, residual filters), and clients choose the combination: only the plain list (with
    // or without a cursor) is prepared, so the set a connection keeps stays fixed. A filtered
    // search is planned per request; the page cache spares repeats.
    const filtered = where.length > (query.cursor ? 1 : 0);
    const rows = await queryRows<VersionRow & { created_at: string }>(
      this.pool,
      Prisma.sql`
        SELECT j.id::text AS id, ${JOB_VERSION} AS version, ${isoSql('j.created_at')} AS created_at
        FROM jobs j JOIN companies c ON c.id = j.company_id
        ${condition}
        ORDER BY j.created_at DESC, j.id DESC
        ${pageLimitClause(query.limit)}`,
      { prepare: !filtered },
    );
    return pageJson(rows, query.limit, (row) => [row.created_at, row.id], (pageRows) =>
      this.docs.docsFor(pageRows, (ids) =>
        queryRows<DocRow>(
          this.pool,
          Prisma.sql`
            SELECT j.id::text AS id, ${JOB_VERSION} AS version, (${JOB_DOC})::text AS doc
            FROM jobs j JOIN companies c ON c.id = j.company_id
            WHERE j.id = ANY(${ids}::uuid[])`,
        ),
      ),
    );
  }

  /** The job, its company, and the caller's own match (never anyone else's): the documents the lists send, and the description. */
  async get(jobId: string, userId: string): Promise<JobDetail> {
    const [row] = await this.prisma.$queryRaw<DetailRow[]>`
      SELECT (${JOB_DOC})::text AS job, j.description, j.description_html,
        CASE WHEN m.id IS NULL THEN NULL ELSE (${OWN_MATCH_DOC})::text END AS match
      FROM jobs j
      JOIN companies c ON c.id = j.company_id
      LEFT JOIN user_job_matches m ON m.job_id = j.id AND m.user_id = ${userId}::uuid
      WHERE j.id = ${jobId}::uuid`;
    if (!row) throw notFound('No such job.');
    const { summary: _summary, ...job } = JSON.parse(row.job) as JobSummary;
    return {
      ...job,
      description: row.description,
      description_html: row.description_html,
      match: row.match === null ? null : (JSON.parse(row.match) as OwnMatch),
    };
  }
}
