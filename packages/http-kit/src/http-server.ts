import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Express } from 'express';
import type { Logger } from '@jobping/logger';

export interface StartedServer {
  server: Server;
  port: number;
  /** Stops accepting, lets in-flight requests finish (up to `graceMs`), then drops what is left. */
  close(graceMs?: number): Promise<void>;
}

/** Listens on `port` (0 = any free one) and resolves once bound. */
export async function startHttpServer(app: Express, { port, host, logger }: { port: number; host?: string; logger: Logger }): Promise<StartedServer> {
  const server = await new Promise<Server>((resolve, reject) => {
    const done = (error?: Error) => (error ? reject(error) : resolve(s));
    // Without a host Node picks every interface (IPv6 and IPv4 where available).
    const s = host === undefined ? app.listen(port, done) : app.listen(port, host, done);
  });
  // Longer than typical load-balancer idle timeouts, so they close first.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  server.requestTimeout = 30_000;
  const bound = (server.address() as AddressInfo).port;
  logger.info('http server listening', { port: bound });
  return {
    server,
    port: bound,
    close: (graceMs = 10_000) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => server.closeAllConnections(), graceMs);
        timer.unref();
        server.close((error) => {
          clearTimeout(timer);
          if (error && (error as NodeJS.ErrnoException).code !== 'ERR_SERVER_NOT_RUNNING') reject(error);
          else resolve();
        });
        server.closeIdleConnections();
      }),
  };
}
