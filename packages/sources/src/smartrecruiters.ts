import { z } from 'zod';
import { atsPosting, place } from './ats-common';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { NormalizedPosting } from './posting';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET /v1/companies/{company}/postings?limit=&offset= (SmartRecruiters Posting API), then
// GET /v1/companies/{company}/postings/{id} per posting for its text (the list has none).
const label = z.object({ id: z.string().nullish(), label: z.string().nullish() }).nullish();
const postingSchema = z.object({
  id: z.string().min(1),
  name: z.string().min(1),
  company: z.object({ identifier: z.string().nullish(), name: z.string().nullish() }).nullish(),
  releasedDate: z.string().nullish(),
  location: z
    .object({
      city: z.string().nullish(),
      region: z.string().nullish(),
      country: z.string().nullish(),
      remote: z.boolean().nullish(),
      hybrid: z.boolean().nullish(),
      fullLocation: z.string().nullish(),
    })
    .nullish(),
  department: label,
  function: label,
  typeOfEmployment: label,
});
const pageSchema = z.object({ offset: z.number().int(), limit: z.number().int(), totalFound: z.number().int(), content: z.array(z.unknown()) });
const sectionSchema = z.object({ title: z.string().nullish(), text: z.string().nullish() }).nullish();
const detailSchema = z.object({
  postingUrl: z.string().nullish(),
  jobAd: z
    .object({
      sections: z
        .object({ companyDescription: sectionSchema, jobDescription: sectionSchema, qualifications: sectionSchema, additionalInformation: sectionSchema })
        .partial()
        .nullish(),
    })
    .nullish(),
});
type Posting = z.infer<typeof postingSchema>;
type Detail = z.infer<typeof detailSchema>;

/** The API's page size limit. */
const PAGE_SIZE = 100;
const MAX_PAGES = 50;

function descriptionHtml(detail: Detail | null): string | null {
  const sections = detail?.jobAd?.sections;
  if (!sections) return null;
  // The job first; the company's blurb last (it is the same on every posting).
  const order = [sections.jobDescription, sections.qualifications, sections.additionalInformation, sections.companyDescription];
  const html = order
    .filter((s) => s?.text)
    .map((s) => `${s?.title ? `<h3>${s.title}</h3>` : ''}${s?.text ?? ''}`)
    .join('');
  return html || null;
}

export function smartRecruitersPosting(posting: Posting, detail: Detail | null, source: Pick<SourceDefinition, 'companyName' | 'identifier'>): NormalizedPosting | null {
  const board = source.identifier;
  const loc = posting.location;
  return atsPosting({
    sourceId: posting.id,
    url: detail?.postingUrl ?? `https://jobs.smartrecruiters.com/${encodeURIComponent(board)}/${encodeURIComponent(posting.id)}`,
    title: posting.name,
    company: companyName(source, posting.company?.name),
    locations: [loc?.fullLocation?.trim() || place(loc?.city, loc?.region, loc?.country?.toUpperCase())],
    arrangement: loc?.remote ? 'remote' : loc?.hybrid ? 'hybrid' : loc ? 'onsite' : null,
    department: posting.department?.label ?? null,
    team: posting.function?.label ?? null,
    employmentType: posting.typeOfEmployment?.label ?? posting.typeOfEmployment?.id ?? null,
    postedAt: posting.releasedDate ?? null,
    descriptionHtml: descriptionHtml(detail),
  });
}

export function smartRecruitersAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'smartrecruiters',
    async fetch(source: SourceDefinition, { http, signal, logger, limit, details = true }: FetchContext) {
      const postings: NormalizedPosting[] = [];
      // The next offset follows what the API answered (it may send fewer than asked).
      let offset = 0;
      for (let page = 0; page < MAX_PAGES && postings.length < limit; page += 1) {
        const url = joinUrl(baseUrl, 'v1', 'companies', source.identifier, 'postings');
        url.searchParams.set('limit', String(PAGE_SIZE));
        url.searchParams.set('offset', String(offset));
        const answer = parseBoard('smartrecruiters', pageSchema, await http.getJson(url.toString(), { signal }));
        for (const posting of parseItems('smartrecruiters', postingSchema, answer.content, (d) => logger.warn(d))) {
          if (postings.length >= limit) break;
          let detail: Detail | null = null;
          if (details) try {
            const detailUrl = joinUrl(baseUrl, 'v1', 'companies', source.identifier, 'postings', posting.id);
            detail = parseBoard('smartrecruiters', detailSchema, await http.getJson(detailUrl.toString(), { signal }));
          } catch (error) {
            // One posting's text missing is not the board failing: keep the posting without it.
            signal.throwIfAborted();
            logger.warn('smartrecruiters posting detail unavailable', { posting: posting.id, error: String(error) });
          }
          const normalized = smartRecruitersPosting(posting, detail, source);
          if (normalized) postings.push(normalized);
        }
        offset = answer.offset + answer.content.length;
        if (answer.content.length === 0 || offset >= answer.totalFound) break;
      }
      return postings;
    },
  };
}
