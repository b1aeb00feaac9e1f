import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import { createLogger } from '@jobping/logger';
import { Counter, createMetricsRegistry } from '@jobping/metrics';
import winston from 'winston';
import { createShutdown, startOpsServer } from '../src/index';

function captureLogger() {
  const stream = new PassThrough();
  const lines: Record<string, unknown>[] = [];
  stream.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString('utf8').split('\n').filter(Boolean)) lines.push(JSON.parse(line) as Record<string, unknown>);
  });
  const logger = createLogger({ service: 'ops-test', format: 'json', level: 'debug', transports: [new winston.transports.Stream({ stream })] });
  return { logger, lines };
}

describe('startOpsServer', () => {
  const { logger } = captureLogger();
  let ops: Awaited<ReturnType<typeof startOpsServer>>;

  beforeAll(async () => {
    const registry = createMetricsRegistry('worker-test', { defaultMetrics: false });
    new Counter({ name: 'worker_messages_total', help: 'x', registers: [registry] }).inc(3);
    ops = await startOpsServer({
      port: 0,
      host: '127.0.0.1',
      registry,
      logger,
      readiness: {
        database: async () => undefined,
        redis: async () => {
          throw new Error('down');
        },
        hangs: () => new Promise<void>((resolve) => setTimeout(resolve, 60_000).unref()),
      },
      checkTimeoutMs: 100,
    });
  });
  afterAll(async () => ops.close());

  const get = (path: string) => fetch(`http://127.0.0.1:${ops.port}${path}`);

  it('answers /healthz', async () => {
    const res = await get('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('runs every readiness check and names the failing ones (errors and timeouts)', async () => {
    const res = await get('/readyz');
    expect(res.status).toBe(503);
    const body = (await res.json()) as { failing: string[]; checks: Record<string, string> };
    expect(body.failing.sort()).toEqual(['hangs', 'redis']);
    expect(body.checks.database).toBe('ok');
    expect(JSON.stringify(body)).not.toContain('down');
  });

  it('serves the given registry at /metrics', async () => {
    const res = await get('/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/plain');
    expect(await res.text()).toContain('worker_messages_total{service="worker-test"} 3');
  });

  it('answers anything else with 404 in the error shape', async () => {
    const res = await get('/api/jobs');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: { code: 'not_found', message: 'Not found.' } });
  });

  it('reports ready once every check passes', async () => {
    const server = await startOpsServer({ port: 0, host: '127.0.0.1', registry: createMetricsRegistry('worker-test', { defaultMetrics: false }), logger, readiness: { redis: async () => undefined } });
    const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', checks: { redis: 'ok' } });
    await server.close();
  });
});

describe('createShutdown', () => {
  it('runs the steps in order once, keeps going past a failing one, exits 1 after a failure and 0 after a clean drain', async () => {
    const { logger } = captureLogger();
    const order: string[] = [];
    const codes: number[] = [];
    const shutdown = createShutdown({ logger, exit: (code) => codes.push(code) });
    shutdown.add('server', async () => void order.push('server'));
    shutdown.add('broken', () => {
      throw new Error('x');
    });
    shutdown.add('redis', async () => void order.push('redis'));
    await Promise.all([shutdown.run('SIGTERM'), shutdown.run('SIGTERM')]);
    expect(order).toEqual(['server', 'redis']);
    expect(codes).toEqual([1]);

    const clean = createShutdown({ logger, exit: (code) => codes.push(code) });
    clean.add('server', () => undefined);
    await clean.run('SIGTERM');
    expect(codes).toEqual([1, 0]);
  });
});
