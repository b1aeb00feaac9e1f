import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import { thresholdPreviewQuery } from '../../api/queries';
import { authApiLimits, type ThresholdBody, type ThresholdPreview, type User } from '../../api/types';
import { ErrorMessage, Notice } from '../States';

/** How many scored jobs of the window a threshold lets through (sum of the buckets at or above it). */
export function passingCount(preview: ThresholdPreview, threshold: number): number {
  return preview.score_counts.slice(threshold).reduce((sum, n) => sum + n, 0);
}

function PreviewText({ threshold }: { threshold: number }) {
  const preview = useQuery(thresholdPreviewQuery(7));
  if (preview.isPending) return <p className="hint">Counting last week’s jobs…</p>;
  if (preview.isError) return <ErrorMessage error={preview.error} retry={() => void preview.refetch()} />;
  const data = preview.data;
  if (data.scored === 0)
    return (
      <p className="hint" data-testid="threshold-preview">
        No jobs arrived in the last week yet. Once JobPing has collected some, this shows how many would have reached you.
      </p>
    );
  const passing = passingCount(data, threshold);
  return (
    <p className="preview" data-testid="threshold-preview" aria-live="polite">
      At {threshold}, <strong>{passing}</strong> of the {data.scored} jobs scored for you last week would have notified you.
      {data.estimated > 0 &&
        ` ${data.estimated === data.scored ? 'All' : `${data.estimated}`} of them ${data.estimated === 1 ? 'is an estimate' : 'are estimates'}: scored now against your description with JobPing’s built-in rules.`}
    </p>
  );
}

/** The notification threshold: a slider with a live preview of what it would have let through. */
export function ThresholdPicker({ user, onSaved, submitLabel = 'Save threshold' }: { user: User; onSaved(user: User): void; submitLabel?: string }) {
  const [threshold, setThreshold] = useState(user.threshold);
  const save = useMutation({ mutationFn: (body: ThresholdBody) => api<User>('PUT', '/api/users/me/threshold', body), onSuccess: onSaved });

  return (
    <div className="form">
      <label htmlFor="threshold">
        Notify me from a score of <output htmlFor="threshold">{threshold}</output> / 100
      </label>
      <input
        id="threshold"
        type="range"
        min={authApiLimits.thresholdMin}
        max={authApiLimits.thresholdMax}
        step={1}
        value={threshold}
        aria-describedby="threshold-hint"
        onChange={(e) => {
          setThreshold(Number(e.target.value));
          save.reset();
        }}
      />
      <p id="threshold-hint" className="hint">
        75 and up means “apply”, 50–74 “consider”. Lower means more pings.
      </p>
      <PreviewText threshold={threshold} />
      {save.error && <ErrorMessage error={save.error} />}
      {save.isSuccess && <Notice>Threshold saved.</Notice>}
      <button type="button" className="button" onClick={() => save.mutate({ threshold })} disabled={save.isPending}>
        {save.isPending ? 'Saving…' : submitLabel}
      </button>
    </div>
  );
}
