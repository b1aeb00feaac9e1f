import { buildOpenApiDocument, type OpenApiInfo } from '@jobping/http-kit';
import { jobsApiRoutes, type JobsApiServices } from './routes';

/** Title, version and description of jobs-api's OpenAPI document. */
export const JOBS_API_OPENAPI_INFO: OpenApiInfo = {
  title: 'JobPing jobs-api',
  version: '0.1.0',
  description: 'Jobs (search, filters, cursor pagination), your matches and notifications, scrape runs, and admin routes for job sources and the pipeline.',
};

/**
 * The OpenAPI 3.1 document jobs-api serves at /api/openapi.json, built from the route
 * declarations alone: declaring a route runs none of its handler, so no services, database or
 * Redis are needed. The web app generates its API types from it (apps/web/scripts/api-types.mjs).
 */
export function jobsApiOpenApiDocument(): Record<string, unknown> {
  const unused = {} as JobsApiServices;
  return buildOpenApiDocument({ info: JOBS_API_OPENAPI_INFO, routes: jobsApiRoutes(unused) });
}
