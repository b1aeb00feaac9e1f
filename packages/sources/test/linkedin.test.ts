import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { linkedInAdapter } from '../src/linkedin';
import type { SourceDefinition } from '../src/types';
import { fixtureText, logger, sendHtml, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

// Debian's Chromium (`apt-get install -y chromium`); npm test's setup installs it when missing.
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
const hasChromium = existsSync(chromiumPath);
if (!hasChromium) {
  console.warn(`SKIPPED: the Playwright source test needs Chromium at ${chromiumPath} (apt-get install -y chromium).`);
}
const withChromium = hasChromium ? it : it.skip;
// Chromium refuses its sandbox to root (CI runs as root): these tests read pages without it;
// chromium-sandbox.test.ts runs it sandboxed as an unprivileged user.
const sandbox = false;

let server: LoopbackServer;
const http = testHttpClient();

beforeAll(async () => {
  server = await startLoopback((_req, res, url) => {
    if (url.pathname === '/jobs/search') return sendHtml(res, 200, fixtureText('linkedin-search.html'));
    if (url.pathname === '/jobs/view/senior-backend-engineer-at-ledger-labs-3791234567') return sendHtml(res, 200, fixtureText('linkedin-job.html'));
    if (url.pathname === '/jobs/view/platform-engineer-at-tessellate-3791230001') {
      return sendHtml(res, 200, '<html><body><div class="show-more-less-html__markup"><p>Run our platform.</p></div></body></html>');
    }
    sendHtml(res, 404, '<html><body>Not found</body></html>');
  });
});

afterAll(async () => {
  await http.close();
  await server.close();
});

describe('LinkedIn (Playwright, Chromium)', () => {
  withChromium(
    'reads result cards and job pages of the guest search in a real browser',
    async () => {
      const source: SourceDefinition = {
        id: '00000000-0000-4000-8000-000000000000',
        type: 'linkedin',
        identifier: 'backend-berlin',
        searchTerms: ['TypeScript backend'],
        location: 'Berlin',
      };
      const adapter = linkedInAdapter({ baseUrl: server.url, chromiumPath, sandbox, detailLimit: 3, userAgent: 'JobPing-Scraper-Test/1.0' });
      const postings = await adapter.fetch(source, { http, logger, signal: new AbortController().signal, since: null, limit: 50 });

      const search = server.requests.find((r) => r.url.startsWith('/jobs/search'));
      expect(search?.url).toBe('/jobs/search?keywords=TypeScript+backend&location=Berlin&f_TPR=r604800');
      expect(search?.headers['user-agent']).toBe('JobPing-Scraper-Test/1.0');
      // Four cards with a job id, one of them rendered by the page's script; the ad slot is skipped.
      expect(postings.map((p) => p.sourceId)).toEqual(['3791234567', '3791230001', '3791239999', '3791235555']);

      const [lead, platform, gone, sre] = postings;
      expect(lead).toMatchObject({
        url: `${server.url}/jobs/view/senior-backend-engineer-at-ledger-labs-3791234567`,
        title: 'Senior Backend Engineer & API Lead',
        company: 'Ledger Labs',
        location: 'Berlin, Berlin, Germany',
        remote: false,
        salaryMin: 80_000,
        salaryMax: 100_000,
        salaryCurrency: 'EUR',
        salaryPeriod: 'year',
        employmentType: 'full_time',
      });
      expect(lead?.postedAt?.toISOString()).toBe('2026-11-22T00:00:00.000Z');
      expect(lead?.descriptionHtml).toContain('<li>Design APIs in TypeScript &amp; Go</li>');
      expect(lead?.descriptionHtml).not.toMatch(/onerror|javascript:|<img|<button/);
      expect(lead?.description).toContain("We build invoicing for Europe's small businesses.");
      expect(platform).toMatchObject({ company: 'Tessellate', remote: true, description: 'Run our platform.' });
      // The job page answered 404: the card is kept without a description.
      expect(gone).toMatchObject({ title: 'Gone Engineer', company: 'Nowhere GmbH', description: '', descriptionHtml: null });
      // Past detailLimit (3): card only.
      expect(sre).toMatchObject({ title: 'Site Reliability Engineer', company: 'Quillstack', description: '' });
      expect(server.requests.filter((r) => r.url.startsWith('/jobs/view/'))).toHaveLength(3);
    },
    90_000,
  );

  withChromium(
    'fails the source when the search page is refused',
    async () => {
      const adapter = linkedInAdapter({ baseUrl: `${server.url}/blocked`, chromiumPath, sandbox, detailLimit: 0, userAgent: 'x' });
      const source: SourceDefinition = { id: 'x', type: 'linkedin', identifier: 'x', searchTerms: ['a'], location: null };
      // /blocked/jobs/search is not served: 404.
      await expect(adapter.fetch(source, { http, logger, signal: new AbortController().signal, since: null, limit: 5 })).rejects.toThrow(
        /answered 404/,
      );
    },
    90_000,
  );
});
