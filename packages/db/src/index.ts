export * from './generated/prisma/client';
export { createDatabase, createDatabaseFromConfig, createPgPool, createPrismaClient, createPrismaClientFromConfig, type Database, type DatabaseOptions } from './client';
export type { Pool as PgPool } from 'pg';
export { companyKey, jobDedupeKey } from './keys';
export { execute, queryRows } from './sql';
export { applyMigrations, createMigration, diffMigrationsAgainstSchema, ensureDatabase } from './migrations';
export type { MigrationOptions, PrismaPaths, SchemaDifference } from './migrations';
export { DEMO_USER_EMAIL, seedDemo, type SeedOptions, type SeedResult } from './seed/seed-demo';
export { DEMO_PROMPT, demoCompanies, demoPostings, type DemoCompany, type DemoPosting } from './seed/demo-postings';
