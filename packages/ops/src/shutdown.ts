import type { Logger } from '@jobping/logger';

export interface ShutdownOptions {
  logger: Logger;
  /** The whole shutdown must finish within this (default 15 s), else the process exits 1. */
  timeoutMs?: number;
  /** Replaced in tests. */
  exit?: (code: number) => void;
}

export interface Shutdown {
  /** Steps run in the order added: first stop taking work, then close clients. */
  add(name: string, step: () => Promise<void> | void): void;
  /** Runs every step once, then exits 0 when every step succeeded (a requested, clean stop), else 1. */
  run(signal?: NodeJS.Signals): Promise<void>;
  /** Runs on SIGTERM and SIGINT; a second signal exits at once. */
  installSignalHandlers(): void;
}

/** One shutdown registry per process: every part registers its close step, so SIGTERM drains them in one order. */
export function createShutdown({ logger, timeoutMs = 15_000, exit = (code) => process.exit(code) }: ShutdownOptions): Shutdown {
  const steps: { name: string; step: () => Promise<void> | void }[] = [];
  let running: Promise<void> | undefined;

  const run = (signal?: NodeJS.Signals): Promise<void> => {
    running ??= (async () => {
      logger.info('shutting down', { signal });
      const timer = setTimeout(() => {
        logger.error('shutdown timed out; exiting', { timeout_ms: timeoutMs });
        exit(1);
      }, timeoutMs);
      timer.unref();
      let failed = false;
      for (const { name, step } of steps) {
        try {
          await step();
        } catch (error) {
          failed = true;
          logger.error('shutdown step failed', { step: name, error: error instanceof Error ? error.message : String(error) });
        }
      }
      clearTimeout(timer);
      logger.info('shutdown complete');
      // A drain that finished is a clean stop, whatever signal asked for it (orchestrators read 0 as such).
      exit(failed ? 1 : 0);
    })();
    return running;
  };

  return {
    add: (name, step) => void steps.push({ name, step }),
    run,
    installSignalHandlers() {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        process.on(signal, () => {
          if (running) {
            logger.warn('second signal: exiting now', { signal });
            exit(1);
            return;
          }
          void run(signal);
        });
      }
    },
  };
}
