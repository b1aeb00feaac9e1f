import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { redact } from './env.mjs';
import { note, ok, step, SetupError, warn } from './out.mjs';
import { STATE_DIR } from './paths.mjs';
import { capture, commandExists } from './run.mjs';

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

/** Sends the protocol's cheapest hello and resolves true when the server answers in kind. */
function probe(host, port, hello, isAnswer, timeoutMs = 1_500) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: host.replace(/^\[|\]$/g, ''), port });
    const done = (result) => {
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.on('error', () => done(false));
    socket.on('connect', () => socket.write(hello));
    socket.on('data', (data) => done(isAnswer(data)));
  });
}

// PostgreSQL's SSLRequest: the server answers one byte, 'S' or 'N', before any authentication.
const SSL_REQUEST = Buffer.from([0, 0, 0, 8, 0x04, 0xd2, 0x16, 0x2f]);

const services = {
  postgres: {
    label: 'PostgreSQL',
    envVar: 'DATABASE_URL',
    defaultPort: 5432,
    answers: (host, port) => probe(host, port, SSL_REQUEST, (d) => d[0] === 0x53 || d[0] === 0x4e),
    startLocally: () => {
      if (commandExists('pg_ctlcluster') && existsSync('/etc/postgresql')) {
        for (const version of readdirSync('/etc/postgresql')) {
          const result = capture('pg_ctlcluster', ['--skip-systemctl-redirect', version, 'main', 'start']);
          if (result.status === 0 || /already running/.test(result.output)) return `pg_ctlcluster ${version} main start`;
        }
      }
      if (commandExists('pg_ctl') && process.env.PGDATA) {
        if (capture('pg_ctl', ['start', '-w', '-l', path.join(process.env.PGDATA, 'server.log')]).status === 0) return 'pg_ctl start';
      }
      return null;
    },
    install:
      'Install PostgreSQL 15 or newer and start it (Debian/Ubuntu: sudo apt-get install -y postgresql; macOS: brew install postgresql@16 && brew services start postgresql@16), install Docker, or set DATABASE_URL to a server that runs.',
  },
  redis: {
    label: 'Redis',
    envVar: 'REDIS_URL',
    defaultPort: 6379,
    answers: (host, port) => probe(host, port, 'PING\r\n', (d) => /^(\+PONG|-NOAUTH|-ERR)/.test(d.toString())),
    startLocally: (port) => {
      if (!commandExists('redis-server')) return null;
      const dir = path.join(STATE_DIR, 'redis');
      mkdirSync(dir, { recursive: true });
      const args = ['--daemonize', 'yes', '--bind', '127.0.0.1', '--port', String(port), '--save', '', '--appendonly', 'no', '--dir', dir, '--logfile', path.join(dir, 'redis.log')];
      return capture('redis-server', args).status === 0 ? `redis-server on port ${port} (data in .jobping/redis)` : null;
    },
    install:
      'Install Redis 7 and start it (Debian/Ubuntu: sudo apt-get install -y redis-server; macOS: brew install redis && brew services start redis), install Docker, or set REDIS_URL to a server that runs.',
  },
};

async function waitUntil(check, seconds) {
  for (let i = 0; i < seconds * 4; i += 1) {
    if (await check()) return true;
    await sleep(250);
  }
  return false;
}

function dockerWorks() {
  return commandExists('docker') && capture('docker', ['info'], { timeout: 15_000 }).status === 0;
}

/**
 * Makes sure the service behind `url` answers: as it is; else started from a local install;
 * else with `docker compose up -d`; else stops with what to install.
 */
export async function ensureService(name, url) {
  const service = services[name];
  const { hostname, port: rawPort } = new URL(url);
  const port = Number(rawPort) || service.defaultPort;
  const answers = () => service.answers(hostname, port);
  if (await answers()) {
    ok(`${service.label} answers at ${redact(url)}`);
    return;
  }
  if (LOCAL_HOSTS.has(hostname)) {
    step(`${service.label} does not answer at ${hostname}:${port}; starting it`);
    const how = service.startLocally(port);
    if (how && (await waitUntil(answers, 30))) {
      ok(`started ${service.label} (${how})`);
      return;
    }
    if (how) warn(`${how} ran but ${service.label} still does not answer`);
    if (dockerWorks()) {
      note(`docker compose up -d ${name}`);
      const result = capture('docker', ['compose', 'up', '-d', '--wait', name], { timeout: 180_000 });
      if (result.status === 0 && (await waitUntil(answers, 60))) {
        ok(`started ${service.label} with docker compose`);
        return;
      }
      warn(`docker compose could not start ${name}: ${result.output.split('\n').slice(-3).join(' ')}`);
    }
  }
  throw new SetupError(`${service.label} does not answer at ${redact(url)} (${service.envVar}). ${service.install}`);
}
