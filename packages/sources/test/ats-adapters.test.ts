import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { bambooHrAdapter } from '../src/bamboohr';
import { joinAdapter } from '../src/join';
import { personioAdapter } from '../src/personio';
import type { NormalizedPosting } from '../src/posting';
import { recruiteeAdapter } from '../src/recruitee';
import { smartRecruitersAdapter } from '../src/smartrecruiters';
import { teamtailorAdapter } from '../src/teamtailor';
import type { FetchContext, SourceAdapter } from '../src/types';
import { workableAdapter } from '../src/workable';
import { workdayAdapter } from '../src/workday';
import { fetchContext, fixture, fixtureText, sendJson, source, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

/**
 * Every new ATS adapter against a loopback server replaying that ATS's recorded answer shapes
 * (test/fixtures, written for these tests): each produces normalised jobs with title, company,
 * all locations, work arrangement, URL, clean description, pay where stated and posted date,
 * and follows the board's paging to the end.
 */
const http = testHttpClient();
afterAll(() => http.close());

const context = fetchContext(http);

function sendText(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { 'content-type': `${type}; charset=utf-8` });
  res.end(body);
}

async function body(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
}

/** What users see of a posting: the fields each adapter must fill. */
const view = (p: NormalizedPosting) => ({
  title: p.title,
  company: p.company,
  locations: p.locations,
  arrangement: p.workArrangement,
  url: p.url,
  salary: p.salaryMin === null && p.salaryMax === null ? null : { min: p.salaryMin, max: p.salaryMax, currency: p.salaryCurrency, period: p.salaryPeriod },
  postedAt: p.postedAt?.toISOString().slice(0, 10) ?? null,
});

function expectCleanDescriptions(postings: readonly NormalizedPosting[]): void {
  for (const p of postings) {
    expect(p.description.length).toBeGreaterThan(10);
    // Decoded exactly once, no markup left in the text.
    expect(p.description).not.toMatch(/<\/?[a-z]+[ >]|&lt;|&amp;|&gt;/i);
  }
}

let server: LoopbackServer;
beforeAll(async () => {
  server = await startLoopback(async (req, res, url) => {
    const p = url.pathname;
    // Workable
    if (p === '/workable/api/v1/widget/accounts/fjordline-analytics') return sendJson(res, 200, fixture('workable-widget.json'));
    // SmartRecruiters: the list in pages by offset, each posting's detail.
    if (p === '/smartrecruiters/v1/companies/NordhavnLogistics/postings') {
      return sendJson(res, 200, fixture(url.searchParams.get('offset') === '2' ? 'smartrecruiters-page2.json' : 'smartrecruiters-page1.json'));
    }
    if (p === '/smartrecruiters/v1/companies/NordhavnLogistics/postings/744000091122401') return sendJson(res, 200, fixture('smartrecruiters-detail.json'));
    if (p.startsWith('/smartrecruiters/v1/companies/NordhavnLogistics/postings/')) return sendJson(res, 404, { message: 'Posting not found' });
    // Recruitee, Personio, Teamtailor, BambooHR: the company's subdomain, here a path.
    if (p === '/recruitee/spaakwerk/api/offers/') return sendJson(res, 200, fixture('recruitee-offers.json'));
    if (p === '/personio/lindenhof/xml') return sendText(res, 200, fixtureText('personio-feed.xml'), 'application/xml');
    if (p === '/teamtailor/solvik/jobs.rss') return sendText(res, 200, fixtureText('teamtailor-jobs.rss'), 'application/rss+xml');
    if (p === '/bamboohr/pawsandco/careers/list') return sendJson(res, 200, fixture('bamboohr-list.json'));
    const bamboo = /^\/bamboohr\/pawsandco\/careers\/(\d+)\/detail$/.exec(p);
    if (bamboo) return sendJson(res, 200, fixture(`bamboohr-detail-${bamboo[1]}.json`));
    // JOIN: company page, jobs in pages, each job's page.
    if (p === '/join/companies/brettspiel-manufaktur') return sendText(res, 200, fixtureText('join-company.html'), 'text/html');
    if (p === '/join/api/public/companies/771204/jobs') return sendJson(res, 200, fixture(`join-jobs-page${url.searchParams.get('page')}.json`));
    if (p === '/join/companies/brettspiel-manufaktur/9912001-illustrator-spielkarten') return sendText(res, 200, fixtureText('join-job.html'), 'text/html');
    if (p.startsWith('/join/companies/brettspiel-manufaktur/')) return sendText(res, 200, '<html><body>Job</body></html>', 'text/html');
    // Workday: POST search by offset, then GET per job.
    if (req.method === 'POST' && p === '/workday/verdantchem.wd3/wday/cxs/verdantchem/Careers/jobs') {
      const { offset } = (await body(req)) as { offset: number };
      return sendJson(res, 200, fixture(offset === 0 ? 'workday-jobs-page1.json' : 'workday-jobs-page2.json'));
    }
    const workday = /^\/workday\/verdantchem\.wd3\/wday\/cxs\/verdantchem\/Careers\/job\/[^/]+\/[^/]+_(R-\d+)$/.exec(p);
    if (req.method === 'GET' && workday) return sendJson(res, 200, fixture(`workday-job-${workday[1]}.json`));
    return sendJson(res, 404, { error: 'not found' });
  });
});
afterAll(() => server.close());

const adapters = (): Record<string, SourceAdapter> => ({
  workable: workableAdapter(`${server.url}/workable`),
  smartrecruiters: smartRecruitersAdapter(`${server.url}/smartrecruiters`),
  recruitee: recruiteeAdapter(`${server.url}/recruitee/{board}`),
  personio: personioAdapter(`${server.url}/personio/{board}`),
  teamtailor: teamtailorAdapter(`${server.url}/teamtailor/{board}`),
  bamboohr: bambooHrAdapter(`${server.url}/bamboohr/{board}`),
  join: joinAdapter(`${server.url}/join`),
  workday: workdayAdapter(`${server.url}/workday/{board}`),
});
const run = (type: string, identifier: string, overrides: Partial<FetchContext> = {}) => adapters()[type]!.fetch(source(type, identifier), context(overrides));

describe('Workable adapter (widget API)', () => {
  it("reads every job with the account's name, all locations, remote flag and text", async () => {
    const postings = await run('workable', 'fjordline-analytics');
    expect(postings.map(view)).toEqual([
      {
        title: 'Data Engineer (Streaming)',
        company: 'Fjordline Analytics',
        locations: ['Bergen, Vestland, Norway', 'Oslo, Norway'],
        arrangement: 'unknown',
        url: 'https://apply.workable.com/j/7F3A2B91C0',
        salary: { min: 720000, max: 850000, currency: 'NOK', period: 'year' },
        postedAt: '2026-11-18',
      },
      {
        title: 'Customer Success Lead & Trainer',
        company: 'Fjordline Analytics',
        locations: ['Norway'],
        arrangement: 'remote',
        url: 'https://apply.workable.com/j/A19C44D2E8',
        salary: null,
        postedAt: '2026-11-21',
      },
    ]);
    expect(postings[1]?.employmentType).toBe('part_time');
    expectCleanDescriptions(postings);
  });
});

describe('SmartRecruiters adapter', () => {
  it('pages through the list by offset to the end and reads each posting for its text', async () => {
    const postings = await run('smartrecruiters', 'NordhavnLogistics');
    const lists = server.requests.filter((r) => r.url.startsWith('/smartrecruiters/v1/companies/NordhavnLogistics/postings?'));
    expect(lists.map((r) => new URL(r.url, server.url).searchParams.get('offset'))).toEqual(['0', '2']);
    expect(postings.map(view)).toEqual([
      {
        title: 'Warehouse Shift Supervisor',
        company: 'Nordhavn Logistics A/S',
        locations: ['Aarhus, Central Denmark, Denmark'],
        arrangement: 'onsite',
        url: 'https://jobs.smartrecruiters.com/NordhavnLogistics/744000091122334',
        salary: null,
        postedAt: '2026-11-19',
      },
      {
        title: 'Routing Software Developer',
        company: 'Nordhavn Logistics A/S',
        locations: ['Copenhagen, Capital Region, Denmark'],
        arrangement: 'hybrid',
        url: 'https://jobs.smartrecruiters.com/NordhavnLogistics/744000091122401-routing-software-developer',
        salary: { min: 52000, max: 61000, currency: 'DKK', period: 'month' },
        postedAt: '2026-11-22',
      },
      {
        title: 'Fleet Data Analyst (Remote, EU)',
        company: 'Nordhavn Logistics A/S',
        locations: ['Denmark'],
        arrangement: 'remote',
        url: 'https://jobs.smartrecruiters.com/NordhavnLogistics/744000091122555',
        salary: null,
        postedAt: '2026-11-23',
      },
    ]);
    expect(postings[1]?.department).toBe('Technology');
    expect(postings[1]?.description).toContain('Improve the solver');
    // The job's own text first, the company's blurb last.
    expect(postings[1]!.description.indexOf('Improve the solver')).toBeLessThan(postings[1]!.description.indexOf('forty Nordic depots'));
  });
});

describe('Recruitee adapter', () => {
  it('reads offers with structured pay, every location and the remote/hybrid/on-site flags', async () => {
    const postings = await run('recruitee', 'spaakwerk');
    expect(postings.map(view)).toEqual([
      {
        title: 'Frontend Developer (Vue)',
        company: 'Spaakwerk B.V.',
        locations: ['Utrecht, Netherlands', 'Amsterdam, Netherlands'],
        arrangement: 'hybrid',
        url: 'https://spaakwerk.recruitee.com/o/frontend-developer-vue',
        salary: { min: 52000, max: 64000, currency: 'EUR', period: 'year' },
        postedAt: '2026-11-20',
      },
      {
        title: 'Werkplaatsmedewerker',
        company: 'Spaakwerk B.V.',
        locations: ['Zwolle, Netherlands'],
        arrangement: 'onsite',
        url: 'https://spaakwerk.recruitee.com/o/werkplaatsmedewerker',
        salary: { min: 2600, max: 3100, currency: 'EUR', period: 'month' },
        postedAt: '2026-11-24',
      },
    ]);
    expect(postings.map((p) => p.employmentType)).toEqual(['full_time', 'part_time']);
    expectCleanDescriptions(postings);
  });
});

describe('Personio adapter (XML feed)', () => {
  it('reads positions with every office, their text sections, and an office named Remote as remote', async () => {
    const postings = await run('personio', 'lindenhof');
    expect(postings.map(view)).toEqual([
      {
        title: 'Röster (m/w/d)',
        company: 'Kaffeerösterei Lindenhof GmbH',
        locations: ['Leipzig', 'Dresden'],
        arrangement: 'unknown',
        url: `${server.url}/personio/lindenhof/job/1490233`,
        salary: { min: 38000, max: 44000, currency: 'EUR', period: 'year' },
        postedAt: '2026-11-16',
      },
      {
        title: 'Key Account Manager Gastronomie',
        company: 'Kaffeerösterei Lindenhof GmbH',
        locations: [],
        arrangement: 'remote',
        url: `${server.url}/personio/lindenhof/job/1490871`,
        salary: null,
        postedAt: '2026-11-22',
      },
    ]);
    expect(postings[0]?.description).toContain('kleinen Chargen & prüfst');
    expect(postings[0]?.department).toBe('Produktion');
    expectCleanDescriptions(postings);
  });
});

describe('Teamtailor adapter (RSS feed)', () => {
  it("reads items with the feed's company, every location and remoteStatus", async () => {
    const postings = await run('teamtailor', 'solvik');
    expect(postings.map(view)).toEqual([
      {
        title: 'Battery Systems Engineer',
        company: 'Solvik Energi',
        locations: ['Gothenburg, Sweden', 'Malmö, Sweden'],
        arrangement: 'hybrid',
        url: 'https://solvik.teamtailor.com/jobs/5120344-battery-systems-engineer',
        salary: { min: 48000, max: 56000, currency: 'SEK', period: 'month' },
        postedAt: '2026-11-19',
      },
      {
        title: 'Grid Analyst',
        company: 'Solvik Energi',
        locations: ['Stockholm, Sweden'],
        arrangement: 'remote',
        url: 'https://solvik.teamtailor.com/jobs/5120981-grid-analyst',
        salary: null,
        postedAt: '2026-11-23',
      },
    ]);
    expect(postings.map((p) => p.sourceId)).toEqual(['5120344', '5120981']);
    expectCleanDescriptions(postings);
  });
});

describe('BambooHR adapter', () => {
  it('reads the list, then each opening for its text, date and pay; locationType gives the arrangement', async () => {
    const postings = await run('bamboohr', 'pawsandco');
    expect(postings.map(view)).toEqual([
      {
        title: 'Veterinary Nurse',
        company: 'Pawsandco',
        locations: ['Leeds, West Yorkshire, United Kingdom'],
        arrangement: 'onsite',
        url: 'https://pawsandco.bamboohr.com/careers/41',
        salary: { min: 27500, max: 31000, currency: 'GBP', period: 'year' },
        postedAt: '2026-11-12',
      },
      {
        title: 'Practice Software Support Specialist',
        company: 'Pawsandco',
        locations: ['United Kingdom'],
        arrangement: 'remote',
        url: 'https://pawsandco.bamboohr.com/careers/44',
        salary: null,
        postedAt: '2026-11-25',
      },
    ]);
    expect(postings.map((p) => p.employmentType)).toEqual(['full_time', 'contract']);
    expectCleanDescriptions(postings);
  });
});

describe("a company's name from the source", () => {
  it("wins over the board's name and the slug (BambooHR's careers JSON names no company)", async () => {
    const named = await adapters().bamboohr!.fetch(source('bamboohr', 'pawsandco', { companyName: 'Paws & Co. Veterinary' }), context({ details: false }));
    expect(named.map((p) => p.company)).toEqual(['Paws & Co. Veterinary', 'Paws & Co. Veterinary']);
  });
});

describe('JOIN adapter', () => {
  it("finds the company's number on its page, pages the jobs API to the end and reads each job's text", async () => {
    const postings = await run('join', 'brettspiel-manufaktur');
    const pages = server.requests.filter((r) => r.url.startsWith('/join/api/public/companies/771204/jobs'));
    expect(pages.map((r) => new URL(r.url, server.url).searchParams.get('page'))).toEqual(['1', '2']);
    expect(postings.map(view)).toEqual([
      {
        title: 'Illustrator:in Spielkarten',
        company: 'Brettspiel Manufaktur GmbH',
        locations: ['Nürnberg, Germany'],
        arrangement: 'hybrid',
        url: `${server.url}/join/companies/brettspiel-manufaktur/9912001-illustrator-spielkarten`,
        salary: { min: 42000, max: 50000, currency: 'EUR', period: 'year' },
        postedAt: '2026-11-18',
      },
      {
        title: 'Lagerhelfer (Minijob)',
        company: 'Brettspiel Manufaktur GmbH',
        locations: ['Fürth, Germany'],
        arrangement: 'onsite',
        url: `${server.url}/join/companies/brettspiel-manufaktur/9912044-lagerhelfer`,
        salary: null,
        postedAt: '2026-11-21',
      },
      {
        title: 'Community Manager (Remote)',
        company: 'Brettspiel Manufaktur GmbH',
        locations: ['Nürnberg, Germany'],
        arrangement: 'remote',
        url: `${server.url}/join/companies/brettspiel-manufaktur/9912107-community-manager`,
        salary: { min: 1800, max: 2200, currency: 'EUR', period: 'month' },
        postedAt: '2026-11-24',
      },
    ]);
    // JSON-LD text is entity-escaped HTML: decoded once.
    expect(postings[0]?.description).toContain('Du zeichnest die Karten');
    expect(postings[0]?.description).not.toMatch(/&lt;|<p>/);
  });
});

describe('Workday adapter', () => {
  it('POSTs the search page by page to the end (the total only on the first page), then reads each job', async () => {
    const postings = await run('workday', 'verdantchem.wd3/Careers');
    const searches = server.requests.filter((r) => r.method === 'POST');
    expect(searches).toHaveLength(2);
    expect(postings.map(view)).toEqual([
      {
        title: 'Senior Process Engineer',
        company: 'Verdant Chemicals N.V.',
        locations: ['Rotterdam', 'Antwerp'],
        arrangement: 'hybrid',
        url: 'https://verdantchem.wd3.myworkdayjobs.com/Careers/job/Rotterdam/Senior-Process-Engineer_R-20418',
        salary: { min: 78000, max: 96000, currency: 'EUR', period: 'year' },
        postedAt: '2026-11-26',
      },
      {
        title: 'Plant Operator, Night Shift',
        company: 'Verdant Chemicals N.V.',
        locations: ['Antwerp'],
        arrangement: 'unknown',
        url: 'https://verdantchem.wd3.myworkdayjobs.com/Careers/job/Antwerp/Plant-Operator--Night-Shift_R-20377',
        salary: null,
        postedAt: '2026-10-20',
      },
      {
        title: 'Sustainability Reporting Analyst',
        company: 'Verdant Chemicals N.V.',
        locations: ['Remote - Netherlands'],
        arrangement: 'remote',
        url: 'https://verdantchem.wd3.myworkdayjobs.com/Careers/job/Remote-Netherlands/Sustainability-Reporting-Analyst_R-20502',
        salary: null,
        postedAt: '2026-11-29',
      },
    ]);
    expect(postings.map((p) => p.sourceId)).toEqual(['R-20418', 'R-20377', 'R-20502']);
    expect(postings.map((p) => p.employmentType)).toEqual(['full_time', 'full_time', 'part_time']);
    expectCleanDescriptions(postings);
  });

  it('without details (the preview) reads only the search pages', async () => {
    const before = server.requests.length;
    const postings = await run('workday', 'verdantchem.wd3/Careers', { details: false });
    expect(postings.map((p) => p.title)).toEqual(['Senior Process Engineer', 'Plant Operator, Night Shift', 'Sustainability Reporting Analyst']);
    expect(server.requests.slice(before).every((r) => r.method === 'POST')).toBe(true);
  });
});
