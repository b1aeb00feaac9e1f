import { JOB_TEXT_FACTS_VERSION, jobTextFacts, sourceTrust, yearlyTopPay } from '@jobping/contracts';
import { companyKey, jobDedupeKey, type PrismaClient } from '@jobping/db';
import { type NormalizedPosting } from '@jobping/sources';

export type StoreOutcome =
  | { kind: 'new'; jobId: string }
  /** `tookOver`: this copy is more trusted than the job's and now gives it its URL and text. */
  | { kind: 'duplicate'; jobId: string | null; crossSource: boolean; tookOver: boolean };

/**
 * Stores one posting at most once. `(source, source_id)` identifies it on its board; the
 * cross-source fingerprint (jobDedupeKey: company + title + location) keeps one job per real
 * posting. Which board's copy the job shows is decided by trust (sourceTrust in
 * @jobping/contracts): a copy from a more trusted board (the company's own ATS above an
 * aggregator anyone can post to) takes the job over — its source, URL, title, text and
 * details — and the job keeps the other URLs in `alternate_urls`; a less or equally trusted
 * copy only adds its URL there. Race-free: the insert is `ON CONFLICT DO NOTHING` and the
 * take-over one conditional UPDATE, so concurrent copies end as one row with the most trusted
 * copy's content, whatever order they arrive in. The job keeps its id, so stages that read it
 * later (research, matching, the API) see the new content; the hand-off to job-analysis at the
 * end of a run happens once per job, after both copies of one run are stored.
 */
export async function storePosting(prisma: PrismaClient, source: string, posting: NormalizedPosting): Promise<StoreOutcome> {
  const trust = sourceTrust(source);
  const dedupeKey = jobDedupeKey({ company: posting.company, title: posting.title, location: posting.location });
  const normalizedName = companyKey(posting.company);
  // Stored with the salary it derives from: the figure both min_salary filters compare.
  const topYearly = yearlyTopPay(posting);
  // Read once here from the copy's own words, so must-haves on them cost no AI call later.
  const facts = jobTextFacts(posting);
  const [company] = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO companies (name, normalized_name) VALUES (${posting.company}, ${normalizedName})
    ON CONFLICT (normalized_name) DO UPDATE SET normalized_name = EXCLUDED.normalized_name
    RETURNING id`;
  if (!company) throw new Error(`could not store company ${posting.company}`);

  const inserted = await prisma.$queryRaw<{ id: string }[]>`
    INSERT INTO jobs (source, source_id, source_trust, url, dedupe_key, title, company_id, company, location, locations,
                      work_arrangement, remote_region, remote, department, team,
                      salary_min, salary_max, salary_currency, salary_period, salary_top_yearly, employment_type,
                      seniority, seniority_years, visa_sponsorship, required_languages, job_facts_version,
                      description, description_html, posted_at)
    VALUES (${source}, ${posting.sourceId}, ${trust}, ${posting.url}, ${dedupeKey}, ${posting.title}, ${company.id}::uuid,
            ${posting.company}, ${posting.location}, ${posting.locations}::text[], ${posting.workArrangement}, ${posting.remoteRegion},
            ${posting.remote}, ${posting.department}, ${posting.team}, ${posting.salaryMin}, ${posting.salaryMax},
            ${posting.salaryCurrency}, ${posting.salaryPeriod}, ${topYearly}, ${posting.employmentType},
            ${facts.seniority}, ${facts.seniorityYears}, ${facts.visaSponsorship}, ${facts.languages}::text[], ${JOB_TEXT_FACTS_VERSION}, ${posting.description},
            ${posting.descriptionHtml}, ${posting.postedAt})
    ON CONFLICT DO NOTHING
    RETURNING id`;
  if (inserted[0]) return { kind: 'new', jobId: inserted[0].id };

  const same = await prisma.job.findUnique({ where: { source_sourceId: { source, sourceId: posting.sourceId } }, select: { id: true } });
  if (same) return { kind: 'duplicate', jobId: same.id, crossSource: false, tookOver: false };

  // Another board's copy of a posting we have. More trusted than the job's copy: it takes over,
  // and the job's URL so far joins the alternates (RHS columns are the row's old values).
  const [taken] = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE jobs SET
      alternate_urls = array_remove(
        CASE WHEN url = ANY(alternate_urls) THEN alternate_urls ELSE array_append(alternate_urls, url) END, ${posting.url}),
      source = ${source}, source_id = ${posting.sourceId}, source_trust = ${trust}, url = ${posting.url},
      title = ${posting.title}, company = ${posting.company}, location = ${posting.location}, locations = ${posting.locations}::text[],
      work_arrangement = ${posting.workArrangement}, remote_region = ${posting.remoteRegion}, remote = ${posting.remote},
      department = ${posting.department}, team = ${posting.team},
      salary_min = ${posting.salaryMin}, salary_max = ${posting.salaryMax}, salary_currency = ${posting.salaryCurrency},
      salary_period = ${posting.salaryPeriod}, salary_top_yearly = ${topYearly}, employment_type = ${posting.employmentType},
      seniority = ${facts.seniority}, seniority_years = ${facts.seniorityYears}, visa_sponsorship = ${facts.visaSponsorship},
      required_languages = ${facts.languages}::text[], job_facts_version = ${JOB_TEXT_FACTS_VERSION},
      description = ${posting.description}, description_html = ${posting.descriptionHtml}, posted_at = ${posting.postedAt},
      updated_at = now()
    WHERE dedupe_key = ${dedupeKey} AND source_trust < ${trust}
      AND NOT EXISTS (SELECT 1 FROM jobs other WHERE other.source = ${source} AND other.source_id = ${posting.sourceId})
    RETURNING id`;
  if (taken) return { kind: 'duplicate', jobId: taken.id, crossSource: true, tookOver: true };

  // Not more trusted: remember this URL too, nothing else.
  const [other] = await prisma.$queryRaw<{ id: string }[]>`
    UPDATE jobs SET alternate_urls = CASE
        WHEN url = ${posting.url} OR ${posting.url} = ANY(alternate_urls) THEN alternate_urls
        ELSE array_append(alternate_urls, ${posting.url}) END,
      updated_at = now()
    WHERE dedupe_key = ${dedupeKey}
    RETURNING id`;
  return { kind: 'duplicate', jobId: other?.id ?? null, crossSource: true, tookOver: false };
}

/** The source ids among `ids` that are already stored for `source` (skips known postings cheaply). */
export async function knownSourceIds(prisma: PrismaClient, source: string, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await prisma.job.findMany({ where: { source, sourceId: { in: [...ids] } }, select: { sourceId: true } });
  return new Set(rows.map((row) => row.sourceId));
}
