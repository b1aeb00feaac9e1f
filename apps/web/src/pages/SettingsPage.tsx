import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/client';
import { useAuth } from '../auth/AuthContext';
import { FiltersForm } from '../components/settings/FiltersForm';
import { MutesAndSnooze } from '../components/settings/MutesAndSnooze';
import { PromptEditor } from '../components/settings/PromptEditor';
import { ThresholdPicker } from '../components/settings/ThresholdPicker';
import { WebhookForm } from '../components/settings/WebhookForm';
import { ErrorMessage } from '../components/States';

function DeleteAccount() {
  const { logout } = useAuth();
  const navigate = useNavigate();
  const [confirm, setConfirm] = useState('');
  const remove = useMutation({
    mutationFn: () => api('DELETE', '/api/users/me'),
    onSuccess: async () => {
      await logout();
      void navigate('/signup', { replace: true });
    },
  });

  return (
    <div className="form">
      <p>This deletes your account, description, matches and notifications. It cannot be undone.</p>
      <label htmlFor="delete-confirm">Type DELETE to confirm</label>
      <input id="delete-confirm" value={confirm} onChange={(e) => setConfirm(e.target.value)} autoComplete="off" />
      {remove.error && <ErrorMessage error={remove.error} />}
      <button type="button" className="button danger" disabled={remove.isPending || confirm !== 'DELETE'} onClick={() => remove.mutate()}>
        {remove.isPending ? 'Deleting…' : 'Delete my account'}
      </button>
    </div>
  );
}

export function SettingsPage() {
  const { user, updateUser } = useAuth();
  if (!user) return null;
  return (
    <>
      <h1>Settings</h1>
      <p className="muted">Signed in as {user.email}</p>
      <div className="grid-2">
        <section className="card" aria-labelledby="s-prompt">
          <h2 id="s-prompt">Your ideal job</h2>
          <PromptEditor user={user} onSaved={updateUser} />
        </section>
        <section className="card" aria-labelledby="s-discord">
          <h2 id="s-discord">Discord</h2>
          <WebhookForm user={user} onSaved={updateUser} />
        </section>
        <section className="card" aria-labelledby="s-threshold">
          <h2 id="s-threshold">Threshold</h2>
          <ThresholdPicker user={user} onSaved={updateUser} />
        </section>
        <section className="card" aria-labelledby="s-filters">
          <h2 id="s-filters">Filters</h2>
          <FiltersForm user={user} onSaved={updateUser} />
        </section>
        <section className="card" aria-labelledby="s-mutes">
          <h2 id="s-mutes">Muted and snoozed</h2>
          <MutesAndSnooze user={user} onSaved={updateUser} />
        </section>
        <section className="card danger-zone" aria-labelledby="s-delete">
          <h2 id="s-delete">Delete account</h2>
          <DeleteAccount />
        </section>
      </div>
    </>
  );
}
