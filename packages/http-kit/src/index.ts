export { createHttpApp, type HttpApp, type HttpAppOptions } from './app';
export {
  ACCESS_TOKEN_ALGORITHM,
  ACCESS_TOKEN_TTL_SECONDS,
  createJwtAuthenticator,
  jwtEnvSchema,
  jwtSettingsFromConfig,
  roleSchema,
  signAccessToken,
  type AuthUser,
  type JwtAuthenticator,
  type JwtEnv,
  type JwtSettings,
  type Role,
  type SignedAccessToken,
} from './auth';
export {
  HttpError,
  badRequest,
  conflict,
  errorResponseSchema,
  fieldIssues,
  forbidden,
  notFound,
  tooManyRequests,
  unauthorized,
  validationFailed,
  type ErrorResponse,
  type FieldIssue,
} from './errors';
export { requestIdOf, toHttpError } from './middleware';
export { buildOpenApiDocument, OPENAPI_PATH, toJsonSchema, type OpenApiInfo, type OpenApiOptions } from './openapi';
export { defineRoute, mountRoutes, type HttpMethod, type ResponseSpec, type Route, type RouteConfig, type RouteContext, type RouteResult } from './routes';
export { startHttpServer, type StartedServer } from './http-server';
