import winston from 'winston';
import { currentLogContext } from './log-context';

export type Logger = winston.Logger;
export type LogFormat = 'json' | 'pretty';

export interface CreateLoggerOptions {
  /** Name of the service, on every line as `service`. */
  service: string;
  level?: string;
  /** Defaults to `json` in production and `pretty` elsewhere. */
  format?: LogFormat;
  nodeEnv?: string;
  /** Where lines go; stdout by default. Tests pass a stream transport. */
  transports?: winston.transport[];
}

const addContext = winston.format((info) => {
  const context = currentLogContext();
  if (context) {
    for (const [key, value] of Object.entries(context)) {
      if (value !== undefined && info[key] === undefined) info[key] = value;
    }
  }
  return info;
});

const pretty = winston.format.printf((info) => {
  const { timestamp, level, message, service, trace_id, stack, ...rest } = info;
  const trace = trace_id ? ` trace=${String(trace_id)}` : '';
  const meta = Object.keys(rest).length > 0 ? ` ${JSON.stringify(rest)}` : '';
  const body = typeof stack === 'string' ? `${String(message)}\n${stack}` : String(message);
  return `${String(timestamp)} ${level} [${String(service)}]${trace} ${body}${meta}`;
});

export function createLogger(options: CreateLoggerOptions): Logger {
  const format = options.format ?? (options.nodeEnv === 'production' ? 'json' : 'pretty');
  return winston.createLogger({
    level: options.level ?? 'info',
    defaultMeta: { service: options.service },
    format: winston.format.combine(
      winston.format.errors({ stack: true }),
      addContext(),
      winston.format.timestamp(),
      format === 'json' ? winston.format.json() : winston.format.combine(winston.format.colorize(), pretty),
    ),
    transports: options.transports ?? [new winston.transports.Console()],
  });
}
