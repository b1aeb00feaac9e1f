import { z } from 'zod';
import { normalizePeriod, toPosting, workArrangementFrom, type NormalizedPosting } from './posting';
import { companyName, joinUrl, parseBoard, parseItems } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET /posting-api/job-board/{board}?includeCompensation=true (Ashby public job posting API).
const componentSchema = z.object({
  compensationType: z.string().nullish(),
  interval: z.string().nullish(),
  currencyCode: z.string().nullish(),
  minValue: z.number().nullish(),
  maxValue: z.number().nullish(),
});
const jobSchema = z.object({
  id: z.string().min(1),
  title: z.string().min(1),
  location: z.string().nullish(),
  secondaryLocations: z.array(z.object({ location: z.string().nullish() })).nullish(),
  department: z.string().nullish(),
  team: z.string().nullish(),
  isListed: z.boolean().nullish(),
  isRemote: z.boolean().nullish(),
  workplaceType: z.string().nullish(),
  descriptionHtml: z.string().nullish(),
  descriptionPlain: z.string().nullish(),
  publishedAt: z.string().nullish(),
  employmentType: z.string().nullish(),
  jobUrl: z.string().min(1),
  applyUrl: z.string().nullish(),
  compensation: z
    .object({
      compensationTierSummary: z.string().nullish(),
      summaryComponents: z.array(componentSchema).nullish(),
      compensationTiers: z.array(z.object({ components: z.array(componentSchema).nullish() })).nullish(),
    })
    .nullish(),
});
const boardSchema = z.object({ jobs: z.array(z.unknown()) });

export function parseAshbyBoard(data: unknown, company: string, onInvalid?: (d: string) => void): NormalizedPosting[] {
  const board = parseBoard('ashby', boardSchema, data);
  return parseItems('ashby', jobSchema, board.jobs, onInvalid)
    .filter((job) => job.isListed !== false)
    .map((job) => {
      const components = [
        ...(job.compensation?.summaryComponents ?? []),
        ...(job.compensation?.compensationTiers ?? []).flatMap((tier) => tier.components ?? []),
      ];
      const salary = components.find((c) => c.compensationType?.toLowerCase() === 'salary' && (c.minValue || c.maxValue));
      return toPosting({
        sourceId: job.id,
        url: job.jobUrl,
        title: job.title,
        company,
        location: job.location ?? null,
        locations: [job.location, ...(job.secondaryLocations ?? []).map((l) => l.location)],
        // workplaceType (OnSite, Hybrid, Remote) says which; isRemote is true for hybrid jobs too.
        workArrangement: workArrangementFrom(job.workplaceType) ?? (job.isRemote ? 'remote' : null),
        department: job.department ?? null,
        team: job.team ?? null,
        salaryMin: salary?.minValue ?? null,
        salaryMax: salary?.maxValue ?? null,
        salaryCurrency: salary?.currencyCode ?? null,
        salaryPeriod: normalizePeriod(salary?.interval),
        employmentType: job.employmentType ?? null,
        postedAt: job.publishedAt ?? null,
        descriptionHtml: job.descriptionHtml ?? null,
        descriptionText: job.descriptionPlain ?? null,
      });
    })
    .filter((p): p is NormalizedPosting => p !== null);
}

export function ashbyAdapter(baseUrl: string): SourceAdapter {
  return {
    type: 'ashby',
    async fetch(source: SourceDefinition, { http, signal, logger }: FetchContext) {
      const url = joinUrl(baseUrl, 'posting-api', 'job-board', source.identifier);
      url.searchParams.set('includeCompensation', 'true');
      return parseAshbyBoard(await http.getJson(url.toString(), { signal }), companyName(source), (d) => logger.warn(d));
    },
  };
}
