/** The part of a winston logger packages/ai uses; any `@jobping/logger` logger fits. */
export interface AiLogger {
  info(message: string, meta?: Record<string, unknown>): unknown;
  warn(message: string, meta?: Record<string, unknown>): unknown;
  debug(message: string, meta?: Record<string, unknown>): unknown;
}

export const silentLogger: AiLogger = { info: () => undefined, warn: () => undefined, debug: () => undefined };

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, Math.max(0, ms)));
}
