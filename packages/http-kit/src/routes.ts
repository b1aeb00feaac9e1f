import { isDeepStrictEqual } from 'node:util';
import type { Request, RequestHandler, Response, Router } from 'express';
import type { z } from 'zod';
import type { AuthUser, Role } from './auth';
import { fieldIssues, forbidden, unauthorized, validationFailed, type FieldIssue } from './errors';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface ResponseSpec {
  description: string;
  /** The response body; omitted for empty answers (204). Bodies are parsed by it before sending. */
  schema?: z.ZodType;
}

type Infer<S, Fallback> = S extends z.ZodType ? z.output<S> : Fallback;

export interface RouteContext<B, P, Q> {
  body: B;
  params: P;
  query: Q;
  /** Set on `auth: 'bearer'` routes. */
  user: AuthUser | undefined;
  req: Request;
  res: Response;
}

export interface RouteResult {
  status: number;
  body?: unknown;
  /**
   * The body already serialized, for hot lists whose JSON is assembled from trusted parts
   * (documents built field by field in SQL): sent as is, skipping the parse-and-serialize
   * round trip. Where the app checks serialized bodies (outside production) it must match
   * the response schema exactly, so it can carry no field the schema does not name.
   */
  json?: string | Buffer;
  headers?: Record<string, string>;
}

export interface RouteConfig<B extends z.ZodType | undefined, P extends z.ZodType | undefined, Q extends z.ZodType | undefined> {
  method: HttpMethod;
  /** Express path syntax (`/api/jobs/:id`); becomes `/api/jobs/{id}` in the OpenAPI document. */
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  /** Stable name in the OpenAPI document; derived from method and path when omitted. */
  operationId?: string;
  /** `bearer`: a valid access token is required (401 otherwise). */
  auth: 'public' | 'bearer';
  /** Any one of these roles is required (403 otherwise); implies `auth: 'bearer'`. */
  roles?: Role[];
  body?: B;
  params?: P;
  query?: Q;
  /** Success answers by status. */
  responses: Record<number, ResponseSpec>;
  /** Error statuses this route can answer besides the ones implied by its inputs (e.g. 404, 409, 429). */
  errors?: Record<number, string>;
  handler(ctx: RouteContext<Infer<B, undefined>, Infer<P, Record<string, string>>, Infer<Q, Record<string, unknown>>>): Promise<RouteResult>;
}

/** A route with its types erased, as kept in a list. */
export interface Route {
  method: HttpMethod;
  path: string;
  summary: string;
  description?: string;
  tags?: string[];
  operationId?: string;
  auth: 'public' | 'bearer';
  roles?: Role[];
  body?: z.ZodType;
  params?: z.ZodType;
  query?: z.ZodType;
  responses: Record<number, ResponseSpec>;
  errors?: Record<number, string>;
  handler(ctx: RouteContext<unknown, unknown, unknown>): Promise<RouteResult>;
}

/**
 * Declares one endpoint: its inputs and outputs as zod schemas (which validate requests,
 * filter responses and generate the OpenAPI document) and a thin handler.
 */
export function defineRoute<
  B extends z.ZodType | undefined = undefined,
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
>(config: RouteConfig<B, P, Q>): Route {
  return config as unknown as Route;
}

function requireRoles(route: Route): RequestHandler {
  return (req, _res, next) => {
    const user = req.user as AuthUser | undefined;
    if (!user) {
      next(unauthorized());
      return;
    }
    if (route.roles && route.roles.length > 0 && !route.roles.some((role) => user.roles.includes(role))) {
      next(forbidden());
      return;
    }
    next();
  };
}

export interface MountOptions {
  /** Validate `json` bodies against the response schema (tests, development). */
  checkSerializedBodies: boolean;
  /**
   * Reads the JSON body of routes that declare one, after authentication: a caller without
   * a valid token never makes the service parse a body, and GET routes skip the parser.
   */
  jsonBody?: RequestHandler[];
}

function checkSerializedBody(route: Route, schema: z.ZodType, json: string | Buffer): void {
  const where = `${route.method.toUpperCase()} ${route.path}`;
  const sent: unknown = JSON.parse(typeof json === 'string' ? json : json.toString('utf8'));
  const out = schema.safeParse(sent);
  if (!out.success) throw new Error(`${where} produced a serialized body that does not match its schema: ${out.error.message}`);
  if (!isDeepStrictEqual(out.data, sent)) {
    throw new Error(`${where} produced a serialized body with fields or values its schema would change; build it from the schema's fields only`);
  }
}

function runRoute(route: Route, options: MountOptions): RequestHandler {
  return async (req, res) => {
    const issues: FieldIssue[] = [];
    const parse = (where: 'body' | 'params' | 'query', schema: z.ZodType | undefined, value: unknown): unknown => {
      if (!schema) return value;
      const result = schema.safeParse(value);
      if (result.success) return result.data;
      issues.push(...fieldIssues(where, result.error));
      return undefined;
    };
    const params = parse('params', route.params, { ...req.params });
    const query = parse('query', route.query, { ...(req.query as Record<string, unknown>) });
    const body = parse('body', route.body, req.body);
    if (issues.length > 0) throw validationFailed(issues);

    const result = await route.handler({ body, params, query, user: req.user as AuthUser | undefined, req, res });
    if (res.headersSent) return;
    const spec = route.responses[result.status];
    if (!spec) throw new Error(`${route.method.toUpperCase()} ${route.path} answered ${result.status}, which it does not declare`);
    for (const [name, value] of Object.entries(result.headers ?? {})) res.setHeader(name, value);
    if (!spec.schema) {
      res.status(result.status).end();
      return;
    }
    if (result.json !== undefined) {
      if (options.checkSerializedBodies) checkSerializedBody(route, spec.schema, result.json);
      res.status(result.status).type('application/json').send(result.json);
      return;
    }
    // The response schema is an allow-list: fields it does not name never leave the service.
    const out = spec.schema.safeParse(result.body);
    if (!out.success) {
      throw new Error(`${route.method.toUpperCase()} ${route.path} produced a body that does not match its schema: ${out.error.message}`);
    }
    res.status(result.status).json(out.data);
  };
}

/** Adds the routes to an Express router, each behind authentication, role check and validation as declared. */
export function mountRoutes(
  router: Router,
  routes: readonly Route[],
  authenticate: RequestHandler | undefined,
  options: MountOptions = { checkSerializedBodies: true },
): void {
  for (const route of routes) {
    const chain: RequestHandler[] = [];
    if (route.auth === 'bearer' || (route.roles && route.roles.length > 0)) {
      if (!authenticate) throw new Error(`${route.path} needs authentication but the app has no JWT settings`);
      chain.push(authenticate, requireRoles(route));
    }
    if (route.body) chain.push(...(options.jsonBody ?? []));
    chain.push(runRoute(route, options));
    router[route.method](route.path, ...chain);
  }
}
