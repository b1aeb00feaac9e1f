import { defineRoute, type Route } from '@jobping/http-kit';
import { forgotPasswordBodySchema, resetPasswordBodySchema, verifyEmailBodySchema } from '../schemas';
import type { AccountLinks } from '../services/account-links';
import type { Throttle } from '../services/throttle';

const badLink = { 400: 'The link is unknown, used or expired (`invalid_token`), or the body is invalid' };

/** Address verification and password reset by mailed link (docs/api.md). No answer tells whether an address has an account. */
export function accountLinkRoutes(links: AccountLinks, throttle: Pick<Throttle, 'consumeRegistration'>): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/users/me/email/verification',
      summary: 'Mail a new verification link to the account address',
      description: 'Nothing is sent for an address that is verified already. The link works once and expires after EMAIL_VERIFICATION_TTL_HOURS.',
      tags: ['users'],
      auth: 'bearer',
      responses: { 204: { description: 'Sent (or nothing to send)' } },
      errors: { 401: 'No valid access token', 429: 'Too many mails for this address' },
      handler: async ({ user, req }) => {
        const account = user!;
        await throttle.consumeRegistration(`verify:${account.id}`, req.ip);
        await links.sendVerification(account.id);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/email/verify',
      summary: 'Confirm an address with the token of its mailed link',
      tags: ['auth'],
      auth: 'public',
      body: verifyEmailBodySchema,
      responses: { 204: { description: 'The address is verified' } },
      errors: badLink,
      handler: async ({ body }) => {
        await links.verify(body.token);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/password/forgot',
      summary: 'Mail a password reset link, if the address has an account',
      description: 'The same answer whether or not the address has an account; the mail goes out in the background. The link works once and expires after PASSWORD_RESET_TTL_MINUTES.',
      tags: ['auth'],
      auth: 'public',
      body: forgotPasswordBodySchema,
      responses: { 204: { description: 'Accepted (whether or not a mail was sent)' } },
      errors: { 429: 'Too many requests from this client or for this address (the registration limits)' },
      handler: async ({ body, req }) => {
        await throttle.consumeRegistration(body.email, req.ip);
        await links.requestReset(body.email);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/password/reset',
      summary: 'Set a new password with the token of a reset link; every session ends',
      tags: ['auth'],
      auth: 'public',
      body: resetPasswordBodySchema,
      responses: { 204: { description: 'The password is changed and every session of the account is ended' } },
      errors: badLink,
      handler: async ({ body }) => {
        await links.resetPassword(body.token, body.password);
        return { status: 204 };
      },
    }),
  ];
}
