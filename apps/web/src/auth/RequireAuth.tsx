import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { Loading } from '../components/States';
import { useAuth } from './AuthContext';

/** Pages behind a login: anonymous visitors go to /login (and come back after). */
export function RequireAuth({ children, admin = false }: { children: ReactNode; admin?: boolean }) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <Loading label="Restoring your session…" />;
  if (!user) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (admin && user.role !== 'admin') return <Navigate to="/matches" replace />;
  return <>{children}</>;
}

/** Log-in and sign-up pages: a logged-in user goes on to the app. */
export function RedirectIfAuthenticated({ children }: { children: ReactNode }) {
  const { status, user } = useAuth();
  const location = useLocation();
  if (status === 'restoring') return <Loading label="Restoring your session…" />;
  if (user) {
    const from = (location.state as { from?: string } | null)?.from;
    return <Navigate to={user.prompt ? (from ?? '/matches') : '/onboarding'} replace />;
  }
  return <>{children}</>;
}
