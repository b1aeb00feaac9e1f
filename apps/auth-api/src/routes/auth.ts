import { defineRoute, type Route } from '@jobping/http-kit';
import { loginBodySchema, logoutBodySchema, refreshBodySchema, registerBodySchema, sessionSchema } from '../schemas';
import type { AccountService, LoginOutcome } from '../services/accounts';

/** Register, login, refresh and logout: thin wrappers around AccountService. */
export function authRoutes(accounts: AccountService, onLogin: (outcome: LoginOutcome) => void): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/register',
      summary: 'Create an account and start a session',
      tags: ['auth'],
      auth: 'public',
      body: registerBodySchema,
      responses: { 201: { description: 'The new account with its first access and refresh token', schema: sessionSchema } },
      errors: {
        409: 'An account with this e-mail exists (`email_taken`); counts against the same limits as a registration',
        429: 'Too many registration attempts from this client (IPv4 address or IPv6 /64) or for this e-mail address',
      },
      handler: async ({ body, req }) => ({
        status: 201,
        body: await accounts.register(body.email, body.password, req.ip, req.get('user-agent')),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/login',
      summary: 'Log in with e-mail and password',
      description:
        'Unknown e-mail and wrong password get the same answer. Repeated failures for an e-mail from one client (IPv4 address or IPv6 /64), from one client overall, or for an e-mail from all clients within a short window answer 429 with Retry-After.',
      tags: ['auth'],
      auth: 'public',
      body: loginBodySchema,
      responses: { 200: { description: 'A new session', schema: sessionSchema } },
      errors: { 401: 'Wrong e-mail or password (`invalid_credentials`)', 429: 'Too many failed logins' },
      handler: async ({ body, req }) => ({
        status: 200,
        body: await accounts.login(body.email, body.password, req.ip, req.get('user-agent'), onLogin),
      }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/token/refresh',
      summary: 'Exchange a refresh token for a new access and refresh token',
      description: 'The presented refresh token is used up. Presenting it again ends every session of its family.',
      tags: ['auth'],
      auth: 'public',
      body: refreshBodySchema,
      responses: { 200: { description: 'The renewed session', schema: sessionSchema } },
      errors: { 401: 'Invalid, expired, revoked or reused refresh token' },
      handler: async ({ body, req }) => ({ status: 200, body: await accounts.refresh(body.refresh_token, req.get('user-agent')) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/logout',
      summary: 'End the session of a refresh token (optionally every session)',
      tags: ['auth'],
      auth: 'bearer',
      body: logoutBodySchema,
      responses: { 204: { description: 'Logged out' } },
      handler: async ({ body, user }) => {
        await accounts.logout(user!.id, body.refresh_token, body.all_sessions);
        return { status: 204 };
      },
    }),
  ];
}
