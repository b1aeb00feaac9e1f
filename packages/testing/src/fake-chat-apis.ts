import type { IncomingMessage, ServerResponse } from 'node:http';
import { listenOnLoopback, sendJson } from './loopback';

/** One request a fake received: its path and JSON body (or raw text), and the raw body for signatures. */
export interface ReceivedPost {
  path: string;
  headers: IncomingMessage['headers'];
  body: unknown;
  raw: string;
  status: number;
}

export interface FakeAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A scripted HTTP receiver on 127.0.0.1: per key (a bot token, a webhook path) a permanent
 * answer (`always`) or the next scripted ones (`script`), else the fake's success answer.
 */
abstract class ScriptedReceiver {
  readonly received: ReceivedPost[] = [];
  private readonly scripted = new Map<string, FakeAnswer[]>();
  private readonly permanent = new Map<string, FakeAnswer>();
  private server: { url: string; port: number; close(): Promise<void> } | undefined;

  async start(): Promise<this> {
    this.server = await listenOnLoopback((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => this.answer(req, Buffer.concat(chunks).toString('utf8'), res));
    });
    return this;
  }

  /** `http://127.0.0.1:<port>`. */
  get url(): string {
    if (!this.server) throw new Error('start() the fake first');
    return this.server.url;
  }

  /** `127.0.0.1:<port>`, for JOBPING_WEBHOOK_ALLOWED_HOSTS. */
  get host(): string {
    return this.url.replace(/^http:\/\//, '');
  }

  script(key: string, ...answers: FakeAnswer[]): void {
    this.scripted.set(key, [...(this.scripted.get(key) ?? []), ...answers]);
  }

  always(key: string, answer: FakeAnswer): void {
    this.permanent.set(key, answer);
  }

  reset(): void {
    this.received.length = 0;
    this.scripted.clear();
    this.permanent.clear();
  }

  async stop(): Promise<void> {
    await this.server?.close();
  }

  protected abstract keyOf(path: string): string;
  protected abstract success(post: ReceivedPost, res: ServerResponse): void;

  private answer(req: IncomingMessage, raw: string, res: ServerResponse): void {
    const path = req.url ?? '';
    let body: unknown = raw;
    try {
      body = JSON.parse(raw);
    } catch {
      // keep the raw text
    }
    const post: ReceivedPost = { path, headers: req.headers, body, raw, status: 0 };
    this.received.push(post);
    res.on('finish', () => (post.status = res.statusCode));
    const key = this.keyOf(path);
    const scripted = this.permanent.get(key) ?? this.scripted.get(key)?.shift();
    if (!scripted) this.success(post, res);
    else if (typeof scripted.body === 'string') {
      res.writeHead(scripted.status, { 'content-type': 'text/plain', ...scripted.headers });
      res.end(scripted.body);
    } else sendJson(res, scripted.status, scripted.body ?? {}, scripted.headers);
    // Answered synchronously: the status is known now, before the caller reads the answer.
    if (res.headersSent) post.status = res.statusCode;
  }
}

/**
 * The Telegram Bot API's sendMessage on loopback (TELEGRAM_API_BASE = `url`). Keys are bot
 * tokens: `revoke(token)` answers 401 like a revoked bot, `rateLimit(token, s)` one 429 with
 * `parameters.retry_after`.
 */
export class FakeTelegram extends ScriptedReceiver {
  private nextMessageId = 1;

  /** A well-formed bot token unique to `n`. */
  token(n: number): string {
    return `${100000 + n}:AAF${'x'.repeat(28)}${String(n).padStart(6, '0')}`;
  }

  messagesFor(token: string): { chat_id: unknown; text: string }[] {
    return this.received.filter((p) => p.path === `/bot${token}/sendMessage` && p.status === 200).map((p) => p.body as { chat_id: unknown; text: string });
  }

  revoke(token: string): void {
    this.always(token, { status: 401, body: { ok: false, error_code: 401, description: 'Unauthorized' } });
  }

  rateLimit(token: string, retryAfterSeconds: number): void {
    this.script(token, { status: 429, body: { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retryAfterSeconds}`, parameters: { retry_after: retryAfterSeconds } } });
  }

  protected keyOf(path: string): string {
    return /^\/bot([^/]+)\//.exec(path)?.[1] ?? 'unknown';
  }

  protected success(post: ReceivedPost, res: ServerResponse): void {
    if (!/^\/bot[^/]+\/sendMessage$/.test(post.path)) {
      sendJson(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
      return;
    }
    const body = post.body as { chat_id?: unknown; text?: unknown };
    sendJson(res, 200, { ok: true, result: { message_id: this.nextMessageId++, chat: { id: body.chat_id }, text: body.text } });
  }
}

/** Slack incoming webhooks on loopback: `webhookUrl(n)` is one hook; keys are the hook paths. Success is 200 `ok`. */
export class FakeSlack extends ScriptedReceiver {
  webhookPath(n: number): string {
    return `/services/T0000000${n}/B0000000${n}/${'s'.repeat(16)}${String(n).padStart(8, '0')}`;
  }

  webhookUrl(n: number): string {
    return `${this.url}${this.webhookPath(n)}`;
  }

  postsTo(n: number): ReceivedPost[] {
    return this.received.filter((p) => p.path === this.webhookPath(n));
  }

  /** Slack's answer for a removed hook. */
  remove(n: number): void {
    this.always(this.webhookPath(n), { status: 404, body: 'no_service' });
  }

  protected keyOf(path: string): string {
    return path;
  }

  protected success(_post: ReceivedPost, res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  }
}

/** Any webhook receiver on loopback (the generic webhook channel): keys are paths; success is 204. */
export class FakeWebhookReceiver extends ScriptedReceiver {
  endpoint(path = '/hooks/jobping'): string {
    return `${this.url}${path}`;
  }

  protected keyOf(path: string): string {
    return path;
  }

  protected success(_post: ReceivedPost, res: ServerResponse): void {
    res.writeHead(204);
    res.end();
  }
}
