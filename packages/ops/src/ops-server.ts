import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from '@jobping/logger';
import type { Registry } from '@jobping/metrics';

/** A readiness check resolves when its dependency answers and rejects (or times out) when not. */
export type ReadinessCheck = () => Promise<void>;
export type ReadinessChecks = Record<string, ReadinessCheck>;

export interface OpsHandlersOptions {
  registry: Registry;
  /** Every check runs on each /readyz; any failure answers 503 naming it. */
  readiness: ReadinessChecks;
  logger: Logger;
  /** A check that has not answered by then counts as failed (default 2000 ms). */
  checkTimeoutMs?: number;
}

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export interface OpsHandlers {
  /** `GET /healthz`: the process is alive. */
  healthz: Handler;
  /** `GET /readyz`: every dependency answers and the process is not shutting down. */
  readyz: Handler;
  /** `GET /metrics`: the registry in Prometheus text format. */
  metrics: Handler;
  /** Once draining, /readyz answers 503 so load balancers stop sending traffic. */
  setDraining(draining: boolean): void;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Cache-Control', 'no-store');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

function withTimeout(check: ReadinessCheck, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  // A check that throws synchronously is a failed check, not a crashed server.
  const run = Promise.resolve().then(check);
  return Promise.race([run, timeout]).finally(() => clearTimeout(timer));
}

/**
 * The three operational endpoints as plain `node:http` handlers, so the HTTP APIs' Express
 * app (@jobping/http-kit) and the bare ops server of the workers answer exactly alike.
 */
export function createOpsHandlers({ registry, readiness, logger, checkTimeoutMs = 2_000 }: OpsHandlersOptions): OpsHandlers {
  let draining = false;
  return {
    setDraining(value) {
      draining = value;
    },
    async healthz(_req, res) {
      sendJson(res, 200, { status: 'ok' });
    },
    async readyz(_req, res) {
      if (draining) {
        sendJson(res, 503, { status: 'not_ready', failing: ['shutting_down'], checks: {} });
        return;
      }
      const names = Object.keys(readiness);
      const results = await Promise.allSettled(names.map((name) => withTimeout(readiness[name] as ReadinessCheck, checkTimeoutMs)));
      const checks: Record<string, 'ok' | 'failed'> = {};
      const failing: string[] = [];
      results.forEach((result, i) => {
        const name = names[i] as string;
        if (result.status === 'fulfilled') {
          checks[name] = 'ok';
        } else {
          checks[name] = 'failed';
          failing.push(name);
          // The reason goes to the log only: it may name hosts or credentials.
          logger.warn('readiness check failed', { check: name, error: String((result.reason as Error)?.message ?? result.reason) });
        }
      });
      if (failing.length > 0) sendJson(res, 503, { status: 'not_ready', failing, checks });
      else sendJson(res, 200, { status: 'ready', checks });
    },
    async metrics(_req, res) {
      const text = await registry.metrics();
      res.statusCode = 200;
      res.setHeader('Content-Type', registry.contentType);
      res.setHeader('Cache-Control', 'no-store');
      res.end(text);
    },
  };
}

export interface OpsServerOptions extends OpsHandlersOptions {
  /** 0 picks a free port (tests). */
  port: number;
  /** Defaults to every interface, which Kubernetes probes need. */
  host?: string;
}

export interface OpsServer {
  /** The port actually bound (useful with port 0). */
  port: number;
  server: Server;
  setDraining(draining: boolean): void;
  /** Stops accepting connections and closes idle keep-alive ones. */
  close(): Promise<void>;
}

/**
 * For stream workers and other processes without an HTTP API: a tiny server answering only
 * `GET /healthz`, `GET /readyz` and `GET /metrics` (anything else: 404 in the usual error shape).
 */
export async function startOpsServer(options: OpsServerOptions): Promise<OpsServer> {
  const handlers = createOpsHandlers(options);
  const routes: Record<string, Handler> = { '/healthz': handlers.healthz, '/readyz': handlers.readyz, '/metrics': handlers.metrics };
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const handler = routes[path];
    if (!handler || (req.method !== 'GET' && req.method !== 'HEAD')) {
      sendJson(res, 404, { error: { code: 'not_found', message: 'Not found.' } });
      return;
    }
    handler(req, res).catch((error: unknown) => {
      options.logger.error('ops endpoint failed', { path, error: error instanceof Error ? error.message : String(error) });
      if (!res.headersSent) sendJson(res, 500, { error: { code: 'internal_error', message: 'Internal server error.' } });
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  options.logger.info('ops server listening', { port });
  return {
    port,
    server,
    setDraining: handlers.setDraining,
    close: () => closeServer(server),
  };
}

/** `server.close()` as a promise that also ends idle keep-alive connections right away. */
export function closeServer(server: Server): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (!server.listening) {
      resolve();
      return;
    }
    server.close((error) => (error ? reject(error) : resolve()));
    server.closeIdleConnections();
  });
}
