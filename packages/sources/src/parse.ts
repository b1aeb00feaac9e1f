import type { z } from 'zod';
import { BoardFormatError } from './types';

/** Validates a board's answer; the error names at most three offending paths. */
export function parseBoard<S extends z.ZodType>(board: string, schema: S, data: unknown): z.output<S> {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const details = result.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');
  throw new BoardFormatError(board, details);
}

/** `base` + path segments, each URL-encoded; the base may carry a path prefix (mirrors). */
export function joinUrl(base: string, ...segments: string[]): URL {
  const url = new URL(base);
  const prefix = url.pathname.replace(/\/+$/, '');
  url.pathname = `${prefix}/${segments.map((s) => encodeURIComponent(s)).join('/')}`;
  return url;
}

/** Validates each item on its own: one malformed posting is skipped, not the whole board. */
export function parseItems<S extends z.ZodType>(
  board: string,
  schema: S,
  items: readonly unknown[],
  onInvalid?: (details: string) => void,
): z.output<S>[] {
  const valid: z.output<S>[] = [];
  for (const item of items) {
    const result = schema.safeParse(item);
    if (result.success) valid.push(result.data);
    else onInvalid?.(`${board}: skipped a posting (${result.error.issues[0]?.path.join('.') ?? ''}: ${result.error.issues[0]?.message ?? ''})`);
  }
  return valid;
}

/** `acme-corp` → `Acme Corp`: the display name of boards whose API does not name the company. */
export function companyFromSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

/** "$120k - $150k", "€60.000–80.000", "USD 100,000" → min, max, currency (best effort). */
export function parseSalaryText(text: string | null | undefined): { min: number | null; max: number | null; currency: string | null } {
  const none = { min: null, max: null, currency: null };
  if (!text) return none;
  const currency = /€|\bEUR\b/i.test(text) ? 'EUR' : /£|\bGBP\b/i.test(text) ? 'GBP' : /\$|\bUSD\b/i.test(text) ? 'USD' : null;
  const numbers = [...text.matchAll(/(\d{1,3}(?:[.,\s]\d{3})+|\d+(?:\.\d+)?)\s*(k)?/gi)]
    .map((m) => {
      const digits = (m[1] ?? '').replace(/[.,\s](?=\d{3}\b)/g, '');
      const value = Number(digits);
      return m[2] ? value * 1000 : value;
    })
    .filter((n) => Number.isFinite(n) && n >= 1);
  if (numbers.length === 0) return none;
  const min = numbers[0] ?? null;
  const max = numbers[1] ?? min;
  return { min, max, currency };
}
