import { z } from 'zod';
import { atsPosting, arrangementFromText, boardBase } from './ats-common';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { NormalizedPosting } from './posting';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// Workday's public career site (what acme.wd5.myworkdayjobs.com/en-US/External runs on):
// POST /wday/cxs/{tenant}/{site}/jobs { limit, offset, searchText, appliedFacets } pages
// through the list (no text); GET /wday/cxs/{tenant}/{site}{externalPath} per job gives the
// description, every location, the start date and the company's name.
const listItemSchema = z.object({
  title: z.string().min(1),
  // Appended to the API's path: a /job/… path without dot segments, query or fragment.
  externalPath: z.string().regex(/^\/job\/(?:(?!\.\.?(?:\/|$))[^/?#\s]+\/?)+$/, 'a /job/… path'),
  locationsText: z.string().nullish(),
  postedOn: z.string().nullish(),
  remoteType: z.string().nullish(),
});
const listSchema = z.object({ total: z.number().int().nullish(), jobPostings: z.array(z.unknown()) });
const detailSchema = z.object({
  jobPostingInfo: z.object({
    title: z.string().min(1),
    jobDescription: z.string().nullish(),
    location: z.string().nullish(),
    additionalLocations: z.array(z.string()).nullish(),
    postedOn: z.string().nullish(),
    startDate: z.string().nullish(),
    timeType: z.string().nullish(),
    jobReqId: z.string().nullish(),
    remoteType: z.string().nullish(),
    externalUrl: z.string().nullish(),
  }),
  hiringOrganization: z.object({ name: z.string().nullish() }).nullish(),
});
type ListItem = z.infer<typeof listItemSchema>;
type Detail = z.infer<typeof detailSchema>;

/** Workday answers at most 20 per page. */
const PAGE_SIZE = 20;
const MAX_PAGES = 100;

/** `acme.wd5/External` → host part, tenant and site. */
export function workdayBoard(identifier: string): { host: string; tenant: string; site: string } {
  const [host = '', site = ''] = identifier.split('/');
  return { host, tenant: host.split('.')[0] ?? host, site };
}

/** "Posted Today", "Posted Yesterday", "Posted 3 Days Ago" (not "30+ Days": too vague) → a date. */
export function workdayPostedOn(text: string | null | undefined, now: Date = new Date()): Date | null {
  if (!text) return null;
  const day = 86_400_000;
  if (/today/i.test(text)) return now;
  if (/yesterday/i.test(text)) return new Date(now.getTime() - day);
  const days = /(\d+)\s+days?\s+ago/i.exec(text);
  return days && !/\+/.test(text) ? new Date(now.getTime() - Number(days[1]) * day) : null;
}

export function workdayPosting(item: ListItem, detail: Detail | null, careersBase: string, source: Pick<SourceDefinition, 'companyName' | 'identifier'>): NormalizedPosting | null {
  const info = detail?.jobPostingInfo;
  // "2 Locations" in the list is a count, not a place: only the detail names them.
  const listPlace = item.locationsText && !/^\d+\s+locations?$/i.test(item.locationsText) ? item.locationsText : null;
  return atsPosting({
    // The requisition id when the board gives one: the path changes with the title.
    sourceId: info?.jobReqId ?? item.externalPath,
    url: info?.externalUrl ?? `${careersBase}${item.externalPath}`,
    title: info?.title ?? item.title,
    // The identifier's tenant, not the whole `tenant.wdN/site`, when nothing names the company.
    company: companyName({ ...source, identifier: workdayBoard(source.identifier).tenant }, detail?.hiringOrganization?.name),
    locations: info ? [info.location, ...(info.additionalLocations ?? [])] : [listPlace],
    arrangement: arrangementFromText(info?.remoteType ?? item.remoteType),
    employmentType: info?.timeType ?? null,
    postedAt: info?.startDate ?? workdayPostedOn(info?.postedOn ?? item.postedOn),
    descriptionHtml: info?.jobDescription ?? null,
  });
}

export function workdayAdapter(baseTemplate: string): SourceAdapter {
  return {
    type: 'workday',
    async fetch(source: SourceDefinition, { http, signal, logger, limit, details = true }: FetchContext) {
      const { host, tenant, site } = workdayBoard(source.identifier);
      const base = boardBase(baseTemplate, host);
      const api = (...segments: string[]) => joinUrl(base, 'wday', 'cxs', tenant, site, ...segments).toString();
      const items: ListItem[] = [];
      // Only the first page states the total (later pages answer 0): it is kept from there.
      let total = Number.POSITIVE_INFINITY;
      let offset = 0;
      for (let page = 0; page < MAX_PAGES && items.length < limit; page += 1) {
        const body = { appliedFacets: {}, limit: PAGE_SIZE, offset, searchText: '' };
        const answer = parseBoard('workday', listSchema, await http.postJson(api('jobs'), body, { signal }));
        if (page === 0) total = answer.total ?? total;
        items.push(...parseItems('workday', listItemSchema, answer.jobPostings, (d) => logger.warn(d)));
        offset += answer.jobPostings.length;
        if (answer.jobPostings.length === 0 || offset >= total) break;
      }
      const careersBase = joinUrl(base, site).toString();
      const postings: NormalizedPosting[] = [];
      for (const item of items.slice(0, limit)) {
        let detail: Detail | null = null;
        if (details) try {
          // externalPath is "/job/<place>/<title>_<id>": its segments are appended as they are.
          const url = `${api()}${item.externalPath}`;
          detail = parseBoard('workday', detailSchema, await http.getJson(url, { signal }));
        } catch (error) {
          signal.throwIfAborted();
          logger.warn('workday job detail unavailable', { job: item.externalPath, error: String(error) });
        }
        const posting = workdayPosting(item, detail, careersBase, source);
        if (posting) postings.push(posting);
      }
      return postings;
    },
  };
}
