import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DiscordRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** The id of the webhook the request named (`unknown` for other paths). */
  webhookId: string;
  /** The JSON body, or the raw text when it is not JSON. */
  body: unknown;
  /** The status the fake answered (set once the answer is written). */
  status: number;
}

/** Writes one answer; may leave the request unanswered (a hanging Discord). */
export type Responder = (req: DiscordRequest, res: ServerResponse) => void;

export type ScriptedAnswer = { status: number; body?: unknown; headers?: Record<string, string> };

/** A responder that answers `status` with a JSON body and extra headers. */
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Responder =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };

/**
 * A real HTTP server on 127.0.0.1 standing in for Discord's webhook API. Answers, in this order:
 * a permanent answer for the webhook (`always`, e.g. 404: deleted), the webhook's next scripted
 * answer (`script`, e.g. a 429 first), the next answer for any webhook (`respond`), else 200
 * with a new message id, like `?wait=true`.
 */
export class FakeDiscord {
  readonly requests: DiscordRequest[] = [];
  private responders: Responder[] = [];
  private readonly scripted = new Map<string, ScriptedAnswer[]>();
  private readonly permanent = new Map<string, ScriptedAnswer>();
  private server: Server | undefined;
  private nextMessageId = 1_300_000_000_000_000_000n;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** `host:port`, for the webhook host allow-list (JOBPING_WEBHOOK_ALLOWED_HOSTS). */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /**
   * A webhook URL on this server. With a number `n`: the id `webhookId(n)` and a token unique
   * to `n` (many users, one URL each); otherwise the given id and token.
   */
  webhookUrl(id: string | number = '1234567890123456789', token = 'a'.repeat(68)): string {
    if (typeof id === 'number') return `http://${this.host}/api/webhooks/${this.webhookId(id)}/${'t'.repeat(60)}${String(id).padStart(8, '0')}`;
    return `http://${this.host}/api/webhooks/${id}/${token}`;
  }

  /** A 19-digit webhook id derived from `n`. */
  webhookId(n: number): string {
    return String(1_100_000_000_000_000_000n + BigInt(n));
  }

  /** The next answers to any webhook, in order; afterwards 200 with a message. */
  respond(...responders: Responder[]): void {
    this.responders.push(...responders);
  }

  /** The next answers for one webhook, in order; then the defaults. */
  script(webhookId: string, ...answers: ScriptedAnswer[]): void {
    this.scripted.set(webhookId, [...(this.scripted.get(webhookId) ?? []), ...answers]);
  }

  /** Always this answer for one webhook (e.g. 404: deleted). */
  always(webhookId: string, answer: ScriptedAnswer): void {
    this.permanent.set(webhookId, answer);
  }

  requestsFor(webhookId: string): DiscordRequest[] {
    return this.requests.filter((r) => r.webhookId === webhookId);
  }

  /** Forgets the requests and every pending answer. */
  reset(): void {
    this.requests.length = 0;
    this.responders = [];
    this.scripted.clear();
    this.permanent.clear();
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(req: IncomingMessage, text: string, res: ServerResponse): void {
    const url = req.url ?? '';
    const webhookId = /\/webhooks\/(\d+)\//.exec(url)?.[1] ?? 'unknown';
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the raw text
    }
    const recorded: DiscordRequest = { method: req.method ?? '', url, headers: req.headers, webhookId, body, status: 0 };
    this.requests.push(recorded);
    res.on('finish', () => (recorded.status = res.statusCode));
    const scripted = this.permanent.get(webhookId) ?? this.scripted.get(webhookId)?.shift();
    const responder =
      (scripted && json(scripted.status, scripted.body ?? {}, scripted.headers)) ??
      this.responders.shift() ??
      json(200, { id: String((this.nextMessageId += 1n)), type: 0 });
    responder(recorded, res);
    if (res.headersSent) recorded.status = res.statusCode;
  }
}
