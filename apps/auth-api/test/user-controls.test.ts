import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { bearer, register, startTestApp, type Session, type TestContext } from './helpers';

let ctx: TestContext;
let alice: Session;
let bob: Session;

beforeAll(async () => {
  ctx = await startTestApp('user_controls');
});
afterAll(async () => ctx?.close());
beforeEach(async () => {
  alice = await register(ctx.app);
  bob = await register(ctx.app);
});

const as = (session: Session) => ({
  get: (path: string) => request(ctx.app).get(path).set('Authorization', bearer(session)),
  put: (path: string, body: unknown) => request(ctx.app).put(path).set('Authorization', bearer(session)).send(body as object),
  post: (path: string, body: unknown) => request(ctx.app).post(path).set('Authorization', bearer(session)).send(body as object),
  delete: (path: string) => request(ctx.app).delete(path).set('Authorization', bearer(session)),
});
const issues = (res: request.Response) => (res.body.error.details as { path: string }[]).map((d) => d.path);

describe('mutes', () => {
  it('mutes a company and a keyword, keyed as fan-out compares them; muting again answers the same mute; undo removes it', async () => {
    const company = await as(alice).post('/api/users/me/mutes', { kind: 'company', value: 'Ledgerly GmbH' }).expect(201);
    expect(company.body).toEqual({ id: expect.any(String), kind: 'company', value: 'Ledgerly GmbH', created_at: expect.any(String) });
    const keyword = await as(alice).post('/api/users/me/mutes', { kind: 'keyword', value: ' Kafka ' }).expect(201);
    // The same company under another spelling, the same keyword in capitals: already muted.
    expect((await as(alice).post('/api/users/me/mutes', { kind: 'company', value: 'LEDGERLY' }).expect(200)).body.id).toBe(company.body.id);
    expect((await as(alice).post('/api/users/me/mutes', { kind: 'keyword', value: 'KAFKA' }).expect(200)).body.id).toBe(keyword.body.id);

    const stored = await ctx.prisma.userMute.findMany({ where: { userId: alice.user.id }, orderBy: { kind: 'asc' } });
    expect(stored.map((m) => [m.kind, m.key])).toEqual([
      ['company', 'ledgerly'],
      ['keyword', 'kafka'],
    ]);
    const list = await as(alice).get('/api/users/me/mutes').expect(200);
    expect(list.body.items.map((m: { id: string }) => m.id).sort()).toEqual([company.body.id, keyword.body.id].sort());

    await as(alice).delete(`/api/users/me/mutes/${company.body.id}`).expect(204);
    await as(alice).delete(`/api/users/me/mutes/${company.body.id}`).expect(404);
    expect((await as(alice).get('/api/users/me/mutes').expect(200)).body.items.map((m: { id: string }) => m.id)).toEqual([keyword.body.id]);
  });

  it("another user can neither see nor undo yours", async () => {
    const mute = await as(alice).post('/api/users/me/mutes', { kind: 'keyword', value: 'on-call' }).expect(201);
    expect((await as(bob).get('/api/users/me/mutes').expect(200)).body.items).toEqual([]);
    const res = await as(bob).delete(`/api/users/me/mutes/${mute.body.id}`).expect(404);
    expect(res.body.error.code).toBe('not_found');
    expect(await ctx.prisma.userMute.count({ where: { id: mute.body.id } })).toBe(1);
  });

  it('validates the kind, the value and the id', async () => {
    const res = await as(alice).post('/api/users/me/mutes', { kind: 'person', value: '!!!' }).expect(400);
    expect(issues(res).sort()).toEqual(['body.kind', 'body.value']);
    await as(alice).post('/api/users/me/mutes', { kind: 'keyword', value: 'one two three four' }).expect(400);
    await as(alice).delete('/api/users/me/mutes/not-a-uuid').expect(400);
    await request(ctx.app).get('/api/users/me/mutes').expect(401);
  });
});

describe('PUT /api/users/me/snooze', () => {
  it('snoozes until a future time and ends the snooze with null, on the caller only', async () => {
    const until = new Date(Date.now() + 3 * 86_400_000).toISOString();
    const res = await as(alice).put('/api/users/me/snooze', { until }).expect(200);
    expect(res.body.snoozed_until).toBe(until);
    expect((await ctx.prisma.user.findUniqueOrThrow({ where: { id: alice.user.id } })).snoozedUntil?.toISOString()).toBe(until);
    expect((await as(bob).get('/api/users/me').expect(200)).body.snoozed_until).toBeNull();
    expect((await as(alice).put('/api/users/me/snooze', { until: null }).expect(200)).body.snoozed_until).toBeNull();
  });

  it('refuses a time in the past, more than a year ahead, or not a time', async () => {
    for (const until of [new Date(Date.now() - 60_000).toISOString(), new Date(Date.now() + 400 * 86_400_000).toISOString(), 'tomorrow']) {
      const res = await as(alice).put('/api/users/me/snooze', { until }).expect(400);
      expect(issues(res)).toEqual(['body.until']);
    }
  });
});
