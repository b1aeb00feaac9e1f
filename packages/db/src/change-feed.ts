import { Client } from 'pg';

/**
 * The channels the database notifies after a committed write (triggers of the migration
 * `list_change_notifications`, empty payloads): `jobs` after any statement that wrote jobs or
 * companies, `matches` after any statement that wrote matches.
 */
export const LIST_CHANGE_CHANNELS = {
  jobs: 'jobping_jobs_changed',
  matches: 'jobping_matches_changed',
} as const;

export interface ChangeFeedLogger {
  info(message: string, meta?: Record<string, unknown>): void;
  warn(message: string, meta?: Record<string, unknown>): void;
}

export interface ChangeSubscriber {
  /** Every notification, in commit order. Payloads come from the database: parse them defensively. */
  onNotification(channel: string, payload: string): void;
  /**
   * The feed lost (or regained) its connection: notifications may have been missed, so
   * everything derived from earlier ones must be dropped.
   */
  onReset(): void;
}

export interface ChangeFeedOptions {
  databaseUrl: string;
  /** Default: every channel of LIST_CHANGE_CHANNELS. */
  channels?: readonly string[];
  logger?: ChangeFeedLogger;
  /** How long a sync may take before callers are told the feed is not current (default 1 s). */
  syncTimeoutMs?: number;
  /** Wait before reconnecting after a lost connection (default 1 s). */
  reconnectDelayMs?: number;
}

/**
 * LISTEN on one dedicated connection, with a barrier: `sync()` resolves `true` once every
 * notification of a transaction that committed before the call has been handed to
 * `onNotification`. PostgreSQL delivers pending notifications to a session before the
 * ReadyForQuery of its next statement, so a round trip on the listening connection that
 * starts after the call is that barrier. Concurrent callers share round trips: at most one
 * is in flight and one queued, whatever the request rate.
 *
 * `false` means the feed cannot vouch for anything (connecting, reconnecting, timed out,
 * closed): callers read the database instead of what they derived from notifications.
 */
export class ChangeFeed {
  private client: Client | undefined;
  private live = false;
  private closed = false;
  private inFlight: Promise<boolean> | undefined;
  private queued: Promise<boolean> | undefined;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private readonly subscribers: ChangeSubscriber[] = [];
  private rounds = 0;

  private readonly channels: readonly string[];

  constructor(private readonly options: ChangeFeedOptions) {
    this.channels = options.channels ?? Object.values(LIST_CHANGE_CHANNELS);
  }

  /** Subscribers are told of every notification and reset from now on. */
  subscribe(subscriber: ChangeSubscriber): void {
    this.subscribers.push(subscriber);
  }

  /** Connects in the background (and again after every lost connection) until closed. */
  start(): void {
    void this.connect();
  }

  get isLive(): boolean {
    return this.live;
  }

  /** Round trips made for sync() so far (a few per burst of callers, whatever their number). */
  get syncRounds(): number {
    return this.rounds;
  }

  sync(): Promise<boolean> {
    if (!this.live) return Promise.resolve(false);
    if (!this.inFlight) return this.startRound();
    // The round in flight may have started before this call: wait for the next one.
    this.queued ??= this.inFlight.then(() => {
      this.queued = undefined;
      return this.live ? this.startRound() : false;
    });
    return this.queued;
  }

  async close(): Promise<void> {
    this.closed = true;
    this.live = false;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    await client?.end().catch(() => undefined);
  }

  private startRound(): Promise<boolean> {
    const client = this.client;
    if (!client) return Promise.resolve(false);
    this.rounds += 1;
    const round: Promise<boolean> = client
      .query('SELECT 1')
      .then(
        () => this.live && this.client === client,
        (error: unknown) => {
          this.lost(client, error);
          return false;
        },
      )
      .finally(() => {
        if (this.inFlight === round) this.inFlight = undefined;
      });
    this.inFlight = round;
    return round;
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    const client = new Client({
      connectionString: this.options.databaseUrl,
      application_name: 'jobping-change-feed',
      // A sync that takes longer fails; the connection is then dropped and opened again.
      query_timeout: this.options.syncTimeoutMs ?? 1_000,
      connectionTimeoutMillis: 5_000,
    });
    this.client = client;
    client.on('notification', (message) => {
      if (this.client !== client) return;
      for (const subscriber of this.subscribers) subscriber.onNotification(message.channel, message.payload ?? '');
    });
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, new Error('connection ended')));
    try {
      await client.connect();
      for (const channel of this.channels) await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
      if (this.client !== client) return;
      // Whatever happened while no one listened is unknown: start from nothing.
      this.reset();
      this.live = true;
      this.options.logger?.info('change feed listening', { channels: this.channels });
    } catch (error) {
      this.lost(client, error);
    }
  }

  private reset(): void {
    for (const subscriber of this.subscribers) subscriber.onReset();
  }

  private lost(client: Client, error: unknown): void {
    if (this.client !== client) return;
    this.client = undefined;
    const wasLive = this.live;
    this.live = false;
    this.inFlight = undefined;
    this.queued = undefined;
    this.reset();
    void client.end().catch(() => undefined);
    if (this.closed) return;
    this.options.logger?.warn(wasLive ? 'change feed lost its connection; reconnecting' : 'change feed could not connect; retrying', {
      error: error instanceof Error ? error.message : String(error),
    });
    this.reconnectTimer = setTimeout(() => void this.connect(), this.options.reconnectDelayMs ?? 1_000);
    this.reconnectTimer.unref();
  }
}
