import { z } from 'zod';
import { defineStream } from './define-stream';
import { jobIdSchema, userIdSchema } from './ids';

/** Stage 3, consumed by matcher: score one job for one user (at most one AI call). */
export const userAnalysisMessageSchema = z.strictObject({
  job_id: jobIdSchema,
  user_id: userIdSchema,
});

export type UserAnalysisMessage = z.infer<typeof userAnalysisMessageSchema>;

// WARNING: stream and group names are stored in Redis; renaming them needs a migration plan.
export const userAnalysisStream = defineStream('user-analysis', 'matcher', userAnalysisMessageSchema);
