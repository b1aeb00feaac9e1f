import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, baseEnvSchema, databaseEnvSchema, fixtureSourcesEnvSchema, loadConfig, redisEnvSchema, refuseFixtureSourcesInProduction } from './index';

const serviceSchema = baseEnvSchema.extend(databaseEnvSchema.shape).extend(redisEnvSchema.shape);
const valid = {
  DATABASE_URL: 'postgresql://postgres@127.0.0.1:5432/jobping',
  REDIS_URL: 'redis://127.0.0.1:6379/0',
};

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('parses a valid environment and applies defaults', () => {
    const config = loadConfig(serviceSchema, { ...valid, DATABASE_POOL_SIZE: '4' });
    expect(config).toEqual({
      NODE_ENV: 'development',
      LOG_LEVEL: 'info',
      DATABASE_URL: valid.DATABASE_URL,
      DATABASE_POOL_SIZE: 4,
      DATABASE_CONNECT_TIMEOUT_MS: 5000,
      REDIS_URL: valid.REDIS_URL,
    });
  });

  it('rejects a malformed REDIS_URL with one line naming it and what is expected', () => {
    const error = errorOf(() => loadConfig(serviceSchema, { ...valid, REDIS_URL: 'localhost:6379' }));
    expect(error.variables).toEqual(['REDIS_URL']);
    expect(error.message).toMatch(/^Invalid configuration: REDIS_URL is invalid/);
    expect(error.message).toContain('expected a Redis URL such as redis://');
    expect(error.message).not.toContain('\n');
  });

  it('rejects a non-redis scheme for REDIS_URL', () => {
    const error = errorOf(() => loadConfig(serviceSchema, { ...valid, REDIS_URL: 'http://127.0.0.1:6379' }));
    expect(error.variables).toEqual(['REDIS_URL']);
  });

  it('names a missing variable as missing', () => {
    const error = errorOf(() => loadConfig(serviceSchema, { REDIS_URL: valid.REDIS_URL }));
    expect(error.variables).toEqual(['DATABASE_URL']);
    expect(error.message).toContain('DATABASE_URL is missing: expected a PostgreSQL URL');
  });

  it('treats an empty value as unset and reports every broken variable', () => {
    const error = errorOf(() =>
      loadConfig(serviceSchema, { DATABASE_URL: '', REDIS_URL: 'nope', DATABASE_POOL_SIZE: 'many', LOG_LEVEL: 'loud' }),
    );
    expect([...error.variables].sort()).toEqual(['DATABASE_POOL_SIZE', 'DATABASE_URL', 'LOG_LEVEL', 'REDIS_URL']);
  });

  it('never echoes the rejected value, which may be a secret', () => {
    const error = errorOf(() =>
      loadConfig(serviceSchema, { ...valid, DATABASE_URL: 'mysql://admin:hunter2-secret@db/x' }),
    );
    expect(error.message).not.toContain('hunter2-secret');
  });

  it('works with a service schema that adds its own fields', () => {
    const schema = baseEnvSchema.extend({ FEATURE: z.enum(['a', 'b']).describe('a or b') });
    expect(errorOf(() => loadConfig(schema, { FEATURE: 'c' })).message).toContain('FEATURE is invalid');
  });

  it('refuses fixture sources in production with one line naming SCRAPE_FIXTURE_SOURCES; they are off by default', () => {
    const schema = baseEnvSchema.extend(fixtureSourcesEnvSchema.shape).superRefine(refuseFixtureSourcesInProduction);
    expect(loadConfig(schema, {}).SCRAPE_FIXTURE_SOURCES).toBe(false);
    expect(loadConfig(schema, { SCRAPE_FIXTURE_SOURCES: 'true' }).SCRAPE_FIXTURE_SOURCES).toBe(true);
    expect(loadConfig(schema, { NODE_ENV: 'production' }).SCRAPE_FIXTURE_SOURCES).toBe(false);
    const error = errorOf(() => loadConfig(schema, { NODE_ENV: 'production', SCRAPE_FIXTURE_SOURCES: 'true' }));
    expect(error.variables).toEqual(['SCRAPE_FIXTURE_SOURCES']);
    expect(error.message).toMatch(/^Invalid configuration: SCRAPE_FIXTURE_SOURCES is invalid \(.*NODE_ENV=production/);
    expect(error.message).not.toContain('\n');
  });
});
