import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { readMatchAnalysis } from '../api/ai-json';
import { api } from '../api/client';
import { markAllNotificationsRead, notificationsQuery, queryKeys, replaceNotification } from '../api/queries';
import type { Notification } from '../api/types';
import { formatDate } from '../components/format';
import { MatchControls } from '../components/MatchControls';
import { ExternalLink } from '../components/SafeLink';
import { RecommendationTag, ScoreBadge } from '../components/ScoreBadge';
import { Empty, ErrorMessage, Loading } from '../components/States';
import { useUnreadCount } from '../components/UnreadCount';

const DISCORD_LABEL: Record<Notification['discord_status'], string> = {
  pending: 'Discord: sending',
  sent: 'Sent to Discord',
  skipped: 'In-app only',
  failed: 'Discord: failed',
  broken: 'Discord: webhook broken',
};

export function NotificationsPage() {
  const queryClient = useQueryClient();
  const unreadCount = useUnreadCount();
  const list = useInfiniteQuery(notificationsQuery(queryClient));
  const items = list.data ?? [];
  // One notification (answers it, now read) or all of them (answers null).
  const markRead = useMutation({
    mutationFn: async (target: { id: string } | 'all'): Promise<Notification | null> => {
      if (target !== 'all') return api<Notification>('POST', `/api/notifications/${target.id}/read`);
      await api('POST', '/api/notifications/read-all');
      return null;
    },
    onSuccess: (updated) => {
      if (!updated) return markAllNotificationsRead(queryClient);
      replaceNotification(queryClient, updated);
      return queryClient.invalidateQueries({ queryKey: queryKeys.unreadCount });
    },
  });

  return (
    <>
      <div className="page-head">
        <h1>Notifications</h1>
        <button type="button" className="button secondary" onClick={() => markRead.mutate('all')} disabled={!unreadCount}>
          Mark all read
        </button>
      </div>
      {markRead.error && <ErrorMessage error={markRead.error} />}
      {list.error && <ErrorMessage error={list.error} retry={() => void list.refetch()} />}
      {!list.isFetching && !list.error && items.length === 0 && (
        <Empty title="No notifications yet">
          <p>When a job scores at or above your threshold, it shows up here (and on Discord, if connected).</p>
        </Empty>
      )}
      <ul className="list plain">
        {items.map((n) => {
          const analysis = readMatchAnalysis(n.ai_analysis);
          return (
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
              <RecommendationTag recommendation={analysis.recommendation} />
            </div>
            {analysis.explanation && <p>{analysis.explanation}</p>}
            <div className="button-row">
              <ExternalLink href={n.job_url} className="button secondary">
                View the posting
              </ExternalLink>
              {!n.read && (
                <button type="button" className="button" onClick={() => markRead.mutate({ id: n.id })}>
                  Mark read
                </button>
              )}
            </div>
            <MatchControls jobId={n.job_id} company={n.company} idSuffix={n.id} />
          </li>
          );
        })}
      </ul>
      {list.isFetching && <Loading label="Loading notifications…" />}
      {list.hasNextPage && !list.isFetching && (
        <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()}>
          Load more
        </button>
      )}
    </>
  );
}
