import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import { SESSION_PATHS, type SessionPath } from './api-routes.ts';

/**
 * auth-api hands the refresh token out in the JSON body. A token readable by page scripts is
 * what an XSS would steal, so the web server keeps it in an httpOnly, SameSite=Strict cookie
 * instead: it strips `refresh_token` from session answers (register, login, refresh) and puts
 * it back into the body of refresh and logout calls. The page only ever holds the short-lived
 * access token, in memory.
 */
export const REFRESH_COOKIE = 'jobping_refresh';
const MAX_BODY_BYTES = 64 * 1024;

function readCookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function cookieHeader(value: string, expires: Date | null, secure: boolean): string {
  const attributes = [`${REFRESH_COOKIE}=${encodeURIComponent(value)}`, 'Path=/api', 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  attributes.push(expires ? `Expires=${expires.toUTCString()}` : 'Max-Age=0');
  return attributes.join('; ');
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown> | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8').trim();
  if (text === '') return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: unknown, setCookie?: string): void {
  const headers: Record<string, string> = { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' };
  if (setCookie) headers['Set-Cookie'] = setCookie;
  res.writeHead(status, headers);
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

const errorBody = (code: string, message: string) => ({ error: { code, message } });

export function sessionMiddleware(authApiUrl: string) {
  return async (req: IncomingMessage, res: ServerResponse, next: () => void): Promise<void> => {
    const path = (req.url ?? '').split('?')[0] as SessionPath;
    if (req.method !== 'POST' || !SESSION_PATHS.includes(path)) return next();
    const secure = req.headers['x-forwarded-proto'] === 'https';
    try {
      const body = await readJson(req);
      if (body === null) return send(res, 400, errorBody('invalid_body', 'The request body must be a JSON object.'));
      const usesToken = path === '/api/token/refresh' || path === '/api/logout';
      if (usesToken) {
        const token = readCookie(req, REFRESH_COOKIE);
        if (!token) {
          // No session to restore (a first visit): 204 rather than an error, so that opening the
          // app logged out is not a failed request in the browser console.
          return send(res, 204, undefined, path === '/api/logout' ? cookieHeader('', null, secure) : undefined);
        }
        body.refresh_token = token;
      }
      const headers: Record<string, string> = { 'Content-Type': 'application/json' };
      if (req.headers.authorization) headers.Authorization = req.headers.authorization;
      if (req.headers['user-agent']) headers['User-Agent'] = req.headers['user-agent'];
      const upstream = await fetch(new URL(path, authApiUrl), { method: 'POST', headers, body: JSON.stringify(body) });
      const text = await upstream.text();
      let answer: unknown = undefined;
      if (text) {
        try {
          answer = JSON.parse(text);
        } catch {
          answer = errorBody('bad_gateway', 'auth-api answered something unexpected.');
        }
      }
      let setCookie: string | undefined;
      if (upstream.ok && answer && typeof answer === 'object' && 'refresh_token' in answer) {
        const session = answer as Record<string, unknown>;
        const expires = typeof session.refresh_expires_at === 'string' ? new Date(session.refresh_expires_at) : null;
        setCookie = cookieHeader(String(session.refresh_token), expires, secure);
        delete session.refresh_token;
      } else if (path === '/api/logout' || (path === '/api/token/refresh' && upstream.status === 401)) {
        setCookie = cookieHeader('', null, secure);
      }
      const retryAfter = upstream.headers.get('retry-after');
      if (retryAfter) res.setHeader('Retry-After', retryAfter);
      send(res, upstream.status, answer, setCookie);
    } catch {
      send(res, 502, errorBody('auth_unreachable', 'The sign-in service is unreachable. Try again in a moment.'));
    }
  };
}

/** Installs the middleware in front of Vite's proxy, in `vite` (dev) and `vite preview`. */
export function refreshCookiePlugin(authApiUrl: string): Plugin {
  const middleware = sessionMiddleware(authApiUrl);
  return {
    name: 'jobping-refresh-cookie',
    configureServer(server) {
      server.middlewares.use((req, res, next) => void middleware(req, res, next));
    },
    configurePreviewServer(server) {
      server.middlewares.use((req, res, next) => void middleware(req, res, next));
    },
  };
}
