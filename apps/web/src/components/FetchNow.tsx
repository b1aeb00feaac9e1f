import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../api/client';
import { FINISHED_RUN_STATUSES, queryKeys, scrapeRunQuery } from '../api/queries';
import type { ScrapeRun, ScrapeRunCreated } from '../api/types';
import { formatDate } from './format';
import { ErrorMessage } from './States';

const POLL_MS = 1_000;
const STATUS_LABEL: Record<ScrapeRun['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Finished',
  partial: 'Finished with errors',
  failed: 'Failed',
};

/** Follows one scrape run (GET /api/scrape-runs/:id every second, hidden tab or not) until it finishes. */
export function RunProgress({ runId, onFinished }: { runId: string; onFinished?(run: ScrapeRun): void }) {
  const { data: run, error } = useQuery({
    ...scrapeRunQuery(runId),
    refetchInterval: (query) => (query.state.data && FINISHED_RUN_STATUSES.has(query.state.data.status) ? false : POLL_MS),
    refetchIntervalInBackground: true,
  });
  const finished = run && FINISHED_RUN_STATUSES.has(run.status) ? run : undefined;
  const reported = useRef(false);
  useEffect(() => {
    if (!finished || reported.current) return;
    reported.current = true;
    onFinished?.(finished);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per run; the callback may change identity
  }, [finished]);

  if (!run) return error ? <ErrorMessage error={error} /> : <p role="status">Starting the run…</p>;
  const percent = Math.round(run.progress * 100);
  return (
    <div className="run" data-testid="scrape-run" data-status={run.status}>
      <p role="status" aria-live="polite">
        <strong>{STATUS_LABEL[run.status]}</strong> · {run.sources_done}/{run.sources_total} sources · {run.jobs_found} jobs found, {run.jobs_new} new
      </p>
      <progress max={100} value={percent} aria-label="Scrape run progress">
        {percent}%
      </progress>
      {run.error && <p className="error-text break">{run.error}</p>}
      {run.sources.length > 0 && (
        <div className="table-wrap">
          <table className="stack-table">
            <caption className="visually-hidden">Sources of this run</caption>
            <thead>
              <tr>
                <th scope="col">Source</th>
                <th scope="col">Found</th>
                <th scope="col">New</th>
                <th scope="col">Duplicates</th>
                <th scope="col">Errors</th>
              </tr>
            </thead>
            <tbody>
              {run.sources.map((s) => (
                <tr key={s.source}>
                  <td data-label="Source" className="break">
                    {s.source}
                  </td>
                  <td data-label="Found">{s.found}</td>
                  <td data-label="New">{s.new}</td>
                  <td data-label="Duplicates">{s.duplicates}</td>
                  <td data-label="Errors" className="break">
                    {s.errors.length === 0 ? '—' : s.errors.join('; ')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="hint">
        Started {formatDate(run.created_at)}
        {run.finished_at ? ` · finished ${formatDate(run.finished_at)}` : ''}
      </p>
      {error && <ErrorMessage error={error} />}
    </div>
  );
}

/** "Fetch now": starts a scrape run and shows its live progress; a finished run refreshes the admin page's lists. */
export function FetchNow() {
  const queryClient = useQueryClient();
  const [runs, setRuns] = useState<string[]>([]);
  const start = useMutation({
    mutationFn: () => api<ScrapeRunCreated>('POST', '/api/jobs/fetch'),
    onSuccess: ({ run_id }) => setRuns((before) => [run_id, ...before].slice(0, 5)),
  });
  // Last run and last error of each source, and the pipeline backlog, change with a run.
  const onFinished = useCallback(() => void queryClient.invalidateQueries({ queryKey: queryKeys.admin }), [queryClient]);

  return (
    <div className="stack">
      <div className="button-row">
        <button type="button" className="button" onClick={() => start.mutate()} disabled={start.isPending}>
          {start.isPending ? 'Starting…' : 'Fetch now'}
        </button>
      </div>
      {start.error && <ErrorMessage error={start.error} />}
      {runs.length === 0 ? (
        <p className="hint">No run started from this page yet. Scheduled runs happen every 30 minutes.</p>
      ) : (
        runs.map((id) => <RunProgress key={id} runId={id} onFinished={onFinished} />)
      )}
    </div>
  );
}
