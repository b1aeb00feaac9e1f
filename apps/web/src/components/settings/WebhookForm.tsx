import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api, ApiError } from '../../api/client';
import type { DiscordBody, User } from '../../api/types';
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
  const saveWebhook = async (body: DiscordBody) => onSaved(await api<User>('PUT', '/api/users/me/discord', body));
  // Save, test and remove share one state: one runs at a time, and its error or notice shows.
  const action = useMutation({
    mutationFn: async (kind: 'save' | 'test' | 'remove'): Promise<string> => {
      if (kind === 'save') {
        await saveWebhook({ webhook_url: url.trim() });
        setUrl('');
        return 'Webhook saved.';
      }
      if (kind === 'remove') {
        await saveWebhook({ webhook_url: null });
        return 'Webhook removed.';
      }
      try {
        await api('POST', '/api/users/me/discord/test');
      } catch (error) {
        // auth-api has just marked the webhook broken: show the new state next to the error.
        if (error instanceof ApiError && error.code === 'webhook_broken') onSaved(await api<User>('GET', '/api/users/me'));
        throw error;
      }
      return 'Test message sent: check your Discord channel.';
    },
  });
  const busy = action.isPending ? action.variables : null;
  const save = (event: FormEvent) => {
    event.preventDefault();
    action.mutate('save');
  };

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
          <button type="button" className="button secondary" onClick={() => action.mutate('test')} disabled={busy !== null || user.discord.status === 'not_set'}>
            {busy === 'test' ? 'Sending…' : 'Send a test message'}
          </button>
          {user.discord.status !== 'not_set' && (
            <button type="button" className="button danger-outline" onClick={() => action.mutate('remove')} disabled={busy !== null}>
              Remove
            </button>
          )}
        </div>
      </form>
      {action.error && <ErrorMessage error={action.error} />}
      {action.data && <Notice>{action.data}</Notice>}
    </div>
  );
}
