import { useAction } from '../../api/useAction';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { User } from '../../api/types';
import { ErrorMessage, Notice } from '../States';

const splitList = (text: string) =>
  text
    .split(/[,\n]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** Hard filters: jobs that fail them are never scored or sent. */
export function FiltersForm({ user, onSaved }: { user: User; onSaved(user: User): void }) {
  const [remoteOnly, setRemoteOnly] = useState(user.filters.remote_only);
  const [locations, setLocations] = useState(user.filters.locations.join(', '));
  const [minSalary, setMinSalary] = useState(user.filters.min_salary?.toString() ?? '');
  const [excluded, setExcluded] = useState(user.filters.excluded_companies.join(', '));
  const { run, busy, error, done: saved } = useAction(async () => {
    onSaved(
      await api<User>('PUT', '/api/users/me/filters', {
        remote_only: remoteOnly,
        locations: splitList(locations),
        min_salary: minSalary.trim() === '' ? null : Number(minSalary),
        excluded_companies: splitList(excluded),
      }),
    );
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    void run();
  }

  return (
    <form onSubmit={submit} className="form">
      <label className="checkbox">
        <input type="checkbox" checked={remoteOnly} onChange={(e) => setRemoteOnly(e.target.checked)} /> Remote jobs only
      </label>
      <label htmlFor="filter-locations">Locations (comma-separated; empty means anywhere)</label>
      <input id="filter-locations" value={locations} onChange={(e) => setLocations(e.target.value)} placeholder="Berlin, Remote (EU)" />
      <label htmlFor="filter-salary">Minimum yearly salary</label>
      <input id="filter-salary" type="number" min={0} step={1000} inputMode="numeric" value={minSalary} onChange={(e) => setMinSalary(e.target.value)} />
      <label htmlFor="filter-excluded">Never match these companies (comma-separated)</label>
      <input id="filter-excluded" value={excluded} onChange={(e) => setExcluded(e.target.value)} />
      {error !== undefined && <ErrorMessage error={error} />}
      {saved && <Notice>Filters saved.</Notice>}
      <button type="submit" className="button" disabled={busy}>
        {busy ? 'Saving…' : 'Save filters'}
      </button>
    </form>
  );
}
