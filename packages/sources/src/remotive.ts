import { parsePayText } from '@jobping/contracts';
import { z } from 'zod';
import { toPosting, type NormalizedPosting } from './posting';
import { joinUrl, parseBoard, parseItems } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET /api/remote-jobs?search=&category=&limit= (Remotive public API). Listings are delayed
// 24 h and Remotive asks for at most ~4 requests a day: one run per source every 6 hours.
const jobSchema = z.object({
  id: z.union([z.number(), z.string().min(1)]),
  url: z.string().min(1),
  title: z.string().min(1),
  company_name: z.string().min(1),
  category: z.string().nullish(),
  tags: z.array(z.string()).nullish(),
  job_type: z.string().nullish(),
  publication_date: z.string().nullish(),
  candidate_required_location: z.string().nullish(),
  salary: z.string().nullish(),
  description: z.string().nullish(),
});
const answerSchema = z.object({ jobs: z.array(z.unknown()) });

export function parseRemotive(data: unknown, onInvalid?: (d: string) => void): NormalizedPosting[] {
  return parseItems('remotive', jobSchema, parseBoard('remotive', answerSchema, data).jobs, onInvalid)
    .map((job) => {
      // Free text ("$31,2k- $52k", "40-50 USD/hour"); a figure without a period too small to be yearly is not read.
      const salary = parsePayText(job.salary);
      return toPosting({
        sourceId: job.id,
        url: job.url,
        title: job.title,
        company: job.company_name,
        location: job.candidate_required_location ?? null,
        // Every Remotive job is remote; candidate_required_location says from where.
        workArrangement: 'remote',
        remoteRegion: job.candidate_required_location ?? null,
        salaryMin: salary?.min ?? null,
        salaryMax: salary?.max ?? null,
        salaryCurrency: salary?.currency ?? null,
        salaryPeriod: salary?.period ?? null,
        employmentType: job.job_type ?? null,
        postedAt: job.publication_date ?? null,
        descriptionHtml: job.description ?? null,
      });
    })
    .filter((p): p is NormalizedPosting => p !== null);
}

export function remotiveAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'remotive',
    searchesServerSide: true,
    minIntervalMs: 6 * 60 * 60 * 1000,
    async fetch(source: SourceDefinition, { http, signal, logger, limit }: FetchContext) {
      const terms = source.searchTerms.length > 0 ? source.searchTerms : [''];
      const seen = new Map<string, NormalizedPosting>();
      for (const term of terms) {
        const url = joinUrl(baseUrl, 'api', 'remote-jobs');
        if (term) url.searchParams.set('search', term);
        // The identifier is a Remotive category slug (software-dev, devops, …) or "all".
        if (source.identifier && source.identifier !== 'all') url.searchParams.set('category', source.identifier);
        url.searchParams.set('limit', String(limit));
        for (const posting of parseRemotive(await http.getJson(url.toString(), { signal }), (d) => logger.warn(d))) seen.set(posting.sourceId, posting);
      }
      return [...seen.values()];
    },
  };
}
