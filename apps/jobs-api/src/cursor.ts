import { z } from 'zod';

/**
 * Opaque keyset cursors: base64url of the JSON array of the last row's sort key, e.g.
 * `["2026-11-23T09:00:00.000Z","<uuid>"]` for jobs (created_at, id) or `[87,"<uuid>"]` for
 * matches (score, id). Decoding validates the shape, so a tampered cursor is a 400 naming
 * `query.cursor`, never a query error.
 */
export function encodeCursor(values: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(values), 'utf8').toString('base64url');
}

const MAX_CURSOR_LENGTH = 256;

/** A query-string field holding a cursor whose decoded keyset must match `shape`. */
export function cursorParam<T extends z.ZodType>(shape: T) {
  return z
    .string()
    .max(MAX_CURSOR_LENGTH, { error: 'not a valid cursor' })
    .regex(/^[A-Za-z0-9_-]+$/, { error: 'not a valid cursor' })
    .transform((value, ctx): z.output<T> => {
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
      } catch {
        decoded = undefined;
      }
      const parsed = shape.safeParse(decoded);
      if (!parsed.success) {
        ctx.addIssue({ code: 'custom', message: 'not a valid cursor; pass next_cursor from the previous page unchanged' });
        return z.NEVER;
      }
      return parsed.data;
    })
    .optional()
    .describe('next_cursor from the previous page; omit for the first page');
}

export const timeIdKeyset = z.tuple([z.iso.datetime().transform((value) => new Date(value)), z.uuid()]);
export const scoreIdKeyset = z.tuple([z.number().int().min(0).max(100), z.uuid()]);

/** Cuts a `limit + 1` result to a page and names the cursor of the next one. */
export function page<T>(rows: T[], limit: number, keyOf: (row: T) => (string | number)[]): { items: T[]; next_cursor: string | null } {
  if (rows.length <= limit) return { items: rows, next_cursor: null };
  const items = rows.slice(0, limit);
  return { items, next_cursor: encodeCursor(keyOf(items[items.length - 1] as T)) };
}
