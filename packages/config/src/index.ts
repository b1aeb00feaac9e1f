export { ConfigError } from './config-error';
export { loadConfig, loadConfigOrExit } from './load-config';
export { fields } from './fields';
export { baseEnvSchema, databaseEnvSchema, redisEnvSchema } from './schemas';
export type { BaseEnv, DatabaseEnv, RedisEnv } from './schemas';
export { fixtureSourcesEnvSchema, refuseFixtureSourcesInProduction } from './fixture-sources';
export { UsageError, runCommandLine, type CommandLine } from './command-line';
