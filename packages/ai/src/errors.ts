/**
 * Every failure of packages/ai is an `AiError`. `retryable` tells a stream worker what to do:
 * retry the message later (true) or move it to the dead-letter stream (false).
 */
export abstract class AiError extends Error {
  abstract readonly code: string;
  abstract readonly retryable: boolean;

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The input does not satisfy the input schema (a programming or data error; not retryable). */
export class AiInputError extends AiError {
  readonly code = 'invalid_input';
  readonly retryable = false;
}

/**
 * The model answered, twice, with something that is not valid JSON or does not match the
 * contract (`reason` names the field). Retrying the message would pay again for the same
 * answer: dead-letter it.
 */
export class AiOutputError extends AiError {
  readonly code = 'invalid_output';
  readonly retryable = false;

  constructor(
    readonly operation: string,
    readonly reason: string,
    readonly attempts: number,
    options?: { cause?: unknown },
  ) {
    super(`The model's ${operation} answer was invalid ${attempts} times: ${reason}`, options);
  }
}

export type UpstreamFailure = 'rate_limited' | 'server_error' | 'network' | 'timeout' | 'client_error' | 'bad_response';

/**
 * The LLM server could not be used: 429 / 5xx / network / timeout after every retry
 * (retryable), or it refused the request itself (4xx other than 408/409/429: bad key,
 * unknown model, invalid request; not retryable).
 */
export class AiUpstreamError extends AiError {
  readonly code: `upstream_${UpstreamFailure}`;
  readonly retryable: boolean;

  constructor(
    readonly failure: UpstreamFailure,
    message: string,
    readonly attempts: number,
    readonly status?: number,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.code = `upstream_${failure}`;
    this.retryable = failure !== 'client_error';
  }
}

/**
 * Our own shared rate limit (requests or tokens per minute) would make this call wait longer
 * than allowed. Retry the message after `retryAfterMs`.
 */
export class AiRateLimitedError extends AiError {
  readonly code = 'rate_limited';
  readonly retryable = true;

  constructor(
    readonly limit: 'requests' | 'tokens',
    readonly retryAfterMs: number,
    message?: string,
  ) {
    super(message ?? `The shared ${limit}-per-minute limit is exhausted; retry in ${Math.ceil(retryAfterMs / 1000)} s`);
  }
}
