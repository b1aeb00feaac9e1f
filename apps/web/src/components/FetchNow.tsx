import { useAction } from '../api/useAction';
import { useEffect, useState } from 'react';
import { api } from '../api/client';
import type { ScrapeRun } from '../api/types';
import { formatDate } from './format';
import { ErrorMessage } from './States';

const POLL_MS = 1_000;
const FINISHED = new Set(['succeeded', 'partial', 'failed']);
const STATUS_LABEL: Record<ScrapeRun['status'], string> = {
  queued: 'Queued',
  running: 'Running',
  succeeded: 'Finished',
  partial: 'Finished with errors',
  failed: 'Failed',
};

/** Follows one scrape run (GET /api/scrape-runs/:id every second) until it finishes. */
export function RunProgress({ runId, onFinished }: { runId: string; onFinished?(run: ScrapeRun): void }) {
  const [run, setRun] = useState<ScrapeRun>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api<ScrapeRun>('GET', `/api/scrape-runs/${runId}`);
        if (stopped) return;
        setRun(next);
        setError(undefined);
        if (FINISHED.has(next.status)) {
          onFinished?.(next);
          return;
        }
      } catch (e) {
        if (stopped) return;
        setError(e);
      }
      timer = setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- follow one run; the callback may change identity
  }, [runId]);

  if (!run) return error !== undefined ? <ErrorMessage error={error} /> : <p role="status">Starting the run…</p>;
  const percent = Math.round(run.progress * 100);
  return (
    <div className="run" data-testid="scrape-run" data-status={run.status}>
      <p role="status" aria-live="polite">
        <strong>{STATUS_LABEL[run.status]}</strong> · {run.sources_done}/{run.sources_total} sources · {run.jobs_found} jobs found, {run.jobs_new} new
      </p>
      <progress max={100} value={percent} aria-label="Scrape run progress">
        {percent}%
      </progress>
      {run.error && <p className="error-text">{run.error}</p>}
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
                  <td data-label="Errors">{s.errors.length === 0 ? '—' : s.errors.join('; ')}</td>
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
      {error !== undefined && <ErrorMessage error={error} />}
    </div>
  );
}

/** "Fetch now": starts a scrape run and shows its live progress. */
export function FetchNow({ onFinished }: { onFinished?(run: ScrapeRun): void }) {
  const [runs, setRuns] = useState<string[]>([]);
  const { run: start, busy, error } = useAction(async () => {
    const { run_id } = await api<{ run_id: string }>('POST', '/api/jobs/fetch');
    setRuns((before) => [run_id, ...before].slice(0, 5));
  });

  return (
    <div className="stack">
      <div className="button-row">
        <button type="button" className="button" onClick={() => void start()} disabled={busy}>
          {busy ? 'Starting…' : 'Fetch now'}
        </button>
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
      {runs.length === 0 ? (
        <p className="hint">No run started from this page yet. Scheduled runs happen every 30 minutes.</p>
      ) : (
        runs.map((id) => <RunProgress key={id} runId={id} onFinished={onFinished} />)
      )}
    </div>
  );
}
