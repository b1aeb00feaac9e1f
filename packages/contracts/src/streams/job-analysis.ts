import { z } from 'zod';
import { defineStream } from './define-stream';
import { jobIdSchema } from './ids';

/** Stage 1, consumed by company-researcher: research the job's company, then hand the job to fan-out. */
export const jobAnalysisMessageSchema = z.strictObject({
  job_id: jobIdSchema,
});

export type JobAnalysisMessage = z.infer<typeof jobAnalysisMessageSchema>;

// WARNING: stream and group names are stored in Redis; renaming them needs a migration plan.
export const jobAnalysisStream = defineStream('job-analysis', 'company-researcher', jobAnalysisMessageSchema);
