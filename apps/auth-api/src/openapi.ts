import { buildOpenApiDocument, type OpenApiInfo } from '@jobping/http-kit';
import { authApiRoutes } from './routes';

/** Title, version and description of auth-api's OpenAPI document. */
export const AUTH_API_OPENAPI_INFO: OpenApiInfo = {
  title: 'JobPing auth-api',
  version: '0.1.0',
  description: 'Accounts, sessions (JWT access tokens, rotating refresh tokens) and user settings.',
};

/**
 * The OpenAPI 3.1 document auth-api serves at /api/openapi.json, built from the route
 * declarations alone: declaring a route runs none of its handler, so no services, database or
 * Redis are needed. The web app generates its API types from it (apps/web/scripts/api-types.mjs).
 */
export function authApiOpenApiDocument(): Record<string, unknown> {
  const unused = undefined as never;
  return buildOpenApiDocument({ info: AUTH_API_OPENAPI_INFO, routes: authApiRoutes(unused, unused, unused, unused, unused) });
}
