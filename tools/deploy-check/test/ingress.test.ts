import { describe, expect, test } from '@jest/globals';
import type { Container } from '../src/manifests';
import { eachRender } from '../src/renders';
import { declaredApiPaths, parseNginxLocations, routeIngress, routeNginx } from '../src/routing';
import { readRepoFile } from '../src/repo';

// Whoever serves an /api path: its routes are declared in that app (src/routes).
const apiOwners = ['auth-api', 'jobs-api'] as const;
const webPaths = ['/', '/index.html', '/assets/index-abc123.js', '/matches', '/settings/discord'];

test('the APIs declare the routes the split is about', () => {
  expect(declaredApiPaths('auth-api')).toEqual(expect.arrayContaining(['/api/register', '/api/users/me', '/api/users/me/discord/test']));
  expect(declaredApiPaths('jobs-api')).toEqual(expect.arrayContaining(['/api/jobs', '/api/users/me/matches']));
});

describe.each(eachRender())('%s Ingress', (_name, { rendered }) => {
  const ingresses = rendered.ofKind('Ingress');

  test('is one Ingress', () => {
    expect(ingresses).toHaveLength(1);
  });

  test.each(apiOwners)('sends every route %s declares to %s', (app) => {
    const ingress = ingresses[0];
    if (!ingress) throw new Error('no Ingress');
    const misrouted = declaredApiPaths(app)
      .map((path) => ({ path, service: routeIngress(ingress, path) }))
      .filter((route) => route.service !== app);
    expect(misrouted).toEqual([]);
  });

  test('sends everything outside /api to web', () => {
    const ingress = ingresses[0];
    if (!ingress) throw new Error('no Ingress');
    for (const path of webPaths) expect({ path, service: routeIngress(ingress, path) }).toEqual({ path, service: 'web' });
  });

  test('routes to Services that exist and select pods on a declared port', () => {
    const backends = new Set(
      (ingresses[0]?.spec as { rules: { http: { paths: { backend: { service: { name: string; port: { name?: string; number?: number } } } }[] } }[] }).rules
        .flatMap((rule) => rule.http.paths)
        .map((p) => JSON.stringify(p.backend.service)),
    );
    for (const backend of [...backends].map((b) => JSON.parse(b) as { name: string; port: { name?: string; number?: number } })) {
      const service = rendered.get('Service', backend.name).spec as { selector: Record<string, string>; ports: { name?: string; port: number; targetPort: string | number }[] };
      const port = service.ports.find((p) => p.name === backend.port.name || p.port === backend.port.number);
      expect(port).toBeDefined();
      const deployment = rendered.ofKind('Deployment').find((d) => {
        const labels = (d.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels;
        return Object.entries(service.selector).every(([k, v]) => labels[k] === v);
      });
      if (!deployment) throw new Error(`Service ${backend.name} selects no Deployment`);
      const container = rendered.podSpec('Deployment', deployment.metadata.name).containers[0] as Container;
      expect(container.ports?.flatMap((p) => [p.name, p.containerPort])).toContain(port?.targetPort);
    }
  });
});

describe('the web image nginx proxy (docker/nginx.conf.template)', () => {
  const locations = parseNginxLocations(readRepoFile('docker', 'nginx.conf.template'));
  const upstreams: Record<(typeof apiOwners)[number], string> = { 'auth-api': 'AUTH_API_UPSTREAM', 'jobs-api': 'JOBS_API_UPSTREAM' };

  test.each(apiOwners)('proxies every route %s declares to it, like the Ingress', (app) => {
    const misrouted = declaredApiPaths(app)
      .map((path) => ({ path, upstream: routeNginx(locations, path)?.upstream ?? null }))
      .filter((route) => route.upstream !== upstreams[app]);
    expect(misrouted).toEqual([]);
  });

  test('serves everything outside /api itself, and answers the probes', () => {
    for (const path of [...webPaths, '/healthz', '/readyz']) expect({ path, upstream: routeNginx(locations, path)?.upstream ?? null }).toEqual({ path, upstream: null });
  });
});
