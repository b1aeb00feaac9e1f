import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { jobsQuery, type JobSearch } from '../api/queries';
import { CompanyDetails } from '../components/CompanyInfo';
import { JobMeta } from '../components/JobMeta';
import { ExternalLink } from '../components/SafeLink';
import { WhyPanel } from '../components/WhyPanel';
import { Empty, ErrorMessage, Loading } from '../components/States';

const EMPTY: JobSearch = { q: '', location: '', company: '', remote: '', min_salary: '' };

export function JobsPage() {
  const [draft, setDraft] = useState<JobSearch>(EMPTY);
  const [search, setSearch] = useState<JobSearch>(EMPTY);
  // A new search keeps the last results on screen until its first page arrives.
  const list = useInfiniteQuery({ ...jobsQuery(search), placeholderData: keepPreviousData });
  const items = list.data ?? [];
  const field = (key: keyof JobSearch) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    setSearch({ ...draft, q: draft.q.trim(), location: draft.location.trim(), company: draft.company.trim() });
  }

  return (
    <>
      <h1>Jobs</h1>
      <form className="card filters" onSubmit={submit} role="search" aria-label="Search jobs">
        <div className="field wide">
          <label htmlFor="jobs-q">Search</label>
          <input id="jobs-q" type="search" placeholder='e.g. backend "TypeScript" -crypto' {...field('q')} />
        </div>
        <div className="field">
          <label htmlFor="jobs-location">Location</label>
          <input id="jobs-location" {...field('location')} />
        </div>
        <div className="field">
          <label htmlFor="jobs-company">Company</label>
          <input id="jobs-company" {...field('company')} />
        </div>
        <div className="field">
          <label htmlFor="jobs-remote">Remote</label>
          <select id="jobs-remote" {...field('remote')}>
            <option value="">Any</option>
            <option value="true">Remote only</option>
            <option value="false">On-site only</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor="jobs-salary">Min. yearly salary</label>
          <input id="jobs-salary" type="number" min={0} step={1000} inputMode="numeric" {...field('min_salary')} />
        </div>
        <div className="field actions">
          <button type="submit" className="button">
            Search
          </button>
          <button
            type="button"
            className="button secondary"
            onClick={() => {
              setDraft(EMPTY);
              setSearch(EMPTY);
            }}
          >
            Clear
          </button>
        </div>
      </form>
      {list.error && <ErrorMessage error={list.error} retry={() => void list.refetch()} />}
      {!list.isFetching && !list.error && items.length === 0 && (
        <Empty title="No jobs found">
          <p>Try fewer words or clear the filters.</p>
        </Empty>
      )}
      <ul className="list plain">
        {items.map((job) => (
          <li key={job.id} className="card job" data-testid="job-card">
            <h2 className="job-title">{job.title}</h2>
            <JobMeta job={job} />
            <p>{job.summary}</p>
            <details className="company-details">
              <summary>About {job.company.name}</summary>
              <CompanyDetails company={job.company} />
            </details>
            <WhyPanel jobId={job.id} />
            <ExternalLink href={job.url} className="button secondary">
              View the posting
            </ExternalLink>
          </li>
        ))}
      </ul>
      {list.isFetching && <Loading label="Loading jobs…" />}
      {list.hasNextPage && !list.isFetching && (
        <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()}>
          Load more
        </button>
      )}
    </>
  );
}
