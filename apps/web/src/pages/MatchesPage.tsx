import { useCallback } from 'react';
import { Link } from 'react-router';
import { api, query } from '../api/client';
import type { Match, Page } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { MatchCard } from '../components/MatchCard';
import { Empty, ErrorMessage, Loading } from '../components/States';
import { usePaged } from '../components/usePaged';

export function MatchesPage() {
  const { user } = useAuth();
  const load = useCallback((cursor: string | null) => api<Page<Match>>('GET', `/api/users/me/matches${query({ limit: 10, cursor })}`), []);
  const list = usePaged(load, 'matches');

  return (
    <>
      <div className="page-head">
        <h1>Your matches</h1>
        <button type="button" className="button secondary" onClick={list.reload} disabled={list.loading}>
          Refresh
        </button>
      </div>
      <p className="muted">Highest score first. You are notified from a score of {user?.threshold ?? 70}.</p>
      {list.error !== undefined && <ErrorMessage error={list.error} retry={list.reload} />}
      {!list.loading && list.error === undefined && list.items.length === 0 && (
        <Empty title="No matches yet">
          {user?.prompt ? (
            <p>JobPing scores every new job against your description. Matches appear here as jobs come in.</p>
          ) : (
            <p>
              <Link to="/onboarding">Describe your ideal job</Link> to start getting matches.
            </p>
          )}
        </Empty>
      )}
      <div className="list">
        {list.items.map((match) => (
          <MatchCard key={match.id} match={match} />
        ))}
      </div>
      {list.loading && <Loading label="Loading matches…" />}
      {list.hasMore && !list.loading && (
        <button type="button" className="button secondary" onClick={list.more}>
          Load more
        </button>
      )}
    </>
  );
}
