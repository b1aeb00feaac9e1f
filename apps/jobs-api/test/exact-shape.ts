import { isDeepStrictEqual } from 'node:util';
import type { z } from 'zod';

/**
 * Checks documents against a zod response schema exactly: every object has precisely the
 * schema's fields (none missing, none extra: zod's parse would drop an extra one silently),
 * every value parses to itself. It also records what the documents exercised, so a test can
 * demand that every nullable field was seen both null and set, and every array with items:
 * a shape is only checked where the documents reach.
 */
export class ExactShape {
  private readonly seen = new Map<string, Set<string>>();
  private readonly expected: Map<string, string[]>;

  constructor(private readonly schema: z.ZodType) {
    this.expected = new Map();
    this.plan(schema, '$');
  }

  /** Throws naming the path of the first difference. */
  check(value: unknown): void {
    this.walk(this.schema, value, '$');
  }

  /** `path: what` for every nullable field never seen null or never set, and every array never seen with items. */
  unexercised(): string[] {
    const missing: string[] = [];
    for (const [path, kinds] of this.expected) {
      for (const kind of kinds) if (!this.seen.get(path)?.has(kind)) missing.push(`${path}: never ${kind}`);
    }
    return missing;
  }

  private plan(schema: z.ZodType, path: string): void {
    const def = schema.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'nullable':
        this.expected.set(path, ['null', 'set']);
        return this.plan(def.innerType as z.ZodType, path);
      case 'optional':
      case 'default':
        return this.plan(def.innerType as z.ZodType, path);
      case 'object':
        for (const [key, field] of Object.entries(def.shape as Record<string, z.ZodType>)) this.plan(field, `${path}.${key}`);
        return;
      case 'array':
        this.expected.set(`${path}[]`, ['with items']);
        return this.plan(def.element as z.ZodType, `${path}[]`);
      default:
    }
  }

  private mark(path: string, kind: string): void {
    const kinds = this.seen.get(path) ?? new Set<string>();
    kinds.add(kind);
    this.seen.set(path, kinds);
  }

  private walk(schema: z.ZodType, value: unknown, path: string): void {
    const def = schema.def as unknown as Record<string, unknown> & { type: string };
    switch (def.type) {
      case 'nullable':
        this.mark(path, value === null ? 'null' : 'set');
        if (value !== null) this.walk(def.innerType as z.ZodType, value, path);
        return;
      case 'optional':
      case 'default':
        if (value === undefined) throw new Error(`${path}: missing (response documents carry every field, null when empty)`);
        return this.walk(def.innerType as z.ZodType, value, path);
      case 'object': {
        if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new Error(`${path}: expected an object, got ${JSON.stringify(value)}`);
        const shape = def.shape as Record<string, z.ZodType>;
        const extra = Object.keys(value).filter((key) => !(key in shape));
        const missing = Object.keys(shape).filter((key) => !(key in value));
        if (extra.length > 0 || missing.length > 0) throw new Error(`${path}: fields ${JSON.stringify({ extra, missing })}`);
        for (const [key, field] of Object.entries(shape)) this.walk(field, (value as Record<string, unknown>)[key], `${path}.${key}`);
        return;
      }
      case 'array':
        if (!Array.isArray(value)) throw new Error(`${path}: expected an array, got ${JSON.stringify(value)}`);
        if (value.length > 0) this.mark(`${path}[]`, 'with items');
        value.forEach((item) => this.walk(def.element as z.ZodType, item, `${path}[]`));
        return;
      default: {
        const parsed = schema.safeParse(value);
        if (!parsed.success) throw new Error(`${path}: ${JSON.stringify(value)} does not match: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
        if (!isDeepStrictEqual(parsed.data, value)) throw new Error(`${path}: ${JSON.stringify(value)} parses to ${JSON.stringify(parsed.data)}`);
      }
    }
  }
}
