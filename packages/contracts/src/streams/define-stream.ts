import type { z } from 'zod';

export interface StreamContract<Name extends string, Schema extends z.ZodType> {
  /** Redis key of the stream (before any deployment key prefix). */
  readonly name: Name;
  /** The one consumer group that owns the stage. */
  readonly group: string;
  readonly schema: Schema;
  /** Where messages go that failed too often or never matched the schema. */
  readonly deadLetter: `${Name}:dlq`;
}

export function defineStream<const Name extends string, Schema extends z.ZodType>(
  name: Name,
  group: string,
  schema: Schema,
): StreamContract<Name, Schema> {
  return { name, group, schema, deadLetter: `${name}:dlq` };
}
