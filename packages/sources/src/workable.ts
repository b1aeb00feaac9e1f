import { z } from 'zod';
import { atsPosting, place } from './ats-common';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { NormalizedPosting } from './posting';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

type Naming = Pick<SourceDefinition, 'companyName' | 'identifier'>;

// GET /api/v1/widget/accounts/{account}?details=true (Workable's public jobs widget): the
// account's name and every published job with its description, in one answer (no paging).
const locationSchema = z.object({
  country: z.string().nullish(),
  countryCode: z.string().nullish(),
  city: z.string().nullish(),
  region: z.string().nullish(),
  hidden: z.boolean().nullish(),
});
const jobSchema = z.object({
  title: z.string().min(1),
  shortcode: z.string().min(1),
  employment_type: z.string().nullish(),
  telecommuting: z.boolean().nullish(),
  department: z.string().nullish(),
  url: z.string().min(1),
  published_on: z.string().nullish(),
  created_at: z.string().nullish(),
  country: z.string().nullish(),
  city: z.string().nullish(),
  state: z.string().nullish(),
  locations: z.array(locationSchema).nullish(),
  description: z.string().nullish(),
});
const widgetSchema = z.object({ name: z.string().nullish(), jobs: z.array(z.unknown()) });

export function parseWorkableWidget(data: unknown, source: Naming, onInvalid?: (d: string) => void): NormalizedPosting[] {
  const widget = parseBoard('workable', widgetSchema, data);
  const company = companyName(source, widget.name);
  return parseItems('workable', jobSchema, widget.jobs, onInvalid)
    .map((job) =>
      atsPosting({
        sourceId: job.shortcode,
        url: job.url,
        title: job.title,
        company,
        locations: (job.locations?.length ? job.locations.filter((l) => !l.hidden) : [{ city: job.city, region: job.state, country: job.country }]).map((l) =>
          place(l.city, l.region, l.country),
        ),
        // The widget has only "telecommuting": true is remote; false says nothing about hybrid.
        arrangement: job.telecommuting ? 'remote' : null,
        department: job.department || null,
        employmentType: job.employment_type ?? null,
        postedAt: job.published_on ?? job.created_at ?? null,
        descriptionHtml: job.description ?? null,
      }),
    )
    .filter((p): p is NonNullable<typeof p> => p !== null);
}

export function workableAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'workable',
    async fetch(source: SourceDefinition, { http, signal, logger }: FetchContext) {
      const url = joinUrl(baseUrl, 'api', 'v1', 'widget', 'accounts', source.identifier);
      url.searchParams.set('details', 'true');
      const data = await http.getJson(url.toString(), { signal });
      return parseWorkableWidget(data, source, (d) => logger.warn(d));
    },
  };
}
