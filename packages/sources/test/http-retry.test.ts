import { afterAll, describe, expect, it } from '@jest/globals';
import { Agent, RetryAgent, fetch } from 'undici';
import { sendJson, startLoopback, testHttpClient, type LoopbackServer } from './helpers';

// A board answer large enough to arrive in several chunks.
const board = JSON.stringify({ jobs: Array.from({ length: 2_000 }, (_, i) => ({ id: i, title: 'Senior Backend Engineer', location: { name: 'Berlin' } })) });

/** Answers the first request with the headers and part of the body, then drops the connection; later ones in full. */
async function boardThatDropsOnce(): Promise<LoopbackServer & { ranges: (string | undefined)[] }> {
  const ranges: (string | undefined)[] = [];
  let calls = 0;
  const server = await startLoopback((req, res) => {
    calls += 1;
    ranges.push(req.headers.range);
    // Like Greenhouse or Lever: no Range support, always the whole document.
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(board) });
    if (calls > 1) return void res.end(board);
    res.write(board.slice(0, 5_000));
    setTimeout(() => res.socket?.destroy(), 20);
  });
  return Object.assign(server, { ranges });
}

describe('retries', () => {
  const http = testHttpClient();
  afterAll(() => http.close());

  it('retries a board whose connection drops halfway through the body, as a fresh request', async () => {
    const server = await boardThatDropsOnce();
    try {
      await expect(http.getJson(`${server.url}/v1/boards/acme/jobs`)).resolves.toEqual(JSON.parse(board));
      expect(server.ranges).toEqual([undefined, undefined]);
    } finally {
      await server.close();
    }
  });

  // Why the scraper keeps its own attempt loop instead of undici's RetryAgent / interceptors.retry:
  // once the headers have gone to fetch, undici can only resume the body with a Range request,
  // and a board that answers every request in full (all of ours) makes it fail. Our attempt is
  // the whole exchange (redirects, headers, the capped body) under one deadline, retried whole.
  it("is something undici's RetryAgent cannot do: it resumes with a Range request and gives up", async () => {
    const server = await boardThatDropsOnce();
    const agent = new RetryAgent(new Agent(), { maxRetries: 3, minTimeout: 5, maxTimeout: 50 });
    try {
      const error = (await fetch(`${server.url}/v1/boards/acme/jobs`, { dispatcher: agent })
        .then((res) => res.text())
        .then(
          () => new Error('expected the read to fail'),
          (e: unknown) => e,
        )) as Error & { cause?: Error };
      expect(error.cause?.message ?? error.message).toContain('does not support the range header');
      expect(server.ranges).toEqual([undefined, 'bytes=5000-' + String(Buffer.byteLength(board) - 1)]);
    } finally {
      await agent.close();
      await server.close();
    }
  });

  it('reads a Retry-After HTTP date (one in the past: no extra wait) and retries', async () => {
    let calls = 0;
    const server = await startLoopback((_req, res) => {
      calls += 1;
      // A date in the past: retry now (the back-off still applies).
      if (calls === 1) return sendJson(res, 503, {}, { 'retry-after': new Date(Date.now() - 60_000).toUTCString() });
      sendJson(res, 200, { jobs: [] });
    });
    try {
      await expect(http.getJson(`${server.url}/api`)).resolves.toEqual({ jobs: [] });
      expect(calls).toBe(2);
    } finally {
      await server.close();
    }
  });
});

describe('host politeness', () => {
  it('spaces the starts of two requests to one host by SCRAPE_HOST_INTERVAL_MS, and a waiting request can be aborted', async () => {
    const server = await startLoopback((_req, res) => sendJson(res, 200, { jobs: [] }));
    // Two may be in flight, but starts are a minute apart: the second cannot start during this test.
    const spaced = testHttpClient({ hostConcurrency: 2, hostIntervalMs: 60_000 });
    const abort = new AbortController();
    try {
      await expect(spaced.getJson(`${server.url}/v1/boards/a/jobs`)).resolves.toEqual({ jobs: [] });
      const waiting = spaced.getJson(`${server.url}/v1/boards/b/jobs`, { signal: abort.signal });
      // Another host is not held up by this one's spacing.
      const other = await startLoopback((_req, res) => sendJson(res, 200, { other: true }));
      try {
        await expect(spaced.getJson(`${other.url.replace('127.0.0.1', 'localhost')}/x`)).resolves.toEqual({ other: true });
      } finally {
        await other.close();
      }
      expect(server.requests.map((r) => r.url)).toEqual(['/v1/boards/a/jobs']);
      abort.abort(new Error('source timed out'));
      await expect(waiting).rejects.toThrow('source timed out');
      expect(server.requests).toHaveLength(1);
    } finally {
      await spaced.close();
      await server.close();
    }
  });
});
