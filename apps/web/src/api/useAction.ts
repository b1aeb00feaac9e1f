import { useCallback, useState } from 'react';

export interface Action<A extends unknown[]> {
  /** Runs the action; resolves to whether it succeeded (its error is in `error`). */
  run(...args: A): Promise<boolean>;
  busy: boolean;
  /** What the last run failed with, shown next to the form. */
  error: unknown;
  /** The last run succeeded (e.g. to show "Saved."). */
  done: boolean;
  /** Forget that the last run succeeded (the form changed since). */
  reset(): void;
}

/** The busy / error / done state every form and button around one API call needs. */
export function useAction<A extends unknown[]>(perform: (...args: A) => Promise<unknown>): Action<A> {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [done, setDone] = useState(false);
  const run = useCallback(
    async (...args: A) => {
      setBusy(true);
      setError(undefined);
      setDone(false);
      try {
        await perform(...args);
        setDone(true);
        return true;
      } catch (e) {
        setError(e);
        return false;
      } finally {
        setBusy(false);
      }
    },
    [perform],
  );
  const reset = useCallback(() => setDone(false), []);
  return { run, busy, error, done, reset };
}
