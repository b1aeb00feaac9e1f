import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { pipelineQuery, queryKeys, sourcesQuery } from '../api/queries';
import { SOURCE_TYPES, type NewSource, type Pipeline, type Source, type SourceChange, type SourceType } from '../api/types';
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

type SourceAction = { id: string; change: SourceChange } | { id: string; remove: true };

function Sources() {
  const queryClient = useQueryClient();
  // Also reloaded after each finished run (FetchNow): last run and last error change.
  const sources = useQuery(sourcesQuery());
  const change = useMutation({
    mutationFn: (action: SourceAction) =>
      'remove' in action ? api('DELETE', `/api/admin/sources/${action.id}`) : api<Source>('PATCH', `/api/admin/sources/${action.id}`, action.change),
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
