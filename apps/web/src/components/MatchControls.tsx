import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import type { DismissReason, Mute, NotInterested, User } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorMessage } from './States';

const REASONS: [DismissReason, string][] = [
  ['seniority', 'Wrong seniority'],
  ['location', 'Location'],
  ['salary', 'Salary'],
  ['company', 'Company'],
  ['role', 'Not my role'],
  ['already_applied', 'Already applied'],
  ['expired', 'Expired'],
  ['other', 'Other'],
];

const SNOOZE_DAYS = 7;

export interface MatchControlsProps {
  jobId: string;
  /** The company as the card shows it (the mute is keyed as fan-out compares it). */
  company: string;
  /** Unique on the page (the match's or the notification's id), for the fields' ids. */
  idSuffix: string;
}

/**
 * One-click controls on a match card or a notification, each with its undo: mute the company or
 * a keyword (fan-out then leaves out such jobs), "not interested" with a reason, and snoozing
 * every alert for a week.
 */
export function MatchControls({ jobId, company, idSuffix }: MatchControlsProps) {
  const { user, updateUser } = useAuth();
  const [mutes, setMutes] = useState<Mute[]>([]);
  const [keyword, setKeyword] = useState('');
  const [reason, setReason] = useState<DismissReason>('role');
  const [reasonText, setReasonText] = useState('');
  const [dismissed, setDismissed] = useState<NotInterested | null>(null);
  const [askReason, setAskReason] = useState(false);

  const mute = useMutation({
    mutationFn: (body: { kind: 'company' | 'keyword'; value: string }) => api<Mute>('POST', '/api/users/me/mutes', body),
    onSuccess: (created) => setMutes((list) => [...list.filter((m) => m.id !== created.id), created]),
  });
  const unmute = useMutation({
    mutationFn: async (id: string) => {
      await api<void>('DELETE', `/api/users/me/mutes/${id}`);
      return id;
    },
    onSuccess: (id) => setMutes((list) => list.filter((m) => m.id !== id)),
  });
  const dismiss = useMutation({
    mutationFn: () =>
      api<NotInterested>('PUT', `/api/users/me/jobs/${jobId}/not-interested`, { reason, text: reasonText.trim() === '' ? null : reasonText.trim() }),
    onSuccess: (result) => {
      setDismissed(result);
      setAskReason(false);
    },
  });
  const undoDismiss = useMutation({
    mutationFn: () => api<void>('DELETE', `/api/users/me/jobs/${jobId}/not-interested`),
    onSuccess: () => setDismissed(null),
  });
  const snooze = useMutation({
    mutationFn: (until: string | null) => api<User>('PUT', '/api/users/me/snooze', { until }),
    onSuccess: updateUser,
  });
  const snoozedUntil = user?.snoozed_until && new Date(user.snoozed_until) > new Date() ? new Date(user.snoozed_until) : null;

  function muteKeyword(event: FormEvent) {
    event.preventDefault();
    if (keyword.trim()) mute.mutate({ kind: 'keyword', value: keyword.trim() }, { onSuccess: () => setKeyword('') });
  }
  function submitReason(event: FormEvent) {
    event.preventDefault();
    dismiss.mutate();
  }

  const companyMuted = mutes.find((m) => m.kind === 'company');
  const error = mute.error ?? unmute.error ?? dismiss.error ?? undoDismiss.error ?? snooze.error;
  return (
    <div className="match-controls" role="group" aria-label="Match controls">
      {companyMuted ? (
        <span data-testid="company-muted">
          Muted {company}.{' '}
          <button type="button" className="button secondary" onClick={() => unmute.mutate(companyMuted.id)}>
            Undo mute
          </button>
        </span>
      ) : (
        <button type="button" className="button secondary" onClick={() => mute.mutate({ kind: 'company', value: company })}>
          Mute {company}
        </button>
      )}
      <form onSubmit={muteKeyword} className="inline-form">
        <label htmlFor={`mute-keyword-${idSuffix}`} className="visually-hidden">
          Keyword to mute
        </label>
        <input id={`mute-keyword-${idSuffix}`} value={keyword} onChange={(e) => setKeyword(e.target.value)} placeholder="keyword" size={12} />
        <button type="submit" className="button secondary">
          Mute keyword
        </button>
      </form>
      {mutes
        .filter((m) => m.kind === 'keyword')
        .map((m) => (
          <span key={m.id} data-testid="keyword-muted">
            Muted “{m.value}”.{' '}
            <button type="button" className="button secondary" onClick={() => unmute.mutate(m.id)}>
              Undo
            </button>
          </span>
        ))}
      {dismissed ? (
        <span data-testid="not-interested">
          Not interested ({REASONS.find(([r]) => r === dismissed.reason)?.[1]}).{' '}
          <button type="button" className="button secondary" onClick={() => undoDismiss.mutate()}>
            Undo
          </button>
        </span>
      ) : askReason ? (
        <form onSubmit={submitReason} className="inline-form">
          <label htmlFor={`reason-${idSuffix}`}>Why?</label>
          <select id={`reason-${idSuffix}`} value={reason} onChange={(e) => setReason(e.target.value as DismissReason)}>
            {REASONS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {reason === 'other' && (
            <input aria-label="In your words" value={reasonText} onChange={(e) => setReasonText(e.target.value)} maxLength={500} required />
          )}
          <button type="submit" className="button secondary">
            Save reason
          </button>
        </form>
      ) : (
        <button type="button" className="button secondary" onClick={() => setAskReason(true)}>
          Not interested
        </button>
      )}
      {snoozedUntil ? (
        <span data-testid="snoozed">
          Alerts snoozed until {snoozedUntil.toLocaleDateString()}.{' '}
          <button type="button" className="button secondary" onClick={() => snooze.mutate(null)}>
            Resume alerts
          </button>
        </span>
      ) : (
        <button type="button" className="button secondary" onClick={() => snooze.mutate(new Date(Date.now() + SNOOZE_DAYS * 86_400_000).toISOString())}>
          Snooze alerts for a week
        </button>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
