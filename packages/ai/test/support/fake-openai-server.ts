import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** What the fake server answers to one request. */
export interface FakeReply {
  status?: number;
  headers?: Record<string, string>;
  /** A JSON body (serialised) or a raw string body. */
  body?: unknown;
  /** Never answer (for timeouts); the socket is closed when the server closes. */
  hang?: boolean;
  /** Answer after this many ms. */
  delayMs?: number;
}

export interface RecordedRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
  body: {
    model?: string;
    messages?: { role: string; content: string }[];
    response_format?: { type: string; json_schema?: { name: string; strict?: boolean; schema: unknown } };
    max_completion_tokens?: number;
  };
}

/** A chat-completions response whose assistant message is `content`. */
export function completion(content: string, usage = { prompt_tokens: 120, completion_tokens: 40 }): FakeReply {
  return {
    status: 200,
    body: {
      id: `chatcmpl-${Math.random().toString(36).slice(2)}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: 'fake-model',
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
      usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
    },
  };
}

export const validMatch = {
  score: 82,
  analysis: {
    explanation: 'A senior TypeScript backend role, remote in the EU, paying above the minimum.',
    pros: ['Senior backend role in TypeScript', 'Remote within the EU'],
    cons: ['On-call one week in six'],
    recommendation: 'apply',
  },
};

export const validCompany = {
  size: 'about 140 people',
  culture: 'Remote-first, code review on every change.',
  funding: 'Series B',
  tech_stack: ['TypeScript', 'PostgreSQL'],
  red_flags: [],
  green_flags: ['Publishes salary ranges'],
  summary: 'Invoicing software for European small businesses.',
};

export function errorReply(status: number, headers: Record<string, string> = {}): FakeReply {
  return { status, headers, body: { error: { message: `fake ${status}`, type: 'fake_error', code: null, param: null } } };
}

/**
 * An OpenAI-compatible HTTP server on 127.0.0.1, port 0: it answers `POST /v1/chat/completions`
 * with `responder`'s reply when one is set, else the scripted replies in order (then
 * `fallback`), and records every request it received.
 */
export class FakeOpenAiServer {
  readonly requests: RecordedRequest[] = [];
  fallback: FakeReply = completion(JSON.stringify(validMatch));
  /** Answers from the request itself (for concurrent callers, whose order is not fixed). */
  responder: ((request: RecordedRequest) => FakeReply) | null = null;
  private readonly script: FakeReply[] = [];

  private constructor(private readonly server: http.Server) {}

  static async start(): Promise<FakeOpenAiServer> {
    let instance: FakeOpenAiServer | null = null;
    const server = http.createServer((req, res) => {
      void instance?.handle(req, res);
    });
    instance = new FakeOpenAiServer(server);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return instance;
  }

  get baseURL(): string {
    const { port } = this.server.address() as AddressInfo;
    return `http://127.0.0.1:${port}/v1`;
  }

  /** Replies for the next requests, in order. */
  reply(...replies: FakeReply[]): void {
    this.script.push(...replies);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    const request: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: text ? JSON.parse(text) : {} };
    this.requests.push(request);
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found' } }));
      return;
    }
    const reply = this.responder?.(request) ?? this.script.shift() ?? this.fallback;
    if (reply.hang) return;
    if (reply.delayMs) await new Promise((resolve) => setTimeout(resolve, reply.delayMs));
    const body = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? {});
    res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers }).end(body);
  }
}
