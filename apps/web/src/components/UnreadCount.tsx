import { useQuery } from '@tanstack/react-query';
import { unreadCountQuery } from '../api/queries';

const POLL_MS = 5_000;

/**
 * How many notifications are unread, or null before the first answer. The header's badge polls
 * it (TanStack Query pauses the interval while the tab is hidden); the notifications page and
 * marking read update it. A failed poll keeps the last known count: the pages show errors.
 */
export function useUnreadCount({ poll = false }: { poll?: boolean } = {}): number | null {
  const { data } = useQuery({ ...unreadCountQuery(), refetchInterval: poll ? POLL_MS : false });
  return data ?? null;
}
