import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { UnknownAccountError, UserRoleService } from '../src/services/roles';
import { newEmail, register, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;
let roles: UserRoleService;
beforeAll(async () => {
  ctx = await startTestApp('user_roles');
  roles = new UserRoleService(ctx.prisma);
});
afterAll(async () => ctx?.close());

const storedRole = async (email: string) => (await ctx.prisma.user.findUniqueOrThrow({ where: { email } })).role;

describe('UserRoleService', () => {
  it('promotes and demotes, saying whether anything changed', async () => {
    const { user } = await register(ctx.app);
    expect(await roles.promote(user.email)).toEqual({ email: user.email, role: 'admin', changed: true });
    expect(await storedRole(user.email)).toBe('admin');
    expect(await roles.promote(user.email)).toEqual({ email: user.email, role: 'admin', changed: false });
    expect(await roles.demote(user.email)).toEqual({ email: user.email, role: 'user', changed: true });
    expect(await storedRole(user.email)).toBe('user');
    expect(await roles.demote(user.email)).toEqual({ email: user.email, role: 'user', changed: false });
  });

  it('refuses an address without an account, changing nothing', async () => {
    const ghost = newEmail('ghost');
    await expect(roles.promote(ghost)).rejects.toBeInstanceOf(UnknownAccountError);
    await expect(roles.demote(ghost)).rejects.toThrow(`no account with the e-mail address ${ghost}`);
    expect(await ctx.prisma.user.count({ where: { email: ghost } })).toBe(0);
  });

  it('lists the admins by e-mail with whether their address is verified', async () => {
    const [b, a] = [await register(ctx.app, newEmail('b-admin')), await register(ctx.app, newEmail('a-admin'))];
    await register(ctx.app, newEmail('plain'));
    await roles.promote(a.user.email);
    await roles.promote(b.user.email);
    await ctx.prisma.user.update({ where: { id: b.user.id }, data: { emailVerifiedAt: new Date() } });
    const admins = await roles.listAdmins();
    expect(admins.map(({ email, verified }) => ({ email, verified }))).toEqual([
      { email: a.user.email, verified: false },
      { email: b.user.email, verified: true },
    ]);
  });
});
