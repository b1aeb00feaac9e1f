import type { JobSourceType } from '@jobping/contracts';
import type { Logger } from '@jobping/logger';
import type { HttpClient } from './http-client';
import type { NormalizedPosting } from './posting';

/** A row of `job_sources`: what to collect, as data. */
export interface SourceDefinition {
  id: string;
  type: string;
  /** Board token, company slug, search name, or (fixture) a file path or URL. */
  identifier: string;
  searchTerms: string[];
  location: string | null;
  /**
   * The company's display name as configured on the source (`job_sources.company_name`): boards
   * whose API does not name the company (Lever, Ashby) show it instead of the slug.
   */
  companyName?: string | null;
}

export interface FetchContext {
  http: HttpClient;
  logger: Logger;
  /** Aborted when the source's time is up or the process shuts down. */
  signal: AbortSignal;
  /** Postings older than this are not wanted (scheduled runs); null takes everything. */
  since: Date | null;
  /** The most postings wanted; paginating sources stop once they have this many. */
  limit: number;
  /**
   * false: only the list, no request per posting for its text (a preview). Boards whose list
   * has no descriptions (SmartRecruiters, BambooHR, JOIN, Workday) then return postings without one.
   */
  details?: boolean;
}

/** One job board behind the common interface: fetch → normalised postings. */
export interface SourceAdapter {
  /** `job_sources.type` and `jobs.source`. */
  readonly type: JobSourceType;
  /** The board filters by `searchTerms` itself; otherwise the runner keeps titles that match one. */
  readonly searchesServerSide?: boolean;
  /** Shortest time between two runs of one source (a board's own request limits), in ms. */
  readonly minIntervalMs?: number;
  fetch(source: SourceDefinition, context: FetchContext): Promise<NormalizedPosting[]>;
}

/** Every board response passes a zod schema first; a failure names the first bad fields. */
export class BoardFormatError extends Error {
  constructor(board: string, details: string) {
    super(`${board} answered in an unexpected format: ${details}`);
    this.name = 'BoardFormatError';
  }
}
