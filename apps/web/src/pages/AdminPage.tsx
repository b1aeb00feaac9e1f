import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { pipelineQuery, queryKeys, sourcesQuery } from '../api/queries';
import { SOURCE_TYPES, type DetectedSource, type NewSource, type Pipeline, type Source, type SourceChange, type SourceType } from '../api/types';
import { FetchNow } from '../components/FetchNow';
import { formatDate } from '../components/format';
import { Empty, ErrorMessage, Loading } from '../components/States';

function AddSource() {
  const queryClient = useQueryClient();
  const [type, setType] = useState<SourceType>(SOURCE_TYPES[0]!);
  const [identifier, setIdentifier] = useState('');
  const [terms, setTerms] = useState('');
  const add = useMutation({
    mutationFn: (source: NewSource) => api<Source>('POST', '/api/admin/sources', source),
    onSuccess: () => {
      setIdentifier('');
      setTerms('');
      return queryClient.invalidateQueries({ queryKey: queryKeys.sources });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const searchTerms = terms
      .split(',')
      .map((t) => t.trim())
      .filter(Boolean);
    // The API checks the identifier against the type's rule and names what is wrong.
    add.mutate({ type, identifier: identifier.trim(), search_terms: searchTerms });
  }

  return (
    <form className="form inline-form" onSubmit={submit} aria-label="Add a source">
      <div className="field">
        <label htmlFor="source-type">Type</label>
        <select id="source-type" value={type} onChange={(e) => setType(e.target.value as SourceType)}>
          {SOURCE_TYPES.map((t) => (
            <option key={t}>{t}</option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="source-identifier">Board, company or name</label>
        <input id="source-identifier" required value={identifier} onChange={(e) => setIdentifier(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor="source-terms">Search terms (comma-separated)</label>
        <input id="source-terms" value={terms} onChange={(e) => setTerms(e.target.value)} />
      </div>
      <div className="field actions">
        <button type="submit" className="button" disabled={add.isPending || identifier.trim() === ''}>
          Add source
        </button>
      </div>
      {add.error && <ErrorMessage error={add.error} />}
    </form>
  );
}

/**
 * Paste any careers-page or job URL: jobs-api recognises the ATS and the board (from the
 * address, or the page's links and scripts), reads it once for a preview, and the admin saves
 * it as a source. An unknown page gets the API's answer (what to paste instead), not a guess.
 */
function AddFromCareersPage() {
  const queryClient = useQueryClient();
  const [url, setUrl] = useState('');
  const detect = useMutation({ mutationFn: (pasted: string) => api<DetectedSource>('POST', '/api/admin/sources/detect', { url: pasted }) });
  const save = useMutation({
    mutationFn: (found: DetectedSource) => api<Source>('POST', '/api/admin/sources', { type: found.type, identifier: found.identifier, company_name: found.company_name }),
    onSuccess: () => {
      setUrl('');
      detect.reset();
      return queryClient.invalidateQueries({ queryKey: queryKeys.sources });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.reset();
    detect.mutate(url.trim());
  }

  const found = detect.data;
  return (
    <div className="detect-source">
      <form className="form inline-form" onSubmit={submit} aria-label="Add a company by its careers page">
        <div className="field grow">
          <label htmlFor="careers-url">Careers page or job URL</label>
          <input
            id="careers-url"
            type="url"
            required
            placeholder="https://jobs.example.com/careers"
            value={url}
            onChange={(e) => {
              setUrl(e.target.value);
              detect.reset();
            }}
          />
        </div>
        <div className="field actions">
          <button type="submit" className="button secondary" disabled={detect.isPending || url.trim() === ''}>
            {detect.isPending ? 'Looking…' : 'Find jobs'}
          </button>
        </div>
      </form>
      {detect.error && <ErrorMessage error={detect.error} />}
      {found && (
        <div className="status status-ok" data-testid="detected-source">
          <p>
            <strong>
              {found.preview.count} open {found.preview.count === 1 ? 'job' : 'jobs'} found
            </strong>{' '}
            at {found.company_name} ({found.type}: <span className="break">{found.identifier}</span>)
            {found.preview.titles.length > 0 && <>, e.g. {found.preview.titles.slice(0, 3).join('; ')}</>}.
          </p>
          <p>
            <button type="button" className="button small" disabled={save.isPending} onClick={() => save.mutate(found)}>
              Save source
            </button>
          </p>
        </div>
      )}
      {save.error && <ErrorMessage error={save.error} />}
    </div>
  );
}

/** Last success, jobs seen, failures in a row, or the pause and its reason. */
function SourceHealth({ source, onResume, busy }: { source: Source; onResume: () => void; busy: boolean }) {
  if (source.paused_at) {
    return (
      <div className="status status-broken" data-testid="source-paused">
        <p>
          <strong>Paused</strong> since {formatDate(source.paused_at)}: {source.pause_reason}
        </p>
        <p>
          <button type="button" className="button small" disabled={busy} onClick={onResume} aria-label={`Resume ${source.type} ${source.identifier}`}>
            Resume
          </button>
        </p>
      </div>
    );
  }
  const seen = source.last_jobs_seen === null ? null : `${source.last_jobs_seen} ${source.last_jobs_seen === 1 ? 'job' : 'jobs'} seen`;
  return (
    <div>
      <div>{source.last_success_at ? `OK ${formatDate(source.last_success_at)}` : 'No success yet'}</div>
      {seen && <div className="hint">{seen} in the last run</div>}
      {source.consecutive_failures > 0 && (
        <div className="error-text">
          {source.consecutive_failures} failed {source.consecutive_failures === 1 ? 'run' : 'runs'} in a row
        </div>
      )}
    </div>
  );
}

type SourceAction = { id: string; change: SourceChange } | { id: string; remove: true } | { id: string; resume: true };

function Sources() {
  const queryClient = useQueryClient();
  // Also reloaded after each finished run (FetchNow): last run and last error change.
  const sources = useQuery(sourcesQuery());
  const change = useMutation({
    mutationFn: (action: SourceAction) =>
      'remove' in action
        ? api('DELETE', `/api/admin/sources/${action.id}`)
        : 'resume' in action
          ? api<Source>('POST', `/api/admin/sources/${action.id}/resume`)
          : api<Source>('PATCH', `/api/admin/sources/${action.id}`, action.change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.sources }),
  });

  return (
    <section className="card" aria-labelledby="a-sources">
      <h2 id="a-sources">Job sources</h2>
      {sources.isPending && <Loading label="Loading sources…" />}
      {sources.error && <ErrorMessage error={sources.error} retry={() => void sources.refetch()} />}
      {change.error && <ErrorMessage error={change.error} />}
      {sources.data && sources.data.items.length === 0 && <Empty title="No sources yet" />}
      {sources.data && sources.data.items.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table">
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Last run</th>
                <th scope="col">Health</th>
                <th scope="col">Last error</th>
                <th scope="col">Enabled</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {sources.data.items.map((s) => (
                <tr key={s.id}>
                  <td data-label="Source">
                    <strong>{s.type}</strong> <span className="break">{s.identifier}</span>
                    {s.search_terms.length > 0 && <div className="hint">{s.search_terms.join(', ')}</div>}
                  </td>
                  <td data-label="Last run">{formatDate(s.last_run_at)}</td>
                  <td data-label="Health">
                    <SourceHealth source={s} busy={change.isPending} onResume={() => change.mutate({ id: s.id, resume: true })} />
                  </td>
                  <td data-label="Last error" className="break">
                    {s.last_error ?? '—'}
                  </td>
                  <td data-label="Enabled">
                    <input
                      type="checkbox"
                      checked={s.enabled}
                      aria-label={`${s.type} ${s.identifier} enabled`}
                      onChange={(e) => change.mutate({ id: s.id, change: { enabled: e.target.checked } })}
                    />
                  </td>
                  <td data-label="">
                    <button
                      type="button"
                      className="button link danger-text"
                      onClick={() => change.mutate({ id: s.id, remove: true })}
                      aria-label={`Remove ${s.type} ${s.identifier}`}
                    >
                      Remove
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>Add a company by its careers page</h3>
      <AddFromCareersPage />
      <h3>Add a source by type and identifier</h3>
      <AddSource />
    </section>
  );
}

const duration = (seconds: number) => (seconds < 120 ? `${seconds} s` : seconds < 7_200 ? `${Math.round(seconds / 60)} min` : `${Math.round(seconds / 3_600)} h`);

/**
 * Consumer groups that entries wait for and that nobody reads (STREAM_STALE_GROUP_SECONDS):
 * their stage is not running, and their stream grows until its cap drops entries.
 */
function StaleGroups({ pipeline }: { pipeline: Pipeline }) {
  const stale = pipeline.stages.flatMap((stage) => stage.groups.filter((g) => g.stale).map((group) => ({ stream: stage.stream, group })));
  if (stale.length === 0) return null;
  return (
    <div className="status status-warn" data-testid="stale-groups">
      {/* Only the summary is live: the details below change with every refresh and would be re-announced. */}
      <p role="alert">
        <span aria-hidden="true">▲</span> {stale.length === 1 ? 'A stage has' : `${stale.length} stages have`} stopped reading: entries wait and no
        consumer has read them for {duration(pipeline.stale_group_seconds)} or more.
      </p>
      <ul>
        {stale.map(({ stream, group }) => (
          <li key={`${stream}/${group.name}`}>
            Group <strong>{group.name}</strong> on <strong>{stream}</strong>:{' '}
            {group.idle_seconds === null ? 'no consumers' : `last read ${duration(group.idle_seconds)} ago`}, {group.pending} pending,{' '}
            {group.lag === null ? 'an unknown number' : group.lag} not delivered yet.
          </li>
        ))}
      </ul>
      <p>
        Start or scale up the stage's worker. If the stage was removed, delete its group (<code>XGROUP DESTROY &lt;stream&gt; &lt;group&gt;</code>):
        until then its stream keeps growing up to its cap, beyond which entries are dropped.
      </p>
    </div>
  );
}

/** What decided about the (job, user) pairs of the last day, per stage and reason (the decision log). */
function DecisionCounts({ pipeline }: { pipeline: Pipeline }) {
  const { counts, window_hours: hours } = pipeline.decisions;
  return (
    <>
      <h3 id="a-decisions">Decisions, last {hours} hours</h3>
      {counts.length === 0 ? (
        <p className="hint">No decisions in the window.</p>
      ) : (
        <div className="table-wrap">
          <table className="stack-table" aria-labelledby="a-decisions" data-testid="decision-counts">
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Reason</th>
                <th scope="col">Pairs</th>
              </tr>
            </thead>
            <tbody>
              {counts.map((row) => (
                <tr key={`${row.stage}:${row.reason}`} data-testid="decision-count" data-stage={row.stage} data-reason={row.reason}>
                  <td data-label="Stage">{row.stage}</td>
                  <td data-label="Reason">{row.reason.replace(/_/g, ' ')}</td>
                  <td data-label="Pairs">{row.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

function PipelineBacklog() {
  // The backlog moves while jobs flow through the stages: kept current while the tab is visible.
  const pipeline = useQuery({ ...pipelineQuery(), refetchInterval: 5_000 });
  const refresh = () => void pipeline.refetch();
  return (
    <section className="card" aria-labelledby="a-pipeline">
      <div className="page-head">
        <h2 id="a-pipeline">Pipeline backlog</h2>
        <button type="button" className="button secondary small" onClick={refresh}>
          Refresh
        </button>
      </div>
      {pipeline.isPending && <Loading label="Loading the pipeline…" />}
      {pipeline.error && <ErrorMessage error={pipeline.error} retry={refresh} />}
      {pipeline.data && <StaleGroups pipeline={pipeline.data} />}
      {pipeline.data && (
        <div className="table-wrap">
          <table className="stack-table">
            <thead>
              <tr>
                <th scope="col">Stage</th>
                <th scope="col">Length</th>
                <th scope="col">Pending</th>
                <th scope="col">Lag</th>
                <th scope="col">Dead letters</th>
                <th scope="col">Stale groups</th>
              </tr>
            </thead>
            <tbody>
              {pipeline.data.stages.map((stage) => (
                <tr key={stage.stream}>
                  <td data-label="Stage">{stage.stream}</td>
                  <td data-label="Length">{stage.length}</td>
                  <td data-label="Pending">{stage.groups.reduce((sum, g) => sum + g.pending, 0)}</td>
                  <td data-label="Lag">{stage.groups.some((g) => g.lag === null) ? '?' : stage.groups.reduce((sum, g) => sum + (g.lag ?? 0), 0)}</td>
                  <td data-label="Dead letters" className={stage.dead_letters > 0 ? 'error-text' : undefined}>{stage.dead_letters}</td>
                  <td data-label="Stale groups" className={stage.groups.some((g) => g.stale) ? 'error-text' : undefined}>
                    {stage.groups
                      .filter((g) => g.stale)
                      .map((g) => g.name)
                      .join(', ') || 'none'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pipeline.data && <DecisionCounts pipeline={pipeline.data} />}
      {pipeline.data &&
        (pipeline.data.scrape_queue ? (
          <p className="hint">
            Scrape queue: {pipeline.data.scrape_queue.waiting} waiting, {pipeline.data.scrape_queue.active} active,{' '}
            {pipeline.data.scrape_queue.failed} failed, {pipeline.data.scrape_queue.completed} completed.
          </p>
        ) : (
          <p className="hint">Scrape queue unavailable.</p>
        ))}
    </section>
  );
}

export function AdminPage() {
  return (
    <>
      <h1>Admin</h1>
      <section className="card" aria-labelledby="a-fetch">
        <h2 id="a-fetch">Scrape runs</h2>
        <FetchNow />
      </section>
      <PipelineBacklog />
      <Sources />
    </>
  );
}
