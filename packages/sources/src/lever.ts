import { z } from 'zod';
import { normalizePeriod, toPosting, workArrangementFrom, type NormalizedPosting } from './posting';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET /v0/postings/{site}?mode=json&skip=&limit= (Lever Postings API).
const postingSchema = z.object({
  id: z.string().min(1),
  text: z.string().min(1),
  hostedUrl: z.string().min(1),
  applyUrl: z.string().nullish(),
  createdAt: z.number().nullish(),
  workplaceType: z.string().nullish(),
  country: z.string().nullish(),
  categories: z
    .object({
      location: z.string().nullish(),
      commitment: z.string().nullish(),
      team: z.string().nullish(),
      department: z.string().nullish(),
      allLocations: z.array(z.string()).nullish(),
    })
    .nullish(),
  description: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  lists: z.array(z.object({ text: z.string().nullish(), content: z.string().nullish() })).nullish(),
  additional: z.string().nullish(),
  salaryRange: z
    .object({ currency: z.string().nullish(), interval: z.string().nullish(), min: z.number().nullish(), max: z.number().nullish() })
    .nullish(),
});
type LeverPosting = z.infer<typeof postingSchema>;

const PAGE_SIZE = 100;
const MAX_PAGES = 50;

function descriptionHtml(posting: LeverPosting): string | null {
  const parts = [posting.description ?? ''];
  for (const list of posting.lists ?? []) {
    if (list.text) parts.push(`<h3>${list.text}</h3>`);
    if (list.content) parts.push(`<ul>${list.content}</ul>`);
  }
  if (posting.additional) parts.push(posting.additional);
  const html = parts.join('').trim();
  return html || null;
}

export function parseLeverPostings(items: readonly unknown[], company: string, onInvalid?: (d: string) => void): NormalizedPosting[] {
  return parseItems('lever', postingSchema, items, onInvalid)
    .map((p) =>
      toPosting({
        sourceId: p.id,
        url: p.hostedUrl,
        title: p.text,
        company,
        // `location` is the first of `allLocations`: both, so a job in London and Stockholm is in Stockholm too.
        location: p.categories?.location ?? null,
        locations: p.categories?.allLocations ?? [],
        // workplaceType: on-site, remote, hybrid or unspecified.
        workArrangement: workArrangementFrom(p.workplaceType),
        department: p.categories?.department ?? null,
        team: p.categories?.team ?? null,
        salaryMin: p.salaryRange?.min ?? null,
        salaryMax: p.salaryRange?.max ?? null,
        salaryCurrency: p.salaryRange?.currency ?? null,
        salaryPeriod: normalizePeriod(p.salaryRange?.interval),
        employmentType: p.categories?.commitment ?? null,
        postedAt: p.createdAt ?? null,
        descriptionHtml: descriptionHtml(p),
        descriptionText: p.descriptionPlain ?? null,
      }),
    )
    .filter((p): p is NormalizedPosting => p !== null);
}

export function leverAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'lever',
    async fetch(source: SourceDefinition, { http, signal, logger, limit }: FetchContext) {
      // The Postings API does not name the company: the source's configured name, else the slug.
      const company = companyName(source);
      const postings: NormalizedPosting[] = [];
      for (let page = 0; page < MAX_PAGES; page += 1) {
        const url = joinUrl(baseUrl, 'v0', 'postings', source.identifier);
        url.searchParams.set('mode', 'json');
        url.searchParams.set('skip', String(page * PAGE_SIZE));
        url.searchParams.set('limit', String(PAGE_SIZE));
        const items = parseBoard('lever', z.array(z.unknown()), await http.getJson(url.toString(), { signal }));
        postings.push(...parseLeverPostings(items, company, (d) => logger.warn(d)));
        if (items.length < PAGE_SIZE || postings.length >= limit) break;
      }
      return postings;
    },
  };
}
