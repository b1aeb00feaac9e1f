import { z } from 'zod';
import { atsPosting, arrangementFromText, place } from './ats-common';
import { jsonLdHtml, jsonLdJobPostings, nextData } from './page-data';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { NormalizedPosting } from './posting';
import { BoardFormatError, type FetchContext, type SourceAdapter, type SourceDefinition } from './types';

// JOIN (join.com) in three steps: the company page (/companies/{slug}) names the company's
// number in its embedded Next.js state; GET /api/public/companies/{number}/jobs?page=&pageSize=
// lists the jobs (no text); each job's page (/companies/{slug}/{idParam}) carries its text as
// schema.org JSON-LD.
const money = z.object({ amount: z.number(), currency: z.string().nullish() }).nullish();
const jobSchema = z.object({
  id: z.union([z.number().int(), z.string().min(1)]),
  idParam: z.string().min(1),
  title: z.string().min(1),
  createdAt: z.string().nullish(),
  city: z.object({ cityName: z.string().nullish(), regionName: z.string().nullish(), countryName: z.string().nullish() }).nullish(),
  workplaceType: z.string().nullish(),
  employmentType: z.object({ name: z.string().nullish() }).nullish(),
  category: z.object({ name: z.string().nullish() }).nullish(),
  salaryAmountFrom: money,
  salaryAmountTo: money,
  salaryFrequency: z.string().nullish(),
});
const pageSchema = z.object({
  items: z.array(z.unknown()),
  pagination: z.object({ page: z.number().int(), pageCount: z.number().int(), rowCount: z.number().int().nullish() }),
});
const companyStateSchema = z.object({
  props: z.object({
    pageProps: z.object({
      initialState: z.object({ company: z.object({ id: z.union([z.number().int(), z.string().min(1)]), name: z.string().nullish() }) }),
    }),
  }),
});
type JoinJob = z.infer<typeof jobSchema>;

/** JOIN refuses larger pages (HTTP 422 from 6 up). */
const PAGE_SIZE = 5;
const MAX_PAGES = 200;

const PERIODS: Record<string, 'year' | 'month' | 'hour'> = { PER_YEAR: 'year', PER_MONTH: 'month', PER_HOUR: 'hour' };

export function joinPosting(job: JoinJob, slug: string, baseUrl: string, company: string, descriptionHtml: string | null): NormalizedPosting | null {
  return atsPosting({
    sourceId: job.id,
    url: joinUrl(baseUrl, 'companies', slug, job.idParam).toString(),
    title: job.title,
    company,
    locations: [place(job.city?.cityName, job.city?.countryName)],
    arrangement: arrangementFromText(job.workplaceType),
    team: job.category?.name ?? null,
    // Amounts are in cents.
    salaryMin: job.salaryAmountFrom ? job.salaryAmountFrom.amount / 100 : null,
    salaryMax: job.salaryAmountTo ? job.salaryAmountTo.amount / 100 : null,
    salaryCurrency: job.salaryAmountFrom?.currency ?? job.salaryAmountTo?.currency ?? null,
    salaryPeriod: job.salaryFrequency ? (PERIODS[job.salaryFrequency] ?? null) : null,
    employmentType: job.employmentType?.name ?? null,
    postedAt: job.createdAt ?? null,
    descriptionHtml,
  });
}

/** The company's number and name from its JOIN page. */
export function joinCompany(html: string): { id: string; name: string | null } {
  const state = companyStateSchema.safeParse(nextData(html));
  if (!state.success) throw new BoardFormatError('join', 'the company page does not name the company (no embedded company state)');
  const company = state.data.props.pageProps.initialState.company;
  return { id: String(company.id), name: company.name?.trim() || null };
}

export function joinAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'join',
    async fetch(source: SourceDefinition, { http, signal, logger, limit, details = true }: FetchContext) {
      const slug = source.identifier;
      const company = joinCompany(await http.getText(joinUrl(baseUrl, 'companies', slug).toString(), { signal }));
      const name = companyName(source, company.name);
      const jobs: JoinJob[] = [];
      for (let page = 1; page <= MAX_PAGES && jobs.length < limit; page += 1) {
        const url = joinUrl(baseUrl, 'api', 'public', 'companies', company.id, 'jobs');
        url.searchParams.set('locale', 'en-us');
        url.searchParams.set('page', String(page));
        url.searchParams.set('pageSize', String(PAGE_SIZE));
        const answer = parseBoard('join', pageSchema, await http.getJson(url.toString(), { signal }));
        jobs.push(...parseItems('join', jobSchema, answer.items, (d) => logger.warn(d)));
        if (answer.items.length === 0 || page >= answer.pagination.pageCount) break;
      }
      const postings: NormalizedPosting[] = [];
      for (const job of jobs.slice(0, limit)) {
        let description: string | null = null;
        if (details) try {
          const html = await http.getText(joinUrl(baseUrl, 'companies', slug, job.idParam).toString(), { signal });
          description = jsonLdHtml(jsonLdJobPostings(html)[0]?.description);
        } catch (error) {
          signal.throwIfAborted();
          logger.warn('join job page unavailable', { job: job.idParam, error: String(error) });
        }
        const posting = joinPosting(job, slug, baseUrl, name, description);
        if (posting) postings.push(posting);
      }
      return postings;
    },
  };
}
