import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { boardFromUrl, boardsInPage } from '../src/ats-urls';
import { DETECTABLE_TYPES, DetectionError, detectSource, type DetectDeps } from '../src/detect';
import { createAdapterRegistry } from '../src/registry';
import { registryConfigAt } from '../src/testing';
import { fixture, logger, sendHtml, sendJson, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

describe('recognising a board from its address', () => {
  it.each([
    ['https://boards.greenhouse.io/ledgerlabs', 'greenhouse', 'ledgerlabs'],
    ['https://job-boards.eu.greenhouse.io/ledgerlabs/jobs/4012345006?gh_src=abc', 'greenhouse', 'ledgerlabs'],
    ['https://boards.greenhouse.io/embed/job_board?for=ledgerlabs&b=https://ledger.example', 'greenhouse', 'ledgerlabs'],
    ['https://boards-api.greenhouse.io/v1/boards/ledgerlabs/jobs?content=true', 'greenhouse', 'ledgerlabs'],
    ['https://jobs.lever.co/ledger-labs/5f1c2d3e-aaaa-bbbb-cccc-0123456789ab', 'lever', 'ledger-labs'],
    ['https://jobs.eu.lever.co/ledger-labs', 'lever', 'ledger-labs'],
    ['https://jobs.ashbyhq.com/Northwind/8c1f0b1e-1111-2222-3333-444455556666', 'ashby', 'Northwind'],
    ['https://api.ashbyhq.com/posting-api/job-board/Northwind?includeCompensation=true', 'ashby', 'Northwind'],
    ['https://apply.workable.com/fjordline-analytics/', 'workable', 'fjordline-analytics'],
    ['https://apply.workable.com/fjordline-analytics/j/7F3A2B91C0/', 'workable', 'fjordline-analytics'],
    ['https://jobs.smartrecruiters.com/NordhavnLogistics/744000091122401-routing-software-developer', 'smartrecruiters', 'NordhavnLogistics'],
    ['https://careers.smartrecruiters.com/NordhavnLogistics', 'smartrecruiters', 'NordhavnLogistics'],
    ['https://spaakwerk.recruitee.com/o/frontend-developer-vue', 'recruitee', 'spaakwerk'],
    ['https://lindenhof.jobs.personio.de/job/1490233?language=de', 'personio', 'lindenhof'],
    ['https://lindenhof.jobs.personio.com/', 'personio', 'lindenhof'],
    ['https://solvik.teamtailor.com/jobs/5120344-battery-systems-engineer', 'teamtailor', 'solvik'],
    ['https://pawsandco.bamboohr.com/careers/41', 'bamboohr', 'pawsandco'],
    ['https://join.com/companies/brettspiel-manufaktur/9912001-illustrator-spielkarten', 'join', 'brettspiel-manufaktur'],
    ['https://verdantchem.wd3.myworkdayjobs.com/en-US/Careers/job/Rotterdam/Senior-Process-Engineer_R-20418', 'workday', 'verdantchem.wd3/Careers'],
    ['https://verdantchem.wd3.myworkdayjobs.com/Careers', 'workday', 'verdantchem.wd3/Careers'],
  ])('%s → %s %s', (url, type, identifier) => {
    expect(boardFromUrl(url)).toEqual({ type, identifier });
  });

  it('covers every supported ATS', () => {
    expect(new Set(DETECTABLE_TYPES)).toEqual(
      new Set(['greenhouse', 'lever', 'ashby', 'workable', 'smartrecruiters', 'recruitee', 'personio', 'teamtailor', 'bamboohr', 'join', 'workday']),
    );
  });

  it.each([
    'https://www.greenhouse.io/customers',
    'https://www.recruitee.com/pricing',
    'https://apply.workable.com/j/7F3A2B91C0',
    'https://join.com/pricing',
    'https://evil.example/boards.greenhouse.io/acme',
    'https://recruitee.com.evil.example/',
    'ftp://boards.greenhouse.io/acme',
    'not a url',
  ])('does not guess from %s', (url) => {
    expect(boardFromUrl(url)).toBeNull();
  });

  it('finds the boards a careers page embeds or links, most mentioned first', () => {
    const html = `<html><body>
      <a href="https://jobs.lever.co/ledger-labs">All jobs</a>
      <div id="grnhse_app"></div>
      <script src="https://boards.greenhouse.io/embed/job_board/js?for=ledgerlabs"></script>
      <script>window.cfg = {"jobsUrl":"https:\\/\\/boards.greenhouse.io\\/ledgerlabs"};</script>
      <a href="https://www.linkedin.com/company/ledger">LinkedIn</a>
    </body></html>`;
    expect(boardsInPage(html)).toEqual([
      { board: { type: 'greenhouse', identifier: 'ledgerlabs' }, mentions: 2 },
      { board: { type: 'lever', identifier: 'ledger-labs' }, mentions: 1 },
    ]);
  });
});

describe('detecting and previewing a source', () => {
  let server: LoopbackServer;
  const boardClient = testHttpClient();
  let pageClient: ReturnType<typeof testHttpClient>;
  let deps: DetectDeps;

  beforeAll(async () => {
    server = await startLoopback((_req, res, url) => {
      if (url.pathname === '/careers') {
        return sendHtml(res, 200, `<h1>Work with us</h1><iframe src="https://spaakwerk.recruitee.com/embed"></iframe><a href="https://spaakwerk.recruitee.com/">Open roles</a>`);
      }
      if (url.pathname === '/about') return sendHtml(res, 200, '<h1>About us</h1><p>We have no jobs page here.</p>');
      if (url.pathname === '/recruitee/spaakwerk/api/offers/') return sendJson(res, 200, fixture('recruitee-offers.json'));
      if (url.pathname === '/v1/boards/ledgerlabs/jobs') return sendJson(res, 200, fixture('greenhouse-jobs.json'));
      if (url.pathname === '/v1/boards/ledgerlabs') return sendJson(res, 200, fixture('greenhouse-board.json'));
      return sendJson(res, 404, { error: 'not found' });
    });
    // The page client refuses private addresses; the loopback server is allowed explicitly.
    pageClient = testHttpClient({ refusePrivateAddresses: { allowedHosts: [new URL(server.url).host] } });
    const base = server.url;
    deps = {
      pageClient,
      boardClient,
      logger,
      adapters: createAdapterRegistry(registryConfigAt(base), __dirname),
    };
  });
  afterAll(async () => {
    await Promise.all([boardClient.close(), pageClient.close(), server.close()]);
  });

  it('recognises a board from the pasted address and previews its jobs', async () => {
    const found = await detectSource('https://boards.greenhouse.io/ledgerlabs/jobs/4012345006', deps);
    expect(found).toMatchObject({ type: 'greenhouse', identifier: 'ledgerlabs', companyName: 'Ledger Labs', foundIn: 'url', preview: { count: 2 } });
    expect(found.preview.titles).toContain('Product Designer');
  });

  it("reads a careers page on the company's own site to find the board it embeds", async () => {
    const found = await detectSource(`${server.url}/careers`, deps);
    expect(found).toEqual({
      type: 'recruitee',
      identifier: 'spaakwerk',
      companyName: 'Spaakwerk B.V.',
      foundIn: 'page',
      preview: { count: 2, titles: ['Frontend Developer (Vue)', 'Werkplaatsmedewerker'] },
    });
  });

  it('refuses a page that names no supported board, saying what to paste instead', async () => {
    const refused = await detectSource(`${server.url}/about`, deps).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DetectionError);
    expect(refused).toMatchObject({ code: 'unknown_page' });
    expect((refused as Error).message).toMatch(/No supported job board found .* paste it here/);
  });

  it('says so when the board behind the address does not exist', async () => {
    const refused = await detectSource('https://jobs.lever.co/nobody-here', deps).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'board_unreachable' });
    expect((refused as Error).message).toContain('HTTP 404');
  });

  it('never reads a private address someone pasted', async () => {
    const strict = testHttpClient({ refusePrivateAddresses: {} });
    try {
      for (const url of [`${server.url}/careers`, 'http://169.254.169.254/latest/meta-data/', 'http://localhost:9/careers', 'http://[::1]:9/']) {
        const refused = await detectSource(url, { ...deps, pageClient: strict }).catch((e: unknown) => e);
        expect({ url, code: (refused as DetectionError).code, message: (refused as Error).message }).toEqual({
          url,
          code: 'page_unreachable',
          message: expect.stringMatching(/private or local address/),
        });
      }
      expect(server.requests.filter((r) => r.url === '/careers')).toHaveLength(1);
    } finally {
      await strict.close();
    }
  });

  it('refuses what is not an http(s) URL', async () => {
    await expect(detectSource('file:///etc/passwd', deps)).rejects.toMatchObject({ code: 'invalid_url' });
    await expect(detectSource('boards greenhouse', deps)).rejects.toMatchObject({ code: 'invalid_url' });
  });
});
