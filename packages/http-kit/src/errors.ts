import { z } from 'zod';

/** The one error shape every JobPing HTTP service answers with (docs/product.md, "HTTP API"). */
export const errorResponseSchema = z
  .object({
    error: z.object({
      code: z.string().describe('stable, machine-readable error code such as validation_failed'),
      message: z.string().describe('human-readable explanation'),
      details: z.unknown().optional().describe('extra data, e.g. the invalid fields'),
    }),
  })
  .describe('Error response');

export type ErrorResponse = z.infer<typeof errorResponseSchema>;

/** A problem detail for one invalid input field. */
export interface FieldIssue {
  /** `body.email`, `params.id`, `query.limit`, … */
  path: string;
  message: string;
}

/**
 * An error that maps to an HTTP answer. Anything thrown that is not an HttpError (nor one of
 * the known body-parser / zod errors) becomes a 500 whose message says nothing about why.
 */
export class HttpError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Extra response headers (Retry-After, WWW-Authenticate, …). */
  readonly headers: Readonly<Record<string, string>>;

  constructor(
    status: number,
    code: string,
    message: string,
    options: { details?: unknown; headers?: Record<string, string>; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.status = status;
    this.code = code;
    this.details = options.details;
    this.headers = options.headers ?? {};
  }
}

export const badRequest = (message: string, details?: unknown) =>
  new HttpError(400, 'bad_request', message, { details });

export const validationFailed = (issues: FieldIssue[]) =>
  new HttpError(400, 'validation_failed', 'The request is invalid.', { details: issues });

export const unauthorized = (message = 'Authentication is required.', code = 'unauthorized') =>
  new HttpError(401, code, message, { headers: { 'WWW-Authenticate': 'Bearer' } });

export const forbidden = (message = 'You are not allowed to do this.') => new HttpError(403, 'forbidden', message);

export const notFound = (message = 'Not found.') => new HttpError(404, 'not_found', message);

export const conflict = (code: string, message: string) => new HttpError(409, code, message);

export const tooManyRequests = (retryAfterSeconds: number, message = 'Too many requests; try again later.') => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds));
  return new HttpError(429, 'too_many_requests', message, {
    details: { retry_after_seconds: seconds },
    headers: { 'Retry-After': String(seconds) },
  });
};

/** Converts zod issues to `{ path, message }` pairs prefixed with where the input came from. */
export function fieldIssues(where: 'body' | 'params' | 'query', error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: [where, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
}
