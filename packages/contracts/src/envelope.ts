import { z } from 'zod';

/** Bump together with a migration plan for messages already in the streams. */
export const SCHEMA_VERSION = 1;

export const traceIdSchema = z
  .string()
  .min(8)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/, 'letters, digits and . _ : - only');

/** Metadata that travels with every stream message, next to its payload. */
export const envelopeSchema = z.strictObject({
  schema_version: z.literal(SCHEMA_VERSION, { error: `expected schema_version ${SCHEMA_VERSION}` }),
  trace_id: traceIdSchema,
  published_at: z.iso.datetime({ offset: true }),
});

export type Envelope = z.infer<typeof envelopeSchema>;
