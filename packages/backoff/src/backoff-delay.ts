export interface BackoffOptions {
  /** The ceiling of the first retry's delay; doubled per retry. */
  baseMs: number;
  /** The longest delay ever returned. */
  maxMs: number;
}

/**
 * How long to wait before retry number `attempt + 1` (`attempt` counts the retries already
 * made: 0 for the first): exponential, capped at `maxMs`, with "equal jitter" — a random
 * point in the upper half of the capped delay, i.e. between d/2 and d for
 * d = min(maxMs, baseMs · 2^attempt).
 *
 * One rule for every retry loop. Equal jitter keeps a floor (half the delay, so a struggling
 * upstream still gets its pause) and never exceeds `maxMs` (the settings call it the longest
 * delay), yet stays spread at the cap, so clients that failed together do not retry together.
 * `random` is injectable for tests; it returns a number in [0, 1).
 */
export function backoffDelay(attempt: number, { baseMs, maxMs }: BackoffOptions, random: () => number = Math.random): number {
  if (!Number.isFinite(baseMs) || baseMs < 0) throw new RangeError(`backoff baseMs must be a finite number >= 0, got ${baseMs}`);
  if (!Number.isFinite(maxMs) || maxMs < 0) throw new RangeError(`backoff maxMs must be a finite number >= 0, got ${maxMs}`);
  const exponent = Math.max(0, Math.floor(attempt));
  const ceiling = Math.min(maxMs, baseMs * 2 ** exponent);
  const delay = ceiling / 2 + (ceiling / 2) * Math.min(Math.max(random(), 0), 1);
  return Math.min(ceiling, Math.round(delay));
}
