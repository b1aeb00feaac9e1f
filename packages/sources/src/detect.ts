import { jobSourceSchema, jobSourceTypes, type JobSourceType } from '@jobping/contracts';
import type { Logger } from '@jobping/logger';
import { boardFromUrl, boardsInPage, type BoardRef } from './ats-urls';
import { UpstreamHttpError, type HttpClient } from './http-client';
import { companyFromSlug } from './parse';
import type { AdapterRegistry } from './registry';

/** The ATS types detection recognises (every job board with company boards; not the aggregators). */
export const DETECTABLE_TYPES: readonly JobSourceType[] = jobSourceTypes.filter(
  (type) => !['remotive', 'remoteok', 'arbeitnow', 'linkedin', 'fixture'].includes(type),
);

/** Titles shown with the preview. */
export const PREVIEW_TITLES = 5;

export interface Detection extends BoardRef {
  /** The company as its board names it (its slug when the board names none). */
  companyName: string;
  /** Open jobs listed now, and the first few titles. */
  preview: { count: number; titles: string[] };
  /** How the board was found: from the address itself, or from the page's links and scripts. */
  foundIn: 'url' | 'page';
}

export type DetectionFailure = 'invalid_url' | 'page_unreachable' | 'unknown_page' | 'board_unreachable';

/** Why a URL gave no source; the message says what to do instead. */
export class DetectionError extends Error {
  constructor(
    readonly code: DetectionFailure,
    message: string,
  ) {
    super(message);
    this.name = 'DetectionError';
  }
}

export interface DetectDeps {
  /**
   * Reads the pasted page: the scraper's limits plus no private addresses (the URL comes
   * from a person, unlike the configured API bases).
   */
  pageClient: HttpClient;
  /** Reads the board's API for the preview (the registry's configured bases). */
  boardClient: HttpClient;
  adapters: AdapterRegistry;
  logger: Logger;
  signal?: AbortSignal;
  /** Postings counted for the preview at most. */
  previewLimit?: number;
}

const sourceSchema = jobSourceSchema();

const unknownPage = (url: string) =>
  new DetectionError(
    'unknown_page',
    `No supported job board found at ${url}: neither the address nor the page's links and scripts point at ${DETECTABLE_TYPES.join(', ')}. ` +
      "Open the company's list of jobs, copy the address of that page (or of one job) and paste it here; if the company uses another system, it cannot be added yet.",
  );

function parseInput(input: string): URL {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    throw new DetectionError('invalid_url', 'Not a URL: paste the full address of the careers page, starting with https://');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new DetectionError('invalid_url', 'Only http(s) addresses can be read: paste the careers page as https://…');
  if (url.username || url.password) throw new DetectionError('invalid_url', 'The address must not carry a user name or password.');
  return url;
}

/** The board behind a URL: from the address, else from the page (fetched under the page client's rules). */
async function findBoard(url: URL, deps: DetectDeps): Promise<{ board: BoardRef; foundIn: 'url' | 'page' }> {
  const direct = boardFromUrl(url);
  if (direct) return { board: direct, foundIn: 'url' };
  let html: string;
  try {
    html = await deps.pageClient.getText(url.toString(), deps.signal ? { signal: deps.signal } : {});
  } catch (error) {
    deps.signal?.throwIfAborted();
    const why = error instanceof Error ? error.message : String(error);
    throw new DetectionError('page_unreachable', `Could not read ${url.toString()}: ${why}. Check the address, or paste the address of the job board itself.`);
  }
  const [best] = boardsInPage(html);
  if (!best) throw unknownPage(url.toString());
  return { board: best.board, foundIn: 'page' };
}

/**
 * Recognises the ATS and board behind a careers-page or job URL and reads the board once
 * for a preview. Never guesses: an address or page naming no supported board, or a board
 * that does not answer, is a DetectionError saying what to do.
 */
export async function detectSource(input: string, deps: DetectDeps): Promise<Detection> {
  const url = parseInput(input);
  const { board, foundIn } = await findBoard(url, deps);
  const spec = sourceSchema.safeParse({ type: board.type, identifier: board.identifier });
  const adapter = deps.adapters.get(board.type);
  if (!spec.success || !adapter) throw unknownPage(url.toString());
  let postings;
  try {
    postings = await adapter.fetch(
      { id: 'detect', type: board.type, identifier: spec.data.identifier, searchTerms: [], location: null },
      {
        http: deps.boardClient,
        logger: deps.logger,
        signal: deps.signal ?? new AbortController().signal,
        since: null,
        limit: deps.previewLimit ?? 500,
        // Only the list: the preview needs titles, not every posting's text.
        details: false,
      },
    );
  } catch (error) {
    deps.signal?.throwIfAborted();
    const status = error instanceof UpstreamHttpError ? error.status : null;
    const why =
      status === 404 || status === 410
        ? `the board answered HTTP ${status} (not found): it may have moved, or the company no longer uses ${board.type}`
        : error instanceof Error
          ? error.message
          : String(error);
    throw new DetectionError('board_unreachable', `Found the ${board.type} board "${spec.data.identifier}", but could not read it: ${why}.`);
  }
  return {
    type: board.type,
    identifier: spec.data.identifier,
    companyName: postings[0]?.company ?? companyFromSlug(spec.data.identifier.split(/[./]/)[0] ?? spec.data.identifier),
    preview: { count: postings.length, titles: postings.slice(0, PREVIEW_TITLES).map((p) => p.title) },
    foundIn,
  };
}
