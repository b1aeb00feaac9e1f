import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields added to every log line written while a unit of work runs (trace id, message id, …). */
export type LogContext = Readonly<Record<string, string | number | undefined>> & { trace_id?: string };

const storage = new AsyncLocalStorage<LogContext>();

/** Runs `fn` with `context` merged into the current one; every line logged inside carries it. */
export function withLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

export function currentLogContext(): LogContext | undefined {
  return storage.getStore();
}
