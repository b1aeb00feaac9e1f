import { z } from 'zod';
import { toPosting, type NormalizedPosting } from './posting';
import { joinUrl, parseBoard, parseItems } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET /api (RemoteOK). Element 0 is the legal notice (terms: link back to the posting, send a
// descriptive User-Agent); the others are postings.
const jobSchema = z.object({
  id: z.union([z.string().min(1), z.number()]),
  slug: z.string().nullish(),
  epoch: z.number().nullish(),
  date: z.string().nullish(),
  company: z.string().min(1),
  position: z.string().min(1),
  tags: z.array(z.string()).nullish(),
  description: z.string().nullish(),
  location: z.string().nullish(),
  salary_min: z.number().nullish(),
  salary_max: z.number().nullish(),
  url: z.string().min(1),
  apply_url: z.string().nullish(),
});

function isLegalNotice(item: unknown): boolean {
  return !!item && typeof item === 'object' && 'legal' in item && !('position' in item);
}

export function parseRemoteOk(data: unknown, terms: readonly string[], onInvalid?: (d: string) => void): NormalizedPosting[] {
  const items = parseBoard('remoteok', z.array(z.unknown()), data).filter((item) => !isLegalNotice(item));
  const wanted = terms.map((t) => t.toLowerCase()).filter(Boolean);
  return parseItems('remoteok', jobSchema, items, onInvalid)
    .filter((job) => {
      if (wanted.length === 0) return true;
      const haystack = `${job.position} ${(job.tags ?? []).join(' ')}`.toLowerCase();
      return wanted.some((term) => haystack.includes(term));
    })
    .map((job) =>
      toPosting({
        sourceId: job.id,
        url: job.url,
        title: job.position,
        company: job.company,
        location: job.location || 'Remote',
        remote: true,
        salaryMin: job.salary_min ?? null,
        salaryMax: job.salary_max ?? null,
        salaryCurrency: job.salary_min || job.salary_max ? 'USD' : null,
        salaryPeriod: job.salary_min || job.salary_max ? 'year' : null,
        employmentType: null,
        postedAt: job.date ?? job.epoch ?? null,
        descriptionHtml: job.description ?? null,
      }),
    )
    .filter((p): p is NormalizedPosting => p !== null);
}

export function remoteOkAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'remoteok',
    // Search terms match the title or the tags, here rather than in the runner.
    searchesServerSide: true,
    async fetch(source: SourceDefinition, { http, signal, logger }: FetchContext) {
      return parseRemoteOk(await http.getJson(joinUrl(baseUrl, 'api').toString(), { signal }), source.searchTerms, (d) => logger.warn(d));
    },
  };
}
