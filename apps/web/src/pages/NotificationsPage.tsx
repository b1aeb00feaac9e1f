import { useCallback, useState } from 'react';
import { api, query } from '../api/client';
import type { Notification, NotificationPage } from '../api/types';
import { formatDate } from '../components/format';
import { ExternalLink } from '../components/SafeLink';
import { RecommendationTag, ScoreBadge } from '../components/ScoreBadge';
import { Empty, ErrorMessage, Loading } from '../components/States';
import { useUnread } from '../components/UnreadCount';
import { usePaged } from '../components/usePaged';

const DISCORD_LABEL: Record<Notification['discord_status'], string> = {
  pending: 'Discord: sending',
  sent: 'Sent to Discord',
  skipped: 'In-app only',
  failed: 'Discord: failed',
  broken: 'Discord: webhook broken',
};

export function NotificationsPage() {
  const unread = useUnread();
  const [error, setError] = useState<unknown>();
  const load = useCallback(
    async (cursor: string | null) => {
      const page = await api<NotificationPage>('GET', `/api/notifications${query({ limit: 20, cursor })}`);
      unread.set(page.unread_count);
      return page;
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps -- unread.set is stable
    [],
  );
  const list = usePaged(load, 'notifications');

  async function markRead(id: string) {
    setError(undefined);
    try {
      const updated = await api<Notification>('POST', `/api/notifications/${id}/read`);
      list.setItems((items) => items.map((n) => (n.id === id ? updated : n)));
      unread.refresh();
    } catch (e) {
      setError(e);
    }
  }
  async function markAll() {
    setError(undefined);
    try {
      await api('POST', '/api/notifications/read-all');
      list.setItems((items) => items.map((n) => ({ ...n, read: true })));
      unread.set(0);
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        <button type="button" className="button secondary" onClick={markAll} disabled={!unread.count}>
          Mark all read
        </button>
      </div>
      {error !== undefined && <ErrorMessage error={error} />}
      {list.error !== undefined && <ErrorMessage error={list.error} retry={list.reload} />}
      {!list.loading && list.error === undefined && list.items.length === 0 && (
        <Empty title="No notifications yet">
          <p>When a job scores at or above your threshold, it shows up here (and on Discord, if connected).</p>
        </Empty>
      )}
      <ul className="list plain">
        {list.items.map((n) => (
          <li key={n.id} className={`card notification${n.read ? '' : ' unread'}`} data-testid="notification">
            <div className="match-head">
              <ScoreBadge score={n.matching_score} />
              <div>
                <h2 className="job-title">
                  {!n.read && <span className="visually-hidden">Unread: </span>}
                  {n.job_title}
                </h2>
                <ul className="meta">
                  <li>{n.company}</li>
                  <li>{formatDate(n.created_at)}</li>
                  <li>{DISCORD_LABEL[n.discord_status]}</li>
                </ul>
              </div>
              <RecommendationTag recommendation={n.ai_analysis.recommendation} />
            </div>
            {n.ai_analysis.explanation && <p>{n.ai_analysis.explanation}</p>}
            <div className="button-row">
              <ExternalLink href={n.job_url} className="button secondary">
                View the posting
              </ExternalLink>
              {!n.read && (
                <button type="button" className="button" onClick={() => markRead(n.id)}>
                  Mark read
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      {list.loading && <Loading label="Loading notifications…" />}
      {list.hasMore && !list.loading && (
        <button type="button" className="button secondary" onClick={list.more}>
          Load more
        </button>
      )}
    </>
  );
}
