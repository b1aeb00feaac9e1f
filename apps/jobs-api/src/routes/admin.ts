import { defineRoute, type Route } from '@jobping/http-kit';
import {
  createSourceBodySchema,
  idParams,
  pipelineSchema,
  sourceListSchema,
  sourceSchema,
  sourcesQuerySchema,
  updateSourceBodySchema,
} from '../schemas';
import type { AdminService } from '../services/admin';

const adminOnly = { 403: 'The caller is not an admin' };
const fixtureOff = 'An enabled fixture source while SCRAPE_FIXTURE_SOURCES is off (fixture_sources_disabled)';

/** Admin only (role claim `admin` in the access token). */
export function adminRoutes(admin: AdminService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/admin/sources',
      summary: 'List job sources',
      tags: ['admin'],
      roles: ['admin'],
      auth: 'bearer',
      query: sourcesQuerySchema,
      responses: { 200: { description: 'One page of sources, oldest first', schema: sourceListSchema } },
      errors: adminOnly,
      handler: async ({ query }) => ({ status: 200, body: await admin.listSources(query) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/sources',
      summary: 'Add a job source',
      tags: ['admin'],
      roles: ['admin'],
      auth: 'bearer',
      body: createSourceBodySchema,
      responses: { 201: { description: 'The new source', schema: sourceSchema } },
      errors: { ...adminOnly, 409: 'A source with this type and identifier exists already', 422: fixtureOff },
      handler: async ({ body }) => ({ status: 201, body: await admin.createSource(body) }),
    }),
    defineRoute({
      method: 'patch',
      path: '/api/admin/sources/:id',
      summary: 'Change a job source',
      tags: ['admin'],
      roles: ['admin'],
      auth: 'bearer',
      params: idParams,
      body: updateSourceBodySchema,
      responses: { 200: { description: 'The changed source', schema: sourceSchema } },
      errors: { ...adminOnly, 404: 'No such source', 409: 'A source with this type and identifier exists already', 422: fixtureOff },
      handler: async ({ params, body }) => ({ status: 200, body: await admin.updateSource(params.id, body) }),
    }),
    defineRoute({
      method: 'post',
      path: '/api/admin/sources/:id/resume',
      summary: 'Resume a paused job source',
      description: 'The scraper pauses a source after repeated failures (HTTP 404 three runs in a row: the board moved?). Resuming clears the pause and the failure count; the next run includes it again.',
      tags: ['admin'],
      roles: ['admin'],
      auth: 'bearer',
      params: idParams,
      responses: { 200: { description: 'The source, running again', schema: sourceSchema } },
      errors: { ...adminOnly, 404: 'No such source' },
      handler: async ({ params }) => ({ status: 200, body: await admin.resumeSource(params.id) }),
    }),
    defineRoute({
      method: 'delete',
      path: '/api/admin/sources/:id',
      summary: 'Remove a job source',
      description: 'Jobs already collected from it stay.',
      tags: ['admin'],
      roles: ['admin'],
      auth: 'bearer',
      params: idParams,
      responses: { 204: { description: 'Removed' } },
      errors: { ...adminOnly, 404: 'No such source' },
      handler: async ({ params }) => {
        await admin.deleteSource(params.id);
        return { status: 204 };
      },
    }),
    defineRoute({
      method: 'get',
      path: '/api/admin/pipeline',
      summary: 'Pipeline overview: stream backlog and dead letters per stage, scrape queue counts',
      tags: ['admin'],
      roles: ['admin'],
      auth: 'bearer',
      responses: { 200: { description: 'The overview', schema: pipelineSchema } },
      errors: adminOnly,
      handler: async () => ({ status: 200, body: await admin.pipeline() }),
    }),
  ];
}
