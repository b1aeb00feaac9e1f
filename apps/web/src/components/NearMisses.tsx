import { useInfiniteQuery } from '@tanstack/react-query';
import { nearMissesQuery } from '../api/queries';
import { ExternalLink } from './SafeLink';
import { ErrorMessage, Loading } from './States';

/** Jobs scored just under the threshold (within 10 points), newest first: what a lower threshold would have sent. */
export function NearMisses() {
  const list = useInfiniteQuery(nearMissesQuery());
  const items = list.data ?? [];
  return (
    <section className="card" aria-labelledby="near-misses">
      <div className="page-head">
        <h2 id="near-misses">Just under your threshold</h2>
        <button type="button" className="button secondary small" onClick={() => void list.refetch()} disabled={list.isFetching}>
          Reload near misses
        </button>
      </div>
      <p className="hint">Jobs the AI scored up to 10 points under your threshold: no alert was sent for them.</p>
      {list.error && <ErrorMessage error={list.error} retry={() => void list.refetch()} />}
      {!list.isFetching && !list.error && items.length === 0 && <p className="muted">No near misses lately.</p>}
      <ul className="list plain">
        {items.map((miss) => (
          <li key={miss.job_id} data-testid="near-miss">
            <ExternalLink href={miss.url}>{miss.title}</ExternalLink> at {miss.company}: scored {miss.score},{' '}
            {miss.points_under} {miss.points_under === 1 ? 'point' : 'points'} under your threshold of {miss.threshold}.
          </li>
        ))}
      </ul>
      {list.isFetching && <Loading label="Loading near misses…" />}
      {list.hasNextPage && !list.isFetching && (
        <button type="button" className="button secondary" onClick={() => void list.fetchNextPage()}>
          More near misses
        </button>
      )}
    </section>
  );
}
