// Migration 20261130143000_discord_webhook_to_channels on a database that has accounts with
// webhooks: applied after the migrations before it, it copies each users.discord_webhook into a
// Discord channel with its broken state, and gives nobody a second channel for the same URL.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { dropDatabase, newTestDatabaseUrl, query, runDbCli } from './test-database';

const MIGRATION = '20261130143000_discord_webhook_to_channels';
const repoPrisma = path.resolve(__dirname, '../../../prisma');
const databaseUrl = newTestDatabaseUrl('discord_to_channels');
let tmp: string;

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'jobping-prisma-'));
});

afterAll(async () => {
  await dropDatabase(databaseUrl);
  await rm(tmp, { recursive: true, force: true });
});

describe(MIGRATION, () => {
  it('copies every account webhook, broken ones as channels that are off, once', async () => {
    // The migrations before this one (the later ones come after it in a real upgrade).
    const before = path.join(tmp, 'before');
    await cp(repoPrisma, before, { recursive: true });
    for (const folder of await readdir(path.join(before, 'migrations'))) {
      if (folder >= MIGRATION && folder !== 'migration_lock.toml') await rm(path.join(before, 'migrations', folder), { recursive: true });
    }
    const old = await runDbCli(['migrate', '--schema', path.join(before, 'schema.prisma'), '--migrations', path.join(before, 'migrations')], { DATABASE_URL: databaseUrl });
    expect(old.code).toBe(0);

    const ok = 'https://discord.com/api/webhooks/1/ok';
    const broken = 'https://discord.com/api/webhooks/2/broken';
    const copied = 'https://discord.com/api/webhooks/3/copied';
    await query(databaseUrl, `
      INSERT INTO users (email, password_hash, discord_webhook, discord_webhook_broken_at, discord_webhook_error, created_at) VALUES
        ('ok@jobping.test', 'x', '${ok}', NULL, NULL, '2026-01-01T00:00:00Z'),
        ('broken@jobping.test', 'x', '${broken}', '2026-02-01T00:00:00Z', 'Discord says the webhook does not exist', '2026-01-01T00:00:00Z'),
        ('none@jobping.test', 'x', NULL, NULL, NULL, '2026-01-01T00:00:00Z'),
        ('copied@jobping.test', 'x', '${copied}', NULL, NULL, '2026-01-01T00:00:00Z')`);
    await query(databaseUrl, `
      INSERT INTO notification_channels (user_id, kind, settings, updated_at)
      SELECT id, 'discord', jsonb_build_object('webhook_url', '${copied}'), now() FROM users WHERE email = 'copied@jobping.test'`);

    const upgraded = await runDbCli(['migrate'], { DATABASE_URL: databaseUrl });
    expect(upgraded.code).toBe(0);
    expect(upgraded.output).toContain(MIGRATION);

    const channels = await query<{ email: string; kind: string; url: string; enabled: boolean; disabled_reason: string | null; disabled_at: Date | null; last_error: string | null; created_at: Date }>(
      databaseUrl,
      `SELECT u.email, c.kind::text AS kind, c.settings->>'webhook_url' AS url, c.enabled, c.disabled_reason, c.disabled_at, c.last_error, c.created_at
       FROM notification_channels c JOIN users u ON u.id = c.user_id ORDER BY u.email`,
    );
    expect(channels.map((c) => [c.email, c.kind, c.url, c.enabled])).toEqual([
      ['broken@jobping.test', 'discord', broken, false],
      ['copied@jobping.test', 'discord', copied, true],
      ['ok@jobping.test', 'discord', ok, true],
    ]);
    const brokenChannel = channels.find((c) => c.email === 'broken@jobping.test')!;
    expect(brokenChannel.disabled_reason).toMatch(/does not exist/);
    expect(brokenChannel.last_error).toMatch(/does not exist/);
    expect(brokenChannel.disabled_at?.toISOString()).toBe('2026-02-01T00:00:00.000Z');
    // The user's first Discord channel: older than any channel added later.
    expect(channels.find((c) => c.email === 'ok@jobping.test')!.created_at.toISOString()).toBe('2026-01-01T00:00:00.000Z');
  }, 120_000);
});
