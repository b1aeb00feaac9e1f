import type { UserAnalysisMessage } from '@jobping/contracts';
import { JobStatus, Prisma, queryRows, type PgPool, type PrismaClient } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import type { FanoutProgress } from './fanout-progress';
import { excludedKeywordsQuery, filterChecks, leftOutReason, mutedHits, mutedHitsQuery, reasonValues, userFilters, type FilterCheck, type JobFacts } from './user-filters';

export interface FanoutDeps {
  prisma: PrismaClient;
  /** The pool under `prisma` (createDatabase): pages of users are read on it, prepared. */
  pool: PgPool;
  /** Publishes one page of user-analysis messages (pipelined). */
  publishMany(messages: UserAnalysisMessage[]): Promise<number>;
  progress: FanoutProgress;
  logger: Logger;
  pageSize: number;
  /** DECISION_LOG: record why each left-out user was left out (match_decisions); default on. */
  decisionLog?: boolean;
}

export interface FanoutResult {
  /** user-analysis messages published by this call. */
  published: number;
  pages: number;
  /** The job was already fanned out (a redelivered or replayed message): nothing published. */
  alreadyDone: boolean;
  missing: boolean;
}

const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/** Pages being published at once: enough to keep Redis busy while the next page is encoded. */
const PAGES_IN_FLIGHT = 3;

/**
 * Stage 2 (docs/product.md, "The four stages"): one user-analysis message per user who has a
 * prompt and whose hard filters and must-haves the job passes (user-filters.ts, in SQL). No AI
 * and no per-user logic beyond them: a job that fails one reaches no scorer, so it costs no LLM
 * call. The filters:
 *
 * - remote only: the job must be remote;
 * - locations: empty means anywhere; remote jobs pass; otherwise one of them must appear in
 *   the job's location (case-insensitive); a job without a location passes;
 * - minimum salary: the job's top pay per year (`salary_top_yearly`, stored with the job by
 *   yearlyTopPay in @jobping/contracts, the rule jobs-api's filter reads too) must reach it; a
 *   job without pay passes when the user keeps such jobs (the default); currencies are not converted;
 * - excluded companies: the keys of the user's excluded companies (`excluded_company_keys`,
 *   stored by companyKey in @jobping/db when the filters are saved) must not include the
 *   key of the job's company (`companies.normalized_name`, the same function). SQL compares
 *   stored keys and never derives one;
 * - must-haves: seniority range, arrangements and remote regions, visa sponsorship,
 *   employment types, excluded keywords (docs/product.md, "Must-haves");
 * - mutes: a company or keyword muted from a match card (user_mutes).
 *
 * Users are read in keyset pages (`id > last ORDER BY id LIMIT n`) and published with one
 * pipelined `publishMany` per page, so memory stays flat for any number of users.
 *
 * Decision log (DECISION_LOG, on by default): the page statement reads every user with a
 * prompt and, in the same statement, writes a match_decisions row for each one left out (the
 * first check failed, from the same list the WHERE clause is made of): no extra statement and no
 * row through Node; rows written per job = users left out.
 *
 * Idempotency: a job whose fan-out completed is `fanned_out` and a redelivered message
 * publishes nothing. A fan-out interrupted by a crash resumes after the last page it
 * published (the resume point is kept in Redis), so at most three pages are published twice.
 * A message published twice costs no second AI call downstream: the matcher keeps one
 * stored result per (user, job) and skips pairs it has already scored.
 */
export class FanoutService {
  constructor(private readonly deps: FanoutDeps) {}

  async handle(jobId: string): Promise<FanoutResult> {
    const { prisma, progress, logger, pageSize } = this.deps;
    const [job] = await prisma.$queryRaw<JobFacts[]>`
      SELECT j.id::text AS id, j.status::text AS status, j.remote, j.location,
             c.normalized_name AS company_key, j.company, j.salary_top_yearly, j.work_arrangement, j.remote_region,
             j.employment_type, j.seniority, j.visa_sponsorship, j.required_languages, j.title, j.description
      FROM jobs j JOIN companies c ON c.id = j.company_id
      WHERE j.id = ${jobId}::uuid`;
    if (!job) {
      logger.warn('job not found; nothing to fan out', { job_id: jobId });
      return { published: 0, pages: 0, alreadyDone: false, missing: true };
    }
    if (job.status === JobStatus.fanned_out) {
      logger.info('job already fanned out; nothing to do', { job_id: jobId });
      return { published: 0, pages: 0, alreadyDone: true, missing: false };
    }

    const [keywordRows, muteRows] = await Promise.all([
      queryRows<{ keyword: string }>(this.deps.pool, excludedKeywordsQuery(job)),
      queryRows<{ kind: string; key: string }>(this.deps.pool, mutedHitsQuery(job)),
    ]);
    const checks = filterChecks(job, keywordRows.map((row) => row.keyword), mutedHits(muteRows));
    const after = (await progress.get(jobId)) ?? FIRST_UUID;
    if (after !== FIRST_UUID) logger.info('resuming an interrupted fan-out', { job_id: jobId, after_user_id: after });
    let published = 0;
    let pages = 0;
    const readPage = this.deps.decisionLog === false ? this.pageReader(checks) : this.loggingPageReader(jobId, checks);
    // The next page is read from PostgreSQL while earlier pages are encoded, sent and written
    // by Redis: up to PAGES_IN_FLIGHT pages at once. Each page's resume point is saved when
    // that page is confirmed; confirmations arrive in order (one connection), so the saved
    // point never passes an unpublished page and a crash republishes at most the pages in flight.
    let next: Promise<Page> = readPage(after);
    const inFlight: Promise<void>[] = [];
    for (;;) {
      const page = await next;
      if (page.last === null) break;
      const last = page.last;
      next = page.scanned < pageSize ? Promise.resolve({ users: [], scanned: 0, last: null }) : readPage(last);
      next.catch(() => undefined); // awaited on the next turn; a failed publish must not leave it unhandled
      const confirmed = this.deps.publishMany(page.users.map((userId) => ({ job_id: jobId, user_id: userId }))).then(async (count) => {
        published += count;
        pages += 1;
        await progress.set(jobId, last);
      });
      confirmed.catch(() => undefined); // awaited below
      inFlight.push(confirmed);
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);

    await prisma.job.updateMany({ where: { id: jobId, status: { not: JobStatus.fanned_out } }, data: { status: JobStatus.fanned_out } });
    await progress.clear(jobId);
    logger.info('job fanned out', { job_id: jobId, users: published, pages });
    return { published, pages, alreadyDone: false, missing: false };
  }

  /** Decision log off: a page of the users who keep the job (the filters in WHERE). */
  private pageReader(checks: readonly FilterCheck[]): (afterId: string) => Promise<Page> {
    const { pool, pageSize } = this.deps;
    return async (afterId) => {
      const rows = await queryRows<{ id: string }>(pool, Prisma.sql`
        SELECT u.id::text AS id FROM users u
        WHERE u.id > ${afterId}::uuid
          AND u.ai_prompt IS NOT NULL AND btrim(u.ai_prompt) <> ''
          ${userFilters(checks)}
        ORDER BY u.id
        LIMIT ${pageSize}`);
      return { users: rows.map((row) => row.id), scanned: rows.length, last: rows.at(-1)?.id ?? null };
    };
  }

  /**
   * Decision log on: a page of every user with a prompt, in one statement that also records
   * why each one left out was (match_decisions: the first check failed, with the two values
   * compared) and answers only the users who keep the job plus the page's last id, the resume
   * point. No left-out row reaches Node. A redelivered job finds its rows (ON CONFLICT DO NOTHING).
   */
  private loggingPageReader(jobId: string, checks: readonly FilterCheck[]): (afterId: string) => Promise<Page> {
    const { pool, pageSize } = this.deps;
    // The user values are read from the page's own rows (the subquery `u` carries the user's
    // columns and the reason): a join back to users made PostgreSQL hash all users per page.
    const values = reasonValues(checks, Prisma.sql`u.reason`);
    return async (afterId) => {
      const rows = await queryRows<{ id: string; keep: boolean; scanned: number }>(pool, Prisma.sql`
        WITH p AS MATERIALIZED (
          SELECT u.id, u.reason, ${values.jobValue} AS job_value, ${values.userValue} AS user_value
          FROM (
            SELECT u.*, ${leftOutReason(checks)} AS reason FROM users u
            WHERE u.id > ${afterId}::uuid
              AND u.ai_prompt IS NOT NULL AND btrim(u.ai_prompt) <> ''
            ORDER BY u.id
            LIMIT ${pageSize}
          ) u
        ), logged AS (
          INSERT INTO match_decisions (user_id, job_id, reason, job_value, user_value)
          SELECT p.id, ${jobId}::uuid, p.reason, p.job_value, p.user_value
          FROM p
          WHERE p.reason IS NOT NULL
          ON CONFLICT (user_id, job_id) DO NOTHING
        )
        SELECT p.id::text AS id, p.reason IS NULL AS keep, (SELECT count(*) FROM p)::int AS scanned
        FROM p
        WHERE p.reason IS NULL OR p.id = (SELECT p.id FROM p ORDER BY p.id DESC LIMIT 1)
        ORDER BY p.id`);
      const last = rows.at(-1);
      return { users: rows.filter((row) => row.keep).map((row) => row.id), scanned: last?.scanned ?? 0, last: last?.id ?? null };
    };
  }
}

/** One page of fan-out: the users to publish to, how many users it read, and the last one read (the resume point). */
interface Page {
  users: string[];
  scanned: number;
  last: string | null;
}
