export { applyMigrations, createMigration, diffMigrationsAgainstSchema } from './commands';
export type { MigrationOptions, SchemaDifference } from './commands';
export { ensureDatabase } from './ensure-database';
export type { PrismaPaths } from './migration-files';
