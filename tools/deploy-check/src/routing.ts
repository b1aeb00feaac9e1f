import { readdirSync } from 'node:fs';
import { authApiPaths } from '@jobping/auth-api/routes';
import type { K8sObject } from './manifests';
import { readRepoFile, repoPath } from './repo';

interface IngressPath {
  path: string;
  pathType: 'Exact' | 'Prefix' | 'ImplementationSpecific';
  backend: { service: { name: string } };
}

/**
 * The Service an Ingress sends `path` to, by the Ingress API's rules: an Exact match wins,
 * else the longest Prefix match, where a prefix matches whole path segments only.
 */
export function routeIngress(ingress: K8sObject, path: string): string | undefined {
  const rules = (ingress.spec as { rules: { http: { paths: IngressPath[] } }[] }).rules;
  const paths = rules.flatMap((rule) => rule.http.paths);
  const exact = paths.find((p) => p.pathType === 'Exact' && p.path === path);
  if (exact) return exact.backend.service.name;
  const prefixMatches = (prefix: string) => {
    const trimmed = prefix.replace(/\/+$/, '');
    return trimmed === '' || path === trimmed || path.startsWith(`${trimmed}/`);
  };
  const best = paths
    .filter((p) => p.pathType === 'Prefix' && prefixMatches(p.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
  return best?.backend.service.name;
}

interface NginxLocation {
  modifier: '=' | '^~' | '';
  path: string;
  upstream: string | null;
}

/** The `location` blocks of an nginx server template (exact and prefix ones; we use no regex locations). `${VAR}` is a template variable. */
export function parseNginxLocations(conf: string): NginxLocation[] {
  const locations: NginxLocation[] = [];
  for (const match of conf.matchAll(/location\s+(=|\^~)?\s*(\/\S*)\s*\{((?:\$\{\w+\}|[^}])*)\}/g)) {
    const upstream = match[3]?.match(/proxy_pass\s+\$\{(\w+)\}/);
    locations.push({ modifier: (match[1] ?? '') as NginxLocation['modifier'], path: match[2] ?? '', upstream: upstream?.[1] ?? null });
  }
  return locations;
}

/** nginx's choice among exact and prefix locations: `=` first, else the longest prefix. */
export function routeNginx(locations: NginxLocation[], path: string): NginxLocation | undefined {
  const exact = locations.find((l) => l.modifier === '=' && l.path === path);
  if (exact) return exact;
  return locations
    .filter((l) => l.modifier !== '=' && path.startsWith(l.path))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

const SAMPLE_ID = '0b6c2f4e-8a51-4f0e-9c3a-2d7e5b1a9f00';

/**
 * The request paths an app serves, read from its route declarations (`path: '/api/…'` in
 * src/routes), with `:params` filled in: the Ingress must send each of them to that app.
 */
export function declaredApiPaths(app: string): string[] {
  // auth-api lists its routes from their declarations (what the generated proxy rules use).
  if (app === 'auth-api') return authApiPaths().map((path) => path.replace(/:\w+/g, SAMPLE_ID));
  const dir = repoPath('apps', app, 'src', 'routes');
  const paths = new Set<string>();
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))) {
    for (const match of readRepoFile('apps', app, 'src', 'routes', file).matchAll(/\bpath:\s*'(\/api\/[^']*)'/g)) {
      paths.add((match[1] ?? '').replace(/:\w+/g, SAMPLE_ID));
    }
  }
  return [...paths].sort();
}

/**
 * The path nginx (the web image, and ingress-nginx in front of the cluster) matches its
 * locations and Ingress paths against, for a request URI as the client sent it: the query
 * dropped, `%XX` decoded (`%2F` too), slashes merged, `.` and `..` resolved. null where nginx
 * answers 400 itself (`..` above the root, an encoded NUL). The upstream still receives the URI
 * as sent (proxy_pass without a URI part). deploy-check compares this with a real nginx.
 */
export function normalizedPath(requestUri: string): string | null {
  const path = requestUri.split('?')[0] ?? '';
  const decoded = path.replace(/%([0-9a-f]{2})/gi, (_match, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  if (decoded.includes('\0') || !decoded.startsWith('/')) return null;
  const segments = decoded.split('/').slice(1);
  const kept: string[] = [];
  for (const segment of segments) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') {
      if (kept.length === 0) return null;
      kept.pop();
    } else kept.push(segment);
  }
  const last = segments[segments.length - 1];
  const trailingSlash = kept.length > 0 && (last === '' || last === '.' || last === '..');
  return `/${kept.join('/')}${trailingSlash ? '/' : ''}`;
}

/**
 * The ops endpoint (/healthz, /readyz, /metrics) an API built on @jobping/http-kit answers for
 * a request URI as it arrives, or null: Express 5 matches the path as sent (no decoding, no dot
 * segments resolved), ignoring case and one trailing slash. jobs-api's tests hold the real app
 * to this (test/service.test.ts).
 */
export function apiOpsEndpoint(requestUri: string): string | null {
  const match = /^\/(healthz|readyz|metrics)\/?$/i.exec(requestUri.split('?')[0] ?? '');
  return match ? `/${(match[1] ?? '').toLowerCase()}` : null;
}
