import { z } from 'zod';

/**
 * How a posting employs, as the board states it (normalised by @jobping/sources when a job is
 * stored in `jobs.employment_type`; null when the board does not say). A user's must-have
 * `employment_types` names some of them.
 */
export const employmentTypes = ['full_time', 'part_time', 'contract', 'temporary', 'internship', 'other'] as const;
export type JobEmploymentType = (typeof employmentTypes)[number];
export const employmentTypeSchema = z.enum(employmentTypes, { error: `one of ${employmentTypes.join(', ')}` });
