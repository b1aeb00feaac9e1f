import { HttpError, defineRoute, type Route, type RouteContext } from '@jobping/http-kit';
import { loginBodySchema, logoutBodySchema, refreshBodySchema, registerBodySchema, sessionSchema } from '../schemas';
import type { AccountService, LoginOutcome, Session } from '../services/accounts';
import {
  REFRESH_COOKIE,
  assertSessionRequest,
  clearSessionCookie,
  readSessionCookie,
  setSessionCookie,
  type OriginPolicy,
  type SessionCookieSettings,
} from './session-cookie';

export interface AuthRouteOptions {
  cookie: SessionCookieSettings;
  origins: OriginPolicy;
  onLogin(outcome: LoginOutcome): void;
}

const cookieNote = `The refresh token is set as the httpOnly cookie \`${REFRESH_COOKIE}\` (SameSite=Strict, sent only to /api/token/refresh and /api/logout), never in the body.`;
const guarded = { 403: 'The Origin header names a site that may not use the session (`origin_not_allowed`)', 415: 'The content type is not application/json' };

/** Register, login, refresh and logout: the session cookie and thin wrappers around AccountService. */
export function authRoutes(accounts: AccountService, options: AuthRouteOptions): Route[] {
  /** Sets the cookie and answers the session without its refresh token. */
  const answer = ({ req, res }: Pick<RouteContext<unknown, unknown, unknown>, 'req' | 'res'>, status: number, session: Session) => {
    setSessionCookie(req, res, options.cookie, session.refresh_token, session.refresh_expires_at);
    const { refresh_token: _inCookie, ...body } = session;
    return { status, body: { ...body, refresh_expires_at: session.refresh_expires_at.toISOString() } };
  };

  return [
    defineRoute({
      method: 'post',
      path: '/api/register',
      summary: 'Create an account and start a session',
      description: `Answers the same whether or not the address has an account: for a taken address the session is that of a provisional account (no address of its own: it can onboard but is never mailed, verified or admin, and is purged after PROVISIONAL_ACCOUNT_TTL_DAYS), and the owner of the address gets a "someone tried to sign up with your address" mail. ${cookieNote}`,
      tags: ['auth'],
      auth: 'public',
      body: registerBodySchema,
      responses: { 201: { description: 'The new (or, for a taken address, provisional) account with its first access token', schema: sessionSchema } },
      errors: {
        ...guarded,
        429: 'Too many registration attempts from this client (IPv4 address or IPv6 /64) or for this e-mail address',
      },
      handler: async (ctx) => {
        assertSessionRequest(ctx.req, options.origins);
        const { body, req } = ctx;
        return answer(ctx, 201, await accounts.register(body.email, body.password, req.ip, req.get('user-agent')));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/login',
      summary: 'Log in with e-mail and password',
      description: `Unknown e-mail and wrong password get the same answer. Repeated failures for an e-mail from one client (IPv4 address or IPv6 /64), from one client overall, or for an e-mail from all clients within a short window answer 429 with Retry-After. ${cookieNote}`,
      tags: ['auth'],
      auth: 'public',
      body: loginBodySchema,
      responses: { 200: { description: 'A new session', schema: sessionSchema } },
      errors: { ...guarded, 401: 'Wrong e-mail or password (`invalid_credentials`)', 429: 'Too many failed logins' },
      handler: async (ctx) => {
        assertSessionRequest(ctx.req, options.origins);
        const { body, req } = ctx;
        return answer(ctx, 200, await accounts.login(body.email, body.password, req.ip, req.get('user-agent'), options.onLogin));
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/token/refresh',
      summary: 'Renew the session: a new access token, and a new refresh cookie',
      description:
        `Reads the refresh cookie; the body is \`{}\`. The presented refresh token is used up: presenting it again ends every session of its family, ` +
        'except within a few seconds of its use (another tab of the same browser), which get the same renewed session. 204 when no refresh cookie came (no session to restore).',
      tags: ['auth'],
      auth: 'public',
      body: refreshBodySchema,
      responses: {
        200: { description: 'The renewed session', schema: sessionSchema },
        204: { description: 'No refresh cookie was sent: there is no session to restore' },
      },
      errors: { ...guarded, 401: 'Invalid, expired, revoked or reused refresh token (the cookie is cleared)' },
      handler: async (ctx) => {
        const { req, res } = ctx;
        assertSessionRequest(req, options.origins);
        const token = readSessionCookie(req);
        if (!token) return { status: 204 };
        try {
          return answer(ctx, 200, await accounts.refresh(token, req.get('user-agent')));
        } catch (error) {
          // The cookie is dead (not merely the database busy): stop the browser sending it.
          if (error instanceof HttpError && error.status === 401) clearSessionCookie(req, res, options.cookie);
          throw error;
        }
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/logout',
      summary: 'End the session of the refresh cookie (optionally every session of the account)',
      description: 'Authenticated by the refresh cookie, so it works after the access token expired. Always clears the cookie.',
      tags: ['auth'],
      auth: 'public',
      body: logoutBodySchema,
      responses: { 204: { description: 'Logged out (also when there was no live session)' } },
      errors: guarded,
      handler: async ({ body, req, res }) => {
        assertSessionRequest(req, options.origins);
        await accounts.logout(readSessionCookie(req), body?.all_sessions ?? false);
        clearSessionCookie(req, res, options.cookie);
        return { status: 204 };
      },
    }),
  ];
}
