import type { AiLogger } from '../../src/index';

export interface LogLine {
  level: string;
  message: string;
  meta: Record<string, unknown>;
}

/** A logger that keeps what it is told, so a test can check what was logged. */
export function recordingLogger(): AiLogger & { lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at = (level: string) => (message: string, meta: Record<string, unknown> = {}) => {
    lines.push({ level, message, meta });
  };
  return { lines, info: at('info'), warn: at('warn'), debug: at('debug') };
}
