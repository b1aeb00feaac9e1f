export { createLogger } from './create-logger';
export type { CreateLoggerOptions, LogFormat, Logger } from './create-logger';
export { currentLogContext, withLogContext } from './log-context';
export type { LogContext } from './log-context';
