import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { SmtpCatcher, waitFor } from '@jobping/testing';
import request from 'supertest';
import { PASSWORD, bearer, login, newEmail, refresh, register, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;
const smtp = new SmtpCatcher();
/** The clock of the links: tests move it past their expiry. */
let clock = new Date();

beforeAll(async () => {
  await smtp.start();
  ctx = await startTestApp(
    'account_links',
    { SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_TLS: 'none', PUBLIC_WEB_URL: 'https://jobping.example', EMAIL_VERIFICATION_TTL_HOURS: '48', PASSWORD_RESET_TTL_MINUTES: '30', ADMIN_EMAILS: 'Boss@Example.com,chief@example.com' },
    { now: () => clock },
  );
});

afterAll(async () => {
  await ctx?.close();
  await smtp.stop();
});

beforeEach(() => {
  clock = new Date();
  smtp.reset();
});

/** The one mail to `email` whose subject matches, once it arrived (mails go out in the background). */
async function mailTo(email: string, subject: RegExp) {
  await waitFor(`a mail to ${email}`, () => smtp.mailsTo(email).some((m) => subject.test(m.parsed.subject ?? '')), { timeoutMs: 10_000 });
  return smtp.mailsTo(email).filter((m) => subject.test(m.parsed.subject ?? ''));
}

/** The token of the link in a mail: https://jobping.example/<path>#token=… */
function tokenIn(text: string | undefined, path: string): string {
  const match = new RegExp(`https://jobping\\.example${path}#token=([A-Za-z0-9_-]+)`).exec(text ?? '');
  if (!match?.[1]) throw new Error(`no ${path} link in: ${text}`);
  return match[1];
}

describe('address verification', () => {
  it('mails a link on registering that verifies the address once', async () => {
    const email = newEmail('verify');
    const session = await register(ctx.app, email);
    expect(session.user.email_verified).toBe(false);
    const [mail] = await mailTo(email, /Confirm your e-mail address/);
    const token = tokenIn(mail!.parsed.text, '/verify-email');
    // Only the hash is stored.
    expect(await ctx.prisma.accountToken.count({ where: { tokenHash: token } })).toBe(0);

    await request(ctx.app).post('/api/email/verify').send({ token }).expect(204);
    const me = await request(ctx.app).get('/api/users/me').set('Authorization', bearer(session)).expect(200);
    expect(me.body.email_verified).toBe(true);
    const again = await request(ctx.app).post('/api/email/verify').send({ token }).expect(400);
    expect(again.body.error.code).toBe('invalid_token');
  });

  it('refuses an expired link, and a new one can be asked for', async () => {
    const email = newEmail('late');
    const session = await register(ctx.app, email);
    const token = tokenIn((await mailTo(email, /Confirm/))[0]!.parsed.text, '/verify-email');
    clock = new Date(Date.now() + 48 * 3_600_000 + 1_000);
    expect((await request(ctx.app).post('/api/email/verify').send({ token }).expect(400)).body.error.code).toBe('invalid_token');
    expect((await ctx.prisma.user.findUniqueOrThrow({ where: { email } })).emailVerifiedAt).toBeNull();

    smtp.reset();
    await request(ctx.app).post('/api/users/me/email/verification').set('Authorization', bearer(session)).expect(204);
    const fresh = tokenIn((await mailTo(email, /Confirm/))[0]!.parsed.text, '/verify-email');
    await request(ctx.app).post('/api/email/verify').send({ token: fresh }).expect(204);
  });

  it('gives the ADMIN_EMAILS role only once the listed address is verified', async () => {
    await register(ctx.app, 'boss@example.com');
    expect((await login(ctx.app, 'boss@example.com')).user.role).toBe('user');
    const token = tokenIn((await mailTo('boss@example.com', /Confirm/))[0]!.parsed.text, '/verify-email');
    await request(ctx.app).post('/api/email/verify').send({ token }).expect(204);
    expect((await login(ctx.app, 'boss@example.com')).user.role).toBe('admin');
  });

  it('tells the owner when someone registers their address', async () => {
    const email = newEmail('owner');
    await register(ctx.app, email);
    await mailTo(email, /Confirm/);
    const res = await request(ctx.app).post('/api/register').send({ email, password: 'another long password here' }).expect(201);
    const [notice] = await mailTo(email, /Someone tried to sign up/);
    expect(notice!.parsed.text).toContain('https://jobping.example/forgot-password');
    // The provisional account is answered like a new one but can never be verified: asking for
    // a link answers the same and mails nothing (only the owner's confirmation and the notice went out).
    await request(ctx.app).post('/api/users/me/email/verification').set('Authorization', `Bearer ${res.body.access_token}`).expect(204);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.mails.map((m) => m.parsed.subject)).toEqual([expect.stringMatching(/Confirm/), expect.stringMatching(/Someone tried to sign up/)]);
    expect(await ctx.prisma.accountToken.count({ where: { userId: res.body.user.id } })).toBe(0);
  });

  it('never makes a provisional account of an ADMIN_EMAILS address admin', async () => {
    await register(ctx.app, 'chief@example.com');
    const token = tokenIn((await mailTo('chief@example.com', /Confirm/))[0]!.parsed.text, '/verify-email');
    await request(ctx.app).post('/api/email/verify').send({ token }).expect(204);
    const provisional = await register(ctx.app, 'chief@example.com', 'another long password here');
    expect(provisional.user.role).toBe('user');
    const again = await login(ctx.app, 'chief@example.com', 'another long password here');
    expect(again.user).toMatchObject({ id: provisional.user.id, role: 'user', email_verified: false });
    expect((await login(ctx.app, 'chief@example.com')).user.role).toBe('admin');
  });
});

describe('password reset', () => {
  it('answers the same for an unknown address and mails nothing', async () => {
    const unknown = await request(ctx.app).post('/api/password/forgot').send({ email: newEmail('nobody') });
    const email = newEmail('known');
    await register(ctx.app, email);
    const known = await request(ctx.app).post('/api/password/forgot').send({ email });
    expect([unknown.status, known.status]).toEqual([204, 204]);
    expect(unknown.body).toEqual(known.body);
    await mailTo(email, /Reset your JobPing password/);
    expect(smtp.mails.filter((m) => /nobody/.test(m.to.join()))).toHaveLength(0);
  });

  it('sets a new password once, ends every session, and the old password stops working', async () => {
    const email = newEmail('reset');
    const first = await register(ctx.app, email);
    const second = await login(ctx.app, email);
    await request(ctx.app).post('/api/password/forgot').send({ email }).expect(204);
    const token = tokenIn((await mailTo(email, /Reset your/))[0]!.parsed.text, '/reset-password');

    // A weak password is refused without using the link up.
    await request(ctx.app).post('/api/password/reset').send({ token, password: 'password' }).expect(400);
    await request(ctx.app).post('/api/password/reset').send({ token, password: 'a brand new long passphrase' }).expect(204);
    expect((await request(ctx.app).post('/api/password/reset').send({ token, password: 'yet another long passphrase' }).expect(400)).body.error.code).toBe('invalid_token');

    expect((await refresh(ctx.app, first.refresh_token)).status).toBe(401);
    expect((await refresh(ctx.app, second.refresh_token)).status).toBe(401);
    expect((await request(ctx.app).post('/api/login').send({ email, password: PASSWORD })).status).toBe(401);
    await login(ctx.app, email, 'a brand new long passphrase');
  });

  it('refuses an expired reset link', async () => {
    const email = newEmail('expired');
    await register(ctx.app, email);
    await request(ctx.app).post('/api/password/forgot').send({ email }).expect(204);
    const token = tokenIn((await mailTo(email, /Reset your/))[0]!.parsed.text, '/reset-password');
    clock = new Date(Date.now() + 30 * 60_000 + 1_000);
    expect((await request(ctx.app).post('/api/password/reset').send({ token, password: 'a brand new long passphrase' }).expect(400)).body.error.code).toBe('invalid_token');
    await login(ctx.app, email);
  });
});
