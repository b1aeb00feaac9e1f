import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { matchesQuery } from '../api/queries';
import { useAuth } from '../auth/AuthContext';
import { MatchCard } from '../components/MatchCard';
import { NearMisses } from '../components/NearMisses';
import { Empty, ErrorMessage, Loading } from '../components/States';

export function MatchesPage() {
  const { user } = useAuth();
  const list = useInfiniteQuery(matchesQuery());
  const items = list.data ?? [];
  const reload = () => void list.refetch();

  return (
    <>
      <div className="page-head">
        <h1>Your matches</h1>
        <button type="button" className="button secondary" onClick={reload} disabled={list.isFetching}>
          Refresh
        </button>
      </div>
      <p className="muted">Highest score first. You are notified from a score of {user?.threshold ?? 70}.</p>
      {list.error && <ErrorMessage error={list.error} retry={reload} />}
      {!list.isFetching && !list.error && items.length === 0 && (
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
        {items.map((match) => (
          <MatchCard key={match.id} match={match} />
        ))}
      </div>
      {list.isFetching && <Loading label="Loading matches…" />}
      {list.hasNextPage && !list.isFetching && (
        <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()}>
          Load more
        </button>
      )}
      <NearMisses />
    </>
  );
}
