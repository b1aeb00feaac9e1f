import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, listDatabases, newTestDatabaseUrl, query, runDbCli } from './test-database';

const repoPrisma = path.resolve(__dirname, '../../../prisma');
const databases: string[] = [];
let tmp: string;

function freshDatabase(label: string): string {
  const url = newTestDatabaseUrl(label);
  databases.push(url);
  return url;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'jobping-prisma-'));
});

afterAll(async () => {
  await Promise.all(databases.map(dropDatabase));
  await rm(tmp, { recursive: true, force: true });
});

describe('db migrate', () => {
  it('creates the database, applies every migration to it and records them as prisma migrate deploy does', async () => {
    const databaseUrl = freshDatabase('migrate');
    const first = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(first.output).toContain('created the database');
    expect(first.output).toMatch(/applied \d+ migration/);
    expect(first.code).toBe(0);

    const tables = await query<{ table_name: string }>(
      databaseUrl,
      "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
    );
    expect(tables.map((t) => t.table_name)).toEqual([
      '_prisma_migrations',
      'account_tokens',
      'channel_deliveries',
      'channel_digests',
      'companies',
      'job_dismissals',
      'job_sources',
      'jobs',
      'match_decisions',
      'notification_channels',
      'notifications',
      'refresh_tokens',
      'scrape_runs',
      'user_job_matches',
      'user_mutes',
      'users',
    ]);

    // prisma migrate deploy compares these checksums (sha256 of migration.sql) and finish times.
    const folders = (await readdir(path.join(repoPrisma, 'migrations'), { withFileTypes: true }))
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    const recorded = await query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
      databaseUrl,
      'SELECT migration_name, checksum, finished_at FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(recorded.map((r) => r.migration_name)).toEqual(folders);
    for (const row of recorded) {
      const sql = await readFile(path.join(repoPrisma, 'migrations', row.migration_name, 'migration.sql'));
      expect(row.checksum).toBe(createHash('sha256').update(sql).digest('hex'));
      expect(row.finished_at).not.toBeNull();
    }

    const second = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(second.code).toBe(0);
    expect(second.output).toContain('no pending migrations');
    const after = await query(databaseUrl, 'SELECT 1 FROM _prisma_migrations');
    expect(after).toHaveLength(recorded.length);
  });

  it('stores snake_case tables and columns with the unique keys the stages rely on', async () => {
    const databaseUrl = freshDatabase('constraints');
    expect((await runDbCli(['migrate'], { DATABASE_URL: databaseUrl })).code).toBe(0);
    const indexes = await query<{ indexdef: string }>(databaseUrl, "SELECT indexdef FROM pg_indexes WHERE schemaname = 'public'");
    const defs = indexes.map((i) => i.indexdef).join('\n');
    expect(defs).toMatch(/UNIQUE INDEX \S+ ON public\.user_job_matches USING btree \(user_id, job_id\)/);
    expect(defs).toMatch(/UNIQUE INDEX \S+ ON public\.jobs USING btree \(source, source_id\)/);
    expect(defs).toMatch(/UNIQUE INDEX \S+ ON public\.notifications USING btree \(user_id, job_id\)/);
    expect(defs).toMatch(/UNIQUE INDEX \S+ ON public\.companies USING btree \(normalized_name\)/);
    expect(defs).toMatch(/INDEX \S+ ON public\.user_job_matches USING btree \(job_id\)/);
    expect(defs).toMatch(/INDEX \S+ ON public\.notifications USING btree \(user_id, created_at DESC, id DESC\)/);

    // A second match for the same (user, job) is refused by the database itself.
    const [user] = await query<{ id: string }>(databaseUrl, "INSERT INTO users (email, password_hash) VALUES ('a@b.c', 'x') RETURNING id");
    const [company] = await query<{ id: string }>(databaseUrl, "INSERT INTO companies (name, normalized_name) VALUES ('A', 'a') RETURNING id");
    const [job] = await query<{ id: string }>(
      databaseUrl,
      "INSERT INTO jobs (source, source_id, url, dedupe_key, title, company_id, company, description) VALUES ('greenhouse', '1', 'https://x', 'k', 'T', $1, 'A', 'd') RETURNING id",
      [company?.id],
    );
    const insertMatch = () =>
      query(
        databaseUrl,
        "INSERT INTO user_job_matches (user_id, job_id, score, analysis, provider, model, prompt_version) VALUES ($1, $2, 80, '{}', 'local', 'm', 'v1')",
        [user?.id, job?.id],
      );
    await insertMatch();
    await expect(insertMatch()).rejects.toThrow(/duplicate key value violates unique constraint/);
  });
});

describe('db check and new', () => {
  it("passes for the repository's schema and migrations and leaves no scratch database behind", async () => {
    const before = await listDatabases('jobping_scratch_');
    const result = await runDbCli(['check'], { DATABASE_URL: freshDatabase('check') });
    expect(result.output).toContain('schema.prisma and prisma/migrations agree');
    expect(result.code).toBe(0);
    expect(await listDatabases('jobping_scratch_')).toEqual(before);
  });

  it('fails, naming the difference, when the schema is edited without a migration; `new` writes it; then check passes', async () => {
    const copy = path.join(tmp, 'edited');
    await cp(repoPrisma, copy, { recursive: true });
    const schemaPath = path.join(copy, 'schema.prisma');
    const schema = await readFile(schemaPath, 'utf8');
    const edited = schema.replace('  notified      Boolean  @default(false)', '  notified      Boolean  @default(false)\n  reviewNote    String? @map("review_note")');
    expect(edited).not.toBe(schema);
    await writeFile(schemaPath, edited);
    const args = ['--schema', schemaPath, '--migrations', path.join(copy, 'migrations')];
    const env = { DATABASE_URL: freshDatabase('drift') };

    const drift = await runDbCli(['check', ...args], env);
    expect(drift.code).toBe(1);
    expect(drift.output).toContain('disagree');
    expect(drift.output).toContain('user_job_matches');
    expect(drift.output).toMatch(/ADD COLUMN\s+"review_note" TEXT/);

    const created = await runDbCli(['new', 'add match review note', ...args], env);
    expect(created.code).toBe(0);
    const folders = await readdir(path.join(copy, 'migrations'));
    const added = folders.find((name) => name.endsWith('_add_match_review_note'));
    expect(added).toMatch(/^\d{14}_add_match_review_note$/);
    const sql = await readFile(path.join(copy, 'migrations', added as string, 'migration.sql'), 'utf8');
    expect(sql).toMatch(/ALTER TABLE "user_job_matches" ADD COLUMN\s+"review_note" TEXT/);

    expect((await runDbCli(['check', ...args], env)).code).toBe(0);
    const again = await runDbCli(['new', 'nothing', ...args], env);
    expect(again.output).toContain('no changes');
    expect((await readdir(path.join(copy, 'migrations'))).length).toBe(folders.length);

    // The new migration applies on top of the database migrated with the old ones.
    const databaseUrl = freshDatabase('upgrade');
    expect((await runDbCli(['migrate'], { DATABASE_URL: databaseUrl })).code).toBe(0);
    expect((await runDbCli(['migrate', ...args], { DATABASE_URL: databaseUrl })).output).toContain('_add_match_review_note');
    const columns = await query(databaseUrl, "SELECT 1 FROM information_schema.columns WHERE table_name = 'user_job_matches' AND column_name = 'review_note'");
    expect(columns).toHaveLength(1);
    // Six CLI processes, each replaying every migration in a scratch database: slow on a busy machine.
  }, 120_000);

  it('refuses bad configuration with one line naming the variable', async () => {
    const result = await runDbCli(['check'], { DATABASE_URL: 'mysql://localhost/x' });
    expect(result.code).toBe(1);
    expect(result.output.trim()).toBe(
      'Invalid configuration: DATABASE_URL is invalid (not a postgres:// or postgresql:// URL): expected a PostgreSQL URL such as postgresql://postgres@127.0.0.1:5432/jobping',
    );
  });

  it('explains a missing migration name', async () => {
    const result = await runDbCli(['new'], { DATABASE_URL: freshDatabase('usage') });
    expect(result.code).toBe(2);
    expect(result.output).toContain('`new` needs a name');
  });
});
