import type { UserAnalysisMessage } from '@jobping/contracts';
import { Prisma, queryRows, type PgPool, type PrismaClient } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import type { FanoutProgress } from './fanout-progress';

export interface FanoutDeps {
  prisma: PrismaClient;
  /** The pool under `prisma` (createDatabase): pages of users are read on it, prepared. */
  pool: PgPool;
  /** Publishes one page of user-analysis messages (pipelined). */
  publishMany(messages: UserAnalysisMessage[]): Promise<number>;
  progress: FanoutProgress;
  logger: Logger;
  pageSize: number;
}

export interface FanoutResult {
  /** user-analysis messages published by this call. */
  published: number;
  pages: number;
  /** The job was already fanned out (a redelivered or replayed message): nothing published. */
  alreadyDone: boolean;
  missing: boolean;
}

interface JobFacts {
  id: string;
  status: string;
  remote: boolean;
  location: string | null;
  company: string;
  company_name: string;
  company_key: string;
  salary_min: number | null;
  salary_max: number | null;
  salary_period: string | null;
}

const FIRST_UUID = '00000000-0000-0000-0000-000000000000';

/** Pages being published at once: enough to keep Redis busy while the next page is encoded. */
const PAGES_IN_FLIGHT = 3;

/** Days and hours a year, to compare a posting's pay with a yearly minimum salary. */
const PER_YEAR: Record<string, number> = { year: 1, month: 12, week: 52, day: 220, hour: 1_760 };

/** The most the job pays per year, or null when it says nothing (then the salary filter lets it through). */
export function yearlyTopPay(job: Pick<JobFacts, 'salary_min' | 'salary_max' | 'salary_period'>): number | null {
  const top = job.salary_max ?? job.salary_min;
  if (top === null) return null;
  return Math.round(top * (PER_YEAR[job.salary_period ?? 'year'] ?? 1));
}

/**
 * Stage 2 (SPEC §2.2): one user-analysis message per user who has a prompt and whose hard
 * filters the job passes. No AI, no per-user logic beyond the filters, which run in SQL:
 *
 * - remote only: the job must be remote;
 * - locations: empty means anywhere; remote jobs pass; otherwise one of them must appear in
 *   the job's location (case-insensitive); a job without a location passes;
 * - minimum salary: the job's top pay, per year, must reach it; a job without pay passes
 *   (currencies are not converted);
 * - excluded companies: compared case-insensitively with the job's company as posted, the
 *   company's name, and its normalised key (legal suffixes and punctuation removed).
 *
 * Users are read in keyset pages (`id > last ORDER BY id LIMIT n`) and published with one
 * pipelined `publishMany` per page, so memory stays flat for any number of users.
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
      SELECT j.id::text AS id, j.status::text AS status, j.remote, j.location, j.company,
             c.name AS company_name, c.normalized_name AS company_key,
             j.salary_min, j.salary_max, j.salary_period
      FROM jobs j JOIN companies c ON c.id = j.company_id
      WHERE j.id = ${jobId}::uuid`;
    if (!job) {
      logger.warn('job not found; nothing to fan out', { job_id: jobId });
      return { published: 0, pages: 0, alreadyDone: false, missing: true };
    }
    if (job.status === 'fanned_out') {
      logger.info('job already fanned out; nothing to do', { job_id: jobId });
      return { published: 0, pages: 0, alreadyDone: true, missing: false };
    }

    const filters = this.filtersFor(job);
    const after = (await progress.get(jobId)) ?? FIRST_UUID;
    if (after !== FIRST_UUID) logger.info('resuming an interrupted fan-out', { job_id: jobId, after_user_id: after });
    let published = 0;
    let pages = 0;
    const readPage = (afterId: string) => queryRows<{ id: string }>(this.deps.pool, Prisma.sql`
        SELECT u.id::text AS id FROM users u
        WHERE u.id > ${afterId}::uuid
          AND u.ai_prompt IS NOT NULL AND btrim(u.ai_prompt) <> ''
          ${filters}
        ORDER BY u.id
        LIMIT ${pageSize}`);
    // The next page is read from PostgreSQL while earlier pages are encoded, sent and written
    // by Redis: up to PAGES_IN_FLIGHT pages at once. Each page's resume point is saved when
    // that page is confirmed; confirmations arrive in order (one connection), so the saved
    // point never passes an unpublished page and a crash republishes at most the pages in flight.
    let next: Promise<{ id: string }[]> = readPage(after);
    const inFlight: Promise<void>[] = [];
    for (;;) {
      const page = await next;
      if (page.length === 0) break;
      const last = (page[page.length - 1] as { id: string }).id;
      next = page.length < pageSize ? Promise.resolve([]) : readPage(last);
      next.catch(() => undefined); // awaited on the next turn; a failed publish must not leave it unhandled
      const confirmed = this.deps.publishMany(page.map((user) => ({ job_id: jobId, user_id: user.id }))).then(async (count) => {
        published += count;
        pages += 1;
        await progress.set(jobId, last);
      });
      confirmed.catch(() => undefined); // awaited below
      inFlight.push(confirmed);
      if (inFlight.length >= PAGES_IN_FLIGHT) await inFlight.shift();
    }
    await Promise.all(inFlight);

    await prisma.$executeRaw`UPDATE jobs SET status = 'fanned_out', updated_at = now() WHERE id = ${jobId}::uuid AND status <> 'fanned_out'`;
    await progress.clear(jobId);
    logger.info('job fanned out', { job_id: jobId, users: published, pages });
    return { published, pages, alreadyDone: false, missing: false };
  }

  /** The hard filters as SQL conditions on `u`, with the job's facts as parameters. */
  private filtersFor(job: JobFacts): Prisma.Sql {
    const conditions: Prisma.Sql[] = [];
    if (!job.remote) {
      conditions.push(Prisma.sql`AND NOT u.remote_only`);
      if (job.location && job.location.trim() !== '') {
        conditions.push(Prisma.sql`AND (cardinality(u.locations) = 0
          OR EXISTS (SELECT 1 FROM unnest(u.locations) AS l(v) WHERE strpos(${job.location.toLowerCase()}, lower(btrim(l.v))) > 0))`);
      }
    }
    const topPay = yearlyTopPay(job);
    if (topPay !== null) conditions.push(Prisma.sql`AND (u.min_salary IS NULL OR u.min_salary <= ${topPay})`);
    const names = [...new Set([job.company.trim().toLowerCase(), job.company_name.trim().toLowerCase()])];
    conditions.push(Prisma.sql`AND NOT EXISTS (
      SELECT 1 FROM unnest(u.excluded_companies) AS e(v)
      WHERE lower(btrim(e.v)) = ANY(${names}::text[])
         OR btrim(regexp_replace(regexp_replace(lower(e.v), ${LEGAL_SUFFIXES}, ' ', 'g'), '[^a-z0-9]+', '-', 'g'), '-') = ${job.company_key})`);
    return Prisma.join(conditions, '\n');
  }
}

/** The legal suffixes companyKey (packages/db) drops, as a PostgreSQL regular expression. */
const LEGAL_SUFFIXES = String.raw`\m(inc|llc|ltd|limited|gmbh|ag|bv|b\.v|sas|sa|srl|plc|co|corp|corporation|oy|ab|as|aps)\M\.?`;
