import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eachRender } from '../src/renders';
import { freePort, renderWebServer, startNginx, type RunningNginx } from '@jobping/edge/testing';
import { apiOpsEndpoint, normalizedPath, parseNginxLocations, routeIngress, routeNginx } from '../src/routing';
import { ROOT, isHttpApi, listApps, readRepoFile } from '../src/repo';

/*
 * Every app serves /healthz, /readyz and /metrics at its root (on the APIs, on the same port as
 * the API). None of them may be reachable from outside: the Ingress and web's nginx must never
 * hand an API a request that the API answers with an ops endpoint, however the path is spelt.
 */

const httpApis = listApps().filter(isHttpApi).map((app) => app.name);

/** Spellings a client may try, as sent on the wire (dot segments, encodings, doubled slashes). */
const REQUESTS = [
  '/metrics',
  '/metrics/',
  '/METRICS',
  '/healthz',
  '/readyz',
  '/metrics?format=prometheus',
  '/api/metrics',
  '/api/metrics/',
  '/api/healthz',
  '/api/readyz',
  '/api/../metrics',
  '/api/../readyz',
  '/api/%2e%2e/metrics',
  '/api/.%2e/metrics',
  '/api/..%2fmetrics',
  '/api/%2E%2E%2Fmetrics',
  '/api%2fmetrics',
  '/api//metrics',
  '//metrics',
  '/./metrics',
  '/%6detrics',
  '/api/users/me/discord/../../../../metrics',
  '/api/users/me/discord/%2e%2e/%2e%2e/%2e%2e/%2e%2e/metrics',
  '/api/users/me/../../../healthz',
  '/metrics/../api/jobs',
  '/../metrics',
  '/api/../../metrics',
];

/** GET `path` exactly as written (no URL parsing that would resolve its dot segments). */
function get(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('the APIs answer their ops endpoints only at the root (the model jobs-api is tested against)', () => {
  expect(['/metrics', '/METRICS', '/metrics/', '/readyz?x=1'].map(apiOpsEndpoint)).toEqual(['/metrics', '/metrics', '/metrics', '/readyz']);
  expect(['/api/metrics', '/api/../metrics', '//metrics', '/%6detrics', '/metrics//'].map(apiOpsEndpoint)).toEqual([null, null, null, null, null]);
});

describe.each(eachRender())('%s Ingress', (_name, { rendered }) => {
  const ingress = rendered.ofKind('Ingress')[0];

  test('never hands an API a request it answers with /metrics, /healthz or /readyz', () => {
    if (!ingress) throw new Error('no Ingress');
    const routed = REQUESTS.map((request) => {
      const matched = normalizedPath(request);
      const service = matched === null ? 'rejected (400)' : routeIngress(ingress, matched);
      return { request, service, answers: httpApis.includes(service ?? '') ? apiOpsEndpoint(request) : null };
    });
    expect(routed.filter((r) => r.answers !== null)).toEqual([]);
    // What the check covers: jobs-api gets /api/metrics (and answers 404), web gets /metrics.
    expect(routed.find((r) => r.request === '/api/metrics')?.service).toBe('jobs-api');
    expect(routed.find((r) => r.request === '/api/users/me/discord/../../../../metrics')?.service).toBe('web');
  });
});

describe("web's nginx (docker/nginx.conf.template)", () => {
  const locations = parseNginxLocations(readRepoFile('docker', 'nginx.conf.template'));

  test('(model) never hands an API a request it answers with /metrics, /healthz or /readyz', () => {
    const upstreams = new Set(['AUTH_API_UPSTREAM', 'JOBS_API_UPSTREAM']);
    const proxied = REQUESTS.map((request) => {
      const matched = normalizedPath(request);
      const upstream = matched === null ? null : (routeNginx(locations, matched)?.upstream ?? null);
      return { request, upstream, answers: upstream && upstreams.has(upstream) ? apiOpsEndpoint(request) : null };
    });
    expect(proxied.filter((p) => p.answers !== null)).toEqual([]);
    expect(proxied.find((p) => p.request === '/api/metrics')?.upstream).toBe('JOBS_API_UPSTREAM');
  });

  describe('run by a real nginx on loopback', () => {
    let nginx: RunningNginx | undefined;
    let echoPort = 0;
    let webPort = 0;
    let webRoot = '';
    const upstreams: { name: string; server: Server; received: string[] }[] = [];

    beforeAll(async () => {
      for (const name of ['AUTH_API_UPSTREAM', 'JOBS_API_UPSTREAM']) {
        const received: string[] = [];
        // Stands in for an API: records the URI it is handed, and answers 404 to anything.
        const server = createServer((req, res) => {
          received.push(req.url ?? '');
          res.writeHead(404, { 'content-type': 'text/plain' }).end(`${name} 404`);
        });
        await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
        upstreams.push({ name, server, received });
      }
      [echoPort, webPort] = [await freePort(), await freePort()];
      webRoot = mkdtempSync(path.join(tmpdir(), 'deploy-check-web-'));
      chmodSync(webRoot, 0o755);
      writeFileSync(path.join(webRoot, 'index.html'), '<!doctype html><title>JobPing</title>');
      const upstreamUrl = (name: string) => `http://127.0.0.1:${(upstreams.find((u) => u.name === name)?.server.address() as { port: number }).port}`;
      const web = renderWebServer({
        repoRoot: ROOT,
        port: webPort,
        webRoot,
        authApiUrl: upstreamUrl('AUTH_API_UPSTREAM'),
        jobsApiUrl: upstreamUrl('JOBS_API_UPSTREAM'),
      });
      // A second server answers with the path nginx matched ($uri) for each request.
      const echo = `server {\n  listen 127.0.0.1:${echoPort};\n  location / { default_type text/plain; return 200 "$uri"; }\n}\n`;
      nginx = await startNginx(`${echo}\n${web}`, [echoPort, webPort]);
    }, 30_000);

    afterAll(async () => {
      await nginx?.stop();
      rmSync(webRoot, { recursive: true, force: true });
      await Promise.all(upstreams.map(({ server }) => new Promise((resolve) => server.close(resolve))));
    });

    test('matches locations on the path the routing model computes', async () => {
      const compared = [];
      for (const request of REQUESTS) {
        const answer = await get(echoPort, request);
        compared.push({ request, nginx: answer.status === 400 ? null : answer.body, model: normalizedPath(request) });
      }
      expect(compared.filter((c) => c.nginx !== c.model)).toEqual([]);
    });

    test('never hands an API a request it answers with /metrics, /healthz or /readyz', async () => {
      for (const request of REQUESTS) await get(webPort, request);
      const handed = upstreams.flatMap(({ name, received }) => received.map((uri) => ({ upstream: name, uri, answers: apiOpsEndpoint(uri) })));
      expect(handed.filter((h) => h.answers !== null)).toEqual([]);
      // The check saw proxied requests: /api/metrics went to jobs-api as sent.
      expect(handed).toContainEqual({ upstream: 'JOBS_API_UPSTREAM', uri: '/api/metrics', answers: null });
    });

    test('answers /healthz and /readyz itself', async () => {
      for (const path of ['/healthz', '/readyz']) expect(await get(webPort, path)).toEqual({ status: 200, body: 'ok\n' });
    });
  });
});
