import { z } from 'zod';
import { findPayInText } from '@jobping/contracts';
import { decodeEntities, htmlToText, normalizePeriod, toPosting, workArrangementFrom, type NormalizedPosting } from './posting';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
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

// Metadata are custom fields each company names itself; these are the names in use for these facts.
const WORKPLACE_FIELD = /remote|workplace|location type|work (?:model|arrangement|type)|office policy/i;
const EMPLOYMENT_FIELD = /employment|job type|commitment|time type|contract type|type of contract|vertragsart/i;

/**
 * Every location: the offices (Greenhouse's structured list) when the job has them, else the
 * location name split where boards join several ("London; Stockholm", "Berlin | Remote").
 */
function locationsOf(job: GreenhouseJob): string[] {
  const offices = (job.offices ?? []).map((office) => office.location ?? office.name);
  const listed = offices.filter((name): name is string => !!name?.trim());
  if (listed.length > 0) return listed;
  return (job.location?.name ?? '').split(/\s*(?:;|\|)\s*/);
}

function toNormalized(job: GreenhouseJob, company: string, configured: string | null): NormalizedPosting | null {
  const range = job.pay_input_ranges?.find((r) => r.min_cents || r.max_cents);
  // Greenhouse entity-escapes the HTML of `content`: decode once to get the markup.
  const html = job.content ? decodeEntities(job.content) : null;
  // No pay range on the board: a third of postings state the pay in the text instead.
  const stated = range ? null : findPayInText(html ? htmlToText(html) : null);
  return toPosting({
    sourceId: job.id,
    url: job.absolute_url,
    title: job.title,
    company: configured || job.company_name || company,
    location: job.location?.name ?? null,
    locations: locationsOf(job),
    workArrangement: workArrangementFrom(metadataValue(job, WORKPLACE_FIELD)),
    department: job.departments?.[0]?.name ?? null,
    salaryMin: range ? (range.min_cents ? range.min_cents / 100 : null) : (stated?.min ?? null),
    salaryMax: range ? (range.max_cents ? range.max_cents / 100 : null) : (stated?.max ?? null),
    salaryCurrency: range ? (range.currency_type ?? null) : (stated?.currency ?? null),
    salaryPeriod: range ? (normalizePeriod(`${range.title ?? ''} ${range.blurb ?? ''}`) ?? 'year') : (stated?.period ?? null),
    employmentType: metadataValue(job, EMPLOYMENT_FIELD),
    postedAt: job.first_published ?? job.updated_at ?? null,
    descriptionHtml: html,
  });
}

/**
 * Parses a Greenhouse `jobs` answer; also the format of the fixture source. The company is the
 * `configured` name when the source has one, else each job's `company_name`, else `company`.
 */
export function parseGreenhouseJobs(
  data: unknown,
  company: string,
  onInvalid?: (details: string) => void,
  configured: string | null = null,
): NormalizedPosting[] {
  const board = parseBoard('greenhouse', boardJobsSchema, data);
  return parseItems('greenhouse', jobSchema, board.jobs, onInvalid)
    .map((job) => toNormalized(job, company, configured?.trim() || null))
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
      let company = companyName(source);
      const needsName = !source.companyName && parseBoard('greenhouse', boardJobsSchema, data).jobs.some(
        (job) => !(job && typeof job === 'object' && 'company_name' in job && job.company_name),
      );
      if (needsName) {
        // The board's own name (GET /v1/boards/{board}); the slug is the fallback.
        try {
          const board = parseBoard('greenhouse', boardSchema, await http.getJson(joinUrl(baseUrl, 'v1', 'boards', source.identifier).toString(), { signal }));
          company = companyName(source, board.name);
        } catch (error) {
          logger.debug('greenhouse board name unavailable; using the board token', { board: source.identifier, error: String(error) });
        }
      }
      return parseGreenhouseJobs(data, company, (details) => logger.warn(details), source.companyName ?? null);
    },
  };
}
