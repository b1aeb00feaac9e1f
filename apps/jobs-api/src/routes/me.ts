import { defineRoute, type Route } from '@jobping/http-kit';
import {
  feedbackBodySchema,
  feedbackResultSchema,
  idParams,
  jobIdParams,
  matchesQuerySchema,
  matchListSchema,
  notInterestedBodySchema,
  notInterestedSchema,
  notificationListSchema,
  notificationSchema,
  notificationsQuerySchema,
  readAllResultSchema,
} from '../schemas';
import type { UserMatchesService } from '../services/matches';
import type { UserNotificationsService } from '../services/notifications';

/** The caller's own matches and notifications: no user id in any path, every query scoped to the token's user. */
export function meRoutes(matches: UserMatchesService, notifications: UserNotificationsService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/users/me/matches',
      summary: 'Your matches, highest score first',
      description: 'With job, company and the AI analysis; pairs the pre-filter ruled out are left out. Keyset pagination on (score, id).',
      tags: ['matches'],
      auth: 'bearer',
      query: matchesQuerySchema,
      responses: { 200: { description: 'One page of matches', schema: matchListSchema } },
      handler: async ({ query, user }) => ({ status: 200, json: await matches.list(user!.id, query) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/users/me/matches/:jobId/feedback',
      summary: 'Rate your match for a job (up or down)',
      tags: ['matches'],
      auth: 'bearer',
      params: jobIdParams,
      body: feedbackBodySchema,
      responses: { 200: { description: 'Stored', schema: feedbackResultSchema } },
      errors: { 404: 'You have no match for this job' },
      handler: async ({ params, body, user }) => ({ status: 200, body: await matches.setFeedback(user!.id, params.jobId, body.feedback) }),
    }),
    defineRoute({
      method: 'put',
      path: '/api/users/me/jobs/:jobId/not-interested',
      summary: 'Not interested in a job, with a reason',
      description: 'One per job; saying it again replaces the reason. Reasons: seniority, location, salary, company, role, already_applied, expired, other (with text).',
      tags: ['matches'],
      auth: 'bearer',
      params: jobIdParams,
      body: notInterestedBodySchema,
      responses: { 200: { description: 'Stored', schema: notInterestedSchema } },
      errors: { 404: 'No such job' },
      handler: async ({ params, body, user }) => ({
        status: 200,
        body: await matches.setNotInterested(user!.id, params.jobId, body.reason, body.text ?? null),
      }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/users/me/jobs/:jobId/not-interested',
      summary: 'Undo "not interested"',
      tags: ['matches'],
      auth: 'bearer',
      params: jobIdParams,
      responses: { 204: { description: 'Removed' } },
      errors: { 404: 'You did not mark this job' },
      handler: async ({ params, user }) => {
        await matches.clearNotInterested(user!.id, params.jobId);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/notifications',
      summary: 'Your notifications, newest first, with the unread count',
      tags: ['notifications'],
      auth: 'bearer',
      query: notificationsQuerySchema,
      responses: { 200: { description: 'One page of notifications', schema: notificationListSchema } },
      handler: async ({ query, user }) => ({ status: 200, body: await notifications.list(user!.id, query) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/read-all',
      summary: 'Mark all your notifications read',
      tags: ['notifications'],
      auth: 'bearer',
      responses: { 200: { description: 'How many were marked', schema: readAllResultSchema } },
      handler: async ({ user }) => ({ status: 200, body: await notifications.markAllRead(user!.id) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/notifications/:id/read',
      summary: 'Mark one of your notifications read',
      tags: ['notifications'],
      auth: 'bearer',
      params: idParams,
      responses: { 200: { description: 'The notification', schema: notificationSchema } },
      errors: { 404: 'No such notification, or not yours' },
      handler: async ({ params, user }) => ({ status: 200, body: await notifications.markRead(user!.id, params.id) }),
    }),
  ];
}
