import type { Logger } from '@jobping/logger';

export interface ShutdownOptions {
  logger: Logger;
  /** Hard limit for the whole shutdown; past it the process exits 1. */
  timeoutMs: number;
  signals?: NodeJS.Signals[];
  /** For tests; defaults to process.exit. */
  exit?: (code: number) => void;
}

/**
 * On SIGTERM or SIGINT runs `stop` once (stop reading, finish running work, close
 * connections) and exits 0; exits 1 if it fails or outlasts `timeoutMs`. A second signal
 * while stopping is ignored so an impatient Ctrl-C does not cut the drain short.
 */
export function onShutdownSignal(stop: () => Promise<void>, { logger, timeoutMs, signals = ['SIGTERM', 'SIGINT'], exit = (code) => process.exit(code) }: ShutdownOptions): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info('shutting down', { signal });
    const deadline = setTimeout(() => {
      logger.error('shutdown took too long; exiting', { timeout_ms: timeoutMs });
      exit(1);
    }, timeoutMs);
    deadline.unref();
    stop().then(
      () => {
        clearTimeout(deadline);
        logger.info('shut down cleanly');
        exit(0);
      },
      (error: unknown) => {
        clearTimeout(deadline);
        logger.error('shutdown failed', { error });
        exit(1);
      },
    );
  };
  for (const signal of signals) process.on(signal, handler);
}
