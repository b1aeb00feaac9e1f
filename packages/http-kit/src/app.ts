import express, { type Express, type RequestHandler } from 'express';
import { STRICT_TRANSPORT_SECURITY } from '@jobping/edge';
import helmet from 'helmet';
import type { Logger } from '@jobping/logger';
import { createOpsHandlers, type ReadinessChecks } from '@jobping/ops';
import type { Registry } from 'prom-client';
import { createJwtAuthenticator, type JwtSettings } from './auth';
import { notFound } from './errors';
import { accessLog, errorHandler, requestContext, requireJsonBody } from './middleware';
import { buildOpenApiDocument, OPENAPI_PATH, type OpenApiInfo } from './openapi';

import { mountRoutes, type Route } from './routes';

export interface HttpAppOptions {
  logger: Logger;
  /** The process registry (createMetricsRegistry); request metrics are added to it. */
  registry: Registry;
  /** Checks behind /readyz, e.g. `{ database: () => prisma.$queryRaw\`SELECT 1\`, redis: … }`. */
  readiness: ReadinessChecks;
  routes: readonly Route[];
  /** Needed when any route has `auth: 'bearer'`. */
  jwt?: JwtSettings;
  /** Largest accepted JSON body (default 100kb). */
  jsonLimit?: string | number;
  /** Express `trust proxy`: hops or addresses of the proxies in front (default false). */
  trustProxy?: boolean | number | string;
  /** Origins allowed to call the API from a browser (CORS); none by default. */
  corsOrigins?: readonly string[];
  /**
   * Check pre-serialized (`json`) response bodies against their schema: on by default, off
   * in production where the check would cost what skipping serialization saves.
   */
  checkSerializedBodies?: boolean;
  /** Title, version and description of the OpenAPI document at /api/openapi.json. */
  openapi: OpenApiInfo;
}

export interface HttpApp {
  app: Express;
  /** The generated OpenAPI 3.1 document (also served at /api/openapi.json). */
  openapi: Record<string, unknown>;
  /** Switch /readyz to 503 while shutting down. */
  setDraining(draining: boolean): void;
}

function cors(origins: readonly string[]): RequestHandler {
  const allowed = new Set(origins);
  return (req, res, next) => {
    const origin = req.get('origin');
    if (origin && allowed.has(origin)) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id, Retry-After');
      res.vary('Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, PATCH, DELETE');
        res.setHeader('Access-Control-Allow-Headers', 'Authorization, Content-Type, X-Request-Id');
        res.setHeader('Access-Control-Max-Age', '600');
        res.status(204).end();
        return;
      }
    }
    next();
  };
}

/**
 * The Express 5 app every JobPing HTTP service starts from: request ids and access logs,
 * helmet, ops endpoints, a bounded JSON parser, the declared routes (validated with zod,
 * authenticated with passport-jwt), the OpenAPI document, 404 and the one error handler.
 */
export function createHttpApp(options: HttpAppOptions): HttpApp {
  const { logger, registry } = options;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.set('etag', false);

  app.use(requestContext());
  app.use(accessLog(logger, registry));
  app.use(
    helmet({
      // The APIs answer JSON only: nothing in an answer may load, run or be framed.
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
      // Only over https (req.secure honours the trusted proxies' X-Forwarded-Proto), as the web server does.
      strictTransportSecurity: false,
    }),
  );
  app.use((req, res, next) => {
    if (req.secure) res.setHeader('Strict-Transport-Security', STRICT_TRANSPORT_SECURITY);
    next();
  });
  if (options.corsOrigins && options.corsOrigins.length > 0) app.use(cors(options.corsOrigins));

  const ops = createOpsHandlers({ registry, readiness: options.readiness, logger });
  app.get('/healthz', ops.healthz);
  app.get('/readyz', ops.readyz);
  app.get('/metrics', ops.metrics);

  const openapi = buildOpenApiDocument({ info: options.openapi, routes: options.routes });
  app.get(OPENAPI_PATH, (_req, res) => {
    res.json(openapi);
  });

  const api = express.Router();
  api.use((_req, res, next) => {
    // Answers carry tokens and personal data: never cache them.
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  const authenticator = options.jwt ? createJwtAuthenticator(options.jwt) : undefined;
  mountRoutes(api, options.routes, authenticator?.authenticate, {
    checkSerializedBodies: options.checkSerializedBodies ?? true,
    jsonBody: [
      requireJsonBody(),
      express.json({ limit: options.jsonLimit ?? '100kb', strict: true, type: ['application/json', 'application/*+json'] }),
    ],
  });
  app.use(api);

  app.use((_req, _res, next) => next(notFound('No such route.')));
  app.use(errorHandler(logger));

  return { app, openapi, setDraining: ops.setDraining };
}
