import { z } from 'zod';
import { toPosting, workArrangementFrom, type NormalizedPosting } from './posting';
import { joinUrl, parseBoard, parseItems } from './parse';
import type { FetchContext, SourceAdapter, SourceDefinition } from './types';

// GET /api (RemoteOK). Element 0 is the legal notice (terms: link back to the posting, send a
// descriptive User-Agent); the others are mostly postings.
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

/**
 * Whether a feed entry is a job posting: the legal notice (element 0), sponsor slots and empty
 * entries have no id or no position. They are skipped quietly; a posting that fails its schema
 * is still reported.
 */
function isPosting(item: unknown): boolean {
  if (!item || typeof item !== 'object') return false;
  const { id, position } = item as { id?: unknown; position?: unknown };
  const hasId = (typeof id === 'string' && id.trim() !== '') || typeof id === 'number';
  return hasId && typeof position === 'string' && position.trim() !== '';
}

// RemoteOK also lists jobs that cannot be done remotely (its "non tech" shop, store and
// warehouse postings): their tags, title or text say so.
const PHYSICAL_WORK =
  /\b(retail|store|shop|warehouse|cashier|barista|forklift|driver|delivery|courier|waiter|waitress|housekeep\w*|cleaner|picker|packer|stocker|merchandiser|in.?store|on.?site|depot)\b/i;

type RemoteOkJob = z.infer<typeof jobSchema>;

/** Remote unless the posting is for work done at a place (or says hybrid). */
function arrangementOf(job: RemoteOkJob): 'remote' | 'hybrid' | 'onsite' {
  const text = `${job.position} ${(job.tags ?? []).join(' ')}`;
  const stated = workArrangementFrom(`${job.location ?? ''} ${text}`);
  if (stated === 'hybrid') return 'hybrid';
  if (PHYSICAL_WORK.test(text) || stated === 'onsite') return 'onsite';
  return 'remote';
}

export function parseRemoteOk(data: unknown, terms: readonly string[], onInvalid?: (d: string) => void): NormalizedPosting[] {
  const items = parseBoard('remoteok', z.array(z.unknown()), data).filter(isPosting);
  const wanted = terms.map((t) => t.toLowerCase()).filter(Boolean);
  return parseItems('remoteok', jobSchema, items, onInvalid)
    .filter((job) => {
      if (wanted.length === 0) return true;
      const haystack = `${job.position} ${(job.tags ?? []).join(' ')}`.toLowerCase();
      return wanted.some((term) => haystack.includes(term));
    })
    .map((job) => {
      const workArrangement = arrangementOf(job);
      return toPosting({
        sourceId: job.id,
        url: job.url,
        title: job.position,
        company: job.company,
        // Locations often end in a comma ("Leeds, UK,"): toPosting cleans them.
        location: job.location || (workArrangement === 'remote' ? 'Remote' : null),
        workArrangement,
        salaryMin: job.salary_min ?? null,
        salaryMax: job.salary_max ?? null,
        salaryCurrency: job.salary_min || job.salary_max ? 'USD' : null,
        salaryPeriod: job.salary_min || job.salary_max ? 'year' : null,
        employmentType: null,
        postedAt: job.date ?? job.epoch ?? null,
        // Some descriptions were mis-decoded on the way (donât): toPosting repairs them.
        descriptionHtml: job.description ?? null,
      });
    })
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
