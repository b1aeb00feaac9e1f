import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { decisionQuery } from '../api/queries';
import type { Decision } from '../api/types';
import { ErrorMessage, Loading } from './States';

const STAGE_NAMES: Record<Decision['stage'], string> = {
  fanout: 'your must-haves and filters',
  prefilter: 'the pre-filter (no AI call)',
  matcher: 'the AI score',
  notifier: 'the alert',
  pending: 'not decided yet',
};

/**
 * "Why (not)?" for one job: which stage decided and why, in plain words (GET
 * /api/users/me/decisions). Asked only when opened, and again each time it is opened.
 */
export function WhyPanel({ jobId }: { jobId: string }) {
  const [open, setOpen] = useState(false);
  const decision = useQuery({ ...decisionQuery(jobId), enabled: open });
  return (
    <details className="why-panel" data-testid="why-panel" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>Why (not)?</summary>
      {decision.isFetching && !decision.data && <Loading label="Asking why…" />}
      {decision.error && <ErrorMessage error={decision.error} retry={() => void decision.refetch()} />}
      {decision.data && (
        <div aria-live="polite">
          <p data-testid="why-explanation" data-reason={decision.data.reason}>
            {decision.data.explanation}
          </p>
          <p className="hint">
            Decided by {STAGE_NAMES[decision.data.stage]}
            {decision.data.decided_at ? ` on ${new Date(decision.data.decided_at).toLocaleString()}` : ''}.{' '}
            <button type="button" className="button link small" onClick={() => void decision.refetch()} disabled={decision.isFetching}>
              Ask again
            </button>
          </p>
        </div>
      )}
    </details>
  );
}
