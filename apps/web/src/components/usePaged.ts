import { useCallback, useEffect, useState } from 'react';
import type { Page } from '../api/types';

/** A cursor-paginated list: first page on mount (and when `key` changes), then "load more". */
export function usePaged<T>(load: (cursor: string | null) => Promise<Page<T>>, key: string) {
  const [items, setItems] = useState<T[]>([]);
  const [cursor, setCursor] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>();
  const [nonce, setNonce] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    setError(undefined);
    load(null).then(
      (page) => {
        if (!current) return;
        setItems(page.items);
        setCursor(page.next_cursor);
        setLoading(false);
      },
      (e: unknown) => {
        if (!current) return;
        setError(e);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- `key` names everything `load` depends on
  }, [key, nonce]);

  const more = useCallback(async () => {
    if (!cursor) return;
    setLoading(true);
    try {
      const page = await load(cursor);
      setItems((before) => [...before, ...page.items]);
      setCursor(page.next_cursor);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, [cursor, load]);

  return { items, setItems, hasMore: cursor !== null, loading, error, more, reload: () => setNonce((n) => n + 1) };
}
