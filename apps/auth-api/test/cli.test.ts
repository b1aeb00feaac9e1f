import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { PASSWORD, newEmail, refresh as refreshWith, register, sessionOf, startTestApp, type TestContext } from './helpers';

/** The built CLI, as `pnpm jobping users …`, `docker compose run` and the Kubernetes Job run it (turbo builds before testing). */
const CLI = path.resolve(__dirname, '../dist/cli.js');

let ctx: TestContext;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: build auth-api first (pnpm exec turbo run build --filter=@jobping/auth-api)`);
  ctx = await startTestApp('users_cli', { ADMIN_EMAILS: 'listed@example.com' });
});
afterAll(async () => ctx?.close());

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[], env: Record<string, string> = {}): Promise<Result> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [CLI, ...args], {
      env: { PATH: process.env.PATH, LOG_LEVEL: 'error', DATABASE_URL: ctx.databaseUrl, ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const rolesOf = (body: { access_token: string }) => (jwt.decode(body.access_token) as { roles: string[] }).roles;
const refresh = async (token: string) => sessionOf(await refreshWith(ctx.app, token).expect(200));

describe('jobping users (the auth-api CLI, as a process)', () => {
  it('promote makes an admin from the next refresh and login; demote makes a user again', async () => {
    const session = await register(ctx.app, newEmail('first-admin'));
    const email = session.user.email;

    const promoted = await cli(['users', 'promote', email.toUpperCase()]);
    expect(promoted).toMatchObject({ code: 0, stderr: '' });
    expect(promoted.stdout).toContain(`promoted ${email} to admin`);
    const afterPromote = await refresh(session.refresh_token);
    expect(rolesOf(afterPromote)).toEqual(['user', 'admin']);
    const login = await request(ctx.app).post('/api/login').send({ email, password: PASSWORD }).expect(200);
    expect(login.body.user.role).toBe('admin');

    expect((await cli(['users', 'promote', email])).stdout).toContain(`${email} is admin already`);
    const listed = await cli(['users', 'list-admins']);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`^${email.replace(/\./g, '\\.')}\\s+unverified\\s+registered \\d{4}-\\d{2}-\\d{2}`, 'm'));

    const demoted = await cli(['users', 'demote', email]);
    expect(demoted).toMatchObject({ code: 0, stderr: '' });
    expect(demoted.stdout).toContain(`demoted ${email} to user`);
    expect(rolesOf(await refresh(afterPromote.refresh_token))).toEqual(['user']);
    expect((await cli(['users', 'list-admins'])).stdout).not.toContain(email);
  });

  it('warns when demoting a verified address that ADMIN_EMAILS would promote again', async () => {
    const session = await register(ctx.app, 'listed@example.com');
    await ctx.prisma.user.update({ where: { id: session.user.id }, data: { emailVerifiedAt: new Date(), role: 'admin' } });
    const demoted = await cli(['users', 'demote', 'listed@example.com'], { ADMIN_EMAILS: 'listed@example.com' });
    expect(demoted.code).toBe(0);
    expect(demoted.stdout).toContain('demoted listed@example.com to user');
    expect(demoted.stderr).toContain('ADMIN_EMAILS');
  });

  it('exits 1 naming an address without an account, and changes nothing', async () => {
    const ghost = newEmail('ghost');
    const result = await cli(['users', 'promote', ghost]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`no account with the e-mail address ${ghost}`);
    expect(await ctx.prisma.user.count({ where: { role: 'admin', email: ghost } })).toBe(0);
  });

  it('exits 2 with the usage for a malformed command or address', async () => {
    for (const args of [[], ['users'], ['users', 'promote'], ['users', 'promote', 'not-an-address'], ['users', 'crown', 'a@example.com'], ['frobnicate']]) {
      const result = await cli(args);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(result.stderr).toContain('Usage: jobping users');
    }
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('users promote <email>');
  });

  it('exits 1 with one line naming DATABASE_URL when it is missing', async () => {
    const result = await cli(['users', 'list-admins'], { DATABASE_URL: '' });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL is missing');
  });
});
