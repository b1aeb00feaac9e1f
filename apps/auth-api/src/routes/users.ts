import { defineRoute, type Route } from '@jobping/http-kit';
import {
  discordBodySchema,
  discordTestResultSchema,
  filtersBodySchema,
  promptBodySchema,
  thresholdBodySchema,
  userSchema,
} from '../schemas';
import type { AccountService } from '../services/accounts';

const accountGone = { 401: 'No valid access token, or the account no longer exists' };

/** The caller's own account and settings: there is no user id in any path, so nobody reaches another's data. */
export function userRoutes(accounts: AccountService): Route[] {
  const updated = { 200: { description: 'The updated account', schema: userSchema } };
  return [
    defineRoute({
      method: 'get',
      path: '/api/users/me',
      summary: 'The current account, settings and webhook state',
      tags: ['users'],
      auth: 'bearer',
      responses: { 200: { description: 'The account', schema: userSchema } },
      errors: accountGone,
      handler: async ({ user }) => ({ status: 200, body: await accounts.me(user!.id) }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/users/me/prompt',
      summary: 'Describe the job you want (at most 4,000 characters)',
      tags: ['users'],
      auth: 'bearer',
      body: promptBodySchema,
      responses: updated,
      errors: accountGone,
      handler: async ({ body, user }) => ({ status: 200, body: await accounts.setPrompt(user!.id, body.prompt) }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/users/me/discord',
      summary: 'Save or remove the Discord webhook',
      description: 'Only https://discord.com (or discordapp.com, ptb., canary.) /api/webhooks/{id}/{token} URLs. Writes the user\'s first Discord notification channel (created when there is none; null removes it); saving turns it back on and clears its failures.',
      tags: ['users'],
      auth: 'bearer',
      body: discordBodySchema,
      responses: updated,
      errors: { ...accountGone, 409: 'No Discord channel yet and already 20 channels (`too_many_channels`)' },
      handler: async ({ body, user }) => ({ status: 200, body: await accounts.setDiscordWebhook(user!.id, body.webhook_url) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/me/discord/test',
      summary: 'Send a test message to the saved webhook',
      tags: ['users'],
      auth: 'bearer',
      responses: { 200: { description: 'Discord accepted the message', schema: discordTestResultSchema } },
      errors: {
        ...accountGone,
        409: 'No webhook saved (`webhook_not_set`), or Discord says it no longer exists (`webhook_broken`; its channel is now off)',
        429: 'Too many test messages, or Discord rate-limits the webhook',
        502: 'Discord is unreachable or refused the message',
      },
      handler: async ({ user }) => ({ status: 200, body: await accounts.sendDiscordTest(user!.id) }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/users/me/threshold',
      summary: 'Set the notification threshold (integer 0–100)',
      tags: ['users'],
      auth: 'bearer',
      body: thresholdBodySchema,
      responses: updated,
      errors: accountGone,
      handler: async ({ body, user }) => ({ status: 200, body: await accounts.setThreshold(user!.id, body.threshold) }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/users/me/filters',
      summary: 'Set the hard filters and must-haves applied before any AI work',
      description:
        'Fan-out applies them in SQL: a job that fails one is never scored, so it costs no AI call. The four filters are required; a must-have left out keeps its saved value.',
      tags: ['users'],
      auth: 'bearer',
      body: filtersBodySchema,
      responses: updated,
      errors: accountGone,
      handler: async ({ body, user }) => ({ status: 200, body: await accounts.setFilters(user!.id, body) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/users/me',
      summary: 'Delete the account and all its data',
      description: 'Removes the user, its sessions, matches and notifications. Access tokens already issued stop working for every account route.',
      tags: ['users'],
      auth: 'bearer',
      responses: { 204: { description: 'Deleted' } },
      errors: accountGone,
      handler: async ({ user }) => {
        await accounts.deleteAccount(user!.id);
        return { status: 204 };
      },
    }),
  ];
}
