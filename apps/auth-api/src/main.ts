import { loadConfigOrExit } from '@jobping/config';
import { createPrismaClientFromConfig } from '@jobping/db';
import { startHttpServer } from '@jobping/http-kit';
import { createShutdown } from '@jobping/ops';
import { createLogger } from '@jobping/logger';
import { createMetricsRegistry } from '@jobping/metrics';
import { createRedis } from '@jobping/redis';
import { createApp } from './app';
import { authApiEnvSchema } from './config';
import { createPasswordHasher } from './services/passwords';

const SERVICE = 'auth-api';

/** Wiring only: configuration, logger, clients, the app, and shutdown. */
async function main(): Promise<void> {
  const config = loadConfigOrExit(authApiEnvSchema);
  const logger = createLogger({ service: SERVICE, level: config.LOG_LEVEL, nodeEnv: config.NODE_ENV });
  const shutdown = createShutdown({ logger });
  shutdown.installSignalHandlers();

  const prisma = createPrismaClientFromConfig(config);
  const redis = createRedis(config.REDIS_URL, { connectionName: SERVICE, keyPrefix: config.REDIS_KEY_PREFIX });
  redis.on('error', (error: Error) => logger.warn('redis error', { error: error.message }));
  const registry = createMetricsRegistry(SERVICE);
  const passwords = await createPasswordHasher();

  const { app, setDraining } = createApp({ config, logger, prisma, redis, registry, passwords });
  const server = await startHttpServer(app, { port: config.AUTH_API_PORT, logger });

  shutdown.add('stop taking traffic', () => setDraining(true));
  shutdown.add('http server', () => server.close(10_000));
  shutdown.add('redis', async () => void (await redis.quit()));
  shutdown.add('database', () => prisma.$disconnect());
}

main().catch((error: unknown) => {
  process.stderr.write(`auth-api failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
