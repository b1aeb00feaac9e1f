import { z } from 'zod';
import { atsPosting, boardBase, place } from './ats-common';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import { normalizePeriod, type NormalizedPosting } from './posting';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET https://{company}.recruitee.com/api/offers/ (Recruitee Careers Site API): every
// published offer in one answer (no paging).
const amount = z.union([z.number(), z.string()]).nullish();
const offerSchema = z.object({
  id: z.number().int(),
  title: z.string().min(1),
  status: z.string().nullish(),
  description: z.string().nullish(),
  requirements: z.string().nullish(),
  location: z.string().nullish(),
  city: z.string().nullish(),
  country: z.string().nullish(),
  remote: z.boolean().nullish(),
  hybrid: z.boolean().nullish(),
  on_site: z.boolean().nullish(),
  careers_url: z.string().min(1),
  published_at: z.string().nullish(),
  created_at: z.string().nullish(),
  employment_type_code: z.string().nullish(),
  department: z.string().nullish(),
  company_name: z.string().nullish(),
  salary: z.object({ min: amount, max: amount, currency: z.string().nullish(), period: z.string().nullish() }).nullish(),
  locations: z.array(z.object({ city: z.string().nullish(), country: z.string().nullish(), state: z.string().nullish() })).nullish(),
});
const offersSchema = z.object({ offers: z.array(z.unknown()) });

const toNumber = (value: number | string | null | undefined) => {
  const n = typeof value === 'string' ? Number(value.replace(/[^\d.]/g, '')) : value;
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
};

/** "2026-11-20 09:14:02 UTC" (Recruitee's format) → an ISO time. */
const recruiteeTime = (value: string | null | undefined) => (value ? value.replace(' ', 'T').replace(/\s*UTC$/, 'Z') : null);

export function parseRecruiteeOffers(data: unknown, source: Pick<SourceDefinition, 'companyName' | 'identifier'>, onInvalid?: (d: string) => void): NormalizedPosting[] {
  const { offers } = parseBoard('recruitee', offersSchema, data);
  return parseItems('recruitee', offerSchema, offers, onInvalid)
    .filter((offer) => !offer.status || offer.status === 'published')
    .map((offer) =>
      atsPosting({
        sourceId: offer.id,
        url: offer.careers_url,
        title: offer.title,
        company: companyName(source, offer.company_name),
        locations: offer.locations?.length ? offer.locations.map((l) => place(l.city, l.country)) : [offer.location ?? place(offer.city, offer.country)],
        arrangement: offer.remote ? 'remote' : offer.hybrid ? 'hybrid' : offer.on_site ? 'onsite' : null,
        department: offer.department ?? null,
        salaryMin: toNumber(offer.salary?.min),
        salaryMax: toNumber(offer.salary?.max),
        salaryCurrency: offer.salary?.currency ?? null,
        salaryPeriod: normalizePeriod(offer.salary?.period),
        // "fulltime_permanent", "parttime_fixed_term": the first word is the schedule.
        employmentType: offer.employment_type_code?.replace(/_/g, ' ') ?? null,
        postedAt: recruiteeTime(offer.published_at ?? offer.created_at),
        descriptionHtml: [offer.description, offer.requirements].filter(Boolean).join('') || null,
      }),
    )
    .filter((p): p is NonNullable<typeof p> => p !== null);
}

export function recruiteeAdapter(baseTemplate: string): SourceAdapter {
  return {
    type: 'recruitee',
    async fetch(source: SourceDefinition, { http, signal, logger }: FetchContext) {
      const url = joinUrl(boardBase(baseTemplate, source.identifier), 'api', 'offers', '');
      return parseRecruiteeOffers(await http.getJson(url.toString(), { signal }), source, (d) => logger.warn(d));
    },
  };
}
