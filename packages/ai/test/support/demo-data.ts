import { DEMO_PROMPT, demoPostings } from '@jobping/db/demo';
import type { JobInput } from '../../src/index';

// The local provider is judged on exactly what the demo shows.
export { DEMO_PROMPT };

export interface DemoJob extends JobInput {
  sourceId: string;
}

export const demoJobs: readonly DemoJob[] = demoPostings.map((posting) => ({
  sourceId: posting.sourceId,
  title: posting.title,
  company: posting.company,
  location: posting.location,
  remote: posting.remote,
  salaryMin: posting.salaryMin,
  salaryMax: posting.salaryMax,
  salaryCurrency: posting.salaryCurrency,
  salaryPeriod: posting.salaryPeriod,
  employmentType: posting.employmentType,
  description: posting.description,
}));
