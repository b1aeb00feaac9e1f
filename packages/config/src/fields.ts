import { z } from 'zod';

/**
 * Reusable environment fields. Each carries a description that doubles as the
 * "expected …" part of the error message and docs/configuration.md (`pnpm docs:write`).
 */
export const fields = {
  nodeEnv: () =>
    z.enum(['development', 'test', 'production']).default('development').describe('one of development, test, production; production logs JSON'),

  logLevel: () =>
    z
      .enum(['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'])
      .default('info')
      .describe('a winston level: error, warn, info, http, verbose, debug or silly'),

  postgresUrl: () =>
    z
      .url({ protocol: /^postgres(ql)?$/, error: 'not a postgres:// or postgresql:// URL' })
      .describe('a PostgreSQL URL such as postgresql://postgres@127.0.0.1:5432/jobping'),

  redisUrl: () =>
    z
      .url({ protocol: /^rediss?$/, error: 'not a redis:// or rediss:// URL' })
      .describe('a Redis URL such as redis://127.0.0.1:6379/0'),

  port: (fallback: number) =>
    z.coerce
      .number({ error: 'not a number' })
      .int()
      .min(0)
      .max(65_535)
      .default(fallback)
      .describe(`a TCP port from 0 to 65535 (default ${fallback})`),

  positiveInt: (fallback: number, meaning: string) =>
    z.coerce
      .number({ error: 'not a number' })
      .int()
      .positive()
      .default(fallback)
      .describe(`${meaning}: a positive integer (default ${fallback})`),

  /** Shared by every service that touches the stage streams: they must agree. */
  streamKeyPrefix: () =>
    z.string().default('').describe('prefix of every stream key, and of the AI cache and rate-limit keys, to share one Redis between deployments (default none)'),

  /** The APIs' own keys (rate limits): lets tests and several deployments share one Redis. */
  redisKeyPrefix: () =>
    z.string().default('').describe('prefix of the keys this service keeps in Redis (rate limits), to share one Redis between deployments (default none)'),

  /** Shared by jobs-api (producer) and the scraper (worker) of the scrape-runs queue: they must agree. */
  bullmqPrefix: () =>
    z.string().min(1).default('bull').describe('BullMQ key prefix of the scrape-runs queue; jobs-api and the scraper must use the same (default bull)'),

  /** `a, b ,c` → ['a', 'b', 'c'] (empty by default). */
  commaList: (meaning: string) =>
    z
      .string()
      .default('')
      .transform((value) =>
        value
          .split(',')
          .map((entry) => entry.trim())
          .filter(Boolean),
      )
      .describe(meaning),

  /** Express `trust proxy`: false, true, a hop count, or addresses / CIDRs of the proxies in front. */
  trustProxy: () =>
    z
      .string()
      .default('false')
      .transform((value): boolean | number | string => {
        if (value === 'false') return false;
        if (value === 'true') return true;
        return /^\d+$/.test(value) ? Number(value) : value;
      })
      .describe('Express trust proxy: false (default), true, a hop count such as 1, or proxy addresses/CIDRs'),

  flag: (fallback: boolean, meaning: string) =>
    z
      .stringbool({ error: 'not true/false' })
      .default(fallback)
      .describe(`${meaning}: true or false (default ${String(fallback)})`),
} as const;
