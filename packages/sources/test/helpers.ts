import type { HttpClient } from '../src/http-client';
import { testLogger } from '../src/testing';
import type { FetchContext, SourceDefinition } from '../src/types';

export { boardFixture as fixture, boardFixtureText as fixtureText, testHttpClient, testLogger as logger } from '../src/testing';
export { sendHtml, sendJson, startLoopback, type Handler, type LoopbackServer, type SeenRequest } from '@jobping/testing';

/** What an adapter gets for one fetch: this client and logger, no window, a limit of 500 unless overridden. */
export const fetchContext =
  (http: HttpClient) =>
  (overrides: Partial<FetchContext> = {}): FetchContext => ({
    http,
    logger: testLogger,
    signal: new AbortController().signal,
    since: null,
    limit: 500,
    ...overrides,
  });

/** A source row as the runner hands it to an adapter. */
export const source = (type: string, identifier: string, extra: Partial<SourceDefinition> = {}): SourceDefinition => ({
  id: '00000000-0000-4000-8000-000000000000',
  type,
  identifier,
  searchTerms: [],
  location: null,
  ...extra,
});
