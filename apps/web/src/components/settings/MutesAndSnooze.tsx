import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queries';
import type { Mute, User } from '../../api/types';
import { ErrorMessage } from '../States';

/** What the user muted from match cards (each with its undo) and the alert snooze. */
export function MutesAndSnooze({ user, onSaved }: { user: User; onSaved(user: User): void }) {
  const queryClient = useQueryClient();
  const mutes = useQuery({ queryKey: queryKeys.mutes, queryFn: () => api<{ items: Mute[] }>('GET', '/api/users/me/mutes') });
  const unmute = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/users/me/mutes/${id}`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.mutes }),
  });
  const resume = useMutation({ mutationFn: () => api<User>('PUT', '/api/users/me/snooze', { until: null }), onSuccess: onSaved });
  const snoozedUntil = user.snoozed_until && new Date(user.snoozed_until) > new Date() ? new Date(user.snoozed_until) : null;
  const items = mutes.data?.items ?? [];

  return (
    <div className="form">
      {snoozedUntil ? (
        <p data-testid="settings-snoozed">
          Alerts are snoozed until {snoozedUntil.toLocaleString()}. Matches still appear in your list.{' '}
          <button type="button" className="button secondary" onClick={() => resume.mutate()}>
            Resume alerts
          </button>
        </p>
      ) : (
        <p className="hint">Alerts are on. Snooze them from any match.</p>
      )}
      {items.length === 0 ? (
        <p className="hint">Nothing muted. Mute a company or a keyword from any match.</p>
      ) : (
        <ul className="mute-list" aria-label="Muted">
          {items.map((mute) => (
            <li key={mute.id} data-testid="mute">
              {mute.kind === 'company' ? 'Company' : 'Keyword'}: {mute.value}{' '}
              <button type="button" className="button secondary" onClick={() => unmute.mutate(mute.id)}>
                Unmute
              </button>
            </li>
          ))}
        </ul>
      )}
      {(mutes.error ?? unmute.error ?? resume.error) && <ErrorMessage error={mutes.error ?? unmute.error ?? resume.error} />}
    </div>
  );
}
