import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { authApiLimits } from '../api/types';
import { useAuth } from '../auth/AuthContext';
import { ErrorMessage } from '../components/States';

const MIN_PASSWORD = authApiLimits.passwordMinLength;

export function SignUpPage() {
  const { register } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // A new account has no prompt: onboarding comes next.
  const { mutate: run, isPending: busy, error } = useMutation({ mutationFn: () => register(email, password) });

  function submit(event: FormEvent) {
    event.preventDefault();
    run();
  }

  return (
    <section className="card" aria-labelledby="signup-title">
      <h1 id="signup-title">Create your account</h1>
      <p className="muted">Describe your ideal job once; JobPing pings you when a posting fits.</p>
      <form onSubmit={submit} className="form">
        <label htmlFor="signup-email">E-mail</label>
        <input id="signup-email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="signup-password">Password</label>
        <input
          id="signup-password"
          type="password"
          autoComplete="new-password"
          required
          minLength={MIN_PASSWORD}
          aria-describedby="signup-password-hint"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        <p id="signup-password-hint" className="hint">
          At least {MIN_PASSWORD} characters, not a common password.
        </p>
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Creating account…' : 'Sign up'}
        </button>
      </form>
      <p>
        Have an account? <Link to="/login">Log in</Link>: signing up again with its address starts a separate account, and we
        e-mail the address&apos;s owner.
      </p>
    </section>
  );
}
