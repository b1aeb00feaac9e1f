import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: unknown;
}

export type Responder = (req: RecordedRequest, res: ServerResponse) => void;

/** A real HTTP server on loopback that stands in for Discord; each test scripts its answers. */
export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  private responders: Responder[] = [];
  private fallback: Responder = (_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ id: '1300000000000000001', type: 0 }));
  };
  private server: Server | undefined;
  port = 0;

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let body: unknown = text;
        try {
          body = JSON.parse(text);
        } catch {
          // keep the raw text
        }
        const recorded = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
        this.requests.push(recorded);
        (this.responders.shift() ?? this.fallback)(recorded, res);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  /** host:port, for the allow-list. */
  get host(): string {
    return `127.0.0.1:${this.port}`;
  }

  webhookUrl(id = '1234567890123456789', token = 'a'.repeat(68)): string {
    return `http://${this.host}/api/webhooks/${id}/${token}`;
  }

  /** The next answers, in order; afterwards 200 with a message. */
  respond(...responders: Responder[]): void {
    this.responders.push(...responders);
  }

  reset(): void {
    this.requests.length = 0;
    this.responders = [];
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Responder =>
  (_req, res) => {
    res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  };
