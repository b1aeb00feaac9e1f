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

type Filters = User['filters'];
type Level = NonNullable<Filters['seniority_min']>;
type Arrangement = Filters['work_arrangements'][number];
type EmploymentType = Filters['employment_types'][number];

const LEVELS: Level[] = ['intern', 'junior', 'mid', 'senior', 'lead', 'staff', 'principal', 'director'];
const ARRANGEMENTS: [Arrangement, string][] = [
  ['remote', 'Remote'],
  ['hybrid', 'Hybrid'],
  ['onsite', 'On-site'],
];
const EMPLOYMENT: [EmploymentType, string][] = [
  ['full_time', 'Full-time'],
  ['part_time', 'Part-time'],
  ['contract', 'Contract'],
  ['temporary', 'Temporary'],
  ['internship', 'Internship'],
  ['other', 'Other'],
];

const toggle = <T,>(list: T[], value: T, on: boolean): T[] => (on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value));

/** Checkboxes for a set of values (empty means any). */
function CheckGroup<T extends string>({ legend, options, value, onChange }: { legend: string; options: [T, string][]; value: T[]; onChange(next: T[]): void }) {
  return (
    <fieldset className="check-group">
      <legend>{legend}</legend>
      {options.map(([option, label]) => (
        <label key={option} className="checkbox">
          <input type="checkbox" checked={value.includes(option)} onChange={(e) => onChange(toggle(value, option, e.target.checked))} /> {label}
        </label>
      ))}
    </fieldset>
  );
}

/** Hard filters and must-haves: jobs that fail them are never scored or sent (docs/product.md, "Must-haves"). */
export function FiltersForm({ user, onSaved, submitLabel = 'Save filters' }: { user: User; onSaved(user: User): void; submitLabel?: string }) {
  const f = user.filters;
  const [remoteOnly, setRemoteOnly] = useState(f.remote_only);
  const [locations, setLocations] = useState(f.locations.join(', '));
  const [minSalary, setMinSalary] = useState(f.min_salary?.toString() ?? '');
  const [keepUnstatedSalary, setKeepUnstatedSalary] = useState(f.keep_unstated_salary);
  const [excluded, setExcluded] = useState(f.excluded_companies.join(', '));
  const [seniorityMin, setSeniorityMin] = useState<Level | ''>(f.seniority_min ?? '');
  const [seniorityMax, setSeniorityMax] = useState<Level | ''>(f.seniority_max ?? '');
  const [arrangements, setArrangements] = useState<Arrangement[]>(f.work_arrangements);
  const [regions, setRegions] = useState(f.remote_regions.join(', '));
  const [needsVisa, setNeedsVisa] = useState(f.needs_visa_sponsorship);
  const [keepUnknownVisa, setKeepUnknownVisa] = useState(f.keep_unknown_sponsorship);
  const [employment, setEmployment] = useState<EmploymentType[]>(f.employment_types);
  const [languages, setLanguages] = useState(f.languages.join(', '));
  const [keywords, setKeywords] = useState(f.excluded_keywords.join(', '));
  const save = useMutation({ mutationFn: (body: FiltersBody) => api<User>('PUT', '/api/users/me/filters', body), onSuccess: onSaved });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      remote_only: remoteOnly,
      locations: splitList(locations),
      min_salary: minSalary.trim() === '' ? null : Number(minSalary),
      excluded_companies: splitList(excluded),
      keep_unstated_salary: keepUnstatedSalary,
      seniority_min: seniorityMin || null,
      seniority_max: seniorityMax || null,
      work_arrangements: arrangements,
      remote_regions: splitList(regions),
      needs_visa_sponsorship: needsVisa,
      keep_unknown_sponsorship: keepUnknownVisa,
      employment_types: employment,
      languages: splitList(languages).map((code) => code.toLowerCase()),
      excluded_keywords: splitList(keywords),
    });
  }

  const levelSelect = (id: string, label: string, value: Level | '', set: (level: Level | '') => void) => (
    <>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => set(e.target.value as Level | '')}>
        <option value="">Any</option>
        {LEVELS.map((level) => (
          <option key={level} value={level}>
            {level}
          </option>
        ))}
      </select>
    </>
  );

  return (
    <form onSubmit={submit} className="form" aria-label="Filters and must-haves">
      <label className="checkbox">
        <input type="checkbox" checked={remoteOnly} onChange={(e) => setRemoteOnly(e.target.checked)} /> Remote jobs only
      </label>
      <label htmlFor="filter-locations">Locations (comma-separated; empty means anywhere)</label>
      <input id="filter-locations" value={locations} onChange={(e) => setLocations(e.target.value)} placeholder="Berlin, Remote (EU)" />
      <label htmlFor="filter-salary">Minimum yearly salary</label>
      <input id="filter-salary" type="number" min={0} step={1000} inputMode="numeric" value={minSalary} onChange={(e) => setMinSalary(e.target.value)} />
      <label className="checkbox">
        <input type="checkbox" checked={keepUnstatedSalary} onChange={(e) => setKeepUnstatedSalary(e.target.checked)} /> Keep jobs that state no salary
      </label>
      <label htmlFor="filter-excluded">Never match these companies (comma-separated)</label>
      <input id="filter-excluded" value={excluded} onChange={(e) => setExcluded(e.target.value)} />

      <h3>Must-haves</h3>
      <p className="hint">A job that does not say passes, unless a box below says otherwise.</p>
      {levelSelect('filter-seniority-min', 'Lowest seniority', seniorityMin, setSeniorityMin)}
      {levelSelect('filter-seniority-max', 'Highest seniority', seniorityMax, setSeniorityMax)}
      <CheckGroup legend="Work arrangements (none ticked: any)" options={ARRANGEMENTS} value={arrangements} onChange={setArrangements} />
      <label htmlFor="filter-regions">Remote regions (comma-separated; empty means any)</label>
      <input id="filter-regions" value={regions} onChange={(e) => setRegions(e.target.value)} placeholder="Europe, UK" />
      <label className="checkbox">
        <input type="checkbox" checked={needsVisa} onChange={(e) => setNeedsVisa(e.target.checked)} /> I need visa sponsorship
      </label>
      <label className="checkbox">
        <input type="checkbox" checked={keepUnknownVisa} disabled={!needsVisa} onChange={(e) => setKeepUnknownVisa(e.target.checked)} /> Keep jobs that do not
        mention sponsorship
      </label>
      <CheckGroup legend="Employment types (none ticked: any)" options={EMPLOYMENT} value={employment} onChange={setEmployment} />
      <label htmlFor="filter-languages">Languages you work in (ISO codes, e.g. en, de; empty means any)</label>
      <input id="filter-languages" value={languages} onChange={(e) => setLanguages(e.target.value)} placeholder="en, de" />
      <label htmlFor="filter-keywords">Leave out jobs mentioning (comma-separated words or short phrases)</label>
      <input id="filter-keywords" value={keywords} onChange={(e) => setKeywords(e.target.value)} placeholder="PHP, on-call" />
      {save.error && <ErrorMessage error={save.error} />}
      {save.isSuccess && <Notice>Filters saved.</Notice>}
      <button type="submit" className="button" disabled={save.isPending}>
        {save.isPending ? 'Saving…' : submitLabel}
      </button>
    </form>
  );
}
