/** The longest delay a Node.js timer can hold (2^31 − 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_RETRY_AFTER_MS = 2_147_483_647;

const SECONDS = /^\d+(\.\d+)?$/;
// RFC 9110 HTTP-date: IMF-fixdate and the obsolete RFC 850 form end in "GMT"; asctime has no
// zone at all and means GMT (Date.parse would read it as local time).
const WEEKDAY_FIRST = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,? /;
const ASCTIME = /^[A-Z][a-z]{2} [A-Z][a-z]{2} [ \d]\d \d{2}:\d{2}:\d{2} \d{4}$/;

function clamp(ms: number): number {
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, Math.ceil(ms)));
}

/**
 * A `Retry-After` value as the wait it asks for, in ms: delay-seconds (fractions accepted, as
 * Discord sends them) or an HTTP-date measured from `now`. A date in the past is 0; anything
 * longer than a timer can hold is clamped to MAX_RETRY_AFTER_MS. Anything else (negative
 * numbers, "1e3", ISO dates, a header sent twice) is undefined: the caller's back-off applies.
 */
export function parseRetryAfter(value: string | null | undefined, now: number = Date.now()): number | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  if (SECONDS.test(text)) return clamp(Number(text) * 1_000);
  if (!WEEKDAY_FIRST.test(text) && !ASCTIME.test(text)) return undefined;
  const date = ASCTIME.test(text) ? Date.parse(`${text} GMT`) : /GMT$/.test(text) ? Date.parse(text) : Number.NaN;
  return Number.isNaN(date) ? undefined : clamp(date - now);
}

/** Anything with `get(name)`: fetch's Headers, the OpenAI SDK's error headers. */
export interface HeaderSource {
  get(name: string): string | null;
}

/**
 * What a response asks for: `retry-after-ms` (milliseconds; OpenAI and compatible servers send
 * it), else `Retry-After` (parseRetryAfter); undefined when neither is valid.
 */
export function readRetryAfter(headers: HeaderSource | undefined, now: number = Date.now()): number | undefined {
  const millis = headers?.get('retry-after-ms')?.trim();
  if (millis && SECONDS.test(millis)) return clamp(Number(millis));
  return parseRetryAfter(headers?.get('retry-after'), now);
}
