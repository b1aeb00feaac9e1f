import { randomUUID } from 'node:crypto';
import type { ErrorRequestHandler, Request, RequestHandler } from 'express';
import { withLogContext, type Logger } from '@jobping/logger';
import { Counter, Histogram, type Registry } from 'prom-client';
import { HttpError } from './errors';

const SAFE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The id of the request (`X-Request-Id`, taken from the caller when well-formed, else new). */
export function requestIdOf(req: Request): string {
  return (req as Request & { id?: string }).id ?? 'unknown';
}

/**
 * Gives each request an id, echoes it in `X-Request-Id`, and runs the rest of the request in
 * a log context so every line logged while serving it carries `request_id` (and `trace_id`).
 */
export function requestContext(): RequestHandler {
  return (req, res, next) => {
    const incoming = req.get('x-request-id');
    const id = incoming && SAFE_REQUEST_ID.test(incoming) ? incoming : randomUUID();
    (req as Request & { id?: string }).id = id;
    res.setHeader('X-Request-Id', id);
    withLogContext({ request_id: id, trace_id: id }, () => next());
  };
}

const OPS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

function metric<T>(registry: Registry, name: string, create: () => T): T {
  return (registry.getSingleMetric(name) as T | undefined) ?? create();
}

/** One access-log line and the request metrics per answered request. */
export function accessLog(logger: Logger, registry: Registry): RequestHandler {
  const duration = metric(
    registry,
    'http_request_duration_seconds',
    () =>
      new Histogram({
        name: 'http_request_duration_seconds',
        help: 'HTTP request duration by method, route and status',
        labelNames: ['method', 'route', 'status_code'],
        buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
        registers: [registry],
      }),
  );
  const total = metric(
    registry,
    'http_requests_total',
    () =>
      new Counter({
        name: 'http_requests_total',
        help: 'HTTP requests by method, route and status',
        labelNames: ['method', 'route', 'status_code'],
        registers: [registry],
      }),
  );
  return (req, res, next) => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const path = req.path;
      // The matched pattern (never the raw path) keeps the label set bounded.
      const route = req.route ? `${req.baseUrl}${String((req.route as { path: string }).path)}` : OPS_PATHS.has(path) ? path : 'unmatched';
      const labels = { method: req.method, route, status_code: String(res.statusCode) };
      duration.observe(labels, seconds);
      total.inc(labels);
      const quiet = OPS_PATHS.has(path) && res.statusCode < 400;
      // winston builds and pipes a record even when no transport keeps it: skip that early.
      if (quiet ? !logger.isDebugEnabled() : !logger.isInfoEnabled()) return;
      const line = {
        method: req.method,
        path, // without the query string, which could carry secrets
        route,
        status: res.statusCode,
        duration_ms: Math.round(seconds * 1000 * 10) / 10,
        ip: req.ip,
        user_id: (req.user as { id?: string } | undefined)?.id,
        request_id: requestIdOf(req),
      };
      if (quiet) logger.debug('request', line);
      else logger.info('request', line);
    });
    next();
  };
}

/** 415 for a request body that is not JSON (the JSON parser would otherwise skip it silently). */
export function requireJsonBody(): RequestHandler {
  return (req, _res, next) => {
    const hasBody = req.headers['transfer-encoding'] !== undefined || Number(req.headers['content-length'] ?? 0) > 0;
    if (hasBody && !req.is(['application/json', 'application/*+json'])) {
      next(new HttpError(415, 'unsupported_media_type', 'The request body must be JSON (Content-Type: application/json).'));
      return;
    }
    next();
  };
}

interface BodyParserError {
  type?: string;
  status?: number;
  expose?: boolean;
}

/** Turns anything thrown into an HttpError; unknown errors become an opaque 500. */
export function toHttpError(error: unknown): HttpError {
  if (error instanceof HttpError) return error;
  const parserError = error as BodyParserError | null;
  switch (parserError?.type) {
    case 'entity.too.large':
      return new HttpError(413, 'payload_too_large', 'The request body is too large.');
    case 'entity.parse.failed':
      return new HttpError(400, 'invalid_json', 'The request body is not valid JSON.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new HttpError(415, 'unsupported_media_type', 'The request body encoding or charset is not supported.');
    default:
      break;
  }
  if (parserError?.expose && typeof parserError.status === 'number' && parserError.status >= 400 && parserError.status < 500) {
    return new HttpError(parserError.status, 'bad_request', 'The request could not be read.');
  }
  return new HttpError(500, 'internal_error', 'Internal server error.', { cause: error });
}

/** The one error handler: `{ error: { code, message, details? } }`, never a stack trace. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const httpError = toHttpError(error);
    if (httpError.status >= 500) {
      logger.error('request failed', {
        request_id: requestIdOf(req),
        method: req.method,
        path: req.path,
        error: error instanceof Error ? error.message : String(error),
        stack: error instanceof Error ? error.stack : undefined,
      });
    }
    for (const [name, value] of Object.entries(httpError.headers)) res.setHeader(name, value);
    const body: { code: string; message: string; details?: unknown } = {
      code: httpError.code,
      message: httpError.message,
    };
    if (httpError.details !== undefined) body.details = httpError.details;
    // A 500 says nothing else, but the id lets support find the logged cause.
    if (httpError.status >= 500) body.details = { request_id: requestIdOf(req) };
    res.status(httpError.status).json({ error: body });
  };
}
