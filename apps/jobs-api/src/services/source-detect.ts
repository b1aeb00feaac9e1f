import { HttpError } from '@jobping/http-kit';
import type { Logger } from '@jobping/logger';
import { createBoardAdapters, createHttpClient, DetectionError, detectSource, type BoardApiBases, type HttpClient } from '@jobping/sources';
import type { DetectedSourceView } from '../schemas';

export interface SourceDetectSettings {
  boards: BoardApiBases;
  userAgent: string;
  timeoutMs: number;
  maxResponseBytes: number;
  /** `host:port` a pasted page may be on although private (tests and local stand-ins only). */
  allowedHosts: readonly string[];
}

/**
 * "Add a company by its careers page": recognises the ATS and board behind a pasted URL and
 * reads the board once for a preview (@jobping/sources does the work). Pasted pages are read
 * with the scraper's rules (timeout, size cap, same-host redirects) and never from a private
 * address; the boards' APIs with the configured bases. Clients live for one detection: admins
 * detect rarely, and nothing stays open between requests.
 */
export class SourceDetectService {
  constructor(
    private readonly settings: SourceDetectSettings,
    private readonly logger: Logger,
  ) {}

  private client(refusePrivate: boolean): HttpClient {
    return createHttpClient({
      userAgent: this.settings.userAgent,
      timeoutMs: this.settings.timeoutMs,
      maxResponseBytes: this.settings.maxResponseBytes,
      // An admin waits for the answer: one retry at most, short waits.
      maxRetries: 1,
      retryBaseMs: 500,
      retryMaxMs: 2_000,
      hostConcurrency: 2,
      hostIntervalMs: 0,
      logger: this.logger,
      ...(refusePrivate ? { refusePrivateAddresses: { allowedHosts: this.settings.allowedHosts } } : {}),
    });
  }

  async detect(url: string): Promise<DetectedSourceView> {
    const pageClient = this.client(true);
    const boardClient = this.client(false);
    try {
      const found = await detectSource(url, {
        pageClient,
        boardClient,
        adapters: new Map(Object.entries(createBoardAdapters(this.settings.boards))),
        logger: this.logger,
        signal: AbortSignal.timeout(this.settings.timeoutMs * 4),
      });
      return {
        type: found.type,
        identifier: found.identifier,
        company_name: found.companyName,
        found_in: found.foundIn,
        preview: { count: found.preview.count, titles: found.preview.titles },
      };
    } catch (error) {
      if (error instanceof DetectionError) throw new HttpError(422, error.code, error.message);
      throw error;
    } finally {
      await Promise.all([pageClient.close(), boardClient.close()]);
    }
  }
}
