import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { dismissReasons } from '@jobping/contracts';
import request from 'supertest';
import { createJob, invalidFields, startTestApp, type TestContext } from './helpers';

let ctx: TestContext;

beforeAll(async () => {
  ctx = await startTestApp('not_interested');
});
afterAll(async () => ctx?.close());

const put = (token: string, jobId: string, body: object) =>
  request(ctx.app).put(`/api/users/me/jobs/${jobId}/not-interested`).set('Authorization', `Bearer ${token}`).send(body);
const undo = (token: string, jobId: string) => request(ctx.app).delete(`/api/users/me/jobs/${jobId}/not-interested`).set('Authorization', `Bearer ${token}`);

describe('not interested', () => {
  it('stores a reason per (user, job); saying it again replaces it; undo removes it', async () => {
    const alice = await ctx.user();
    const job = await createJob(ctx.prisma);
    const res = await put(alice.token, job.id, { reason: 'salary' }).expect(200);
    expect(res.body).toEqual({ job_id: job.id, reason: 'salary', text: null, created_at: expect.any(String) });
    await put(alice.token, job.id, { reason: 'other', text: ' Too much travel ' }).expect(200);
    const stored = await ctx.prisma.jobDismissal.findMany({ where: { userId: alice.id } });
    expect(stored.map((d) => [d.jobId, d.reason, d.text])).toEqual([[job.id, 'other', 'Too much travel']]);

    await undo(alice.token, job.id).expect(204);
    await undo(alice.token, job.id).expect(404);
    expect(await ctx.prisma.jobDismissal.count({ where: { userId: alice.id } })).toBe(0);
  });

  it('accepts every reason of the fixed list', async () => {
    const alice = await ctx.user();
    for (const reason of dismissReasons) {
      const job = await createJob(ctx.prisma);
      await put(alice.token, job.id, { reason, ...(reason === 'other' ? { text: 'my words' } : {}) }).expect(200);
    }
    expect(await ctx.prisma.jobDismissal.count({ where: { userId: alice.id } })).toBe(dismissReasons.length);
  });

  it('another user can neither see nor undo yours', async () => {
    const alice = await ctx.user();
    const bob = await ctx.user();
    const job = await createJob(ctx.prisma);
    await put(alice.token, job.id, { reason: 'company' }).expect(200);
    await undo(bob.token, job.id).expect(404);
    // Bob's own answer for the same job is his, and leaves Alice's as it was.
    await put(bob.token, job.id, { reason: 'role' }).expect(200);
    await undo(bob.token, job.id).expect(204);
    expect((await ctx.prisma.jobDismissal.findUniqueOrThrow({ where: { userId_jobId: { userId: alice.id, jobId: job.id } } })).reason).toBe('company');
  });

  it('validates the reason, the text for other, the job id; 404 for a job that does not exist; needs a token', async () => {
    const alice = await ctx.user();
    const job = await createJob(ctx.prisma);
    expect(invalidFields(await put(alice.token, job.id, { reason: 'boring' }).expect(400))).toEqual(['body.reason']);
    expect(invalidFields(await put(alice.token, job.id, { reason: 'other' }).expect(400))).toEqual(['body.text']);
    expect(invalidFields(await put(alice.token, job.id, { reason: 'role', text: 'x'.repeat(501) }).expect(400))).toEqual(['body.text']);
    expect(invalidFields(await put(alice.token, 'nope', { reason: 'role' }).expect(400))).toEqual(['params.jobId']);
    await put(alice.token, randomUUID(), { reason: 'role' }).expect(404);
    await request(ctx.app).put(`/api/users/me/jobs/${job.id}/not-interested`).send({ reason: 'role' }).expect(401);
  });
});
