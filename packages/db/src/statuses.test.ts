import { describe, expect, it } from '@jest/globals';
import { ScrapeRunStatus } from './generated/prisma/enums';
import { endedScrapeRunStatuses, isEndedScrapeRun } from './statuses';

describe('scrape run statuses', () => {
  it('classifies every status the schema has: succeeded, partial and failed runs have ended', () => {
    expect(Object.values(ScrapeRunStatus).filter(isEndedScrapeRun)).toEqual(['succeeded', 'partial', 'failed']);
    expect(endedScrapeRunStatuses).toEqual(['succeeded', 'partial', 'failed']);
  });
});
