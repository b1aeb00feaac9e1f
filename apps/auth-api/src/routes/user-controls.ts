import { defineRoute, type Route } from '@jobping/http-kit';
import { muteBodySchema, muteIdParams, muteListSchema, muteSchema, snoozeBodySchema, userSchema } from '../schemas';
import type { AccountService } from '../services/accounts';
import type { UserControlsService } from '../services/user-controls';

const accountGone = { 401: 'No valid access token, or the account no longer exists' };

/** Mutes and the alert snooze of the caller's own account: no user id in any path. */
export function userControlRoutes(accounts: AccountService, controls: UserControlsService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users/me/mutes',
      summary: 'Your muted companies and keywords, newest first',
      tags: ['users'],
      auth: 'bearer',
      responses: { 200: { description: 'The mutes', schema: muteListSchema } },
      errors: accountGone,
      handler: async ({ user }) => ({ status: 200, body: await controls.listMutes(user!.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/me/mutes',
      summary: 'Mute a company or a keyword (fan-out leaves out the jobs it hits)',
      description: 'Muting what is already muted answers the existing mute with 200.',
      tags: ['users'],
      auth: 'bearer',
      body: muteBodySchema,
      responses: {
        201: { description: 'Muted', schema: muteSchema },
        200: { description: 'Already muted', schema: muteSchema },
      },
      errors: accountGone,
      handler: async ({ body, user }) => {
        const { created, mute } = await controls.mute(user!.id, body.kind, body.value);
        return { status: created ? 201 : 200, body: mute };
      },
    }),
    defineRoute({
      method: 'delete',
      path: '/api/users/me/mutes/:id',
      summary: 'Undo a mute',
      tags: ['users'],
      auth: 'bearer',
      params: muteIdParams,
      responses: { 204: { description: 'Unmuted' } },
      errors: { ...accountGone, 404: 'You have no such mute' },
      handler: async ({ params, user }) => {
        await controls.unmute(user!.id, params.id);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'put',
      path: '/api/users/me/snooze',
      summary: 'Snooze every alert until a time (null ends the snooze)',
      description: 'The notifier sends nothing while snoozed; matching goes on, so matches still appear in your list.',
      tags: ['users'],
      auth: 'bearer',
      body: snoozeBodySchema,
      responses: { 200: { description: 'The updated account', schema: userSchema } },
      errors: accountGone,
      handler: async ({ body, user }) => ({ status: 200, body: await accounts.setSnooze(user!.id, body.until) }),
    }),
  ];
}
