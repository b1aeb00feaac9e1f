/**
 * How one API's paths are routed by a server in front of it. A plain path is matched
 * exactly; a path with parameters (`/api/users/me/channels/:id`) by the prefix before its
 * first parameter. Exact rules keep neighbours apart: auth-api owns `/api/users/me` while
 * jobs-api owns `/api/users/me/matches`.
 */
export interface ProxyRule {
  match: 'exact' | 'prefix';
  path: string;
}

export function proxyRules(paths: readonly string[]): ProxyRule[] {
  const rules = new Map<string, ProxyRule>();
  for (const path of paths) {
    if (!path.startsWith('/')) throw new Error(`"${path}" is not an absolute path`);
    const param = path.search(/\/[:*]/);
    const rule: ProxyRule = param === -1 ? { match: 'exact', path } : { match: 'prefix', path: path.slice(0, param + 1) };
    rules.set(`${rule.match} ${rule.path}`, rule);
  }
  return [...rules.values()].sort((a, b) => a.path.localeCompare(b.path) || a.match.localeCompare(b.match));
}

/** Whether a request path (without its query) falls under the rules. */
export function matchesRules(rules: readonly ProxyRule[], path: string): boolean {
  return rules.some((rule) => (rule.match === 'exact' ? path === rule.path : path.startsWith(rule.path)));
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One regular expression over a path with its query string that matches the rules: the
 * Vite server's proxy treats a key starting with ^ as such an expression.
 */
export function proxyPattern(rules: readonly ProxyRule[]): string {
  const exact = rules.filter((r) => r.match === 'exact').map((r) => escapeRegExp(r.path));
  const prefix = rules.filter((r) => r.match === 'prefix').map((r) => `${escapeRegExp(r.path)}[^?]*`);
  return `^(?:${[...exact, ...prefix].join('|')})(?:\\?.*)?$`;
}

/** nginx `location` lines proxying the rules to the upstream in a template variable (`${NAME}`). */
export function nginxLocations(rules: readonly ProxyRule[], upstreamVariable: string): string[] {
  return rules.map((rule) => `location ${rule.match === 'exact' ? '=' : '^~'} ${rule.path} { proxy_pass \${${upstreamVariable}}; }`);
}

/**
 * The Ingress paths of the rules, one YAML flow line each (Exact for an exact rule, Prefix for a
 * prefix one): the chart's files/auth-api-routes.yaml, which its Ingress template reads.
 */
export function ingressPathLines(rules: readonly ProxyRule[]): string[] {
  return rules.map((rule) => `- {path: ${rule.path}, pathType: ${rule.match === 'exact' ? 'Exact' : 'Prefix'}}`);
}
