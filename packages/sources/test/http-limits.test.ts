import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from '@jest/globals';
import { UpstreamHttpError, sameHostRedirect } from '../src/http-client';
import { greenhouseAdapter } from '../src/greenhouse';
import { logger, sendJson, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

const CAP = 256 * 1024;
const http = testHttpClient({ maxResponseBytes: CAP, timeoutMs: 2_000 });
afterAll(() => http.close());

async function failure(promise: Promise<unknown>): Promise<UpstreamHttpError> {
  const error = await promise.then(
    () => new Error('expected the request to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UpstreamHttpError);
  return error as UpstreamHttpError;
}

/** A server on another loopback address (127.0.0.2: same machine, another host). */
async function listenOn(address: string, server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, address, resolve));
  return `http://${address}:${(server.address() as AddressInfo).port}`;
}

describe('response size cap', () => {
  it('cuts off an endless body once it passes the cap, and does not retry', async () => {
    let bytesSent = 0;
    const server = await startLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      const pump = () => {
        // Writes until the socket pushes back, then again on 'drain': forever, unless the client hangs up.
        while (!res.destroyed && res.write(chunk)) bytesSent += chunk.length;
        bytesSent += chunk.length;
      };
      res.write('[');
      res.on('drain', pump);
      pump();
    });
    try {
      const error = await failure(http.getJson(`${server.url}/v1/boards/endless/jobs`));
      expect(error.message).toContain(`larger than ${CAP} bytes`);
      expect(error.message).toContain('SCRAPE_MAX_RESPONSE_BYTES');
      expect(server.requests).toHaveLength(1);
      expect(bytesSent).toBeLessThan(100 * CAP);
    } finally {
      await server.close();
    }
  });

  it('refuses a body that declares a length over the cap', async () => {
    const big = JSON.stringify({ jobs: [{ content: 'x'.repeat(CAP + 1) }] });
    const server = await startLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(big) });
      res.end(big);
    });
    try {
      const error = await failure(http.getText(`${server.url}/big`));
      expect(error.message).toContain(`larger than ${CAP} bytes`);
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('reads a body just under the cap', async () => {
    const body = { jobs: [{ content: 'y'.repeat(CAP - 100) }] };
    const server = await startLoopback((_req, res) => sendJson(res, 200, body));
    try {
      await expect(http.getJson(`${server.url}/fits`)).resolves.toEqual(body);
    } finally {
      await server.close();
    }
  });
});

describe('request timeout', () => {
  it('also covers a body that stops arriving after the headers', async () => {
    const server = await startLoopback((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"jobs": [');
      // …and nothing more: the connection stays open.
    });
    const impatient = testHttpClient({ timeoutMs: 300, maxRetries: 0 });
    try {
      const error = await failure(impatient.getJson(`${server.url}/stalled`));
      expect(error.message).toContain('timed out after 300 ms');
    } finally {
      await impatient.close();
      await server.close();
    }
  });
});

describe('redirects', () => {
  let target: LoopbackServer;
  afterAll(() => target?.close());

  it('follows a redirect within the same host (relative and absolute Location)', async () => {
    const server = await startLoopback((_req, res, url) => {
      if (url.pathname === '/v1/boards/old/jobs') return sendJson(res, 301, {}, { location: '/v1/boards/renamed/jobs?content=true' });
      if (url.pathname === '/v1/boards/renamed/jobs') return sendJson(res, 302, {}, { location: `http://127.0.0.1:${new URL(serverUrl).port}/v1/boards/final/jobs` });
      if (url.pathname === '/v1/boards/final/jobs') return sendJson(res, 302, {}, { location: 'jobs.json' });
      if (url.pathname === '/v1/boards/final/jobs.json') return sendJson(res, 200, { jobs: [] });
      sendJson(res, 404, {});
    });
    const serverUrl = server.url;
    try {
      await expect(http.getJson(`${server.url}/v1/boards/old/jobs`)).resolves.toEqual({ jobs: [] });
      // A relative Location is resolved against the URL that answered with it.
      expect(server.requests.map((r) => r.url)).toEqual([
        '/v1/boards/old/jobs',
        '/v1/boards/renamed/jobs?content=true',
        '/v1/boards/final/jobs',
        '/v1/boards/final/jobs.json',
      ]);
    } finally {
      await server.close();
    }
  });

  it('refuses a redirect to another port of the same address, and the other server sees nothing', async () => {
    target = await startLoopback((_req, res) => sendJson(res, 200, { secret: 'internal' }));
    const server = await startLoopback((_req, res) => sendJson(res, 302, {}, { location: `${target.url}/admin/config` }));
    try {
      const error = await failure(http.getJson(`${server.url}/v1/boards/x/jobs`));
      expect(error.message).toContain('redirected to another host');
      expect(error.message).toContain(new URL(target.url).host);
      expect(target.requests).toHaveLength(0);
      // A refused redirect is final: no retries.
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });

  it('refuses a redirect to another loopback address (127.0.0.2)', async () => {
    let reached = 0;
    const other = createServer((_req, res) => {
      reached += 1;
      res.end('{}');
    });
    const otherUrl = await listenOn('127.0.0.2', other);
    const server = await startLoopback((_req, res) => sendJson(res, 307, {}, { location: `${otherUrl}/latest/meta-data/` }));
    try {
      const error = await failure(http.getJson(`${server.url}/api`));
      expect(error.message).toContain('redirected to another host');
      expect(reached).toBe(0);
    } finally {
      await new Promise<void>((resolve) => other.close(() => resolve()));
      await server.close();
    }
  });

  it('gives up after a few same-host hops', async () => {
    const server = await startLoopback((_req, res, url) => sendJson(res, 302, {}, { location: `/hop/${Number(url.pathname.split('/')[2] ?? 0) + 1}` }));
    try {
      const error = await failure(http.getJson(`${server.url}/hop/0`));
      expect(error.message).toContain('too many redirects');
      expect(server.requests.length).toBeLessThanOrEqual(6);
    } finally {
      await server.close();
    }
  });

  it('fails the source with the reason when its board redirects elsewhere', async () => {
    const other = await startLoopback((_req, res) => sendJson(res, 200, { jobs: [] }));
    const board = await startLoopback((_req, res) => sendJson(res, 302, {}, { location: `${other.url}/v1/boards/acme/jobs` }));
    try {
      const fetching = greenhouseAdapter(board.url).fetch(
        { id: '00000000-0000-4000-8000-000000000000', type: 'greenhouse', identifier: 'acme', searchTerms: [], location: null },
        { http, logger, signal: new AbortController().signal, since: null, limit: 10 },
      );
      await expect(fetching).rejects.toThrow('redirected to another host');
      expect(other.requests).toHaveLength(0);
    } finally {
      await other.close();
      await board.close();
    }
  });
});

describe('sameHostRedirect', () => {
  const from = new URL('https://boards-api.greenhouse.io/v1/boards/acme/jobs');
  it.each([
    ['/v1/boards/acme-inc/jobs', 'https://boards-api.greenhouse.io/v1/boards/acme-inc/jobs'],
    ['https://boards-api.greenhouse.io:443/x', 'https://boards-api.greenhouse.io/x'],
    ['?page=2', 'https://boards-api.greenhouse.io/v1/boards/acme/jobs?page=2'],
  ])('follows %s', (location, expected) => expect(sameHostRedirect(from, location).toString()).toBe(expected));

  it.each([
    ['https://evil.example/v1/boards/acme/jobs', 'another host'],
    ['https://boards-api.greenhouse.io:8443/x', 'another host'],
    ['//169.254.169.254/latest/meta-data/', 'another host'],
    ['http://boards-api.greenhouse.io/x', 'from https to http'],
    ['file:///etc/passwd', 'not http(s)'],
  ])('refuses %s', (location, reason) => expect(() => sameHostRedirect(from, location)).toThrow(reason));

  it('allows an upgrade from http to https on the same host', () => {
    expect(sameHostRedirect(new URL('http://127.0.0.1:4010/a'), 'https://127.0.0.1:4010/a').protocol).toBe('https:');
  });
});
