import { describe, expect, it } from '@jest/globals';
import { ConfigError, loadConfig } from '@jobping/config';
import { authApiEnvSchema } from '../src/config';
import { createPasswordHasher, passwordProblem } from '../src/services/passwords';

const env = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/jobping',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
  JWT_SECRET: 's'.repeat(32),
};

describe('configuration', () => {
  it('applies the defaults', () => {
    const config = loadConfig(authApiEnvSchema, env);
    expect(config).toMatchObject({
      AUTH_API_PORT: 3001,
      JWT_ISSUER: 'jobping-auth',
      JWT_AUDIENCE: 'jobping-api',
      ADMIN_EMAILS: [],
      JOBPING_WEBHOOK_ALLOWED_HOSTS: [],
      LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT: 5,
      LOGIN_MAX_FAILURES_PER_CLIENT: 50,
      LOGIN_FAILURE_WINDOW_SECONDS: 900,
      LOGIN_MAX_FAILURES_PER_ACCOUNT: 10,
      LOGIN_ACCOUNT_FAILURE_WINDOW_SECONDS: 60,
      REGISTRATIONS_PER_CLIENT_PER_HOUR: 20,
      REGISTRATIONS_PER_EMAIL_PER_HOUR: 5,
      TRUST_PROXY: false,
      CORS_ORIGINS: [],
    });
  });

  it.each([['missing', undefined], ['31 bytes', 's'.repeat(31)]])('refuses to start with a JWT_SECRET that is %s', (_name, secret) => {
    let error: unknown;
    try {
      loadConfig(authApiEnvSchema, { ...env, JWT_SECRET: secret });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual(['JWT_SECRET']);
    expect((error as ConfigError).message).not.toContain('sss');
  });

  it('normalises ADMIN_EMAILS and parses the lists', () => {
    const config = loadConfig(authApiEnvSchema, {
      ...env,
      ADMIN_EMAILS: ' Boss@Example.com, ops@example.com ',
      JOBPING_WEBHOOK_ALLOWED_HOSTS: '127.0.0.1:4010',
      TRUST_PROXY: '1',
      AUTH_API_PORT: '4001',
    });
    expect(config.ADMIN_EMAILS).toEqual(['boss@example.com', 'ops@example.com']);
    expect(config.JOBPING_WEBHOOK_ALLOWED_HOSTS).toEqual(['127.0.0.1:4010']);
    expect(config.TRUST_PROXY).toBe(1);
    expect(config.AUTH_API_PORT).toBe(4001);
  });

  it.each([
    ['LOGIN_MAX_FAILURES_PER_EMAIL', 'LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_CLIENT'],
    ['LOGIN_MAX_FAILURES_PER_IP', 'LOGIN_MAX_FAILURES_PER_CLIENT'],
    ['REGISTRATIONS_PER_IP_PER_HOUR', 'REGISTRATIONS_PER_CLIENT_PER_HOUR'],
  ])('refuses the renamed %s, naming %s', (old, successor) => {
    let error: unknown;
    try {
      loadConfig(authApiEnvSchema, { ...env, [old]: '10000' });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).variables).toEqual([old]);
    expect((error as ConfigError).message).toContain(`renamed to ${successor}`);
  });

  it('rejects a malformed allow-list', () => {
    expect(() => loadConfig(authApiEnvSchema, { ...env, JOBPING_WEBHOOK_ALLOWED_HOSTS: 'https://evil.example' })).toThrow(ConfigError);
  });
});

describe('passwordProblem', () => {
  it.each([
    ['short', 'Abc123!x'],
    ['common', '1234567890'],
    ['common, any case', 'QwertyUIOP'],
    ['common with suffix', 'football1234!'],
    ['repetitive', 'abababababab'],
  ])('rejects a %s password', (_name, password) => {
    expect(passwordProblem(password, 'someone@example.com')).toBeDefined();
  });

  it('rejects the e-mail local part inside the password', () => {
    expect(passwordProblem('margaret.h-2024-pass', 'margaret.h@example.com')).toMatch(/e-mail/);
  });

  it('accepts a long uncommon passphrase', () => {
    expect(passwordProblem('violet tractor lemon cliff', 'someone@example.com')).toBeUndefined();
  });
});

describe('password hasher', () => {
  it('hashes with argon2id (OWASP parameters) and verifies', async () => {
    const hasher = await createPasswordHasher();
    const hash = await hasher.hash('violet tractor lemon cliff');
    expect(hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(await hasher.verify(hash, 'violet tractor lemon cliff')).toBe(true);
    expect(await hasher.verify(hash, 'violet tractor lemon clif')).toBe(false);
    expect(hasher.needsRehash(hash)).toBe(false);
  });

  it('never accepts a login without an account, and survives a malformed stored hash', async () => {
    const hasher = await createPasswordHasher();
    expect(await hasher.verify(undefined, 'anything at all')).toBe(false);
    expect(await hasher.verify('not-a-hash', 'anything at all')).toBe(false);
    expect(hasher.needsRehash('$argon2id$v=19$m=4096,t=1,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo')).toBe(true);
  });
});
