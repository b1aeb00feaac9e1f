import { createSmtpTransport } from '@jobping/channels';
import type { PrismaClient } from '@jobping/db';
import { DiscordWebhookClient } from '@jobping/discord';
import { createHttpApp, jwtSettingsFromConfig, type HttpApp } from '@jobping/http-kit';
import type { Logger } from '@jobping/logger';
import { Counter, type MetricsRegistry } from '@jobping/metrics';
import type { Redis } from '@jobping/redis';
import type { AuthApiConfig } from './config';
import { AUTH_API_OPENAPI_INFO } from './openapi';
import { authApiRoutes } from './routes';
import { AccountLinks } from './services/account-links';
import { AccountService } from './services/accounts';
import { UserControlsService } from './services/user-controls';
import type { PasswordHasher } from './services/passwords';
import { Throttle } from './services/throttle';
import { TokenService } from './services/tokens';

export interface AuthApiDeps {
  config: AuthApiConfig;
  logger: Logger;
  prisma: PrismaClient;
  redis: Redis;
  registry: MetricsRegistry;
  passwords: PasswordHasher;
  /** Defaults to a client allowing the configured extra webhook hosts. */
  discord?: DiscordWebhookClient;
  /** The clock of account links (tests set it). */
  now?: () => Date;
}

/** auth-api as an Express app (no port): main.ts listens, tests use supertest. */
export function createApp(deps: AuthApiDeps): HttpApp {
  const { config, logger, prisma, redis, registry } = deps;
  const jwt = jwtSettingsFromConfig(config);
  const tokens = new TokenService({ prisma, jwt, refreshTtlDays: config.REFRESH_TOKEN_TTL_DAYS, reuseGraceSeconds: config.REFRESH_REUSE_GRACE_SECONDS });
  const throttle = new Throttle({
    redis,
    login: {
      perAccountAndClient: config.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT,
      perClient: config.LOGIN_MAX_FAILURES_PER_CLIENT,
      windowSeconds: config.LOGIN_FAILURE_WINDOW_SECONDS,
      perAccount: config.LOGIN_MAX_FAILURES_PER_ACCOUNT,
      accountWindowSeconds: config.LOGIN_ACCOUNT_FAILURE_WINDOW_SECONDS,
    },
    registrationsPerClientPerHour: config.REGISTRATIONS_PER_CLIENT_PER_HOUR,
    registrationsPerEmailPerHour: config.REGISTRATIONS_PER_EMAIL_PER_HOUR,
  });
  const discord =
    deps.discord ?? new DiscordWebhookClient({ policy: { extraAllowedHosts: config.JOBPING_WEBHOOK_ALLOWED_HOSTS }, logger, timeoutMs: 10_000 });
  const links = new AccountLinks({
    prisma,
    passwords: deps.passwords,
    tokens,
    logger,
    mailer: config.SMTP_HOST ? createSmtpTransport(config) : undefined,
    mailFrom: config.MAIL_FROM,
    publicWebUrl: config.PUBLIC_WEB_URL,
    verificationTtlHours: config.EMAIL_VERIFICATION_TTL_HOURS,
    resetTtlMinutes: config.PASSWORD_RESET_TTL_MINUTES,
    ...(deps.now ? { now: deps.now } : {}),
  });
  const accounts = new AccountService({
    links,
    prisma,
    passwords: deps.passwords,
    tokens,
    throttle,
    discord,
    logger,
    adminEmails: config.ADMIN_EMAILS,
    webhookAllowedHosts: config.JOBPING_WEBHOOK_ALLOWED_HOSTS,
    provisionalTtlDays: config.PROVISIONAL_ACCOUNT_TTL_DAYS,
  });

  const logins =
    (registry.getSingleMetric('auth_login_attempts_total') as Counter<'outcome'> | undefined) ??
    new Counter({ name: 'auth_login_attempts_total', help: 'Login attempts by outcome', labelNames: ['outcome'], registers: [registry] });

  return createHttpApp({
    logger,
    registry,
    readiness: {
      database: async () => void (await prisma.$queryRaw`SELECT 1`),
      redis: async () => void (await redis.ping()),
    },
    routes: authApiRoutes(accounts, links, throttle, {
      cookie: { alwaysSecure: config.NODE_ENV === 'production' },
      origins: { publicOrigin: config.PUBLIC_WEB_URL && new URL(config.PUBLIC_WEB_URL).origin, otherOrigins: config.CORS_ORIGINS },
      onLogin: (outcome) => logins.inc({ outcome }),
    }, new UserControlsService(prisma)),
    jwt,
    jsonLimit: '16kb',
    trustProxy: config.TRUST_PROXY,
    corsOrigins: config.CORS_ORIGINS,
    openapi: AUTH_API_OPENAPI_INFO,
  });
}
