import { companyKey, jobDedupeKey, type PrismaClient } from '@jobping/db';
import type { NormalizedPosting } from '../normalize/posting';

export type StoreOutcome = { kind: 'new'; jobId: string } | { kind: 'duplicate'; jobId: string | null; crossSource: boolean };

/**
 * Stores one posting at most once. `(source, source_id)` identifies it on its board; the
 * cross-source fingerprint (jobDedupeKey: company + title + location) keeps one job per real
 * posting, and a second board's URL is remembered in `alternate_urls`. Race-free: the insert
 * is `ON CONFLICT DO NOTHING`, so two sources storing the same posting at once end as one row.
 */
export async function storePosting(prisma: PrismaClient, source: string, posting: NormalizedPosting): Promise<StoreOutcome> {
  const dedupeKey = jobDedupeKey({ company: posting.company, title: posting.title, location: posting.location });
  const normalizedName = companyKey(posting.company);
  const [company] = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO companies (name, normalized_name) VALUES (${posting.company}, ${normalizedName})
    ON CONFLICT (normalized_name) DO UPDATE SET normalized_name = EXCLUDED.normalized_name
    RETURNING id`;
  if (!company) throw new Error(`could not store company ${posting.company}`);

  const inserted = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO jobs (source, source_id, url, dedupe_key, title, company_id, company, location, remote,
                      salary_min, salary_max, salary_currency, salary_period, employment_type,
                      description, description_html, posted_at)
    VALUES (${source}, ${posting.sourceId}, ${posting.url}, ${dedupeKey}, ${posting.title}, ${company.id}::uuid,
            ${posting.company}, ${posting.location}, ${posting.remote}, ${posting.salaryMin}, ${posting.salaryMax},
            ${posting.salaryCurrency}, ${posting.salaryPeriod}, ${posting.employmentType}, ${posting.description},
            ${posting.descriptionHtml}, ${posting.postedAt})
    ON CONFLICT DO NOTHING
    RETURNING id`;
  if (inserted[0]) return { kind: 'new', jobId: inserted[0].id };

  const same = await prisma.job.findUnique({ where: { source_sourceId: { source, sourceId: posting.sourceId } }, select: { id: true } });
  if (same) return { kind: 'duplicate', jobId: same.id, crossSource: false };

  // Another board's copy of a posting we already have: remember this URL too.
  const [other] = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE jobs SET alternate_urls = CASE
        WHEN url = ${posting.url} OR ${posting.url} = ANY(alternate_urls) THEN alternate_urls
        ELSE array_append(alternate_urls, ${posting.url}) END,
      updated_at = now()
    WHERE dedupe_key = ${dedupeKey}
    RETURNING id`;
  return { kind: 'duplicate', jobId: other?.id ?? null, crossSource: true };
}

/** The source ids among `ids` that are already stored for `source` (skips known postings cheaply). */
export async function knownSourceIds(prisma: PrismaClient, source: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await prisma.job.findMany({ where: { source, sourceId: { in: [...ids] } }, select: { sourceId: true } });
  return new Set(rows.map((row) => row.sourceId));
}
