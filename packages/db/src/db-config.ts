import path from 'node:path';
import { z } from 'zod';
import { baseEnvSchema, databaseEnvSchema } from '@jobping/config';

// dist/ and src/ both sit two levels below the repository root's prisma/ folder.
const repoPrisma = path.resolve(__dirname, '../../../prisma');

/** Configuration of the db commands (migrate, new, check, seed). */
export const dbCommandEnvSchema = baseEnvSchema.extend(databaseEnvSchema.shape).extend({
  PRISMA_SCHEMA_PATH: z
    .string()
    .default(path.join(repoPrisma, 'schema.prisma'))
    .describe('path of schema.prisma (default: prisma/schema.prisma of the repository)'),
  PRISMA_MIGRATIONS_DIR: z
    .string()
    .default(path.join(repoPrisma, 'migrations'))
    .describe('folder of the migrations (default: prisma/migrations of the repository)'),
  DEMO_USER_PASSWORD: z
    .string()
    .min(10)
    .default('jobping-demo')
    .describe('password of the seeded demo account demo@jobping.local, at least 10 characters (default jobping-demo)'),
});

export type DbCommandEnv = z.output<typeof dbCommandEnvSchema>;
