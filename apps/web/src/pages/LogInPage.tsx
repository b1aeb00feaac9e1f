import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useAuth } from '../auth/AuthContext';
import { ErrorMessage } from '../components/States';

export function LogInPage() {
  const { login } = useAuth();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  // RedirectIfAuthenticated moves on once logged in.
  const { mutate: run, isPending: busy, error } = useMutation({ mutationFn: () => login(email, password) });

  function submit(event: FormEvent) {
    event.preventDefault();
    run();
  }

  return (
    <section className="card" aria-labelledby="login-title">
      <h1 id="login-title">Log in</h1>
      <form onSubmit={submit} className="form">
        <label htmlFor="login-email">E-mail</label>
        <input id="login-email" type="email" autoComplete="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        <label htmlFor="login-password">Password</label>
        <input
          id="login-password"
          type="password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
        {error && <ErrorMessage error={error} />}
        <button type="submit" className="button" disabled={busy}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot your password?</Link>
      </p>
      <p>
        New to JobPing? <Link to="/signup">Create an account</Link>
      </p>
    </section>
  );
}
