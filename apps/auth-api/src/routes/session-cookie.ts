import type { Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { HttpError } from '@jobping/http-kit';
import { is as isMediaType } from 'type-is';

/**
 * The refresh token travels only in this httpOnly cookie, never in a response body, so page
 * scripts (and whatever an XSS runs) never hold it. It is sent only to the two routes that
 * read it: one cookie per path, since a cookie's Path is a single prefix and the two routes
 * share none narrower than /api (which would send it to every jobs-api call).
 */
export const REFRESH_COOKIE = 'jobping_refresh';
export const REFRESH_COOKIE_PATHS = ['/api/token/refresh', '/api/logout'] as const;

export interface SessionCookieSettings {
  /** Always mark the cookie Secure (production); otherwise only when the request came over https. */
  alwaysSecure: boolean;
}

const attributes = (req: Request, settings: SessionCookieSettings, path: string) => ({
  path,
  httpOnly: true,
  sameSite: 'strict' as const,
  // req.secure honours X-Forwarded-Proto from the proxies TRUST_PROXY names.
  secure: settings.alwaysSecure || req.secure,
});

/** Sets the cookie for the token's remaining life (Max-Age), on both routes that read it. */
export function setSessionCookie(req: Request, res: Response, settings: SessionCookieSettings, token: string, expiresAt: Date, now = new Date()): void {
  const maxAge = Math.max(0, expiresAt.getTime() - now.getTime());
  for (const path of REFRESH_COOKIE_PATHS) res.cookie(REFRESH_COOKIE, token, { ...attributes(req, settings, path), maxAge });
}

export function clearSessionCookie(req: Request, res: Response, settings: SessionCookieSettings): void {
  for (const path of REFRESH_COOKIE_PATHS) res.clearCookie(REFRESH_COOKIE, attributes(req, settings, path));
}

export function readSessionCookie(req: Request): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  const value = parseCookies(header)[REFRESH_COOKIE];
  return value ? value : undefined;
}

export interface OriginPolicy {
  /** The origin users open (PUBLIC_WEB_URL); when unset, the request's own host is accepted instead. */
  publicOrigin: string | undefined;
  /** Further browser origins allowed to call the API (CORS_ORIGINS). */
  otherOrigins: readonly string[];
}

/**
 * Guards the routes that set or read the session cookie against cross-site requests, on top
 * of SameSite=Strict: a JSON content type is required (an HTML form can only send
 * urlencoded, multipart or text/plain bodies, and cross-site JSON needs a CORS preflight),
 * and an `Origin` header, when the browser sends one, must be an allowed origin.
 */
export function assertSessionRequest(req: Request, policy: OriginPolicy): void {
  if (!isMediaType(req.get('content-type') ?? '', ['application/json', 'application/*+json'])) {
    throw new HttpError(415, 'unsupported_media_type', 'Send this request with Content-Type: application/json (an empty body may be {}).');
  }
  const origin = req.get('origin');
  if (origin === undefined) return;
  if (!originAllowed(origin, req, policy)) {
    throw new HttpError(403, 'origin_not_allowed', `Requests from ${origin.slice(0, 200)} may not use the session; open JobPing at its own address.`);
  }
}

function originAllowed(origin: string, req: Request, policy: OriginPolicy): boolean {
  if (origin === policy.publicOrigin || policy.otherOrigins.includes(origin)) return true;
  if (policy.publicOrigin !== undefined) return false;
  // No public origin configured: the same host as the request (`Origin: null`, sent from
  // sandboxed frames and file pages, is not a URL and never matches).
  try {
    return new URL(origin).host === req.host;
  } catch {
    return false;
  }
}
