#!/usr/bin/env node
import { UsageError, loadConfigOrExit, runCommandLine } from '@jobping/config';
import { createLogger } from '@jobping/logger';
import { createPrismaClientFromConfig } from './client';
import { dbCommandEnvSchema } from './db-config';
import { refreshDerivedColumns } from './derived-columns';
import { applyMigrations, createMigration, diffMigrationsAgainstSchema } from './migrations';
import { seedDemo } from './seed/seed-demo';

const USAGE = `Usage: pnpm jobping db <command>   (in the migration image: node dist/cli.js <command>)

  migrate        apply prisma/migrations to DATABASE_URL (creates the database if missing), then
                 bring derived columns (yearly pay, excluded company keys) up to date
  new <name>     write the SQL for schema.prisma's changes as a new migration folder
  check          fail when schema.prisma and prisma/migrations disagree, naming the difference
  seed           write the demo user and ~50 demo postings (idempotent)

Options: --schema <file>  --migrations <dir>  (or PRISMA_SCHEMA_PATH / PRISMA_MIGRATIONS_DIR)`;

function takeOption(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index === -1) return undefined;
  const value = args[index + 1];
  if (!value || value.startsWith('--')) throw new UsageError(`${name} needs a value`);
  args.splice(index, 2);
  return value;
}


async function main(argv: string[]): Promise<number> {
  const args = [...argv];
  const schema = takeOption(args, '--schema');
  const migrations = takeOption(args, '--migrations');
  const [command, ...rest] = args;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(`${USAGE}\n`);
    return command ? 0 : 2;
  }

  const config = loadConfigOrExit(dbCommandEnvSchema, {
    ...process.env,
    ...(schema ? { PRISMA_SCHEMA_PATH: schema } : {}),
    ...(migrations ? { PRISMA_MIGRATIONS_DIR: migrations } : {}),
  });
  const logger = createLogger({ service: 'db', level: config.LOG_LEVEL, nodeEnv: config.NODE_ENV });
  const options = {
    databaseUrl: config.DATABASE_URL,
    schemaPath: config.PRISMA_SCHEMA_PATH,
    migrationsDir: config.PRISMA_MIGRATIONS_DIR,
    log: (line: string) => logger.debug(line),
  };

  switch (command) {
    case 'migrate': {
      const { created, applied } = await applyMigrations(options);
      if (created) logger.info('created the database');
      logger.info(applied.length > 0 ? `applied ${applied.length} migration(s): ${applied.join(', ')}` : 'no pending migrations');
      const derived = await refreshDerivedColumns(options.databaseUrl);
      logger.info(
        derived.jobs + derived.jobFacts + derived.users === 0
          ? 'derived columns are up to date'
          : `derived columns: ${derived.jobs} jobs (salary_top_yearly), ${derived.jobFacts} jobs (seniority, visa sponsorship, languages), ` +
              `${derived.users} users (excluded_company_keys) brought up to date`,
      );
      return 0;
    }
    case 'new': {
      const name = rest.join(' ');
      if (!name) throw new UsageError('`new` needs a name, e.g. `pnpm jobping db new add_job_feedback`');
      const result = await createMigration({ ...options, name });
      if (!result) {
        logger.info('no changes: the migrations already produce schema.prisma');
        return 0;
      }
      logger.info(`wrote ${result.file}\n${result.difference.summary}`);
      return 0;
    }
    case 'check': {
      const difference = await diffMigrationsAgainstSchema(options);
      if (difference.inSync) {
        logger.info('schema.prisma and prisma/migrations agree');
        return 0;
      }
      logger.error(
        `schema.prisma and prisma/migrations disagree. Run \`pnpm db:migrate:new <name>\` to write the missing migration.\n` +
          `Differences:\n${difference.summary}\n\nSQL the migration would need:\n${difference.sql}`,
      );
      return 1;
    }
    case 'seed': {
      const prisma = createPrismaClientFromConfig(config);
      try {
        const result = await seedDemo(prisma, { demoPassword: config.DEMO_USER_PASSWORD });
        logger.info(
          `seeded the demo: user demo@jobping.local, ${result.companies} companies, ${result.jobs} jobs (${result.crossPosted} cross-posted listing(s) merged)`,
        );
      } finally {
        await prisma.$disconnect();
      }
      return 0;
    }
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

runCommandLine({ name: 'jobping db', usage: USAGE, main });
