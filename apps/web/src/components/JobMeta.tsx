import type { JobSummary } from '../api/types';
import { formatDate, formatEmploymentType, formatSalary } from './format';

const ARRANGEMENT: Record<string, string> = { hybrid: 'Hybrid', onsite: 'On-site' };

/** Where the job is done: "Remote (Europe)", "Hybrid", "On-site"; nothing when unknown or already in the location text. */
function arrangement(job: JobSummary, places: string): string | null {
  if (job.work_arrangement === 'remote') {
    if (/remote/i.test(places)) return null;
    return job.remote_region ? `Remote (${job.remote_region})` : 'Remote';
  }
  const label = ARRANGEMENT[job.work_arrangement];
  return label && !new RegExp(label, 'i').test(places) ? label : null;
}

/** Company, places, pay and date of a posting on one wrapping line. */
export function JobMeta({ job }: { job: JobSummary }) {
  const salary = formatSalary(job.salary);
  // Every location the board lists (a job in London and Stockholm shows both).
  const places = (job.locations.length > 0 ? job.locations : job.location ? [job.location] : []).join(' · ');
  const where = arrangement(job, places);
  return (
    <ul className="meta">
      <li>{job.company_name}</li>
      {places && <li>{places}</li>}
      {where && <li>{where}</li>}
      {salary && <li>{salary}</li>}
      {job.employment_type && <li>{formatEmploymentType(job.employment_type)}</li>}
      <li>Posted {formatDate(job.posted_at ?? job.created_at)}</li>
    </ul>
  );
}
