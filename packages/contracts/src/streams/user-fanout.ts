import { z } from 'zod';
import { defineStream } from './define-stream';
import { jobIdSchema } from './ids';

/** Stage 2, consumed by fanout: one user-analysis message per eligible user. */
export const userFanoutMessageSchema = z.strictObject({
  job_id: jobIdSchema,
});

export type UserFanoutMessage = z.infer<typeof userFanoutMessageSchema>;

// WARNING: stream and group names are stored in Redis; renaming them needs a migration plan.
export const userFanoutStream = defineStream('user-fanout', 'fanout', userFanoutMessageSchema);
