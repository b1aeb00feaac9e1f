import { Prisma, queryRows, type PgPool, type PrismaClient } from '@jobping/db';
import { notFound } from '@jobping/http-kit';
import type { JobsQuery } from '../schemas';
import { pageJson, type DocCache, type DocRow, type VersionRow } from './list-pages';
import type { PageCache } from './page-cache';
import { containsPattern, isoOrNull, isoSql, JOB_COLUMNS, JOB_DOC, JOB_VERSION, jobSummaryView, objectOrEmpty, pageLimitClause, type JobRow } from './sql';

interface DetailRow extends JobRow {
  description: string;
  description_html: string | null;
  m_id: string | null;
  m_score: number | null;
  m_analysis: unknown;
  m_provider: string | null;
  m_model: string | null;
  m_prompt_version: string | null;
  m_notified: boolean | null;
  m_prefilter_skipped: boolean | null;
  m_prefilter_reason: string | null;
  m_feedback: 'up' | 'down' | null;
  m_feedback_at: Date | null;
  m_created_at: Date | null;
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
    if (query.location) where.push(Prisma.sql`j.location ILIKE ${containsPattern(query.location)}`);
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

  /** The job, its company, and the caller's own match (never anyone else's). */
  async get(jobId: string, userId: string) {
    const [row] = await this.prisma.$queryRaw<DetailRow[]>`
      SELECT ${JOB_COLUMNS}, j.description, j.description_html,
        m.id AS m_id, m.score AS m_score, m.analysis AS m_analysis, m.provider AS m_provider, m.model AS m_model,
        m.prompt_version AS m_prompt_version, m.notified AS m_notified, m.prefilter_skipped AS m_prefilter_skipped,
        m.prefilter_reason AS m_prefilter_reason, m.feedback::text AS m_feedback, m.feedback_at AS m_feedback_at,
        m.created_at AS m_created_at
      FROM jobs j
      JOIN companies c ON c.id = j.company_id
      LEFT JOIN user_job_matches m ON m.job_id = j.id AND m.user_id = ${userId}::uuid
      WHERE j.id = ${jobId}::uuid`;
    if (!row) throw notFound('No such job.');
    const { summary: _summary, ...job } = jobSummaryView(row);
    return {
      ...job,
      description: row.description,
      description_html: row.description_html,
      match:
        row.m_id === null
          ? null
          : {
              id: row.m_id,
              score: row.m_score as number,
              analysis: objectOrEmpty(row.m_analysis),
              provider: row.m_provider as string,
              model: row.m_model as string,
              prompt_version: row.m_prompt_version as string,
              notified: row.m_notified === true,
              prefilter_skipped: row.m_prefilter_skipped === true,
              prefilter_reason: row.m_prefilter_reason,
              feedback: row.m_feedback,
              feedback_at: isoOrNull(row.m_feedback_at),
              created_at: (row.m_created_at as Date).toISOString(),
            },
    };
  }
}
