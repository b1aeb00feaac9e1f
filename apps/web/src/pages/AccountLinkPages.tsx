import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { ErrorMessage, Loading, Notice } from '../components/States';

/** The token of a mailed link: it travels in the fragment (`#token=…`), which no server or Referer ever sees. */
function useLinkToken(): string {
  const { hash } = useLocation();
  return new URLSearchParams(hash.replace(/^#/, '')).get('token') ?? '';
}

/** Opened from the verification mail, logged in or not. */
export function VerifyEmailPage() {
  const token = useLinkToken();
  const { user, updateUser } = useAuth();
  const queryClient = useQueryClient();
  const { mutate, isPending, isSuccess, error } = useMutation({
    mutationFn: () => api<void>('POST', '/api/email/verify', { token }, { auth: false }),
    onSuccess: () => {
      if (user) updateUser({ ...user, email_verified: true });
      void queryClient.invalidateQueries();
    },
  });
  // Once per page load: a link works once, so a second POST would only report it as used.
  const sent = useRef(false);
  useEffect(() => {
    if (sent.current || !token) return;
    sent.current = true;
    mutate();
  }, [mutate, token]);

  return (
    <section className="card" aria-labelledby="verify-title">
      <h1 id="verify-title">Confirm your e-mail address</h1>
      {!token && <p>This page needs the link from the mail we sent you.</p>}
      {isPending && <Loading label="Confirming…" />}
      {isSuccess && <Notice>Your address is confirmed. JobPing can now send you e-mail.</Notice>}
      {error && <ErrorMessage error={error} />}
      <p>{user ? <Link to="/matches">Go to your matches</Link> : <Link to="/login">Log in</Link>}</p>
    </section>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const { mutate, isPending, isSuccess, error } = useMutation({
    mutationFn: () => api<void>('POST', '/api/password/forgot', { email }, { auth: false }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    mutate();
  }
  return (
    <section className="card" aria-labelledby="forgot-title">
      <h1 id="forgot-title">Forgot your password?</h1>
      {isSuccess ? (
        // The same words whether or not the address has an account.
        <Notice>If an account uses {email}, we sent it a link to choose a new password. It works once and expires soon.</Notice>
      ) : (
        <form onSubmit={submit} className="form">
          <label htmlFor="forgot-email">E-mail</label>
          <input id="forgot-email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          {error && <ErrorMessage error={error} />}
          <button type="submit" className="button" disabled={isPending}>
            {isPending ? 'Sending…' : 'Send me a link'}
          </button>
        </form>
      )}
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </section>
  );
}

export function ResetPasswordPage() {
  const token = useLinkToken();
  const [password, setPassword] = useState('');
  const { mutate, isPending, isSuccess, error } = useMutation({
    mutationFn: () => api<void>('POST', '/api/password/reset', { token, password }, { auth: false }),
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    mutate();
  }
  return (
    <section className="card" aria-labelledby="reset-title">
      <h1 id="reset-title">Choose a new password</h1>
      {isSuccess ? (
        <Notice>Your password is changed and every session is logged out. Log in with the new password.</Notice>
      ) : !token ? (
        <p>This page needs the link from the mail we sent you.</p>
      ) : (
        <form onSubmit={submit} className="form">
          <label htmlFor="reset-password">New password</label>
          <input id="reset-password" type="password" autoComplete="new-password" required minLength={10} value={password} onChange={(e) => setPassword(e.target.value)} />
          {error && <ErrorMessage error={error} />}
          <button type="submit" className="button" disabled={isPending}>
            {isPending ? 'Saving…' : 'Set the new password'}
          </button>
        </form>
      )}
      <p>
        <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}

/** Above every page of an account whose address is not confirmed yet. */
export function VerifyAddressBanner() {
  const { user } = useAuth();
  const { mutate, isPending, isSuccess, error } = useMutation({ mutationFn: () => api<void>('POST', '/api/users/me/email/verification') });
  if (!user || user.email_verified) return null;
  return (
    <div className="card verify-banner" role="region" aria-label="Confirm your e-mail address">
      <p>
        Please confirm your e-mail address: we sent a link to <strong>{user.email}</strong>. Until then JobPing sends no e-mail.
      </p>
      {isSuccess ? (
        <Notice>We sent a new link.</Notice>
      ) : (
        <button type="button" className="button secondary" disabled={isPending} onClick={() => mutate()}>
          {isPending ? 'Sending…' : 'Send the link again'}
        </button>
      )}
      {error && <ErrorMessage error={error} />}
    </div>
  );
}
