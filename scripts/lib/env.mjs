import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT, STATE_DIR } from './paths.mjs';

/**
 * A JWT secret for this checkout when none is configured: random, made once, kept in
 * .jobping/ (git-ignored) so sessions survive restarts. Production sets JWT_SECRET itself.
 */
function localJwtSecret() {
  const file = path.join(STATE_DIR, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(STATE_DIR, { recursive: true });
    writeFileSync(file, randomBytes(48).toString('base64'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

/** Local defaults, the same as .env.example: PostgreSQL and Redis on this machine. */
export const LOCAL_DEFAULTS = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/jobping',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};

/**
 * The environment every script and service started from here sees: the shell's variables,
 * then .env (if there is one), then the local defaults.
 */
export function loadEnvironment() {
  const envFile = path.join(ROOT, '.env');
  if (existsSync(envFile)) process.loadEnvFile(envFile);
  for (const [key, value] of Object.entries(LOCAL_DEFAULTS)) {
    if (!process.env[key]) process.env[key] = value;
  }
  if (!process.env.JWT_SECRET) process.env.JWT_SECRET = localJwtSecret();
  // Tests make their own databases on the same server and use their own Redis DB index.
  if (!process.env.TEST_DATABASE_URL) {
    const url = new URL(process.env.DATABASE_URL);
    url.pathname = '/postgres';
    process.env.TEST_DATABASE_URL = url.toString();
  }
  if (!process.env.TEST_REDIS_URL) {
    const url = new URL(process.env.REDIS_URL);
    url.pathname = '/15';
    process.env.TEST_REDIS_URL = url.toString();
  }
  process.env.TURBO_TELEMETRY_DISABLED = '1';
  process.env.DO_NOT_TRACK = '1';
  return process.env;
}

/** The URL without its password, for printing. */
export function redact(url) {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(not a URL)';
  }
}
