import { writeFileSync } from 'node:fs';
import { authApiPaths } from '@jobping/auth-api/routes';
import { ingressPathLines, nginxHstsMap, nginxLocations, nginxSecurityHeaders, proxyRules, replaceGeneratedSection } from '@jobping/edge';
import { readRepoFile, repoPath } from './repo';

/**
 * The deployment files that carry generated sections, and what those sections say now: the
 * routes auth-api declares, and the headers of @jobping/edge. One place decides what the
 * servers in front of the APIs do; these files cannot import it, so they get a copy that a
 * test keeps fresh.
 */
export interface GeneratedFile {
  path: string;
  committed: string;
  rendered: string;
}

const NGINX_TEMPLATE = 'docker/nginx.conf.template';
/** Read by the chart's Ingress template; k8s/base/ingress.yaml is rendered from the chart. */
const INGRESS_ROUTES = 'charts/jobping/files/auth-api-routes.yaml';

export function renderGeneratedFiles(): GeneratedFile[] {
  const authRules = proxyRules(authApiPaths());
  const render = (path: string, sections: Record<string, string[]>): GeneratedFile => {
    const committed = readRepoFile(path);
    let rendered = committed;
    for (const [name, lines] of Object.entries(sections)) rendered = replaceGeneratedSection(rendered, name, lines, { what: path });
    return { path, committed, rendered };
  };
  return [
    render(NGINX_TEMPLATE, {
      'hsts map': nginxHstsMap(),
      'security headers': nginxSecurityHeaders(),
      'auth-api routes': nginxLocations(authRules, 'AUTH_API_UPSTREAM'),
    }),
    render(INGRESS_ROUTES, { 'auth-api routes': ingressPathLines(authRules) }),
  ];
}

/** `pnpm routes:write`: brings the generated sections up to date (then k8s/base follows the chart: write-generated.ts). */
export function writeGeneratedFiles(): string[] {
  const changed = renderGeneratedFiles().filter((file) => file.rendered !== file.committed);
  for (const file of changed) writeFileSync(repoPath(file.path), file.rendered);
  return changed.map((file) => file.path);
}
