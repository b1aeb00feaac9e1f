import type { JobSummary } from '../api/types';
import { formatDate, formatEmploymentType, formatSalary } from './format';

/** Company, place, pay and date of a posting on one wrapping line. */
export function JobMeta({ job }: { job: JobSummary }) {
  const salary = formatSalary(job.salary);
  return (
    <ul className="meta">
      <li>{job.company_name}</li>
      {job.location && <li>{job.location}</li>}
      {job.remote && !/remote/i.test(job.location ?? '') && <li>Remote</li>}
      {salary && <li>{salary}</li>}
      {job.employment_type && <li>{formatEmploymentType(job.employment_type)}</li>}
      <li>Posted {formatDate(job.posted_at ?? job.created_at)}</li>
    </ul>
  );
}
