import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { FiltersBody, User } from '../../api/types';
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
  const save = useMutation({ mutationFn: (body: FiltersBody) => api<User>('PUT', '/api/users/me/filters', body), onSuccess: onSaved });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      remote_only: remoteOnly,
      locations: splitList(locations),
      min_salary: minSalary.trim() === '' ? null : Number(minSalary),
      excluded_companies: splitList(excluded),
    });
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
      {save.error && <ErrorMessage error={save.error} />}
      {save.isSuccess && <Notice>Filters saved.</Notice>}
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : 'Save filters'}
      </button>
    </form>
  );
}
