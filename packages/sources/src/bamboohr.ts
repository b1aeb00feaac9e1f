import { z } from 'zod';
import type { WorkArrangement } from '@jobping/contracts';
import { atsPosting, boardBase, place } from './ats-common';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { NormalizedPosting } from './posting';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET https://{company}.bamboohr.com/careers/list (the careers page's JSON: every opening, no
// text), then GET /careers/{id}/detail per opening for its description, date and pay.
const text = z.string().nullish();
const locationSchema = z.object({ city: text, state: text, addressCountry: text }).nullish();
const atsLocationSchema = z.object({ country: text, state: text, province: text, city: text }).nullish();
const openingSchema = z.object({
  id: z.union([z.string().min(1), z.number().int()]),
  jobOpeningName: z.string().min(1),
  departmentLabel: text,
  employmentStatusLabel: text,
  location: locationSchema,
  atsLocation: atsLocationSchema,
  isRemote: z.boolean().nullish(),
  locationType: z.union([z.string(), z.number()]).nullish(),
});
const listSchema = z.object({ result: z.array(z.unknown()) });
const detailSchema = z.object({
  result: z.object({
    jobOpening: z.object({
      jobOpeningShareUrl: text,
      description: text,
      datePosted: text,
      compensation: text,
      location: locationSchema,
      atsLocation: atsLocationSchema,
      locationType: z.union([z.string(), z.number()]).nullish(),
    }),
  }),
});
type Opening = z.infer<typeof openingSchema>;
type Detail = z.infer<typeof detailSchema>['result']['jobOpening'];

/** locationType: 0 on-site, 1 remote, 2 hybrid (the careers page's own filter). */
function arrangement(locationType: string | number | null | undefined, isRemote: boolean | null | undefined): WorkArrangement | null {
  const code = locationType === null || locationType === undefined ? null : String(locationType);
  if (code === '1' || isRemote) return 'remote';
  if (code === '2') return 'hybrid';
  if (code === '0') return 'onsite';
  return null;
}

export function bambooPosting(opening: Opening, detail: Detail | null, base: string, company: string): NormalizedPosting | null {
  const ats = detail?.atsLocation ?? opening.atsLocation;
  const loc = detail?.location ?? opening.location;
  return atsPosting({
    sourceId: opening.id,
    url: detail?.jobOpeningShareUrl ?? joinUrl(base, 'careers', String(opening.id)).toString(),
    title: opening.jobOpeningName,
    company,
    locations: [place(ats?.city ?? loc?.city, ats?.province ?? ats?.state ?? loc?.state, ats?.country ?? loc?.addressCountry)],
    arrangement: arrangement(detail?.locationType ?? opening.locationType, opening.isRemote),
    department: opening.departmentLabel ?? null,
    employmentType: opening.employmentStatusLabel ?? null,
    postedAt: detail?.datePosted ?? null,
    // Pay is free text ("£27,500 - £31,000 per year"): read with the description's parser.
    descriptionHtml: [detail?.description, detail?.compensation ? `<p>Compensation: ${detail.compensation}</p>` : null].filter(Boolean).join('') || null,
  });
}

export function bambooHrAdapter(baseTemplate: string): SourceAdapter {
  return {
    type: 'bamboohr',
    async fetch(source: SourceDefinition, { http, signal, logger, limit, details = true }: FetchContext) {
      const base = boardBase(baseTemplate, source.identifier);
      const list = parseBoard('bamboohr', listSchema, await http.getJson(joinUrl(base, 'careers', 'list').toString(), { signal }));
      // The careers JSON never names the company: the source's configured name, else the slug.
      const company = companyName(source);
      const postings: NormalizedPosting[] = [];
      for (const opening of parseItems('bamboohr', openingSchema, list.result, (d) => logger.warn(d)).slice(0, limit)) {
        let detail: Detail | null = null;
        if (details) try {
          const url = joinUrl(base, 'careers', String(opening.id), 'detail');
          detail = parseBoard('bamboohr', detailSchema, await http.getJson(url.toString(), { signal })).result.jobOpening;
        } catch (error) {
          signal.throwIfAborted();
          logger.warn('bamboohr opening detail unavailable', { opening: opening.id, error: String(error) });
        }
        const posting = bambooPosting(opening, detail, base, company);
        if (posting) postings.push(posting);
      }
      return postings;
    },
  };
}
