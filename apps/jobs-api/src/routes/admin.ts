import { defineRoute, type Route } from '@jobping/http-kit';
import {
  createSourceBodySchema,
  detectedSourceSchema,
  detectSourceBodySchema,
  idParams,
  pipelineQuerySchema,
  pipelineSchema,
  sourceListSchema,
  sourceSchema,
  sourcesQuerySchema,
  updateSourceBodySchema,
} from '../schemas';
import type { AdminService } from '../services/admin';
import type { SourceDetectService } from '../services/source-detect';

const adminOnly = { 403: 'The caller is not an admin' };
const fixtureOff = 'An enabled fixture source while SCRAPE_FIXTURE_SOURCES is off (fixture_sources_disabled)';

/** Admin only (role claim `admin` in the access token). */
export function adminRoutes(admin: AdminService, detector: SourceDetectService): Route[] {
  return [
    defineRoute({
      method: 'post',
      path: '/api/admin/sources/detect',
      summary: 'Recognise the job board behind a careers-page or job URL, with a preview',
      description:
        "Recognises the ATS from the address (Greenhouse, Lever, Ashby, Workable, SmartRecruiters, Recruitee, Personio, Teamtailor, BambooHR, JOIN, Workday) or, for a page on the company's own site, from the page's links and embedded scripts (read with the scraper's limits, never from a private address), derives the board identifier and reads the board once. Save the answer's type and identifier with POST /api/admin/sources.",
      tags: ['admin'],
      roles: ['admin'],
      auth: 'bearer',
      body: detectSourceBodySchema,
      responses: { 200: { description: 'The board found, and how many jobs it lists now', schema: detectedSourceSchema } },
      errors: {
        ...adminOnly,
        422: 'No supported board found (unknown_page), the page could not be read (page_unreachable), the board did not answer (board_unreachable) or the URL is not http(s) (invalid_url); the message says what to do',
      },
      handler: async ({ body }) => ({ status: 200, body: await detector.detect(body.url) }),
    }),
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
      summary: 'Pipeline overview: stream backlog and dead letters per stage, scrape queue counts, decisions per stage and reason',
      tags: ['admin'],
      roles: ['admin'],
      auth: 'bearer',
      query: pipelineQuerySchema,
      responses: { 200: { description: 'The overview', schema: pipelineSchema } },
      errors: adminOnly,
      handler: async ({ query }) => ({ status: 200, body: await admin.pipeline(query.window_hours) }),
    }),
  ];
}
