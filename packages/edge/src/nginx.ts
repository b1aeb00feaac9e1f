import { SECURITY_HEADERS, STRICT_TRANSPORT_SECURITY } from './security-headers';

const HSTS_VARIABLE = '$jobping_hsts';

/**
 * http-level lines: HSTS only for requests that reached the edge over https (TLS ends at the
 * load balancer or Ingress, which says so in X-Forwarded-Proto). An empty value makes nginx
 * leave the header out.
 */
export function nginxHstsMap(): string[] {
  return [`map $http_x_forwarded_proto ${HSTS_VARIABLE} {`, '  default "";', `  https "${STRICT_TRANSPORT_SECURITY}";`, '}'];
}

/**
 * server-level lines: the security headers on every answer (`always`: errors too), and the
 * APIs' own copies of them hidden so each header is sent once. A location that has an
 * add_header of its own would drop these, so the template has none.
 */
export function nginxSecurityHeaders(): string[] {
  const names = [...Object.keys(SECURITY_HEADERS), 'Strict-Transport-Security'];
  return [
    ...Object.entries(SECURITY_HEADERS).map(([name, value]) => `add_header ${name} "${value}" always;`),
    `add_header Strict-Transport-Security ${HSTS_VARIABLE} always;`,
    ...names.map((name) => `proxy_hide_header ${name};`),
  ];
}
