import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { as, startTestApp, type TestContext, type TestUser } from './helpers';

/**
 * "Add a company by its careers page" through the API: a loopback server stands in for the
 * company's own site and for the boards' APIs (RECRUITEE_API_BASE, GREENHOUSE_API_BASE …).
 */
let ctx: TestContext;
let admin: TestUser;
let user: TestUser;
let site: Server;
let base = '';

const offers = {
  offers: [
    { id: 1, title: 'Frontend Developer', careers_url: 'https://spaakwerk.recruitee.com/o/frontend', company_name: 'Spaakwerk B.V.', description: '<p>Vue and TypeScript.</p>' },
    { id: 2, title: 'Werkplaatsmedewerker', careers_url: 'https://spaakwerk.recruitee.com/o/werkplaats', company_name: 'Spaakwerk B.V.', description: '<p>Fietsen repareren.</p>' },
  ],
};

beforeAll(async () => {
  site = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const send = (status: number, type: string, body: string) => {
      res.writeHead(status, { 'content-type': type });
      res.end(body);
    };
    if (path === '/careers') return send(200, 'text/html', '<h1>Join us</h1><a href="https://spaakwerk.recruitee.com/">See all open roles</a>');
    if (path === '/about') return send(200, 'text/html', '<h1>About</h1><p>Bikes since 1998.</p>');
    if (path === '/recruitee/spaakwerk/api/offers/') return send(200, 'application/json', JSON.stringify(offers));
    return send(404, 'application/json', '{"error":"not found"}');
  });
  await new Promise<void>((resolve) => site.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(site.address() as AddressInfo).port}`;
  ctx = await startTestApp('source_detect', {
    GREENHOUSE_API_BASE: base,
    LEVER_API_BASE: base,
    RECRUITEE_API_BASE: `${base}/recruitee/{board}`,
    SOURCE_DETECT_ALLOWED_HOSTS: new URL(base).host,
  });
  admin = await ctx.user('admin');
  user = await ctx.user();
});
afterAll(async () => {
  await ctx?.close();
  await new Promise<void>((resolve) => site.close(() => resolve()));
});

describe('POST /api/admin/sources/detect', () => {
  it("finds the board a company's careers page links to, previews it, and the source saves through the create route", async () => {
    const found = await as(ctx, admin).post('/api/admin/sources/detect', { url: `${base}/careers` }).expect(200);
    expect(found.body).toEqual({
      type: 'recruitee',
      identifier: 'spaakwerk',
      company_name: 'Spaakwerk B.V.',
      found_in: 'page',
      preview: { count: 2, titles: ['Frontend Developer', 'Werkplaatsmedewerker'] },
    });
    const { type, identifier, company_name } = found.body;
    const saved = await as(ctx, admin).post('/api/admin/sources', { type, identifier, company_name }).expect(201);
    expect(saved.body).toMatchObject({ type: 'recruitee', identifier: 'spaakwerk', company_name: 'Spaakwerk B.V.', enabled: true });
  });

  it('answers 422 with what to do for a page that names no supported board, and for a board that is not there', async () => {
    const unknown = await as(ctx, admin).post('/api/admin/sources/detect', { url: `${base}/about` }).expect(422);
    expect(unknown.body.error.code).toBe('unknown_page');
    expect(unknown.body.error.message).toMatch(/No supported job board found/);
    const missing = await as(ctx, admin).post('/api/admin/sources/detect', { url: 'https://jobs.lever.co/nobody-here' }).expect(422);
    expect(missing.body.error).toMatchObject({ code: 'board_unreachable', message: expect.stringContaining('HTTP 404') });
  });

  it('refuses private addresses that are not explicitly allowed, and non-URLs', async () => {
    const metadata = await as(ctx, admin).post('/api/admin/sources/detect', { url: 'http://169.254.169.254/latest/meta-data/' }).expect(422);
    expect(metadata.body.error).toMatchObject({ code: 'page_unreachable', message: expect.stringContaining('private or local address') });
    const other = await as(ctx, admin).post('/api/admin/sources/detect', { url: 'http://127.0.0.2:9/careers' }).expect(422);
    expect(other.body.error.code).toBe('page_unreachable');
    await as(ctx, admin).post('/api/admin/sources/detect', { url: 'not a url' }).expect(422);
    await as(ctx, admin).post('/api/admin/sources/detect', {}).expect(400);
  });

  it('is for admins only', async () => {
    await as(ctx, user).post('/api/admin/sources/detect', { url: `${base}/careers` }).expect(403);
  });
});
