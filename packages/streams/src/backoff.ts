export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

export const defaultBackoff: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };

/** Delay before delivery number `deliveries + 1`: exponential, capped, with ±20 % jitter. */
export function retryDelayMs(deliveries: number, { baseMs, maxMs }: BackoffOptions, random = Math.random): number {
  const exponential = Math.min(baseMs * 2 ** Math.max(deliveries - 1, 0), maxMs);
  return Math.round(exponential * (0.8 + 0.4 * random()));
}
