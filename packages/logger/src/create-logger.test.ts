import { describe, expect, it } from '@jest/globals';
import { PassThrough } from 'node:stream';
import winston from 'winston';
import { createLogger, withLogContext, type LogFormat } from './index';

function capture(format: LogFormat) {
  const stream = new PassThrough();
  const lines: string[] = [];
  stream.on('data', (chunk: Buffer) => lines.push(...chunk.toString('utf8').split('\n').filter(Boolean)));
  const logger = createLogger({ service: 'matcher', format, level: 'debug', transports: [new winston.transports.Stream({ stream })] });
  return { logger, lines };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('createLogger', () => {
  it('writes JSON lines with the service name', async () => {
    const { logger, lines } = capture('json');
    logger.info('scored', { job_id: 'j1', score: 82 });
    await flush();
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line).toMatchObject({ level: 'info', message: 'scored', service: 'matcher', job_id: 'j1', score: 82 });
    expect(typeof line.timestamp).toBe('string');
    expect(line.trace_id).toBeUndefined();
  });

  it('adds the trace id of the surrounding context, across awaits', async () => {
    const { logger, lines } = capture('json');
    await withLogContext({ trace_id: 'trace-123' }, async () => {
      await flush();
      logger.info('inside');
    });
    logger.info('outside');
    await flush();
    expect(JSON.parse(lines[0] ?? '{}').trace_id).toBe('trace-123');
    expect(JSON.parse(lines[1] ?? '{}').trace_id).toBeUndefined();
  });

  it('keeps nested contexts apart and lets inner fields win', async () => {
    const { logger, lines } = capture('json');
    withLogContext({ trace_id: 'outer', stream: 'user-analysis' }, () => {
      withLogContext({ trace_id: 'inner' }, () => logger.info('nested'));
    });
    await flush();
    expect(JSON.parse(lines[0] ?? '{}')).toMatchObject({ trace_id: 'inner', stream: 'user-analysis' });
  });

  it('serialises errors with their stack in JSON', async () => {
    const { logger, lines } = capture('json');
    logger.error(new Error('boom'));
    await flush();
    const line = JSON.parse(lines[0] ?? '{}');
    expect(line.message).toBe('boom');
    expect(line.stack).toContain('Error: boom');
  });

  it('writes readable lines in pretty mode with service and trace id', async () => {
    const { logger, lines } = capture('pretty');
    withLogContext({ trace_id: 'abc' }, () => logger.warn('slow webhook', { ms: 900 }));
    await flush();
    expect(lines[0]).toMatch(/warn.*\[matcher\] trace=abc slow webhook \{"ms":900\}/);
  });

  it('defaults to JSON in production', async () => {
    const stream = new PassThrough();
    const chunks: string[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c.toString()));
    createLogger({ service: 's', nodeEnv: 'production', transports: [new winston.transports.Stream({ stream })] }).info('x');
    await flush();
    expect(() => JSON.parse(chunks.join('').trim())).not.toThrow();
  });
});
