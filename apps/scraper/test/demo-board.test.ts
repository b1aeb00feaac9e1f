import { afterAll, describe, expect, it } from '@jest/globals';
import { fixtureAdapter } from '@jobping/sources';
import { APP_ROOT } from '../src/config';
import { logger, testHttpClient } from './helpers';

const http = testHttpClient();
afterAll(() => http.close());

describe('demo board', () => {
  it('parses the demo board shipped with the app', async () => {
    const source = { id: '00000000-0000-4000-8000-000000000000', type: 'fixture', identifier: 'fixtures/demo-board.json', searchTerms: [], location: null };
    const context = { http, logger, signal: new AbortController().signal, since: null, limit: 500 };
    const postings = await fixtureAdapter(APP_ROOT).fetch(source, context);
    expect(postings.length).toBeGreaterThanOrEqual(8);
    expect(postings.every((p) => p.description.length > 0 && !p.url.includes('utm_'))).toBe(true);
  });
});
