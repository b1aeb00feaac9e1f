import { ScrapeRunStatus } from './generated/prisma/enums';

/**
 * Whether a scrape run in each status has ended: it has its finished_at and changes no more.
 * Statuses themselves come from the Prisma schema (ScrapeRunStatus, JobStatus, … exported by
 * this package); this Record over the enum makes a status added there fail to compile until
 * it is classified here.
 */
const ended: Readonly<Record<ScrapeRunStatus, boolean>> = {
  queued: false,
  running: false,
  succeeded: true,
  partial: true,
  failed: true,
};

export function isEndedScrapeRun(status: ScrapeRunStatus): boolean {
  return ended[status];
}

/** The statuses of a run that has ended, in the schema's order. */
export const endedScrapeRunStatuses: readonly ScrapeRunStatus[] = Object.values(ScrapeRunStatus).filter(isEndedScrapeRun);
