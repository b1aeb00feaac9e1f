import { isSalaryPeriod } from '@jobping/contracts';
import type { JobInput } from './inputs';

/** The columns of a `jobs` row that the AI reads. */
export interface JobRow {
  title: string;
  companyName: string;
  location: string | null;
  remote: boolean;
  salaryMin: number | null;
  salaryMax: number | null;
  salaryCurrency: string | null;
  salaryPeriod: string | null;
  employmentType: string | null;
  description: string;
}

export const jobInputColumns = {
  title: true,
  companyName: true,
  location: true,
  remote: true,
  salaryMin: true,
  salaryMax: true,
  salaryCurrency: true,
  salaryPeriod: true,
  employmentType: true,
  description: true,
} as const;

export function toJobInput(job: JobRow): JobInput {
  return {
    title: job.title,
    company: job.companyName,
    location: job.location,
    remote: job.remote,
    salaryMin: job.salaryMin,
    salaryMax: job.salaryMax,
    salaryCurrency: job.salaryCurrency,
    // A period JobPing does not know reads as none: the amount is then taken as yearly (annualPay).
    salaryPeriod: isSalaryPeriod(job.salaryPeriod) ? job.salaryPeriod : null,
    employmentType: job.employmentType,
    description: job.description,
  };
}
