import { useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, onSessionChange, refreshSession, setSession } from '../api/client';
import type { Credentials, Session, User } from '../api/types';

type Status = 'restoring' | 'anonymous' | 'authenticated';

interface AuthValue {
  status: Status;
  user: User | null;
  login(email: string, password: string): Promise<User>;
  register(email: string, password: string): Promise<User>;
  logout(): Promise<void>;
  /** After a settings change: the account as the API answered it. */
  updateUser(user: User): void;
}

const AuthContext = createContext<AuthValue | null>(null);

/**
 * Holds who is logged in; restores the session from the refresh cookie on load. The cached API
 * answers belong to one account: they are dropped whenever a session ends or another begins.
 */
export function AuthProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<Status>('restoring');
  const [user, setUser] = useState<User | null>(null);

  useEffect(() => {
    // Any failed refresh (here or behind an API call) logs out cleanly.
    const stop = onSessionChange((session) => {
      if (!session) queryClient.removeQueries();
      setUser(session?.user ?? null);
      setStatus(session ? 'authenticated' : 'anonymous');
    });
    void refreshSession();
    return stop;
  }, [queryClient]);

  const start = useCallback(
    (session: Session) => {
      queryClient.removeQueries();
      setSession(session);
      setUser(session.user);
      setStatus('authenticated');
      return session.user;
    },
    [queryClient],
  );

  const value = useMemo<AuthValue>(
    () => ({
      status,
      user,
      login: async (email, password) => start(await api<Session>('POST', '/api/login', { email, password } satisfies Credentials, { auth: false })),
      register: async (email, password) => start(await api<Session>('POST', '/api/register', { email, password } satisfies Credentials, { auth: false })),
      logout: async () => {
        try {
          // The refresh cookie identifies the session: this works with an expired access token too.
          await api('POST', '/api/logout', {}, { auth: false });
        } catch {
          // The server-side session may already be gone; logging out locally is what matters.
        }
        setSession(null);
        queryClient.removeQueries();
        setUser(null);
        setStatus('anonymous');
      },
      updateUser: setUser,
    }),
    [status, user, start, queryClient],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
