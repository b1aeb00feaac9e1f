// The whole JobPing stack for the browser tests, on loopback with fresh state: a test
// database, a Redis key prefix, a fake Discord, a job board serving the scraper's demo
// fixture, both APIs, the four stage workers, the scraper, and a web server in front: either
// `vite preview`, as `npm start` serves the app, or the topology that ships — the web image's
// nginx in front of the APIs in production mode.
import { execFile, spawn } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { repoRoot, spawnWorker, stageApps, type WorkerProcess } from '@jobping/pipeline-harness';
import { FakeDiscord, SmtpCatcher, waitFor, type CaughtMail } from '@jobping/testing';
import { freePort, startWebNginx } from '@jobping/edge/testing';
import { createRedis } from '@jobping/redis';
import { createPrismaClient } from '@jobping/db';
import { createPublisher } from '@jobping/streams';

const WEB_DIR = path.join(repoRoot, 'apps', 'web');
const DEMO_BOARD = path.join(repoRoot, 'apps', 'scraper', 'fixtures', 'demo-board.json');

async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

async function answers(url: string): Promise<boolean> {
  try {
    return (await fetch(url)).ok;
  } catch {
    return false;
  }
}

/** Which web server stands in front of the APIs. */
export type Front = 'vite' | 'nginx';

export interface StackOptions {
  front: Front;
  /** Lifetime of access tokens (JWT_ACCESS_TTL_SECONDS); short to see them expire in a test. */
  accessTtlSeconds?: number;
}

export interface Stack {
  front: Front;
  webUrl: string;
  accessTtlSeconds: number;
  /** Lists what the fake Discord received, as JSON (tests run in other processes). */
  inspectUrl: string;
  webhookUrl: string;
  /** A webhook the fake Discord says no longer exists (404). */
  brokenWebhookUrl: string;
  adminEmail: string;
  /** A Lever site the scraper reads from the loopback board server, which answers 404 for it (a board that moved). */
  movedBoard: { type: 'lever'; identifier: string };
  /** Mails auth-api sent to this address (verification, password reset), as the loopback SMTP server caught them. */
  mailsTo(email: string): CaughtMail[];
  /** Makes the account an admin the way an operator does (`pnpm jobping users promote`); it shows from the next session renewal. */
  promote(email: string): Promise<void>;
  /**
   * Stores a new job as the scraper would (researched company, facts given) and publishes it to
   * fan-out, so it reaches the accounts that exist now with their current must-haves.
   */
  postJob(job: PostedJob): Promise<string>;
  stop(): Promise<void>;
}

export interface PostedJob {
  title: string;
  description: string;
  location: string | null;
  workArrangement: 'remote' | 'hybrid' | 'onsite';
  remoteRegion?: string;
}

export async function startStack({ front, accessTtlSeconds = 900 }: StackOptions): Promise<Stack> {
  const id = randomUUID().slice(0, 8);
  const redisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379/15';
  const prefix = `test:web:${id}:`;
  const adminEmail = `admin-${id}@jobping.test`;
  const cleanups: (() => Promise<void>)[] = [];
  const processes: { name: string; stop(): Promise<void>; output(): string; exited: Promise<number | null> }[] = [];

  const stop = async () => {
    await Promise.allSettled(processes.map((p) => p.stop()));
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => {});
  };

  try {
    const db: TestDatabase = await createTestDatabase('web_e2e');
    cleanups.push(() => db.drop());
    cleanups.push(async () => {
      const redis = createRedis(redisUrl, { connectionName: 'web-e2e-cleanup' });
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500);
        if (keys.length > 0) await redis.del(...keys);
        cursor = next;
      } while (cursor !== '0');
      await redis.quit();
    });

    // auth-api's mails (verification, password reset) land here.
    const smtp = await new SmtpCatcher().start();
    cleanups.push(() => smtp.stop());
    const discord = await new FakeDiscord().start();
    cleanups.push(() => discord.stop());
    // Webhook 2 was deleted on Discord's side: it always answers 404 Unknown Webhook.
    discord.always(discord.webhookId(2), { status: 404, body: { message: 'Unknown Webhook', code: 10015 } });
    const inspector = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify(discord.requests));
    });
    const inspectUrl = await listen(inspector);
    cleanups.push(() => new Promise<void>((resolve) => inspector.close(() => resolve())));

    // A loopback job board: the scraper's fixture source reads it over HTTP, like a real board.
    const boardJson = readFileSync(DEMO_BOARD, 'utf8');
    const board = createServer((req, res) => {
      // Anything but the demo board is a board that moved away (the scraper's LEVER_API_BASE
      // points here): every run finds it gone, and source health pauses it.
      const gone = req.url !== '/demo-board.json';
      res.writeHead(gone ? 404 : 200, { 'Content-Type': 'application/json' });
      res.end(gone ? '{"error":"not found"}' : boardJson);
    });
    const boardOrigin = await listen(board);
    const boardUrl = `${boardOrigin}/demo-board.json`;
    cleanups.push(() => new Promise<void>((resolve) => board.close(() => resolve())));
    const tmp = mkdtempSync(path.join(os.tmpdir(), 'jobping-web-e2e-'));
    cleanups.push(async () => rmSync(tmp, { recursive: true, force: true }));
    const sourcesFile = path.join(tmp, 'sources.json');
    writeFileSync(sourcesFile, JSON.stringify({ sources: [{ type: 'fixture', identifier: boardUrl, enabled: true }] }));

    const [authPort, jobsPort, webPort] = [await freePort(), await freePort(), await freePort()];
    const common: Record<string, string> = {
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATABASE_URL: db.url,
      DATABASE_POOL_SIZE: '4',
      REDIS_URL: redisUrl,
      STREAM_KEY_PREFIX: prefix,
      REDIS_KEY_PREFIX: prefix,
      BULLMQ_PREFIX: `${prefix}bull`,
      JWT_SECRET: randomBytes(32).toString('base64'),
      JWT_ACCESS_TTL_SECONDS: String(accessTtlSeconds),
      JOBPING_WEBHOOK_ALLOWED_HOSTS: discord.host,
      LLM_PROVIDER: 'local',
      OPS_PORT: '0',
      STREAM_BLOCK_MS: '500',
      STREAM_RETRY_BASE_MS: '200',
      STREAM_RETRY_MAX_MS: '2000',
      SHUTDOWN_TIMEOUT_MS: '5000',
    };
    const start = (app: Parameters<typeof spawnWorker>[0], env: Record<string, string> = {}): WorkerProcess => {
      const worker = spawnWorker(app, { ...common, ...env });
      processes.push({ name: app, stop: () => worker.stop(5_000), output: worker.output, exited: worker.exited });
      return worker;
    };
    const webUrl = `http://127.0.0.1:${webPort}`;
    // Behind nginx the APIs run as they ship in Docker Compose: production mode (Secure cookies,
    // JSON logs), trusting the one proxy hop in front. Both fronts set PUBLIC_WEB_URL, which
    // auth-api needs to mail verification and reset links (so the mail flows run behind nginx
    // too); the same-host origin check without it is auth-api's own test (auth.test.ts).
    const apiEnv: Record<string, string> = front === 'nginx' ? { NODE_ENV: 'production', TRUST_PROXY: '1' } : {};
    start('auth-api', {
      ...apiEnv,
      AUTH_API_PORT: String(authPort),
      // Every test account comes from 127.0.0.1 (through the web server).
      REGISTRATIONS_PER_CLIENT_PER_HOUR: '10000',
      LOGIN_MAX_FAILURES_PER_CLIENT: '10000',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: String(smtp.port),
      SMTP_TLS: 'none',
      PUBLIC_WEB_URL: webUrl,
    });
    start('jobs-api', { ...apiEnv, JOBS_API_PORT: String(jobsPort) });
    for (const app of stageApps) start(app);
    start('scraper', {
      // Its one source is the loopback board (a fixture source: for tests and the demo only).
      SCRAPE_FIXTURE_SOURCES: 'true',
      SCRAPE_ON_START: 'false',
      // Only "fetch now" runs here: the default schedule (:00 and :30) scraped the board in the
      // middle of whatever test was running then (a new account's threshold preview counted its jobs).
      SCRAPE_CRON: '0 0 1 1 *',
      SCRAPE_SOURCES_FILE: sourcesFile,
      SCRAPE_HOST_INTERVAL_MS: '0',
      SCRAPE_RETRY_BASE_MS: '100',
      LEVER_API_BASE: boardOrigin,
    });

    if (front === 'nginx') {
      const nginx = await startWebNginx({
        repoRoot,
        port: webPort,
        webRoot: path.join(WEB_DIR, 'dist'),
        authApiUrl: `http://127.0.0.1:${authPort}`,
        jobsApiUrl: `http://127.0.0.1:${jobsPort}`,
      });
      processes.push({ name: 'nginx', output: nginx.output, exited: nginx.exited, stop: () => nginx.stop() });
    } else {
      processes.push(startVitePreview(webPort, authPort, jobsPort));
    }

    try {
      await waitFor(
        'auth-api, jobs-api and the web server to answer',
        async () => {
          return (
            (await answers(`http://127.0.0.1:${authPort}/readyz`)) &&
            (await answers(`http://127.0.0.1:${jobsPort}/readyz`)) &&
            (await answers(`${webUrl}/login`))
          );
        },
        { timeoutMs: 60_000, intervalMs: 250 },
      );
    } catch (error) {
      for (const p of processes) process.stderr.write(`--- ${p.name}\n${p.output().slice(-3_000)}\n`);
      throw error;
    }

    return {
      front,
      webUrl,
      accessTtlSeconds,
      inspectUrl,
      webhookUrl: discord.webhookUrl(1),
      brokenWebhookUrl: discord.webhookUrl(2),
      adminEmail,
      mailsTo: (email) => smtp.mailsTo(email),
      movedBoard: { type: 'lever', identifier: 'moved-away' },
      promote: async (email) => {
        const { stdout } = await promisify(execFile)(process.execPath, [path.join(repoRoot, 'apps', 'auth-api', 'dist', 'cli.js'), 'users', 'promote', email], {
          env: { PATH: process.env.PATH ?? '', DATABASE_URL: db.url, LOG_LEVEL: 'warn' },
        });
        if (!stdout.includes(email)) throw new Error(`promote said: ${stdout}`);
      },
      postJob: async (job) => {
        const prisma = createPrismaClient({ databaseUrl: db.url, poolSize: 1 });
        const redis = createRedis(redisUrl, { connectionName: 'web-e2e-post-job' });
        try {
          const company = await prisma.company.upsert({
            where: { normalizedName: 'ledgerly' },
            create: { name: 'Ledgerly', normalizedName: 'ledgerly' },
            update: {},
          });
          const key = randomUUID();
          const row = await prisma.job.create({
            data: {
              source: 'greenhouse',
              sourceId: key,
              url: `https://boards.example/ledgerly/${key}`,
              dedupeKey: key,
              title: job.title,
              description: job.description,
              companyId: company.id,
              companyName: 'Ledgerly',
              location: job.location,
              locations: job.location ? [job.location] : [],
              workArrangement: job.workArrangement,
              remote: job.workArrangement === 'remote',
              remoteRegion: job.remoteRegion ?? null,
              status: 'researched',
            },
          });
          await createPublisher({ redis, keyPrefix: prefix }).publishMany('user-fanout', [{ job_id: row.id }]);
          return row.id;
        } finally {
          await prisma.$disconnect();
          await redis.quit();
        }
      },
      stop: async () => {
        if (process.env.E2E_PRINT_LOGS) for (const p of processes) process.stderr.write(`--- ${p.name}\n${p.output().slice(-5_000)}\n`);
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The built app behind `vite preview`, as `npm start` serves it. */
function startVitePreview(webPort: number, authPort: number, jobsPort: number) {
  const web = spawn(process.execPath, [path.join(WEB_DIR, 'node_modules', 'vite', 'bin', 'vite.js'), 'preview'], {
    cwd: WEB_DIR,
    env: {
      ...process.env,
      WEB_PORT: String(webPort),
      WEB_HOST: '127.0.0.1',
      AUTH_API_URL: `http://127.0.0.1:${authPort}`,
      JOBS_API_URL: `http://127.0.0.1:${jobsPort}`,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let webLog = '';
  web.stdout?.on('data', (c: Buffer) => (webLog += c.toString()));
  web.stderr?.on('data', (c: Buffer) => (webLog += c.toString()));
  const exited = new Promise<number | null>((resolve) => web.once('exit', (code) => resolve(code)));
  return {
    name: 'web',
    output: () => webLog,
    exited,
    stop: async () => {
      if (web.exitCode === null && web.signalCode === null) web.kill('SIGTERM');
      await exited;
    },
  };
}
