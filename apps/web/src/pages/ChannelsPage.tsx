import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { channelsQuery, queryKeys } from '../api/queries';
import type { Channel, ChannelChange, ChannelTestResult, CreatedChannel, NewChannel } from '../api/types';
import { Empty, ErrorMessage, Loading, Notice } from '../components/States';

type Kind = Channel['kind'];
const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'email', label: 'E-mail' },
  { kind: 'discord', label: 'Discord' },
  { kind: 'telegram', label: 'Telegram' },
  { kind: 'slack', label: 'Slack' },
  { kind: 'webhook', label: 'Webhook (signed JSON)' },
];
const kindLabel = (kind: Kind) => KINDS.find((k) => k.kind === kind)?.label ?? kind;

/** The settings fields of each kind, as the API names them. */
const FIELDS: Record<Kind, { name: string; label: string; placeholder: string }[]> = {
  email: [],
  discord: [{ name: 'webhook_url', label: 'Discord webhook URL', placeholder: 'https://discord.com/api/webhooks/…' }],
  telegram: [
    { name: 'bot_token', label: 'Bot token', placeholder: '123456:ABC-DEF…' },
    { name: 'chat_id', label: 'Chat id', placeholder: '-1001234567890 or @channel' },
  ],
  slack: [{ name: 'webhook_url', label: 'Slack webhook URL', placeholder: 'https://hooks.slack.com/services/…' }],
  webhook: [{ name: 'url', label: 'Endpoint URL', placeholder: 'https://example.com/jobping' }],
};

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

function AddChannel({ onCreated }: { onCreated: (channel: CreatedChannel) => void }) {
  const queryClient = useQueryClient();
  const [kind, setKind] = useState<Kind>('email');
  const [label, setLabel] = useState('');
  const [settings, setSettings] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () =>
      api<CreatedChannel>('POST', '/api/users/me/channels', { kind, settings, time_zone: browserZone(), ...(label.trim() ? { label: label.trim() } : {}) } as NewChannel),
    onSuccess: (channel) => {
      setSettings({});
      setLabel('');
      onCreated(channel);
      void queryClient.invalidateQueries({ queryKey: queryKeys.channels });
    },
  });
  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }
  return (
    <form className="form" onSubmit={submit} aria-label="Add a channel">
      <label htmlFor="channel-kind">Kind</label>
      <select id="channel-kind" value={kind} onChange={(e) => (setKind(e.target.value as Kind), setSettings({}))}>
        {KINDS.map((k) => (
          <option key={k.kind} value={k.kind}>
            {k.label}
          </option>
        ))}
      </select>
      <label htmlFor="channel-label">Name (optional)</label>
      <input id="channel-label" value={label} maxLength={80} onChange={(e) => setLabel(e.target.value)} />
      {FIELDS[kind].map((field) => (
        <div key={field.name} className="form">
          <label htmlFor={`channel-${field.name}`}>{field.label}</label>
          <input
            id={`channel-${field.name}`}
            required
            autoComplete="off"
            placeholder={field.placeholder}
            value={settings[field.name] ?? ''}
            onChange={(e) => setSettings({ ...settings, [field.name]: e.target.value })}
          />
        </div>
      ))}
      {kind === 'email' && <p className="muted">Mail goes to your account address, once it is confirmed.</p>}
      {add.error && <ErrorMessage error={add.error} />}
      <button type="submit" className="button" disabled={add.isPending}>
        {add.isPending ? 'Adding…' : 'Add channel'}
      </button>
    </form>
  );
}

function ChannelCard({ channel }: { channel: Channel }) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.channels });
  const [mode, setMode] = useState(channel.mode);
  const [timeZone, setTimeZone] = useState(channel.time_zone);
  const [digestHour, setDigestHour] = useState(channel.digest_hour);
  const [weekday, setWeekday] = useState(channel.digest_weekday);
  const [quietStart, setQuietStart] = useState(channel.quiet_hours?.start ?? '');
  const [quietEnd, setQuietEnd] = useState(channel.quiet_hours?.end ?? '');
  const name = channel.label ?? kindLabel(channel.kind);
  const id = `channel-${channel.id}`;

  const save = useMutation({
    mutationFn: (change: ChannelChange) => api<Channel>('PATCH', `/api/users/me/channels/${channel.id}`, change),
    onSuccess: () => void refresh(),
  });
  const test = useMutation({ mutationFn: () => api<ChannelTestResult>('POST', `/api/users/me/channels/${channel.id}/test`) });
  const remove = useMutation({ mutationFn: () => api<void>('DELETE', `/api/users/me/channels/${channel.id}`), onSuccess: () => void refresh() });

  function submit(event: FormEvent) {
    event.preventDefault();
    save.mutate({
      mode,
      time_zone: timeZone,
      digest_hour: digestHour,
      digest_weekday: weekday,
      quiet_hours: quietStart && quietEnd ? { start: quietStart, end: quietEnd } : null,
    });
  }

  return (
    <section className="card" aria-labelledby={`${id}-title`} data-testid="channel">
      <h2 id={`${id}-title`}>
        {name} <span className="muted">({kindLabel(channel.kind)})</span>
      </h2>
      {Object.entries(channel.settings).map(([key, value]) => (
        <p key={key} className="muted">
          {key.replace(/_/g, ' ')}: {value}
        </p>
      ))}
      <p data-testid="channel-state">
        {channel.enabled ? 'On' : `Off: ${channel.disabled_reason ?? 'turned off'}`}
        {channel.last_error && channel.enabled ? ` · last error: ${channel.last_error}` : ''}
      </p>
      <form className="form" onSubmit={submit} aria-label={`Delivery of ${name}`}>
        <label htmlFor={`${id}-mode`}>When to send</label>
        <select id={`${id}-mode`} value={mode} onChange={(e) => setMode(e.target.value as Channel['mode'])}>
          <option value="instant">Each match at once</option>
          <option value="daily">A daily digest</option>
          <option value="weekly">A weekly digest</option>
        </select>
        {mode !== 'instant' && (
          <>
            <label htmlFor={`${id}-hour`}>Digest hour (local)</label>
            <select id={`${id}-hour`} value={digestHour} onChange={(e) => setDigestHour(Number(e.target.value))}>
              {Array.from({ length: 24 }, (_, h) => (
                <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
              ))}
            </select>
          </>
        )}
        {mode === 'weekly' && (
          <>
            <label htmlFor={`${id}-weekday`}>Digest day</label>
            <select id={`${id}-weekday`} value={weekday} onChange={(e) => setWeekday(Number(e.target.value))}>
              {WEEKDAYS.map((day, i) => (
                <option key={day} value={i + 1}>
                  {day}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor={`${id}-zone`}>Time zone</label>
        <input id={`${id}-zone`} value={timeZone} onChange={(e) => setTimeZone(e.target.value)} placeholder="Europe/Berlin" />
        <fieldset className="form">
          <legend>Quiet hours (held matches go out when they end)</legend>
          <label htmlFor={`${id}-quiet-start`}>From</label>
          <input id={`${id}-quiet-start`} type="time" value={quietStart} onChange={(e) => setQuietStart(e.target.value)} />
          <label htmlFor={`${id}-quiet-end`}>Until</label>
          <input id={`${id}-quiet-end`} type="time" value={quietEnd} onChange={(e) => setQuietEnd(e.target.value)} />
        </fieldset>
        {save.error && <ErrorMessage error={save.error} />}
        {save.isSuccess && <Notice>Saved.</Notice>}
        <button type="submit" className="button" disabled={save.isPending}>
          {save.isPending ? 'Saving…' : 'Save'}
        </button>
      </form>
      <div className="button-row">
        <button type="button" className="button secondary" disabled={test.isPending} onClick={() => test.mutate()}>
          {test.isPending ? 'Sending…' : 'Send a test message'}
        </button>
        <button type="button" className="button secondary" disabled={save.isPending} onClick={() => save.mutate({ enabled: !channel.enabled })}>
          {channel.enabled ? 'Turn off' : 'Turn on'}
        </button>
        <button type="button" className="button danger" disabled={remove.isPending} onClick={() => remove.mutate()}>
          Remove
        </button>
      </div>
      {test.data && (test.data.delivered ? <Notice>Test message delivered.</Notice> : <p role="alert">Test message not delivered: {test.data.error}</p>)}
      {(test.error ?? remove.error) && <ErrorMessage error={test.error ?? remove.error} />}
    </section>
  );
}

/** Where matches go besides the app: e-mail, Discord, Telegram, Slack, signed webhooks (docs/notifications.md). */
export function ChannelsPage() {
  const channels = useQuery(channelsQuery());
  const [created, setCreated] = useState<CreatedChannel | null>(null);
  return (
    <>
      <h1>Channels</h1>
      <section className="card" aria-labelledby="add-channel">
        <h2 id="add-channel">Add a channel</h2>
        <AddChannel onCreated={setCreated} />
        {created?.secret && (
          <div role="status" className="notice" data-testid="webhook-secret">
            <p>
              Signing secret of {created.label ?? 'the new webhook'}, shown only now. Copy it to your receiver:
            </p>
            <code>{created.secret}</code>
            <button type="button" className="button secondary" onClick={() => setCreated(null)}>
              I have copied it
            </button>
          </div>
        )}
      </section>
      {channels.isPending && <Loading />}
      {channels.error && <ErrorMessage error={channels.error} retry={() => void channels.refetch()} />}
      {channels.data && channels.data.items.length === 0 && <Empty title="No channels yet">Matches show here in the app; add a channel to get them elsewhere too.</Empty>}
      {channels.data?.items.map((channel) => (
        // The form keeps what was typed (and saved) while the list refreshes around it.
        <ChannelCard key={channel.id} channel={channel} />
      ))}
    </>
  );
}
