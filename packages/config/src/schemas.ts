import { z } from 'zod';
import { fields } from './fields';

/** Every service reads these. */
export const baseEnvSchema = z.object({
  NODE_ENV: fields.nodeEnv(),
  LOG_LEVEL: fields.logLevel(),
});

/** Services that use PostgreSQL. */
export const databaseEnvSchema = z.object({
  DATABASE_URL: fields.postgresUrl(),
  DATABASE_POOL_SIZE: fields.positiveInt(10, 'connections per process in the PostgreSQL pool; keep pool size × replicas under the server\'s max_connections'),
  DATABASE_CONNECT_TIMEOUT_MS: fields.positiveInt(
    5_000,
    'how long to wait for a free pool connection before failing, in ms',
  ),
});

/** Services that use Redis. */
export const redisEnvSchema = z.object({
  REDIS_URL: fields.redisUrl(),
});

export type BaseEnv = z.output<typeof baseEnvSchema>;
export type DatabaseEnv = z.output<typeof databaseEnvSchema>;
export type RedisEnv = z.output<typeof redisEnvSchema>;
