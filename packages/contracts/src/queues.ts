import { z } from 'zod';
import { ContractError } from './contract-error';
import { describeIssues } from './issues';

/**
 * On-demand scrape runs: jobs-api creates the `scrape_runs` row (status queued) and adds a
 * BullMQ job `{ run_id }` to this queue with the run id as the BullMQ job id (so a retried
 * request cannot queue the same run twice); the scraper's worker executes it. The 30-minute
 * schedule uses the same queue through a BullMQ job scheduler.
 * WARNING: the queue name is stored in Redis; renaming it needs a migration plan.
 */
export const scrapeQueue = {
  name: 'scrape-runs',
  /** BullMQ job name of an on-demand run. */
  runJob: 'scrape-run',
  /** BullMQ job scheduler id of the periodic run. */
  scheduler: 'scrape-every-30-minutes',
} as const;

export const scrapeRunRequestSchema = z.strictObject({
  /** The scrape_runs row to execute; absent for scheduled runs (the scraper creates the row). */
  run_id: z.uuid({ error: 'expected a UUID' }).optional(),
});
export type ScrapeRunRequest = z.infer<typeof scrapeRunRequestSchema>;

export function parseScrapeRunRequest(value: unknown): ScrapeRunRequest {
  const result = scrapeRunRequestSchema.safeParse(value);
  if (!result.success) throw new ContractError('scrape run request', describeIssues(result.error));
  return result.data;
}
