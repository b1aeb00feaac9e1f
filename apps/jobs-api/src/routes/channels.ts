import { defineRoute, type Route } from '@jobping/http-kit';
import {
  channelListSchema,
  channelSchema,
  channelTestResultSchema,
  createChannelBodySchema,
  createdChannelSchema,
  unsubscribeParams,
  unsubscribeResultSchema,
  updateChannelBodySchema,
} from '../channel-schemas';
import { idParams } from '../schemas';
import type { UserChannelsService } from '../services/channels';

const emailRules = 'E-mail goes only to your account address, and only once it is verified.';

/** The caller's notification channels (docs/notifications.md), and the one-click unsubscribe of e-mails. */
export function channelRoutes(channels: UserChannelsService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users/me/channels',
      summary: 'Your notification channels',
      tags: ['channels'],
      auth: 'bearer',
      responses: { 200: { description: 'Every channel, oldest first, secrets masked', schema: channelListSchema } },
      handler: async ({ user }) => ({ status: 200, body: await channels.list(user!.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/me/channels',
      summary: 'Add a notification channel',
      description: `Discord, e-mail, Telegram bot, Slack incoming webhook or a generic signed webhook. ${emailRules} A generic webhook's signing secret is in this answer only.`,
      tags: ['channels'],
      auth: 'bearer',
      body: createChannelBodySchema,
      responses: { 201: { description: 'The new channel', schema: createdChannelSchema } },
      errors: { 409: 'Unverified address, an e-mail channel exists already, e-mail not configured here, or too many channels' },
      handler: async ({ body, user }) => ({ status: 201, body: await channels.create(user!.id, body) }),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/users/me/channels/:id',
      summary: 'Change one of your channels (settings, threshold, mode, time zone, on or off)',
      tags: ['channels'],
      auth: 'bearer',
      params: idParams,
      body: updateChannelBodySchema,
      responses: { 200: { description: 'The channel', schema: channelSchema } },
      errors: { 404: 'No such channel, or not yours', 409: 'Turning e-mail on needs a verified address' },
      handler: async ({ params, body, user }) => ({ status: 200, body: await channels.update(user!.id, params.id, body) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/users/me/channels/:id',
      summary: 'Remove one of your channels',
      tags: ['channels'],
      auth: 'bearer',
      params: idParams,
      responses: { 204: { description: 'Removed' } },
      errors: { 404: 'No such channel, or not yours' },
      handler: async ({ params, user }) => {
        await channels.remove(user!.id, params.id);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/me/channels/:id/test',
      summary: 'Send a test message on one of your channels',
      description: 'Sent now, with the usual retries; a failure is reported here and does not count toward turning the channel off.',
      tags: ['channels'],
      auth: 'bearer',
      params: idParams,
      responses: { 200: { description: 'Whether it was delivered', schema: channelTestResultSchema } },
      errors: { 404: 'No such channel, or not yours', 409: 'E-mail needs a verified address', 429: 'Too many test messages this hour (CHANNEL_TESTS_PER_USER_PER_HOUR)' },
      handler: async ({ params, user }) => ({ status: 200, body: await channels.test(user!.id, params.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/unsubscribe/:token',
      summary: 'One-click unsubscribe (RFC 8058): turn off the channel an e-mail came from',
      description:
        'The target of the List-Unsubscribe header; mail clients POST `List-Unsubscribe=One-Click` to it. No login: the signed token names the channel.',
      tags: ['channels'],
      auth: 'public',
      params: unsubscribeParams,
      responses: { 200: { description: 'The channel is off', schema: unsubscribeResultSchema } },
      errors: { 404: 'The channel no longer exists' },
      handler: async ({ params }) => ({ status: 200, body: await channels.unsubscribe(params.token) }),
    }),
  ];
}
