import { setTimeout as sleep } from 'node:timers/promises';
import type { AiProvider } from '@jobping/ai';
import type { PrismaClient } from '@jobping/db';
import type { Logger } from '@jobping/logger';
import { jobInputColumns, toJobInput } from '@jobping/ai';
import type { ResearchClaims } from './research-claim';

/** Another consumer is researching this company and did not finish in time: retry the message later. */
export class ResearchInProgressError extends Error {
  readonly retryable = true;
  constructor(company: string) {
    super(`research of ${company} is in progress elsewhere; retrying later`);
    this.name = 'ResearchInProgressError';
  }
}

export interface CompanyResearchDeps {
  prisma: PrismaClient;
  ai: Pick<AiProvider, 'researchCompany'>;
  claims: ResearchClaims;
  /** Hands the job to the next stage (user-fanout). */
  publishFanout(jobId: string): Promise<void>;
  logger: Logger;
  /** Research younger than this is reused (docs/product.md, "The four stages": about six months). */
  maxAgeDays: number;
  /** How long to wait for another consumer's research of the same company. */
  waitForClaimMs: number;
  pollMs?: number;
  now?: () => Date;
}

export type ResearchOutcome =
  /** This call researched the company (one AI call). */
  | 'researched'
  /** The company's research was fresh (or another consumer just did it): no AI call. */
  | 'fresh'
  /** The job no longer exists: nothing to do. */
  | 'missing';

const POSTINGS_PER_RESEARCH = 20;

/**
 * Stage 1 (docs/product.md). Research is per company, not per job: a job whose company has research
 * younger than `maxAgeDays` costs no AI call. When many jobs of one company arrive at once,
 * exactly one consumer (the holder of the company's claim) researches it; the others wait for
 * its result, re-reading the company row, and retry their message if it takes too long.
 * Job status: new → researching → researched (→ fanned_out by fanout; failed on a permanent error).
 */
export class CompanyResearchService {
  private readonly pollMs: number;
  private readonly now: () => Date;

  constructor(private readonly deps: CompanyResearchDeps) {
    this.pollMs = deps.pollMs ?? 250;
    this.now = deps.now ?? (() => new Date());
  }

  async handle(jobId: string): Promise<ResearchOutcome> {
    const { prisma, logger } = this.deps;
    const job = await prisma.job.findUnique({ where: { id: jobId }, select: { id: true, status: true, companyId: true } });
    if (!job) {
      logger.warn('job not found; nothing to research', { job_id: jobId });
      return 'missing';
    }
    if (job.status === 'new' || job.status === 'failed') {
      await prisma.job.updateMany({ where: { id: jobId, status: { in: ['new', 'failed'] } }, data: { status: 'researching' } });
    }

    const outcome = await this.ensureResearch(job.companyId);

    // Never move a job backwards (a replayed message of a job already fanned out).
    await prisma.job.updateMany({ where: { id: jobId, status: { in: ['new', 'researching', 'failed'] } }, data: { status: 'researched' } });
    await this.deps.publishFanout(jobId);
    logger.info('job researched', { job_id: jobId, company_id: job.companyId, research: outcome });
    return outcome;
  }

  /** Marks a job failed (a permanent error, or the last delivery failed); the message goes to the dead letters. */
  async markFailed(jobId: string): Promise<void> {
    await this.deps.prisma.job.updateMany({ where: { id: jobId, status: { in: ['new', 'researching'] } }, data: { status: 'failed' } });
  }

  private isFresh(updatedAt: Date | null, info: unknown): boolean {
    if (!updatedAt || info === null || info === undefined) return false;
    return this.now().getTime() - updatedAt.getTime() < this.deps.maxAgeDays * 86_400_000;
  }

  private async loadCompany(companyId: string) {
    return this.deps.prisma.company.findUniqueOrThrow({
      where: { id: companyId },
      select: { id: true, name: true, website: true, companyInfo: true, companyInfoUpdatedAt: true },
    });
  }

  private async ensureResearch(companyId: string): Promise<'researched' | 'fresh'> {
    const deadline = Date.now() + this.deps.waitForClaimMs;
    let company = await this.loadCompany(companyId);
    for (;;) {
      if (this.isFresh(company.companyInfoUpdatedAt, company.companyInfo)) return 'fresh';
      const token = await this.deps.claims.acquire(companyId);
      if (token) {
        try {
          // The previous holder may have finished between our read and our claim.
          company = await this.loadCompany(companyId);
          if (this.isFresh(company.companyInfoUpdatedAt, company.companyInfo)) return 'fresh';
          await this.research(company);
          return 'researched';
        } finally {
          await this.deps.claims.release(companyId, token).catch((error: unknown) =>
            this.deps.logger.warn('releasing the research claim failed; it expires on its own', { company_id: companyId, error: (error as Error).message }),
          );
        }
      }
      if (Date.now() >= deadline) throw new ResearchInProgressError(company.name);
      await sleep(this.pollMs);
      company = await this.loadCompany(companyId);
    }
  }

  private async research(company: { id: string; name: string; website: string | null }): Promise<void> {
    const { prisma, ai, logger } = this.deps;
    // Copies from the company's own board first: an aggregator anyone can post to must not be
    // what the company's research is made of while the company's own words are available.
    const postings = await prisma.job.findMany({
      where: { companyId: company.id },
      select: jobInputColumns,
      orderBy: [{ sourceTrust: 'desc' }, { postedAt: { sort: 'desc', nulls: 'last' } }, { id: 'desc' }],
      take: POSTINGS_PER_RESEARCH,
    });
    const result = await ai.researchCompany({ name: company.name, website: company.website, postings: postings.map(toJobInput) });
    await prisma.company.update({
      where: { id: company.id },
      data: {
        companyInfo: result.info,
        companyInfoUpdatedAt: this.now(),
        companyInfoProvider: result.meta.provider,
        companyInfoModel: result.meta.model,
        companyInfoPromptVersion: result.meta.promptVersion,
      },
    });
    logger.info('company researched', {
      company_id: company.id,
      company: company.name,
      provider: result.meta.provider,
      model: result.meta.model,
      cached: result.meta.cached,
      postings: postings.length,
    });
  }
}
