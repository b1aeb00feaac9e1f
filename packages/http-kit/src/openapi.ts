import { z } from 'zod';
import { errorResponseSchema } from './errors';
import type { Route } from './routes';

/** A JSON value of the OpenAPI document (kept loose: the document is validated in tests). */
type Json = Record<string, unknown>;

export interface OpenApiInfo {
  title: string;
  version: string;
  description?: string;
}

export interface OpenApiOptions {
  info: OpenApiInfo;
  routes: readonly Route[];
  servers?: { url: string; description?: string }[];
  /** Document /healthz, /readyz and /metrics too (default true). */
  includeOps?: boolean;
}

export const OPENAPI_PATH = '/api/openapi.json';

const errorRef = { $ref: '#/components/schemas/ErrorResponse' };

/**
 * zod 4's own JSON Schema output (draft 2020-12, the dialect of OpenAPI 3.1), inlined: no
 * `$schema`, no `$defs` that would resolve against the document root.
 */
export function toJsonSchema(schema: z.ZodType, io: 'input' | 'output'): Json {
  const json = z.toJSONSchema(schema, { target: 'draft-2020-12', io, unrepresentable: 'any', reused: 'inline' }) as Json;
  delete json.$schema;
  return json;
}

function openApiPath(path: string): string {
  return path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
}

function operationIdOf(route: Route): string {
  if (route.operationId) return route.operationId;
  const words = `${route.method} ${route.path}`.split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((word, i) => (i === 0 ? word.toLowerCase() : word[0]!.toUpperCase() + word.slice(1))).join('');
}

function parametersOf(schema: z.ZodType | undefined, where: 'path' | 'query'): Json[] {
  if (!schema) return [];
  const json = toJsonSchema(schema, 'input');
  const properties = (json.properties ?? {}) as Record<string, Json>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === 'path' ? true : required.has(name),
      ...(typeof description === 'string' ? { description } : {}),
      schema: rest,
    };
  });
}

const standardErrors: Record<number, string> = {
  400: 'The request is invalid (`validation_failed`, `invalid_json`).',
  401: 'No valid bearer access token.',
  403: 'The account lacks the role this needs.',
  413: 'The body is larger than the limit.',
  415: 'The body is not JSON.',
  500: 'Unexpected failure; the answer carries no detail, the log has it under the request id.',
};

function operationOf(route: Route): Json {
  const needsAuth = route.auth === 'bearer' || (route.roles?.length ?? 0) > 0;
  const errors: Record<number, string> = {};
  if (route.body || route.params || route.query) errors[400] = standardErrors[400]!;
  if (needsAuth) errors[401] = standardErrors[401]!;
  if ((route.roles?.length ?? 0) > 0) errors[403] = standardErrors[403]!;
  if (route.body) {
    errors[413] = standardErrors[413]!;
    errors[415] = standardErrors[415]!;
  }
  Object.assign(errors, route.errors ?? {});
  errors[500] = standardErrors[500]!;

  const responses: Json = {};
  for (const [status, spec] of Object.entries(route.responses)) {
    responses[status] = {
      description: spec.description,
      ...(spec.schema ? { content: { 'application/json': { schema: toJsonSchema(spec.schema, 'output') } } } : {}),
    };
  }
  for (const [status, description] of Object.entries(errors)) {
    responses[status] = {
      description,
      ...(status === '429' ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
      content: { 'application/json': { schema: errorRef } },
    };
  }

  return {
    operationId: operationIdOf(route),
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    ...(route.tags ? { tags: route.tags } : {}),
    security: needsAuth ? [{ bearerAuth: [] }] : [],
    parameters: [...parametersOf(route.params, 'path'), ...parametersOf(route.query, 'query')],
    ...(route.body
      ? { requestBody: { required: true, content: { 'application/json': { schema: toJsonSchema(route.body, 'input') } } } }
      : {}),
    responses,
  };
}

function opsPaths(): Json {
  const json = (description: string, schema: Json) => ({ description, content: { 'application/json': { schema } } });
  const readiness = {
    type: 'object',
    properties: {
      status: { type: 'string', enum: ['ready', 'not_ready'] },
      failing: { type: 'array', items: { type: 'string' } },
      checks: { type: 'object', additionalProperties: { type: 'string', enum: ['ok', 'failed'] } },
    },
    required: ['status', 'checks'],
  };
  return {
    '/healthz': {
      get: {
        operationId: 'healthz',
        summary: 'Liveness: the process answers',
        tags: ['operations'],
        security: [],
        responses: { 200: json('Alive', { type: 'object', properties: { status: { const: 'ok' } }, required: ['status'] }) },
      },
    },
    '/readyz': {
      get: {
        operationId: 'readyz',
        summary: 'Readiness: every dependency answers',
        tags: ['operations'],
        security: [],
        responses: { 200: json('Ready', readiness), 503: json('A dependency failed (named in `failing`) or the process is shutting down', readiness) },
      },
    },
    '/metrics': {
      get: {
        operationId: 'metrics',
        summary: 'Prometheus metrics',
        tags: ['operations'],
        security: [],
        responses: { 200: { description: 'Prometheus text exposition format', content: { 'text/plain': { schema: { type: 'string' } } } } },
      },
    },
    [OPENAPI_PATH]: {
      get: {
        operationId: 'openapi',
        summary: 'This OpenAPI 3.1 document',
        tags: ['operations'],
        security: [],
        responses: { 200: json('The document', { type: 'object' }) },
      },
    },
  };
}

/** The OpenAPI 3.1 document of a set of routes, generated from their zod schemas. */
export function buildOpenApiDocument({ info, routes, servers, includeOps = true }: OpenApiOptions): Json {
  const paths: Record<string, Json> = includeOps ? (opsPaths() as Record<string, Json>) : {};
  for (const route of routes) {
    const path = openApiPath(route.path);
    const item = (paths[path] ??= {});
    if (item[route.method]) throw new Error(`duplicate route ${route.method.toUpperCase()} ${route.path}`);
    item[route.method] = operationOf(route);
  }
  return {
    openapi: '3.1.0',
    info,
    ...(servers ? { servers } : {}),
    paths,
    components: {
      securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: { ErrorResponse: toJsonSchema(errorResponseSchema, 'output') },
    },
  };
}
