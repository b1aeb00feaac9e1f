import { defineRoute, type Route } from '@jobping/http-kit';
import { idParams, jobDetailSchema, jobListSchema, jobsQuerySchema, scrapeRunCreatedSchema, scrapeRunSchema } from '../schemas';
import type { JobService } from '../services/jobs';
import type { ScrapeRunService } from '../services/scrape-runs';

export function jobRoutes(jobs: JobService, runs: ScrapeRunService): Route[] {
  return [
    defineRoute({
      method: 'get',
      path: '/api/jobs',
      summary: 'Search and list jobs, newest first',
      description:
        'Full-text search (title, company, description) and filters; keyset pagination on (created_at, id): ' +
        'pass next_cursor back as cursor. Jobs stored while you page appear before page one and never shift later pages.',
      tags: ['jobs'],
      auth: 'bearer',
      query: jobsQuerySchema,
      responses: { 200: { description: 'One page of jobs with their companies', schema: jobListSchema } },
      handler: async ({ query }) => ({ status: 200, json: await jobs.list(query) }),
    }),
    // Declared before /api/jobs/:id so that "fetch" is never read as an id.
    defineRoute({
      method: 'post',
      path: '/api/jobs/fetch',
      summary: 'Start a scrape run now',
      description: 'Admins at any time; other users a few times per hour (429 with Retry-After beyond that). Follow it with GET /api/scrape-runs/{run_id}.',
      tags: ['scrape runs'],
      auth: 'bearer',
      responses: { 202: { description: 'The run is queued', schema: scrapeRunCreatedSchema } },
      errors: { 429: 'Too many runs requested this hour', 503: 'The scrape queue is unavailable' },
      handler: async ({ user }) => ({ status: 202, body: await runs.request(user!) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/jobs/:id',
      summary: "One job with its company and the caller's match",
      tags: ['jobs'],
      auth: 'bearer',
      params: idParams,
      responses: { 200: { description: 'The job', schema: jobDetailSchema } },
      errors: { 404: 'No such job' },
      handler: async ({ params, user }) => ({ status: 200, body: await jobs.get(params.id, user!.id) }),
    }),
    defineRoute({
      method: 'get',
      path: '/api/scrape-runs/:id',
      summary: 'Status, progress and per-source counts and errors of a scrape run',
      description: 'Your own runs; admins see every run.',
      tags: ['scrape runs'],
      auth: 'bearer',
      params: idParams,
      responses: { 200: { description: 'The run', schema: scrapeRunSchema } },
      errors: { 404: 'No such run, or not yours' },
      handler: async ({ params, user }) => ({ status: 200, body: await runs.get(user!, params.id) }),
    }),
  ];
}
