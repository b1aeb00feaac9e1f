import { createServer, request as httpRequest, type IncomingMessage } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UpstreamHttpError } from '../src/http-client';
import { arbeitnowAdapter } from '../src/arbeitnow';
import { ashbyAdapter } from '../src/ashby';
import { fixtureAdapter } from '../src/fixture';
import { greenhouseAdapter } from '../src/greenhouse';
import { leverAdapter } from '../src/lever';
import { remoteOkAdapter } from '../src/remoteok';
import { remotiveAdapter } from '../src/remotive';
import { fetchContext, fixture, sendJson, source, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

const http = testHttpClient();
afterAll(() => http.close());

const context = fetchContext(http);

describe('Greenhouse adapter', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await startLoopback((_req, res, url) => {
      if (url.pathname === '/v1/boards/ledgerlabs/jobs') sendJson(res, 200, fixture('greenhouse-jobs.json'));
      else if (url.pathname === '/v1/boards/ledgerlabs') sendJson(res, 200, fixture('greenhouse-board.json'));
      else sendJson(res, 404, { status: 404, error: 'Job not found' });
    });
  });
  afterAll(() => server.close());

  it('parses the documented jobs answer: entity-escaped HTML, pay ranges, metadata, missing fields', async () => {
    const postings = await greenhouseAdapter(server.url).fetch(source('greenhouse', 'ledgerlabs'), context());
    expect(server.requests[0]?.url).toBe('/v1/boards/ledgerlabs/jobs?content=true&pay_transparency=true');
    expect(server.requests[0]?.headers['user-agent']).toBe('JobPing-Scraper-Test/1.0');
    // The third job has no title: skipped, not fatal.
    expect(postings).toHaveLength(2);
    const [lead, designer] = postings;
    expect(lead).toMatchObject({
      sourceId: '4012345006',
      url: 'https://boards.greenhouse.io/ledgerlabs/jobs/4012345006',
      title: 'Senior Backend Engineer & API Lead',
      company: 'Ledger Labs',
      location: 'Remote - Europe',
      remote: true,
      salaryMin: 90_000,
      salaryMax: 120_000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      employmentType: 'full_time',
    });
    expect(lead?.postedAt?.toISOString()).toBe('2026-11-19T15:00:00.000Z');
    expect(lead?.descriptionHtml).toContain('<li>Design APIs in TypeScript &amp; Go</li>');
    expect(lead?.descriptionHtml).not.toMatch(/script|onerror|javascript:|<img/);
    expect(lead?.description).toContain('At Ledger Labs we build invoicing for Europe’s small businesses.');
    expect(lead?.description).toContain('What you\'ll do');
    expect(lead?.description).toContain('Design APIs in TypeScript & Go');
    // Missing salary, metadata and first_published; company from GET /v1/boards/{board}.
    expect(designer).toMatchObject({
      sourceId: '4012399006',
      company: 'Ledger Labs',
      remote: false,
      salaryMin: null,
      salaryCurrency: null,
      employmentType: null,
      description: 'Design the invoicing flows.\u00a0Hybrid in Berlin.',
    });
    expect(designer?.postedAt?.toISOString()).toBe('2026-11-21T17:00:00.000Z');
  });

  it('reports an unknown board as an error without retrying a 404', async () => {
    const before = server.requests.length;
    await expect(greenhouseAdapter(server.url).fetch(source('greenhouse', 'nope'), context())).rejects.toBeInstanceOf(UpstreamHttpError);
    expect(server.requests.length - before).toBe(1);
  });
});

describe('Lever adapter', () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    const recorded = fixture('lever-postings.json') as Record<string, unknown>[];
    // A full first page (limit=100) of variations of the first recorded posting, then the rest.
    const firstPage = Array.from({ length: 100 }, (_, i) => ({ ...recorded[0], id: `page-one-${i}`, text: `Engineer ${i}` }));
    server = await startLoopback((_req, res, url) => {
      if (url.pathname !== '/v0/postings/ledgerlabs' || url.searchParams.get('mode') !== 'json') return sendJson(res, 404, { ok: false });
      const skip = Number(url.searchParams.get('skip'));
      sendJson(res, 200, skip === 0 ? firstPage : skip === 100 ? recorded : []);
    });
  });
  afterAll(() => server.close());

  it('pages with skip/limit and normalises lists, salary range, commitment and workplace type', async () => {
    const postings = await leverAdapter(server.url).fetch(source('lever', 'ledgerlabs'), context());
    expect(server.requests.map((r) => r.url)).toEqual([
      '/v0/postings/ledgerlabs?mode=json&skip=0&limit=100',
      '/v0/postings/ledgerlabs?mode=json&skip=100&limit=100',
    ]);
    expect(postings).toHaveLength(102);
    const lead = postings.find((p) => p.sourceId === '5ac21346-8e0c-4494-8e7a-3eb92ff77902');
    expect(lead).toMatchObject({
      url: 'https://jobs.lever.co/ledgerlabs/5ac21346-8e0c-4494-8e7a-3eb92ff77902',
      title: 'Senior Backend Engineer & API Lead',
      company: 'Ledgerlabs',
      location: 'Remote - Europe',
      remote: true,
      salaryMin: 90_000,
      salaryMax: 120_000,
      salaryCurrency: 'EUR',
      salaryPeriod: 'year',
      employmentType: 'full_time',
    });
    expect(lead?.postedAt?.getTime()).toBe(1763650000000);
    expect(lead?.descriptionHtml).toContain('<h3>What you\'ll do</h3><ul><li>Design APIs in TypeScript &amp; Go</li>');
    expect(lead?.description).toContain('We offer 30 days of holiday & a learning budget.');
    const contract = postings.find((p) => p.sourceId === '1f8e2a9b-0000-4c3b-9d55-6a1b2c3d4e5f');
    expect(contract).toMatchObject({ remote: false, employmentType: 'contract', salaryPeriod: 'hour', salaryMin: 70, salaryMax: 95 });
  });

  it('stops paging once it has the limit', async () => {
    const before = server.requests.length;
    const postings = await leverAdapter(server.url).fetch(source('lever', 'ledgerlabs'), context({ limit: 50 }));
    expect(server.requests.length - before).toBe(1);
    expect(postings.length).toBe(100);
  });
});

describe('Ashby adapter', () => {
  it('reads compensation components, remote flags, secondary locations and skips unlisted jobs', async () => {
    const server = await startLoopback((_req, res, url) =>
      url.pathname === '/posting-api/job-board/tessellate' ? sendJson(res, 200, fixture('ashby-board.json')) : sendJson(res, 404, {}),
    );
    try {
      const postings = await ashbyAdapter(server.url).fetch(source('ashby', 'tessellate'), context());
      expect(server.requests[0]?.url).toBe('/posting-api/job-board/tessellate?includeCompensation=true');
      expect(postings.map((p) => p.title)).toEqual(['Staff Software Engineer, Infrastructure', 'Sales Intern']);
      expect(postings[0]).toMatchObject({
        sourceId: '7b2e4c1a-1d2e-4f5a-9b8c-0d1e2f3a4b5c',
        url: 'https://jobs.ashbyhq.com/tessellate/7b2e4c1a-1d2e-4f5a-9b8c-0d1e2f3a4b5c',
        company: 'Tessellate',
        location: 'Amsterdam',
        locations: ['Amsterdam', 'Remote (EU)'],
        // isRemote is true, workplaceType says Hybrid.
        workArrangement: 'hybrid',
        remote: false,
        salaryMin: 110_000,
        salaryMax: 140_000,
        salaryCurrency: 'EUR',
        salaryPeriod: 'year',
        employmentType: 'full_time',
      });
      expect(postings[0]?.description).toBe('Tessellate runs a multi-region platform.\n\n * Kubernetes & Terraform\n * Go services');
      expect(postings[1]).toMatchObject({ remote: false, employmentType: 'internship', salaryMin: null, salaryCurrency: null });
    } finally {
      await server.close();
    }
  });
});

describe('Remotive adapter', () => {
  it('searches per term within the category and parses the salary text', async () => {
    const server = await startLoopback((_req, res, url) =>
      url.pathname === '/api/remote-jobs' ? sendJson(res, 200, fixture('remotive.json')) : sendJson(res, 404, {}),
    );
    try {
      const postings = await remotiveAdapter(server.url).fetch(
        source('remotive', 'software-dev', { searchTerms: ['typescript', 'golang'] }),
        context({ limit: 50 }),
      );
      expect(server.requests.map((r) => r.url)).toEqual([
        '/api/remote-jobs?search=typescript&category=software-dev&limit=50',
        '/api/remote-jobs?search=golang&category=software-dev&limit=50',
      ]);
      // Both searches answer the same two jobs: kept once each.
      expect(postings).toHaveLength(2);
      expect(postings[0]).toMatchObject({
        sourceId: '2011122',
        url: 'https://remotive.com/remote-jobs/software-dev/senior-typescript-engineer-2011122',
        title: 'Senior TypeScript Engineer',
        company: 'Quillstack',
        location: 'Europe',
        remote: true,
        salaryMin: 80_000,
        salaryMax: 100_000,
        salaryCurrency: 'EUR',
        salaryPeriod: 'year',
        employmentType: 'full_time',
      });
      expect(postings[0]?.postedAt?.toISOString()).toBe('2026-11-20T10:23:26.000Z');
      expect(postings[0]?.description).toBe('Quillstack is hiring a Senior TypeScript Engineer – fully remote within Europe.\n\nWe\'re 90 people.');
      expect(postings[1]).toMatchObject({ salaryMin: null, employmentType: 'contract' });
    } finally {
      await server.close();
    }
  });
});

describe('RemoteOK adapter', () => {
  it('skips the legal notice, filters by title or tags, reads USD yearly salaries', async () => {
    const server = await startLoopback((_req, res, url) => (url.pathname === '/api' ? sendJson(res, 200, fixture('remoteok.json')) : sendJson(res, 404, {})));
    try {
      const all = await remoteOkAdapter(server.url).fetch(source('remoteok', 'remoteok'), context());
      expect(all.map((p) => p.sourceId)).toEqual(['1130001', '1130002']);
      expect(all[0]).toMatchObject({
        url: 'https://remoteok.com/remote-jobs/remote-senior-backend-engineer-brightpath-health-1130001',
        company: 'Brightpath Health',
        location: 'Worldwide',
        remote: true,
        salaryMin: 140_000,
        salaryMax: 170_000,
        salaryCurrency: 'USD',
        salaryPeriod: 'year',
      });
      expect(all[0]?.postedAt?.toISOString()).toBe('2026-11-21T01:53:20.000Z');
      expect(all[1]).toMatchObject({ location: 'Remote', salaryMin: null, salaryCurrency: null });
      const typescript = await remoteOkAdapter(server.url).fetch(source('remoteok', 'remoteok', { searchTerms: ['TypeScript'] }), context());
      expect(typescript.map((p) => p.sourceId)).toEqual(['1130001']);
    } finally {
      await server.close();
    }
  });
});

describe('Arbeitnow adapter', () => {
  it('follows the pages until links.next is null', async () => {
    const server = await startLoopback((_req, res, url) => {
      if (url.pathname !== '/api/job-board-api') return sendJson(res, 404, {});
      sendJson(res, 200, fixture(url.searchParams.get('page') === '2' ? 'arbeitnow-page2.json' : 'arbeitnow-page1.json'));
    });
    try {
      const postings = await arbeitnowAdapter(server.url).fetch(source('arbeitnow', 'arbeitnow'), context());
      expect(server.requests.map((r) => r.url)).toEqual(['/api/job-board-api?page=1', '/api/job-board-api?page=2']);
      expect(postings.map((p) => p.sourceId)).toEqual([
        'senior-backend-developer-typescript-harbor-labs-berlin-221100',
        'werkstudent-data-fernweh-muenchen-221099',
        'devops-engineer-quillstack-hamburg-221050',
      ]);
      expect(postings[0]).toMatchObject({ company: 'Harbor Labs', location: 'Berlin', remote: true, employmentType: 'full_time' });
      expect(postings[0]?.description).toBe('Wir suchen eine:n Senior Backend Developer für unsere Logistik-Plattform.');
      expect(postings[1]).toMatchObject({ location: 'München', employmentType: 'internship', remote: false });
      expect(postings[0]?.postedAt?.getTime()).toBe(1763700000 * 1000);
    } finally {
      await server.close();
    }
  });

  it('stops paging once postings are older than the window', async () => {
    const server = await startLoopback((_req, res) => sendJson(res, 200, fixture('arbeitnow-page1.json')));
    try {
      await arbeitnowAdapter(server.url).fetch(source('arbeitnow', 'arbeitnow'), context({ since: new Date(1763680000 * 1000) }));
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('fixture adapter', () => {
  it('reads a Greenhouse-format file from its fixtures folder, or a URL', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'scraper-fixture-'));
    try {
      mkdirSync(path.join(root, 'fixtures', 'boards'), { recursive: true });
      writeFileSync(path.join(root, 'fixtures', 'board.json'), JSON.stringify(fixture('greenhouse-jobs.json')));
      writeFileSync(path.join(root, 'fixtures', 'boards', 'nested.json'), JSON.stringify(fixture('greenhouse-jobs.json')));
      const fromFile = await fixtureAdapter(root).fetch(source('fixture', 'fixtures/board.json'), context());
      expect(fromFile.map((p) => p.sourceId)).toEqual(['4012345006', '4012399006']);
      // No company_name on the second job: the file name stands in.
      expect(fromFile[1]?.company).toBe('Board');
      expect(await fixtureAdapter(root).fetch(source('fixture', 'fixtures/boards/nested.json'), context())).toHaveLength(2);
      const server = await startLoopback((_req, res) => sendJson(res, 200, fixture('greenhouse-jobs.json')));
      try {
        const fromUrl = await fixtureAdapter(root).fetch(source('fixture', `${server.url}/demo-board.json`), context());
        expect(fromUrl).toHaveLength(2);
        expect(fromUrl[1]?.company).toBe('Demo Board');
      } finally {
        await server.close();
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });

  it('reads no file outside its fixtures folder: no .., no absolute paths, no symlinks leading out', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'scraper-fixture-'));
    try {
      mkdirSync(path.join(root, 'fixtures'));
      // A valid board next to the fixtures folder, so only the folder rule can stop a read.
      const outside = path.join(root, 'secrets.json');
      writeFileSync(outside, JSON.stringify(fixture('greenhouse-jobs.json')));
      symlinkSync(outside, path.join(root, 'fixtures', 'link.json'));
      for (const identifier of ['fixtures/../secrets.json', '../../../../../../etc/passwd', 'secrets.json', outside, '/etc/passwd', 'fixtures/link.json']) {
        await expect(fixtureAdapter(root).fetch(source('fixture', identifier), context())).rejects.toThrow('outside the fixtures folder');
      }
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('HTTP politeness', () => {
  it('retries a 429 after its Retry-After and a 503, then succeeds', async () => {
    let calls = 0;
    const server = await startLoopback((_req, res) => {
      calls += 1;
      if (calls === 1) return sendJson(res, 429, { error: 'slow down' }, { 'retry-after': '0' });
      if (calls === 2) return sendJson(res, 503, { error: 'busy' });
      sendJson(res, 200, { jobs: [] });
    });
    try {
      await expect(http.getJson(`${server.url}/v1/boards/x/jobs`)).resolves.toEqual({ jobs: [] });
      expect(calls).toBe(3);
    } finally {
      await server.close();
    }
  });

  it('gives up after the configured retries with the last status', async () => {
    const server = await startLoopback((_req, res) => sendJson(res, 429, {}, { 'retry-after': '0' }));
    try {
      const error = await http.getJson(`${server.url}/api`).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UpstreamHttpError);
      expect((error as UpstreamHttpError).status).toBe(429);
      expect(server.requests).toHaveLength(4);
    } finally {
      await server.close();
    }
  });

  it('keeps at most one request in flight per host when configured so', async () => {
    let active = 0;
    let peak = 0;
    const server = await startLoopback(async (_req, res) => {
      active += 1;
      peak = Math.max(peak, active);
      await new Promise((resolve) => setTimeout(resolve, 20));
      active -= 1;
      sendJson(res, 200, []);
    });
    const serial = testHttpClient({ hostConcurrency: 1 });
    try {
      await Promise.all(Array.from({ length: 5 }, (_, i) => serial.getJson(`${server.url}/${i}`)));
      expect(peak).toBe(1);
      expect(server.requests).toHaveLength(5);
    } finally {
      await serial.close();
      await server.close();
    }
  });

  it('sends requests through HTTP_PROXY / HTTPS_PROXY when configured', async () => {
    const board = await startLoopback((_req, res) => sendJson(res, 200, { via: 'board' }));
    const tunnelled: string[] = [];
    const proxy = createServer((req: IncomingMessage, res) => {
      // Absolute-form forwarding (plain HTTP proxying).
      tunnelled.push(`GET ${req.url ?? ''}`);
      const target = new URL(req.url ?? '');
      const upstream = httpRequest({ host: target.hostname, port: target.port, path: `${target.pathname}${target.search}`, headers: req.headers }, (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      });
      req.pipe(upstream);
    });
    proxy.on('connect', (req: IncomingMessage, socket: Socket, head: Buffer) => {
      tunnelled.push(`CONNECT ${req.url ?? ''}`);
      const [host, port] = (req.url ?? '').split(':');
      const upstream = connect(Number(port), host ?? '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(socket);
        socket.pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      socket.on('error', () => upstream.destroy());
    });
    await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
    const proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
    const viaProxy = testHttpClient({ proxy: { httpProxy: proxyUrl, httpsProxy: proxyUrl } });
    try {
      await expect(viaProxy.getJson(`${board.url}/api`)).resolves.toEqual({ via: 'board' });
      expect(tunnelled).toHaveLength(1);
      expect(tunnelled[0]).toContain(new URL(board.url).port);
    } finally {
      await viaProxy.close();
      proxy.closeAllConnections();
      await new Promise<void>((resolve) => proxy.close(() => resolve()));
      await board.close();
    }
  });
});
