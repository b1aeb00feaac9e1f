import { randomBytes } from 'node:crypto';
import { PassThrough } from 'node:stream';
import { loadConfig } from '@jobping/config';
import { createPrismaClient, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createLogger } from '@jobping/logger';
import { createMetricsRegistry } from '@jobping/metrics';
import { createRedis, type Redis } from '@jobping/redis';
import { FakeDiscord, deleteKeys, listenOnLoopback, testRedisUrl, uniqueKeyPrefix } from '@jobping/testing';
import { parse as parseSetCookie, type Cookie } from 'set-cookie-parser';
import request from 'supertest';
import winston from 'winston';
import { createApp } from '../src/app';
import { authApiEnvSchema, type AuthApiConfig } from '../src/config';
import { createPasswordHasher, type PasswordHasher } from '../src/services/passwords';

export interface TestContext {
  app: ReturnType<typeof createApp>['app'];
  openapi: Record<string, unknown>;
  config: AuthApiConfig;
  /** The test database, for processes started by the test (the CLI). */
  databaseUrl: string;
  prisma: PrismaClient;
  redis: Redis;
  discord: FakeDiscord;
  /** Another app instance on the same database and Redis: a second replica. */
  replica(): ReturnType<typeof createApp>['app'];
  close(): Promise<void>;
}

let hasher: Promise<PasswordHasher> | undefined;

/**
 * auth-api on a fresh migrated database, a unique Redis key prefix and a loopback Discord
 * stand-in. Call `close()` in afterAll: it drops the database and deletes the keys.
 */
export async function startTestApp(label: string, env: Record<string, string> = {}, options: { now?: () => Date } = {}): Promise<TestContext> {
  const database: TestDatabase = await createTestDatabase(label);
  const discord = await new FakeDiscord().start();
  const keyPrefix = uniqueKeyPrefix('auth-api');
  const config = loadConfig(authApiEnvSchema, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'error',
    DATABASE_URL: database.url,
    DATABASE_POOL_SIZE: '4',
    REDIS_URL: testRedisUrl(),
    JWT_SECRET: randomBytes(32).toString('base64'),
    ADMIN_EMAILS: 'Boss@Example.com',
    JOBPING_WEBHOOK_ALLOWED_HOSTS: discord.host,
    REGISTRATIONS_PER_CLIENT_PER_HOUR: '1000',
    REGISTRATIONS_PER_EMAIL_PER_HOUR: '1000',
    ...env,
  });
  const prisma = createPrismaClient({ databaseUrl: database.url, poolSize: 4 });
  const redis = createRedis(testRedisUrl(), { connectionName: `auth-api-test-${label}`, keyPrefix });
  const logger = createLogger({ service: 'auth-api-test', level: 'error', transports: [new winston.transports.Stream({ stream: new PassThrough() })] });
  hasher ??= createPasswordHasher();
  const passwords = await hasher;
  const build = () => createApp({ config, logger, prisma, redis, registry: createMetricsRegistry('auth-api', { defaultMetrics: false }), passwords, ...options });
  const { app, openapi } = build();

  return {
    app,
    openapi,
    config,
    databaseUrl: database.url,
    prisma,
    redis,
    discord,
    replica: () => build().app,
    async close() {
      // A client without the key prefix: it would be added to the keys SCAN returns.
      const cleaner = createRedis(testRedisUrl(), { connectionName: 'auth-api-test-cleanup' });
      await deleteKeys(cleaner, keyPrefix);
      await cleaner.quit();
      await redis.quit();
      await prisma.$disconnect();
      await discord.stop();
      await database.drop();
    },
  };
}

/** The app on a real loopback port (port 0), for tests that need true concurrency rather than supertest's one-off servers. */
export const listen = (app: TestContext['app']) => listenOnLoopback(app);

let counter = 0;
/** A unique e-mail per call. */
export const newEmail = (name = 'user') => `${name}.${Date.now().toString(36)}.${(counter += 1)}@example.com`;
export const PASSWORD = 'correct horse battery staple';

export interface Session {
  user: { id: string; email: string; role: string; email_verified: boolean };
  access_token: string;
  /** Read from the `jobping_refresh` cookie of the answer (never in its body). */
  refresh_token: string;
}

/** The Set-Cookie headers of an answer, parsed. */
export const setCookies = (res: request.Response): Cookie[] => parseSetCookie((res.headers['set-cookie'] as unknown as string[] | undefined) ?? []);

/** The refresh token an answer set as its cookie. */
export function refreshCookieOf(res: request.Response): string {
  const cookie = setCookies(res).find((c) => c.name === 'jobping_refresh' && c.value !== '');
  if (!cookie) throw new Error(`no jobping_refresh cookie in ${res.status} ${JSON.stringify(res.headers['set-cookie'])}`);
  return cookie.value;
}

/** The answer body with the refresh token from its cookie, as the tests use a session. */
export const sessionOf = (res: request.Response): Session => ({ ...(res.body as Omit<Session, 'refresh_token'>), refresh_token: refreshCookieOf(res) });

export async function register(app: TestContext['app'], email = newEmail(), password = PASSWORD): Promise<Session> {
  const res = await request(app).post('/api/register').send({ email, password });
  if (res.status !== 201) throw new Error(`register failed: ${res.status} ${JSON.stringify(res.body)}`);
  return sessionOf(res);
}

export async function login(app: TestContext['app'], email: string, password = PASSWORD): Promise<Session> {
  const res = await request(app).post('/api/login').send({ email, password });
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return sessionOf(res);
}

/** POST /api/token/refresh as a browser sends it: the cookie, and `{}` as JSON. */
export const refresh = (app: TestContext['app'], token: string) =>
  request(app).post('/api/token/refresh').set('Cookie', `jobping_refresh=${token}`).send({});

/** POST /api/logout as a browser sends it. */
export const logout = (app: TestContext['app'], token: string | undefined, body: object = {}) => {
  const req = request(app).post('/api/logout');
  if (token) req.set('Cookie', `jobping_refresh=${token}`);
  return req.send(body);
};

export const bearer = (session: { access_token: string }) => `Bearer ${session.access_token}`;
