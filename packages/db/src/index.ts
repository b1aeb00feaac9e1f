export * from './generated/prisma/client';
export { createPrismaClient, createPrismaClientFromConfig, type DatabaseOptions } from './client';
export { companyKey, jobDedupeKey } from './keys';
export { applyMigrations, createMigration, diffMigrationsAgainstSchema, ensureDatabase } from './migrations';
export type { MigrationOptions, PrismaPaths, SchemaDifference } from './migrations';
export { DEMO_USER_EMAIL, seedDemo, type SeedOptions, type SeedResult } from './seed/seed-demo';
export { DEMO_PROMPT, demoCompanies, demoPostings, type DemoCompany, type DemoPosting } from './seed/demo-postings';
export { dbCommandEnvSchema, type DbCommandEnv } from './db-config';
