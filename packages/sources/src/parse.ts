import type { z } from 'zod';
import { BoardFormatError, type SourceDefinition } from './types';

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

/** The company a source's postings belong to: its configured name, else the board's own, else its slug. */
export function companyName(source: Pick<SourceDefinition, 'companyName' | 'identifier'>, fromBoard?: string | null): string {
  return source.companyName?.trim() || fromBoard?.trim() || companyFromSlug(source.identifier);
}

/** `acme-corp` → `Acme Corp`: the last resort for boards whose API does not name the company. */
export function companyFromSlug(slug: string): string {
  return slug
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}
