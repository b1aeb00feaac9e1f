import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { channelEnvSchema, createChannelSender } from '@jobping/channels';
import { createDatabase, type Database, type PrismaClient } from '@jobping/db';
import { createTestDatabase, type TestDatabase } from '@jobping/db/testing';
import { createLogger } from '@jobping/logger';
import { SmtpCatcher, waitFor } from '@jobping/testing';
import { ChannelDeliveries } from '../src/channel-deliveries';
import { ChannelDigests } from '../src/channel-digests';

let db: TestDatabase;
let prisma: PrismaClient;
let database: Database;
const smtp = new SmtpCatcher();
const logger = createLogger({ service: 'notifier-digest-test', level: 'error', nodeEnv: 'test' });
/** The one clock of these tests: deliveries and digests read it. */
let clock = new Date('2026-12-01T13:00:00Z');
let deliveries: ChannelDeliveries;
let digests: ChannelDigests;
const LEASE_MS = 60_000;

const analysis = { explanation: 'Backend work in Rust.', pros: ['Rust'], cons: [], recommendation: 'apply' as const };

interface ChannelOptions {
  mode?: 'instant' | 'daily' | 'weekly';
  timeZone?: string;
  quiet?: [number, number];
}

async function emailUser(options: ChannelOptions = {}) {
  const user = await prisma.user.create({
    data: { email: `${randomUUID()}@jobping.test`, passwordHash: 'x', aiPrompt: 'rust', notifyThreshold: 70, emailVerifiedAt: new Date() },
  });
  const channel = await prisma.notificationChannel.create({
    data: {
      userId: user.id,
      kind: 'email',
      settings: {},
      mode: options.mode ?? 'daily',
      timeZone: options.timeZone ?? 'Europe/Berlin',
      digestHour: 8,
      ...(options.quiet ? { quietStartMinute: options.quiet[0], quietEndMinute: options.quiet[1] } : {}),
    },
  });
  return { user, channel };
}

/** A scored match of `company`, handed to the channel deliveries as the notifier does. */
async function deliverMatch(userId: string, company: string, title: string, score: number) {
  const row = await prisma.company.create({ data: { name: company, normalizedName: randomUUID() } });
  const job = await prisma.job.create({
    data: {
      companyId: row.id,
      source: 'greenhouse',
      sourceId: randomUUID(),
      url: `https://jobs.example/${randomUUID()}`,
      dedupeKey: randomUUID(),
      title,
      companyName: company,
      location: 'Vienna',
      description: 'Services in Rust.',
    },
  });
  const match = await prisma.userJobMatch.create({ data: { userId, jobId: job.id, score, analysis, provider: 'local', model: 'm', promptVersion: 'v' } });
  const content = {
    jobTitle: title,
    company,
    jobUrl: job.url,
    location: 'Vienna',
    remote: false,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    salaryPeriod: null,
    score,
    analysis,
  };
  return deliveries.deliver({ userId, matchId: match.id, score, content });
}

const smtpConfig = () =>
  channelEnvSchema.parse({
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_TLS: 'none',
    UNSUBSCRIBE_SECRET: 'notifier-test-secret-of-at-least-32-bytes',
    CHANNEL_TIMEOUT_MS: '5000',
    CHANNEL_RETRY_BASE_MS: '10',
    CHANNEL_RETRY_MAX_MS: '20',
  });

beforeAll(async () => {
  db = await createTestDatabase('notifier_digests');
  database = createDatabase({ databaseUrl: db.url, poolSize: 4 });
  prisma = database.prisma;
  await smtp.start();
  const sender = createChannelSender(smtpConfig());
  deliveries = new ChannelDeliveries({ pool: database.pool, sender, logger, sendLeaseMs: 60_000, now: () => clock });
  digests = new ChannelDigests({ pool: database.pool, sender, logger, leaseMs: LEASE_MS, perCompany: 3, now: () => clock });
});

afterAll(async () => {
  await smtp.stop();
  await database?.close();
  await db?.drop();
});

beforeEach(async () => {
  smtp.reset();
  // Each test starts with no channel holding anything.
  await prisma.notificationChannel.deleteMany({});
});

describe('daily digests', () => {
  it('sends a daily user with 12 matches exactly one mail at 08:00 local, best first, at most 3 per company', async () => {
    const { user, channel } = await emailUser();
    clock = new Date('2026-12-01T13:00:00Z'); // 14:00 in Berlin, after that day's 08:00
    const plan: [string, number][] = [
      ['Ferrous Pay', 95], ['Ferrous Pay', 81], ['Ferrous Pay', 78], ['Ferrous Pay', 75], ['Ferrous Pay', 72],
      ['Northwind Rail', 90], ['Northwind Rail', 85], ['Northwind Rail', 80], ['Northwind Rail', 71],
      ['Quill Labs', 99], ['Quill Labs', 74], ['Quill Labs', 73],
    ];
    for (const [i, [company, score]] of plan.entries()) {
      expect((await deliverMatch(user.id, company, `Engineer ${i + 1}`, score)).get(channel.id)).toBe('held');
    }
    expect(smtp.mailsTo(user.email)).toHaveLength(0);

    // The same afternoon and one minute before 08:00 the next day: nothing is due.
    clock = new Date('2026-12-01T19:00:00Z');
    await digests.tick();
    clock = new Date('2026-12-02T06:59:00Z');
    await digests.tick();
    expect(smtp.mailsTo(user.email)).toHaveLength(0);

    // 08:00 in Berlin is 07:00 UTC in winter.
    clock = new Date('2026-12-02T07:00:00Z');
    expect([...(await digests.tick()).values()]).toEqual(['sent']);
    clock = new Date('2026-12-02T07:05:00Z');
    await digests.tick();
    clock = new Date('2026-12-03T07:00:00Z'); // the next day: nothing new, nothing sent
    expect((await digests.tick()).size).toBe(0);

    const mails = smtp.mailsTo(user.email);
    expect(mails).toHaveLength(1);
    const mail = mails[0]!;
    expect(mail.parsed.subject).toBe('Your daily JobPing digest: 12 new matches');
    const text = mail.parsed.text ?? '';
    // Companies by their best match (Quill 99, Ferrous 95, Northwind 90), each best first, capped at 3.
    const order = ['Quill Labs:', '99/100 Engineer 10', '74/100 Engineer 11', '73/100 Engineer 12', 'Ferrous Pay:', '95/100 Engineer 1', '81/100 Engineer 2', '78/100 Engineer 3', '+2 more', 'Northwind Rail:', '90/100 Engineer 6', '85/100 Engineer 7', '80/100 Engineer 8', '+1 more'];
    const positions = order.map((needle) => text.indexOf(needle));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(text).not.toContain('Engineer 4');
    expect(text).not.toContain('Engineer 9');
    expect(mail.raw).toContain('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(mail.parsed.html).toContain('+2 more');

    const rows = await prisma.channelDelivery.findMany({ where: { channelId: channel.id } });
    expect(rows).toHaveLength(12);
    expect(rows.every((r) => r.status === 'sent' && r.digestId)).toBe(true);
    const sentDigests = await prisma.channelDigest.findMany({ where: { channelId: channel.id } });
    expect(sentDigests).toMatchObject([{ windowKey: 'daily:2026-12-02', status: 'sent', matchCount: 12, attempts: 1 }]);
  });

  it('sends nothing on an empty day and records no window', async () => {
    const { user, channel } = await emailUser();
    clock = new Date('2026-12-02T07:00:00Z');
    await digests.tick();
    clock = new Date('2026-12-02T12:00:00Z');
    await digests.tick();
    expect(smtp.mailsTo(user.email)).toHaveLength(0);
    expect(await prisma.channelDigest.count({ where: { channelId: channel.id } })).toBe(0);
  });

  it('holds a match that arrives after 08:00 for the next day', async () => {
    const { user, channel } = await emailUser();
    clock = new Date('2026-12-02T06:30:00Z');
    await deliverMatch(user.id, 'Ferrous Pay', 'Early', 88);
    clock = new Date('2026-12-02T07:30:00Z');
    await deliverMatch(user.id, 'Ferrous Pay', 'Late', 86);
    await digests.tick();
    clock = new Date('2026-12-03T07:00:00Z');
    await digests.tick();
    const mails = smtp.mailsTo(user.email);
    expect(mails.map((m) => m.parsed.subject)).toEqual(['Your daily JobPing digest: 1 new match', 'Your daily JobPing digest: 1 new match']);
    expect(mails[0]!.parsed.text).toContain('Early');
    expect(mails[1]!.parsed.text).toContain('Late');
    expect((await prisma.channelDigest.findMany({ where: { channelId: channel.id }, orderBy: { dueAt: 'asc' } })).map((d) => d.windowKey)).toEqual([
      'daily:2026-12-02',
      'daily:2026-12-03',
    ]);
  });
});

describe('several notifier replicas', () => {
  it('send a due digest once when they tick at the same moment', async () => {
    const { user } = await emailUser();
    clock = new Date('2026-12-01T13:00:00Z');
    for (let i = 0; i < 3; i += 1) await deliverMatch(user.id, 'Ferrous Pay', `Engineer ${i}`, 80 + i);
    clock = new Date('2026-12-02T07:00:00Z');
    const replicas = Array.from({ length: 4 }, () => new ChannelDigests({ pool: database.pool, sender: createChannelSender(smtpConfig()), logger, leaseMs: LEASE_MS, perCompany: 3, now: () => clock }));
    const outcomes = (await Promise.all(replicas.map((r, i) => r.tick(`replica-${i}`)))).flatMap((m) => [...m.values()]);
    expect(outcomes.filter((o) => o === 'sent')).toHaveLength(1);
    expect(smtp.mailsTo(user.email)).toHaveLength(1);
  });
});

describe('a held match whose stored analysis no longer parses', () => {
  it('fails that one row and still sends the digest with the rest', async () => {
    const { user, channel } = await emailUser();
    clock = new Date('2026-12-01T13:00:00Z');
    await deliverMatch(user.id, 'Ferrous Pay', 'Readable', 90);
    await deliverMatch(user.id, 'Quill Labs', 'Garbled', 85);
    const garbled = await prisma.channelDelivery.findFirstOrThrow({ where: { channelId: channel.id, match: { job: { title: 'Garbled' } } } });
    await prisma.userJobMatch.update({ where: { id: garbled.matchId }, data: { analysis: { explanation: 42 } } });
    clock = new Date('2026-12-02T07:00:00Z');
    expect([...(await digests.tick()).values()]).toEqual(['sent']);
    const mails = smtp.mailsTo(user.email);
    expect(mails.map((m) => m.parsed.subject)).toEqual(['Your daily JobPing digest: 1 new match']);
    expect(mails[0]!.parsed.text).not.toContain('Garbled');
    expect(await prisma.channelDelivery.findUniqueOrThrow({ where: { id: garbled.id } })).toMatchObject({ status: 'failed' });
  });
});

describe('quiet hours', () => {
  it('holds a match during quiet hours and sends it when they end; outside them it goes at once', async () => {
    // Quiet from 22:00 to 07:00 in Berlin (21:00–06:00 UTC in winter).
    const { user, channel } = await emailUser({ mode: 'instant', quiet: [22 * 60, 7 * 60] });
    clock = new Date('2026-12-01T22:30:00Z'); // 23:30 local
    expect((await deliverMatch(user.id, 'Ferrous Pay', 'Night Owl Engineer', 84)).get(channel.id)).toBe('held');
    clock = new Date('2026-12-02T05:59:00Z'); // 06:59 local: still quiet
    await digests.tick();
    expect(smtp.mailsTo(user.email)).toHaveLength(0);

    clock = new Date('2026-12-02T06:00:00Z'); // 07:00 local
    await digests.tick();
    await digests.tick();
    const mails = smtp.mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toBe('JobPing matches from your quiet hours: 1 new match');
    expect(mails[0]!.parsed.text).toContain('84/100 Night Owl Engineer');
    expect(await prisma.channelDigest.findMany({ where: { channelId: channel.id } })).toMatchObject([{ windowKey: 'quiet:2026-12-02T07:00', status: 'sent' }]);

    clock = new Date('2026-12-02T11:00:00Z'); // noon: no quiet hours, sent at once
    expect((await deliverMatch(user.id, 'Ferrous Pay', 'Day Engineer', 80)).get(channel.id)).toBe('sent');
    expect(smtp.mailsTo(user.email)).toHaveLength(2);
  });
});

describe('a notifier killed mid-digest', () => {
  let blackhole: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    // An SMTP server that accepts the connection and never greets: the child hangs mid-send.
    blackhole = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => blackhole.close(() => resolve()));
  });

  it('sends that digest once: the claim holds while young, and the next tick after the lease sends it', async () => {
    const { user, channel } = await emailUser();
    clock = new Date('2026-12-01T13:00:00Z');
    await deliverMatch(user.id, 'Ferrous Pay', 'Rust Engineer', 90);
    await deliverMatch(user.id, 'Quill Labs', 'Platform Engineer', 82);
    clock = new Date('2026-12-02T07:00:00Z');

    const port = (blackhole.address() as { port: number }).port;
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'fixtures', 'digest-tick.ts')], {
      cwd: join(__dirname, '..'),
      env: { ...process.env, DIGEST_TEST_DATABASE_URL: db.url, DIGEST_TEST_SMTP_PORT: String(port), DIGEST_TEST_NOW: clock.toISOString() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
    try {
      // The child claimed the digest and is talking to the server that never answers.
      await waitFor(
        'the child to claim the digest and connect',
        async () => sockets.length > 0 && (await prisma.channelDigest.count({ where: { channelId: channel.id, claimedBy: { startsWith: 'child:' } } })) === 1,
        { timeoutMs: 30_000 },
      );
    } finally {
      child.kill('SIGKILL');
    }
    expect(await exited).toBe('SIGKILL');
    expect(output).not.toContain('tick finished');
    expect(await prisma.channelDelivery.count({ where: { channelId: channel.id, status: 'held', digestId: { not: null } } })).toBe(2);

    // A young claim belongs to a live notifier: left alone.
    clock = new Date('2026-12-02T07:00:30Z');
    expect([...(await digests.tick()).values()]).toEqual(['busy']);
    expect(smtp.mailsTo(user.email)).toHaveLength(0);

    // Past the lease: taken over and sent, once.
    clock = new Date(Date.parse('2026-12-02T07:00:00Z') + LEASE_MS + 1_000);
    expect([...(await digests.tick()).values()]).toEqual(['sent']);
    await digests.tick();
    clock = new Date('2026-12-02T09:00:00Z');
    await digests.tick();
    const mails = smtp.mailsTo(user.email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.parsed.subject).toBe('Your daily JobPing digest: 2 new matches');
    const digest = await prisma.channelDigest.findFirstOrThrow({ where: { channelId: channel.id } });
    expect(digest).toMatchObject({ status: 'sent', attempts: 2, matchCount: 2 });
    expect(mails[0]!.parsed.messageId).toBe(`<${digest.id}@localhost>`);
  }, 60_000);
});
