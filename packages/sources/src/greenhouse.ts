import { z } from 'zod';
import { decodeEntities, normalizePeriod, toPosting, type NormalizedPosting } from './posting';
import { joinUrl, parseBoard, parseItems, companyFromSlug } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET /v1/boards/{board}/jobs?content=true (Greenhouse Job Board API).
const jobSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1)]),
  internal_job_id: z.number().nullish(),
  title: z.string().min(1),
  updated_at: z.string().nullish(),
  first_published: z.string().nullish(),
  requisition_id: z.string().nullish(),
  company_name: z.string().nullish(),
  location: z.object({ name: z.string().nullish() }).nullish(),
  absolute_url: z.string().min(1),
  content: z.string().nullish(),
  metadata: z.array(z.object({ name: z.string().nullish(), value: z.unknown() })).nullish(),
  departments: z.array(z.object({ name: z.string().nullish() })).nullish(),
  offices: z.array(z.object({ name: z.string().nullish(), location: z.string().nullish() })).nullish(),
  pay_input_ranges: z
    .array(
      z.object({
        min_cents: z.number().nullish(),
        max_cents: z.number().nullish(),
        currency_type: z.string().nullish(),
        title: z.string().nullish(),
        blurb: z.string().nullish(),
      }),
    )
    .nullish(),
});
const boardJobsSchema = z.object({ jobs: z.array(z.unknown()), meta: z.object({ total: z.number() }).partial().nullish() });
const boardSchema = z.object({ name: z.string().min(1) });

type GreenhouseJob = z.infer<typeof jobSchema>;

function metadataValue(job: GreenhouseJob, pattern: RegExp): string | null {
  for (const entry of job.metadata ?? []) {
    if (entry.name && pattern.test(entry.name)) {
      const value = Array.isArray(entry.value) ? entry.value.join(', ') : entry.value;
      if (typeof value === 'string' && value.trim()) return value;
    }
  }
  return null;
}

function toNormalized(job: GreenhouseJob, company: string): NormalizedPosting | null {
  const pay = job.pay_input_ranges?.find((range) => range.min_cents || range.max_cents);
  const location = job.location?.name ?? job.offices?.[0]?.location ?? job.offices?.[0]?.name ?? null;
  const remoteMeta = metadataValue(job, /remote|workplace|location type/i);
  return toPosting({
    sourceId: job.id,
    url: job.absolute_url,
    title: job.title,
    company: job.company_name ?? company,
    location,
    remote: remoteMeta ? /remote/i.test(remoteMeta) && !/not remote|no remote|on.?site only/i.test(remoteMeta) : null,
    salaryMin: pay?.min_cents ? pay.min_cents / 100 : null,
    salaryMax: pay?.max_cents ? pay.max_cents / 100 : null,
    salaryCurrency: pay?.currency_type ?? null,
    salaryPeriod: pay ? (normalizePeriod(`${pay.title ?? ''} ${pay.blurb ?? ''}`) ?? 'year') : null,
    employmentType: metadataValue(job, /employment|job type|commitment|time type/i),
    postedAt: job.first_published ?? job.updated_at ?? null,
    // Greenhouse entity-escapes the HTML of `content`: decode once to get the markup.
    descriptionHtml: job.content ? decodeEntities(job.content) : null,
  });
}

/** Parses a Greenhouse `jobs` answer; also the format of the fixture source. */
export function parseGreenhouseJobs(data: unknown, company: string, onInvalid?: (details: string) => void): NormalizedPosting[] {
  const board = parseBoard('greenhouse', boardJobsSchema, data);
  return parseItems('greenhouse', jobSchema, board.jobs, onInvalid)
    .map((job) => toNormalized(job, company))
    .filter((p): p is NormalizedPosting => p !== null);
}

export function greenhouseAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'greenhouse',
    async fetch(source: SourceDefinition, { http, signal, logger }: FetchContext) {
      const url = joinUrl(baseUrl, 'v1', 'boards', source.identifier, 'jobs');
      url.searchParams.set('content', 'true');
      url.searchParams.set('pay_transparency', 'true');
      const data = await http.getJson(url.toString(), { signal });
      let company = companyFromSlug(source.identifier);
      const needsName = parseBoard('greenhouse', boardJobsSchema, data).jobs.some(
        (job) => !(job && typeof job === 'object' && 'company_name' in job && job.company_name),
      );
      if (needsName) {
        // The board's own name (GET /v1/boards/{board}); the slug is the fallback.
        try {
          company = parseBoard('greenhouse', boardSchema, await http.getJson(joinUrl(baseUrl, 'v1', 'boards', source.identifier).toString(), { signal })).name;
        } catch (error) {
          logger.debug('greenhouse board name unavailable; using the board token', { board: source.identifier, error: String(error) });
        }
      }
      return parseGreenhouseJobs(data, company, (details) => logger.warn(details));
    },
  };
}
