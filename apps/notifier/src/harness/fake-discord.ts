import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface DiscordRequest {
  webhookId: string;
  /** The status the fake answered. */
  status: number;
  body: unknown;
}

export type ScriptedAnswer = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * A real HTTP server on 127.0.0.1 standing in for Discord's webhook API. Each webhook id can
 * be given answers in order (e.g. a 429 first) or a permanent answer (e.g. 404); otherwise it
 * answers 200 with a message id, like `?wait=true`.
 */
export class FakeDiscord {
  readonly requests: DiscordRequest[] = [];
  private readonly scripted = new Map<string, ScriptedAnswer[]>();
  private readonly permanent = new Map<string, ScriptedAnswer>();
  private server: Server | undefined;
  private nextMessageId = 1_300_000_000_000_000_000n;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req.url ?? '', Buffer.concat(chunks).toString('utf8'), res));
    });
    this.server.keepAliveTimeout = 1_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** `host:port` for JOBPING_WEBHOOK_ALLOWED_HOSTS. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** A webhook URL with a 19-digit id derived from `n`. */
  webhookUrl(n: number): string {
    return `http://${this.host}/api/webhooks/${this.webhookId(n)}/${'t'.repeat(60)}${String(n).padStart(8, '0')}`;
  }

  webhookId(n: number): string {
    return String(1_100_000_000_000_000_000n + BigInt(n));
  }

  /** The next answers for one webhook, in order; then 200. */
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

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(url: string, text: string, res: ServerResponse): void {
    const webhookId = /\/webhooks\/(\d+)\//.exec(url)?.[1] ?? 'unknown';
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // keep the raw text
    }
    const queue = this.scripted.get(webhookId);
    const answer: ScriptedAnswer = this.permanent.get(webhookId) ??
      queue?.shift() ?? { status: 200, body: { id: String((this.nextMessageId += 1n)), type: 0 } };
    this.requests.push({ webhookId, status: answer.status, body });
    res.writeHead(answer.status, { 'Content-Type': 'application/json', ...answer.headers });
    res.end(JSON.stringify(answer.body ?? {}));
  }
}
