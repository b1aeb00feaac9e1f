import { z } from 'zod';
import { firstEmploymentType, toPosting, type NormalizedPosting } from './posting';
import { joinUrl, parseBoard, parseItems } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET /api/job-board-api?page=N (Arbeitnow), newest first, `links.next` null on the last page.
const jobSchema = z.object({
  slug: z.string().min(1),
  company_name: z.string().min(1),
  title: z.string().min(1),
  description: z.string().nullish(),
  remote: z.boolean().nullish(),
  url: z.string().min(1),
  tags: z.array(z.string()).nullish(),
  job_types: z.array(z.string()).nullish(),
  location: z.string().nullish(),
  created_at: z.number().nullish(),
});
const pageSchema = z.object({
  data: z.array(z.unknown()),
  links: z.object({ next: z.string().nullish() }).partial().nullish(),
});

const MAX_PAGES = 20;

export function parseArbeitnowPage(data: unknown, onInvalid?: (d: string) => void): { postings: NormalizedPosting[]; hasNext: boolean } {
  const page = parseBoard('arbeitnow', pageSchema, data);
  const postings = parseItems('arbeitnow', jobSchema, page.data, onInvalid)
    .map((job) =>
      toPosting({
        sourceId: job.slug,
        url: job.url,
        title: job.title,
        company: job.company_name,
        location: job.location ?? null,
        remote: job.remote ?? null,
        // job_types mixes employment types with seniority ("Berufserfahren", "Mid-level").
        employmentType: firstEmploymentType(job.job_types),
        postedAt: job.created_at ?? null,
        // Postings relayed from other systems arrive entity-escaped; toPosting decodes them once.
        descriptionHtml: job.description ?? null,
      }),
    )
    .filter((p): p is NormalizedPosting => p !== null);
  return { postings, hasNext: !!page.links?.next && page.data.length > 0 };
}

export function arbeitnowAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'arbeitnow',
    async fetch(_source: SourceDefinition, { http, signal, logger, since, limit }: FetchContext) {
      const postings: NormalizedPosting[] = [];
      for (let page = 1; page <= MAX_PAGES; page += 1) {
        // Pages are built from the base URL, never followed from the answer's links.
        const url = joinUrl(baseUrl, 'api', 'job-board-api');
        url.searchParams.set('page', String(page));
        const result = parseArbeitnowPage(await http.getJson(url.toString(), { signal }), (d) => logger.warn(d));
        postings.push(...result.postings);
        const oldest = result.postings.at(-1)?.postedAt;
        if (!result.hasNext || postings.length >= limit || (since && oldest && oldest < since)) break;
      }
      return postings;
    },
  };
}
