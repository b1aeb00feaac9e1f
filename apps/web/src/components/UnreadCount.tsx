import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { api } from '../api/client';
import type { NotificationPage } from '../api/types';

const POLL_MS = 5_000;

interface UnreadValue {
  count: number | null;
  refresh(): void;
  set(count: number): void;
}

const UnreadContext = createContext<UnreadValue>({ count: null, refresh: () => {}, set: () => {} });

/** The header's unread badge: polled while the tab is visible, refreshed after marking read. */
export function UnreadProvider({ children }: { children: ReactNode }) {
  const [count, setCount] = useState<number | null>(null);
  const refresh = useCallback(() => {
    api<NotificationPage>('GET', '/api/notifications?unread=true&limit=1').then(
      (page) => setCount(page.unread_count),
      () => {
        // keep the last known count; the page itself shows errors
      },
    );
  }, []);
  useEffect(() => {
    refresh();
    const timer = setInterval(() => {
      if (document.visibilityState === 'visible') refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);
  return <UnreadContext.Provider value={{ count, refresh, set: setCount }}>{children}</UnreadContext.Provider>;
}

export const useUnread = () => useContext(UnreadContext);
