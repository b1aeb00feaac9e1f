import { ensureDatabase, withScratchDatabase } from './ensure-database';
import { migrationFolderName, readMigrationList, readSchema, writeMigration, type PrismaPaths } from './migration-files';
import { noFilters, withSchemaEngine } from './schema-engine';

export interface MigrationOptions extends PrismaPaths {
  databaseUrl: string;
  log?: (line: string) => void;
}

export interface SchemaDifference {
  /** True when applying every migration yields exactly the schema. */
  inSync: boolean;
  /** Human-readable list of the differences (Prisma's migrate diff summary). */
  summary: string;
  /** The SQL that would bring the migrations up to the schema. */
  sql: string;
}

/** Applies pending migrations and records them in `_prisma_migrations`, as `prisma migrate deploy` does. */
export async function applyMigrations(options: MigrationOptions): Promise<{ created: boolean; applied: string[] }> {
  const created = await ensureDatabase(options.databaseUrl);
  const migrationsList = await readMigrationList(options.migrationsDir);
  if (migrationsList.migrationDirectories.length === 0) {
    throw new Error(`No migrations in ${options.migrationsDir}: create one with \`pnpm db:migrate:new init\`.`);
  }
  const schemaFiles = await readSchema(options.schemaPath);
  const { appliedMigrationNames } = await withSchemaEngine(
    options.databaseUrl,
    schemaFiles,
    (engine) => engine.applyMigrations({ migrationsList, filters: noFilters }),
    options.log,
  );
  return { created, applied: appliedMigrationNames };
}

/**
 * Compares the state the migrations produce (replayed into a throw-away database on the
 * same server as `databaseUrl`, which is itself never touched) with `schema.prisma`.
 */
export async function diffMigrationsAgainstSchema(options: MigrationOptions): Promise<SchemaDifference> {
  const migrationsList = await readMigrationList(options.migrationsDir);
  const schemaFiles = await readSchema(options.schemaPath);
  const from =
    migrationsList.migrationDirectories.length === 0 ? ({ tag: 'empty' } as const) : ({ tag: 'migrations', ...migrationsList } as const);
  const to = { tag: 'schemaDatamodel', files: schemaFiles } as const;
  // A fresh scratch database per diff: replaying the migrations twice into one fails.
  const diff = (script: boolean) =>
    withScratchDatabase(options.databaseUrl, (scratchUrl) =>
      withSchemaEngine(
        scratchUrl,
        schemaFiles,
        (engine) => engine.diff({ from, to, script, exitCode: true, filters: noFilters }),
        options.log,
      ),
    );
  const script = await diff(true);
  if (script.exitCode === 0) return { inSync: true, summary: '', sql: '' };
  const summary = await diff(false);
  return { inSync: false, summary: (summary.stdout ?? '').trim(), sql: (script.stdout ?? '').trim() };
}

/** Writes the SQL for the difference between the migrations and the schema as a new migration folder. */
export async function createMigration(
  options: MigrationOptions & { name: string; now?: Date },
): Promise<{ folder: string; file: string; difference: SchemaDifference } | null> {
  const folder = migrationFolderName(options.name, options.now);
  const difference = await diffMigrationsAgainstSchema(options);
  if (difference.inSync) return null;
  const file = await writeMigration(options.migrationsDir, folder, difference.sql);
  return { folder, file, difference };
}
