import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { PASSWORD, newEmail, refresh as refreshWith, register, sessionOf, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;
beforeAll(async () => {
  ctx = await startTestApp('admin_role', { ADMIN_EMAILS: 'Boss@Example.com, ops@example.com, lead@example.com, cto@example.com' });
});
afterAll(async () => ctx?.close());

const rolesOf = (body: { access_token: string }) => (jwt.decode(body.access_token) as { roles: string[] }).roles;
const login = async (email: string) => sessionOf(await request(ctx.app).post('/api/login').send({ email, password: PASSWORD }).expect(200));
const refresh = async (refreshToken: string) => sessionOf(await refreshWith(ctx.app, refreshToken).expect(200));
const storedRole = async (id: string) => (await ctx.prisma.user.findUniqueOrThrow({ where: { id } })).role;

describe('the admin role', () => {
  it('is not given by registering an address listed in ADMIN_EMAILS, whatever the case', async () => {
    const res = await request(ctx.app).post('/api/register').send({ email: 'boss@EXAMPLE.com', password: PASSWORD }).expect(201);
    expect(res.body.user.role).toBe('user');
    expect(rolesOf(res.body)).toEqual(['user']);
    expect(await storedRole(res.body.user.id)).toBe('user');
  });

  it('is not given by ADMIN_EMAILS at login or refresh while the address is unverified', async () => {
    const session = await register(ctx.app, 'ops@example.com');
    const loggedIn = await login('OPS@example.com');
    expect(loggedIn.user.role).toBe('user');
    expect(rolesOf(loggedIn)).toEqual(['user']);
    const refreshed = await refresh(session.refresh_token);
    expect(rolesOf(refreshed)).toEqual(['user']);
    expect(await storedRole(session.user.id)).toBe('user');
  });

  it('is given by ADMIN_EMAILS to a verified account at its next login, and stored', async () => {
    const session = await register(ctx.app, 'lead@example.com');
    await ctx.prisma.user.update({ where: { id: session.user.id }, data: { emailVerifiedAt: new Date() } });
    const loggedIn = await login('Lead@Example.com');
    expect(loggedIn.user.role).toBe('admin');
    expect(rolesOf(loggedIn)).toEqual(['user', 'admin']);
    expect(await storedRole(session.user.id)).toBe('admin');
  });

  it('is never given by ADMIN_EMAILS to an unlisted verified account', async () => {
    const session = await register(ctx.app);
    await ctx.prisma.user.update({ where: { id: session.user.id }, data: { emailVerifiedAt: new Date() } });
    expect(rolesOf(await login(session.user.email))).toEqual(['user']);
  });

  it('comes from the stored role at refresh, so a promotion or demotion shows at the next refresh', async () => {
    const session = await register(ctx.app);
    await ctx.prisma.user.update({ where: { id: session.user.id }, data: { role: 'admin' } });
    const promoted = await refresh(session.refresh_token);
    expect(promoted.user.role).toBe('admin');
    expect(rolesOf(promoted)).toEqual(['user', 'admin']);

    await ctx.prisma.user.update({ where: { id: session.user.id }, data: { role: 'user' } });
    const demoted = await refresh(promoted.refresh_token);
    expect(demoted.user.role).toBe('user');
    expect(rolesOf(demoted)).toEqual(['user']);
  });

  it('granted by an operator survives logins of an address not in ADMIN_EMAILS', async () => {
    const email = newEmail('operator-made');
    const session = await register(ctx.app, email);
    await ctx.prisma.user.update({ where: { id: session.user.id }, data: { role: 'admin' } });
    expect(rolesOf(await login(email))).toEqual(['user', 'admin']);
    expect(await storedRole(session.user.id)).toBe('admin');
  });

  it('taken away by an operator stays away at login while the listed address is unverified', async () => {
    const session = await register(ctx.app, 'cto@example.com');
    await ctx.prisma.user.update({ where: { id: session.user.id }, data: { role: 'admin' } });
    await ctx.prisma.user.update({ where: { id: session.user.id }, data: { role: 'user' } });
    expect(rolesOf(await login('cto@example.com'))).toEqual(['user']);
  });
});
