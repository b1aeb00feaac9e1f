import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import request from 'supertest';
import { as, createJob, createNotification, invalidFields, startTestApp, type TestContext, type TestUser } from './helpers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp('notifications');
});
afterAll(async () => ctx?.close());

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
type Item = { id: string; job_title: string; read: boolean };
const titles = (res: request.Response) => (res.body.items as Item[]).map((item) => item.job_title);

/** A user with notifications for jobs "N1" (oldest) … "N<count>" (newest). */
async function userWithNotifications(count: number): Promise<{ user: TestUser; ids: string[] }> {
  const user = await ctx.user();
  const ids: string[] = [];
  for (let i = 1; i <= count; i += 1) {
    const job = await createJob(ctx.prisma, { title: `N${i}` });
    ids.push((await createNotification(ctx.prisma, user.id, job, 70 + i, minutesAgo(100 - i))).id);
  }
  return { user, ids };
}

describe('GET /api/notifications', () => {
  it('lists the caller’s notifications newest first with the unread count', async () => {
    const { user } = await userWithNotifications(3);
    const res = await as(ctx, user).get('/api/notifications').expect(200);
    expect(titles(res)).toEqual(['N3', 'N2', 'N1']);
    expect(res.body.unread_count).toBe(3);
    expect(res.body.next_cursor).toBeNull();
    expect(res.body.items[0]).toEqual({
      id: expect.any(String),
      job_id: expect.any(String),
      match_id: expect.any(String),
      job_title: 'N3',
      company: 'Acme',
      job_url: expect.any(String),
      matching_score: 73,
      ai_analysis: { summary: 'fits' },
      read: false,
      read_at: null,
      discord_status: 'skipped', // no Discord channel
      created_at: expect.any(String),
    });
  });

  it('shows the delivery on the user’s first Discord channel as discord_status', async () => {
    const user = await ctx.user();
    const channel = await ctx.prisma.notificationChannel.create({ data: { userId: user.id, kind: 'discord', settings: { webhook_url: 'https://discord.com/api/webhooks/1/x' } } });
    const sent = await createNotification(ctx.prisma, user.id, await createJob(ctx.prisma, { title: 'Sent' }), 80, minutesAgo(2));
    const broken = await createNotification(ctx.prisma, user.id, await createJob(ctx.prisma, { title: 'Broken' }), 80, minutesAgo(1));
    await ctx.prisma.channelDelivery.create({ data: { channelId: channel.id, matchId: sent.matchId, status: 'sent' } });
    await ctx.prisma.channelDelivery.create({ data: { channelId: channel.id, matchId: broken.matchId, status: 'failed' } });
    await ctx.prisma.notificationChannel.update({ where: { id: channel.id }, data: { enabled: false } });
    const res = await as(ctx, user).get('/api/notifications').expect(200);
    expect((res.body.items as { job_title: string; discord_status: string }[]).map((n) => [n.job_title, n.discord_status])).toEqual([
      ['Broken', 'broken'],
      ['Sent', 'sent'],
    ]);
    const read = await as(ctx, user).post(`/api/notifications/${sent.id}/read`).expect(200);
    expect(read.body.discord_status).toBe('sent');
  });

  it('filters unread and read ones; the unread count covers all', async () => {
    const { user, ids } = await userWithNotifications(3);
    await as(ctx, user).post(`/api/notifications/${ids[1]}/read`).expect(200);
    const unread = await as(ctx, user).get('/api/notifications?unread=true').expect(200);
    expect(titles(unread)).toEqual(['N3', 'N1']);
    expect(unread.body.unread_count).toBe(2);
    const read = await as(ctx, user).get('/api/notifications?unread=false').expect(200);
    expect(titles(read)).toEqual(['N2']);
    expect(read.body.unread_count).toBe(2);
  });

  it('pages with a cursor, with no gaps or repeats while notifications arrive', async () => {
    const { user, ids } = await userWithNotifications(5);
    const seen: string[] = [];
    let cursor: string | null = null;
    let round = 0;
    do {
      const path: string = `/api/notifications?limit=2${cursor ? `&cursor=${cursor}` : ''}`;
      const res = await as(ctx, user).get(path).expect(200);
      seen.push(...(res.body.items as Item[]).map((item) => item.id));
      cursor = res.body.next_cursor as string | null;
      round += 1;
      await createNotification(ctx.prisma, user.id, await createJob(ctx.prisma, { title: `Late ${round}` }));
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
  });

  it('never shows another user’s notifications', async () => {
    await userWithNotifications(2);
    const stranger = await ctx.user();
    expect((await as(ctx, stranger).get('/api/notifications').expect(200)).body).toEqual({ items: [], next_cursor: null, unread_count: 0 });
  });

  it('answers 400 naming each invalid query parameter, 401 without a token', async () => {
    const user = await ctx.user();
    for (const [query, field] of [
      ['unread=yes-please', 'query.unread'],
      ['limit=-3', 'query.limit'],
      ['cursor=abc', 'query.cursor'],
    ]) {
      const res = await as(ctx, user).get(`/api/notifications?${query}`).expect(400);
      expect(invalidFields(res)).toEqual([field]);
    }
    await request(ctx.app).get('/api/notifications').expect(401);
  });
});

describe('POST /api/notifications/:id/read', () => {
  it('marks one read and keeps the first read time', async () => {
    const { user, ids } = await userWithNotifications(2);
    const first = await as(ctx, user).post(`/api/notifications/${ids[0]}/read`).expect(200);
    expect(first.body).toMatchObject({ id: ids[0], read: true, read_at: expect.any(String) });
    const again = await as(ctx, user).post(`/api/notifications/${ids[0]}/read`).expect(200);
    expect(again.body.read_at).toBe(first.body.read_at);
    expect((await as(ctx, user).get('/api/notifications').expect(200)).body.unread_count).toBe(1);
  });

  it('answers 404 for another user’s notification and leaves it unread', async () => {
    const { user: owner, ids } = await userWithNotifications(1);
    const other = await ctx.user();
    await as(ctx, other).post(`/api/notifications/${ids[0]}/read`).expect(404);
    expect((await ctx.prisma.notification.findUniqueOrThrow({ where: { id: ids[0] } })).readAt).toBeNull();
    expect((await as(ctx, owner).get('/api/notifications').expect(200)).body.unread_count).toBe(1);
  });

  it('validates the id and needs a token', async () => {
    const user = await ctx.user();
    expect(invalidFields(await as(ctx, user).post('/api/notifications/x/read').expect(400))).toEqual(['params.id']);
    await request(ctx.app).post('/api/notifications/2d7f1f3c-0d7f-4a49-9b7a-0a4b1f0e6b11/read').expect(401);
  });
});

describe('POST /api/notifications/read-all', () => {
  it('marks all of the caller’s notifications read, nobody else’s', async () => {
    const { user } = await userWithNotifications(3);
    const { user: other } = await userWithNotifications(2);
    const res = await as(ctx, user).post('/api/notifications/read-all').expect(200);
    expect(res.body).toEqual({ marked_read: 3, unread_count: 0 });
    expect((await as(ctx, user).get('/api/notifications?unread=true').expect(200)).body.items).toEqual([]);
    expect((await as(ctx, other).get('/api/notifications').expect(200)).body.unread_count).toBe(2);
    expect((await as(ctx, user).post('/api/notifications/read-all').expect(200)).body.marked_read).toBe(0);
  });

  it('needs a token', async () => {
    await request(ctx.app).post('/api/notifications/read-all').expect(401);
  });
});
