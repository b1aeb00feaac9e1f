import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { User } from '../../api/types';
import { formatDate } from '../format';
import { ErrorMessage, Notice } from '../States';

function WebhookStatus({ discord }: { discord: User['discord'] }) {
  if (discord.status === 'ok')
    return (
      <p className="status status-ok" data-testid="webhook-status">
        <span aria-hidden="true">●</span> Connected: <code>{discord.webhook_url}</code>
      </p>
    );
  if (discord.status === 'broken')
    return (
      <div className="status status-broken" role="alert" data-testid="webhook-status">
        <p>
          <span aria-hidden="true">▲</span> Broken since {formatDate(discord.broken_at)}: Discord no longer accepts this webhook
          {discord.error ? ` (${discord.error})` : ''}. Save a new webhook URL.
        </p>
      </div>
    );
  return (
    <p className="status status-none" data-testid="webhook-status">
      Not connected: matches show up here in the app only.
    </p>
  );
}

/** Save, remove and test the Discord webhook; shows whether it works. */
export function WebhookForm({ user, onSaved }: { user: User; onSaved(user: User): void }) {
  const [url, setUrl] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState<'save' | 'test' | 'remove' | null>(null);

  async function run(kind: 'save' | 'test' | 'remove', action: () => Promise<string>) {
    setBusy(kind);
    setError(undefined);
    setNotice(undefined);
    try {
      setNotice(await action());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  const save = (event: FormEvent) => {
    event.preventDefault();
    void run('save', async () => {
      onSaved(await api<User>('PUT', '/api/users/me/discord', { webhook_url: url.trim() }));
      setUrl('');
      return 'Webhook saved.';
    });
  };
  const test = () =>
    run('test', async () => {
      try {
        await api('POST', '/api/users/me/discord/test');
      } catch (error) {
        // auth-api has just marked the webhook broken: show the new state next to the error.
        if (error instanceof ApiError && error.code === 'webhook_broken') onSaved(await api<User>('GET', '/api/users/me'));
        throw error;
      }
      return 'Test message sent: check your Discord channel.';
    });
  const remove = () =>
    run('remove', async () => {
      onSaved(await api<User>('PUT', '/api/users/me/discord', { webhook_url: null }));
      return 'Webhook removed.';
    });

  return (
    <div className="stack">
      <WebhookStatus discord={user.discord} />
      <form onSubmit={save} className="form">
        <label htmlFor="webhook-url">Discord webhook URL</label>
        <input
          id="webhook-url"
          type="url"
          inputMode="url"
          placeholder="https://discord.com/api/webhooks/…"
          aria-describedby="webhook-hint"
          value={url}
          onChange={(e) => setUrl(e.target.value)}
        />
        <p id="webhook-hint" className="hint">
          In Discord: Server settings → Integrations → Webhooks → New webhook → Copy webhook URL.
        </p>
        <div className="button-row">
          <button type="submit" className="button" disabled={busy !== null || url.trim() === ''}>
            {busy === 'save' ? 'Saving…' : 'Save webhook'}
          </button>
          <button type="button" className="button secondary" onClick={test} disabled={busy !== null || user.discord.status === 'not_set'}>
            {busy === 'test' ? 'Sending…' : 'Send a test message'}
          </button>
          {user.discord.status !== 'not_set' && (
            <button type="button" className="button danger-outline" onClick={remove} disabled={busy !== null}>
              Remove
            </button>
          )}
        </div>
      </form>
      {error !== undefined && <ErrorMessage error={error} />}
      {notice && <Notice>{notice}</Notice>}
    </div>
  );
}
