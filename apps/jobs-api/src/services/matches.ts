import { Prisma, queryRows, type MatchFeedback, type PgPool, type PrismaClient } from '@jobping/db';
import type { DismissReason } from '@jobping/contracts';
import { notFound } from '@jobping/http-kit';
import type { MatchesQuery } from '../schemas';
import { pageJson, type DocCache, type DocRow, type VersionRow } from './list-pages';
import { MatchSignatures } from './match-signatures';
import type { PageCache } from './page-cache';
import { MATCH_DOC, MATCH_VERSION, MATCHES_ORDER, matchesPageFilter, pageLimitClause } from './list-read-model';

/**
 * The caller's matches, highest score first, keyset-paginated on (score, id) along the
 * index (user_id, score DESC, id DESC). Every statement is scoped to the caller's user id.
 * Pairs the pre-filter ruled out are not matches the user should see; they are left out.
 */
export class UserMatchesService {
  private readonly signatures: MatchSignatures;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly pool: PgPool,
    private readonly docs: DocCache,
    private readonly pages: PageCache,
  ) {
    this.signatures = new MatchSignatures(pool);
  }

  /**
   * One page as JSON bytes, from the page cache while nothing it shows has changed: its
   * jobs and companies by the change feed; its match rows by their ids and versions (one
   * index range, one row back), re-read only after the feed reported some match changed.
   */
  async list(userId: string, query: MatchesQuery): Promise<Buffer> {
    return this.pages.page({
      list: 'matches',
      key: `${userId}|${JSON.stringify(query)}`,
      signature: () => this.signatures.of(userId, query),
      build: () => this.buildPage(userId, query, this.pageFilter(userId, query)),
    });
  }

  private pageFilter(userId: string, query: MatchesQuery): Prisma.Sql {
    return matchesPageFilter({
      userId: Prisma.sql`${userId}::uuid`,
      minScore: Prisma.sql`${query.min_score ?? 0}::smallint`,
      ...(query.cursor ? { cursor: [Prisma.sql`${query.cursor[0]}::smallint`, Prisma.sql`${query.cursor[1]}::uuid`] } : {}),
    });
  }

  private async buildPage(userId: string, query: MatchesQuery, where: Prisma.Sql): Promise<Buffer> {
    const rows = await queryRows<VersionRow & { score: number }>(
      this.pool,
      Prisma.sql`
        SELECT m.id::text AS id, ${MATCH_VERSION} AS version, m.score
        FROM user_job_matches m
        JOIN jobs j ON j.id = m.job_id
        JOIN companies c ON c.id = j.company_id
        WHERE ${where}
        ${MATCHES_ORDER}
        ${pageLimitClause(query.limit)}`,
    );
    return pageJson(rows, query.limit, (row) => [row.score, row.id], (pageRows) =>
      this.docs.docsFor(pageRows, (ids) =>
        queryRows<DocRow>(
          this.pool,
          // Scoped to the caller again: a document is only ever read for its owner.
          Prisma.sql`
            SELECT m.id::text AS id, ${MATCH_VERSION} AS version, (${MATCH_DOC})::text AS doc
            FROM user_job_matches m
            JOIN jobs j ON j.id = m.job_id
            JOIN companies c ON c.id = j.company_id
            WHERE m.id = ANY(${ids}::uuid[]) AND m.user_id = ${userId}::uuid`,
        ),
      ),
    );
  }

  /** Stores 👍/👎 on the caller's own match of the job (404 when the caller has none). */
  async setFeedback(userId: string, jobId: string, feedback: MatchFeedback) {
    const feedbackAt = new Date();
    const updated = await this.prisma.userJobMatch.updateManyAndReturn({
      where: { userId, jobId },
      data: { feedback, feedbackAt },
      select: { id: true, jobId: true },
    });
    const match = updated[0];
    if (!match) throw notFound('You have no match for this job.');
    return { match_id: match.id, job_id: match.jobId, feedback, feedback_at: feedbackAt.toISOString() };
  }

  /**
   * "Not interested" in a job, with a reason (one per user and job; saying it again replaces
   * the reason). Kept for matching to learn from; the job itself is untouched.
   */
  async setNotInterested(userId: string, jobId: string, reason: DismissReason, text: string | null) {
    const job = await this.prisma.job.findUnique({ where: { id: jobId }, select: { id: true } });
    if (!job) throw notFound('No such job.');
    const row = await this.prisma.jobDismissal.upsert({
      where: { userId_jobId: { userId, jobId } },
      create: { userId, jobId, reason, text },
      update: { reason, text, createdAt: new Date() },
    });
    return { job_id: row.jobId, reason, text: row.text, created_at: row.createdAt.toISOString() };
  }

  /** The undo: only the caller's own dismissal, so another user's is "not found". */
  async clearNotInterested(userId: string, jobId: string): Promise<void> {
    const { count } = await this.prisma.jobDismissal.deleteMany({ where: { userId, jobId } });
    if (count === 0) throw notFound('You did not mark this job as not interesting.');
  }
}
