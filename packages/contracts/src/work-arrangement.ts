import { z } from 'zod';

/**
 * Where a job is done, as the board states it: `remote` (possibly limited to a region, kept
 * next to it), `hybrid` (some days in an office), `onsite`, or `unknown` when the board does not
 * say. Stored in `jobs.work_arrangement`; `jobs.remote` is kept as `work_arrangement = 'remote'`
 * for readers that only know the flag.
 */
export const workArrangements = ['remote', 'hybrid', 'onsite', 'unknown'] as const;
export type WorkArrangement = (typeof workArrangements)[number];
export const workArrangementSchema = z.enum(workArrangements, { error: `one of ${workArrangements.join(', ')}` });
