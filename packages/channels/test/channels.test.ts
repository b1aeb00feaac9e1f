import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { FakeSlack, FakeTelegram, FakeWebhookReceiver, SmtpCatcher } from '@jobping/testing';
import {
  buildDigest,
  ChannelSendError,
  channelEnvSchema,
  checkOutboundUrl,
  createChannelSender,
  newWebhookSecret,
  renderEmail,
  verifyUnsubscribeToken,
  verifyWebhookSignature,
  webhookBody,
  type ChannelSender,
  type MatchContent,
} from '../src';
import { post } from '../src/http';

const smtp = new SmtpCatcher();
const telegram = new FakeTelegram();
const slack = new FakeSlack();
const receiver = new FakeWebhookReceiver();
const UNSUBSCRIBE_SECRET = 'a-test-secret-of-more-than-thirty-two-bytes';
let sender: ChannelSender;

// Our own words: a posting whose title tries to smuggle markup into the HTML part.
const match: MatchContent = {
  jobTitle: 'Platform Engineer <script>alert(1)</script>',
  company: 'Tidewater Analytics',
  jobUrl: 'https://jobs.example/tidewater/42',
  location: 'Lisbon, Portugal',
  remote: true,
  salaryMin: 70_000,
  salaryMax: 90_000,
  salaryCurrency: 'EUR',
  salaryPeriod: 'year',
  score: 86,
  analysis: { explanation: 'Go and Kubernetes, remote within Europe.', pros: ['remote in the EU', 'Go'], cons: ['pager duty'], recommendation: 'apply' },
};
const CHANNEL_ID = '4f0c8a52-8b7e-4d0e-9a51-3f1f2f4b6c10';

beforeAll(async () => {
  await Promise.all([smtp.start(), telegram.start(), slack.start(), receiver.start()]);
  const config = channelEnvSchema.parse({
    JOBPING_WEBHOOK_ALLOWED_HOSTS: [slack.host, receiver.host].join(','),
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: String(smtp.port),
    SMTP_TLS: 'none',
    MAIL_FROM: 'JobPing <alerts@jobping.test>',
    PUBLIC_WEB_URL: 'https://jobping.example',
    UNSUBSCRIBE_SECRET,
    TELEGRAM_API_BASE: telegram.url,
    CHANNEL_TIMEOUT_MS: '5000',
    CHANNEL_RETRY_BASE_MS: '20',
    CHANNEL_RETRY_MAX_MS: '40',
  });
  sender = createChannelSender(config);
});

afterAll(async () => {
  await Promise.all([smtp.stop(), telegram.stop(), slack.stop(), receiver.stop()]);
});

beforeEach(() => {
  smtp.reset();
  telegram.reset();
  slack.reset();
  receiver.reset();
});

describe('e-mail channel', () => {
  it('sends one mail with text and HTML parts from one template and a one-click unsubscribe for that channel', async () => {
    const sent = await sender.send({ channelId: CHANNEL_ID, kind: 'email', settings: {}, email: 'ana@example.com' }, { type: 'match', match });
    expect(sent.attempts).toBe(1);
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0]!;
    expect(mail.to).toEqual(['ana@example.com']);
    expect(mail.parsed.subject).toBe('New match (86/100): Platform Engineer <script>alert(1)</script> at Tidewater Analytics');
    for (const part of [mail.parsed.text ?? '', String(mail.parsed.html)]) {
      expect(part).toContain('Tidewater Analytics');
      expect(part).toContain('https://jobs.example/tidewater/42');
      expect(part).toContain('remote in the EU');
    }
    expect(String(mail.parsed.html)).not.toContain('<script>');
    expect(String(mail.parsed.html)).toContain('&lt;script&gt;');

    // RFC 8058: the List-Unsubscribe URL plus List-Unsubscribe-Post; its token names this channel.
    // (mailparser folds the List-* headers into one object: read the header lines as sent.)
    const unfolded = mail.raw.replace(/\r?\n[ \t]+/g, ' ');
    expect(/^List-Unsubscribe-Post: (.*)$/im.exec(unfolded)?.[1]?.trim()).toBe('List-Unsubscribe=One-Click');
    const header = /^List-Unsubscribe: <([^>]+)>/im.exec(unfolded)?.[1];
    expect(header).toBeDefined();
    const url = new URL(header!);
    const [, prefix, token] = /^(\/api\/unsubscribe\/)([^/]+)$/.exec(url.pathname) ?? [];
    expect(url.origin + (prefix ?? url.pathname)).toBe('https://jobping.example/api/unsubscribe/');
    expect(verifyUnsubscribeToken(UNSUBSCRIBE_SECRET, token!)).toBe(CHANNEL_ID);
    expect(verifyUnsubscribeToken('another-secret-of-more-than-thirty-two-bytes', token!)).toBeUndefined();
  });

  it('reports a 5xx reply (a bounce at RCPT) as permanent', async () => {
    smtp.rejectRecipient('gone@example.com');
    const error = await sender.send({ channelId: CHANNEL_ID, kind: 'email', settings: {}, email: 'gone@example.com' }, { type: 'test' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelSendError);
    expect(error).toMatchObject({ failure: 'permanent', status: 550 });
    expect(smtp.mails).toHaveLength(0);
  });
});

describe('generic webhook channel', () => {
  it('signs "<timestamp>.<body>" with the channel secret; the receiver verifies it with that secret only', async () => {
    const secret = newWebhookSecret();
    await sender.send({ channelId: CHANNEL_ID, kind: 'webhook', settings: { url: receiver.endpoint(), secret }, deliveryId: 'd-1' }, { type: 'match', match });
    expect(receiver.received).toHaveLength(1);
    const post = receiver.received[0]!;
    const headers = { timestamp: post.headers['x-jobping-timestamp'] as string, signature: post.headers['x-jobping-signature'] as string };
    expect(verifyWebhookSignature(secret, headers, post.raw)).toBe(true);
    expect(verifyWebhookSignature(newWebhookSecret(), headers, post.raw)).toBe(false);
    expect(verifyWebhookSignature(secret, headers, post.raw.replace('86', '99'))).toBe(false);
    expect(post.headers['x-jobping-delivery']).toBe('d-1');
    expect(post.body).toMatchObject({ type: 'match', delivery_id: 'd-1', match: { company: 'Tidewater Analytics', score: 86, recommendation: 'apply' } });
  });

  it('treats 410 (endpoint deleted) as permanent and 503 as retryable, retried with backoff', async () => {
    const secret = newWebhookSecret();
    receiver.script('/gone', { status: 410, body: {} });
    await expect(sender.send({ channelId: CHANNEL_ID, kind: 'webhook', settings: { url: receiver.endpoint('/gone'), secret } }, { type: 'test' })).rejects.toMatchObject({
      failure: 'permanent',
      status: 410,
    });
    receiver.script('/flaky', { status: 503, body: {} });
    const sent = await sender.send({ channelId: CHANNEL_ID, kind: 'webhook', settings: { url: receiver.endpoint('/flaky'), secret } }, { type: 'test' });
    expect(sent.attempts).toBe(2);
  });
});

describe('Telegram channel', () => {
  it("waits out a 429's retry_after, then delivers once", async () => {
    const token = telegram.token(1);
    telegram.rateLimit(token, 1);
    const started = Date.now();
    const sent = await sender.send({ channelId: CHANNEL_ID, kind: 'telegram', settings: { bot_token: token, chat_id: '4242' } }, { type: 'match', match });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(sent).toMatchObject({ attempts: 2, externalId: '1' });
    expect(telegram.received).toHaveLength(2);
    const [message] = telegram.messagesFor(token);
    expect(message).toMatchObject({ chat_id: '4242' });
    expect(message!.text).toContain('Platform Engineer <script>alert(1)</script> at Tidewater Analytics');
  });

  it('reports a revoked bot (401) as permanent, without the token in the message', async () => {
    const token = telegram.token(2);
    telegram.revoke(token);
    const error = (await sender.send({ channelId: CHANNEL_ID, kind: 'telegram', settings: { bot_token: token, chat_id: '4242' } }, { type: 'test' }).catch((e: unknown) => e)) as ChannelSendError;
    expect(error).toMatchObject({ failure: 'permanent', status: 401 });
    expect(error.message).not.toContain(token.split(':')[1]);
  });
});

describe('Slack channel', () => {
  it('posts escaped mrkdwn with one link, and reports a removed hook (404 no_service) as permanent', async () => {
    await sender.send({ channelId: CHANNEL_ID, kind: 'slack', settings: { webhook_url: slack.webhookUrl(1) } }, { type: 'match', match });
    const text = (slack.postsTo(1)[0]?.body as { text: string }).text;
    expect(text).toContain('<https://jobs.example/tidewater/42|Platform Engineer &lt;script&gt;alert(1)&lt;/script&gt; at Tidewater Analytics>');
    slack.remove(2);
    await expect(sender.send({ channelId: CHANNEL_ID, kind: 'slack', settings: { webhook_url: slack.webhookUrl(2) } }, { type: 'test' })).rejects.toMatchObject({
      failure: 'permanent',
      status: 404,
    });
  });
});

describe('checkOutboundUrl', () => {
  const policy = { allowedHosts: ['127.0.0.1:4010'] };
  it.each([
    ['http://hooks.example.com/x', 'must use https'],
    ['https://127.0.0.1/x', 'private and loopback'],
    ['https://10.1.2.3/x', 'private and loopback'],
    ['https://169.254.169.254/latest', 'private and loopback'],
    ['https://[::1]/x', 'private and loopback'],
    ['https://localhost/x', 'local host names'],
    ['https://user:pw@hooks.example.com/x', 'credentials'],
    ['https://hooks.example.com:8443/x', 'default https port'],
  ])('refuses %s', (url, reason) => {
    expect(() => checkOutboundUrl(url, policy)).toThrow(reason);
  });
  it('allows public https and the allowed test host over http', () => {
    expect(checkOutboundUrl('https://hooks.example.com/x', policy).host).toBe('hooks.example.com');
    expect(checkOutboundUrl('http://127.0.0.1:4010/x', policy).port).toBe('4010');
    expect(() => checkOutboundUrl('https://evil.example/services/x', policy, 'hooks.slack.com')).toThrow('hooks.slack.com');
  });
});

describe('outbound requests to a user-given URL', () => {
  // A public-looking check passes a name; what it resolves to is checked where the socket connects.
  const byName = () => receiver.endpoint().replace('127.0.0.1', 'localhost');

  it('refuses a host name that resolves to a private address, as a permanent failure, sending nothing', async () => {
    const sent = post(byName(), '{}', { 'Content-Type': 'application/json' }, 5_000, 'the webhook', { allowedHosts: [] });
    await expect(sent).rejects.toMatchObject({ failure: 'permanent', message: expect.stringContaining('target refused') });
    expect(receiver.received).toHaveLength(0);
  });

  it('reaches that name when it is an allowed test host', async () => {
    const host = new URL(byName()).host;
    const answer = await post(byName(), '{}', { 'Content-Type': 'application/json' }, 5_000, 'the webhook', { allowedHosts: [host] });
    expect(answer.status).toBeLessThan(300);
    expect(receiver.received).toHaveLength(1);
  });
});

describe('digests', () => {
  const match = (company: string, jobTitle: string, score: number) => ({
    jobTitle,
    company,
    jobUrl: `https://jobs.example/${encodeURIComponent(jobTitle)}`,
    location: 'Vienna',
    remote: false,
    salaryMin: null,
    salaryMax: null,
    salaryCurrency: null,
    salaryPeriod: null,
    score,
    analysis: { explanation: 'x', pros: [], cons: [], recommendation: 'apply' as const },
  });

  it('groups by company, best first, caps each company and counts the rest', () => {
    const d = buildDigest('daily', [match('A', 'a1', 70), match('B', 'b1', 90), match('A', 'a2', 95), match('A', 'a3', 60), match('a', 'a4', 80)], 2);
    expect(d.total).toBe(5);
    expect(d.companies.map((c) => [c.company, c.matches.map((m) => m.jobTitle), c.more])).toEqual([
      ['A', ['a2', 'a4'], 2],
      ['B', ['b1'], 0],
    ]);
  });

  it('renders a digest mail with escaped text and the same facts in both parts; the webhook body lists it', () => {
    const d = buildDigest('weekly', [match('<b>Evil</b> Co', 'Engineer <script>', 88), match('<b>Evil</b> Co', 'Second', 70)], 1);
    const mail = renderEmail({ type: 'digest', digest: d }, { unsubscribeUrl: 'https://jobping.example/api/unsubscribe/t' });
    expect(mail.subject).toBe('Your weekly JobPing digest: 2 new matches');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;b&gt;Evil&lt;/b&gt; Co');
    expect(mail.text).toContain('88/100 Engineer <script>');
    expect(mail.text).toContain('+1 more');
    expect(mail.html).toContain('+1 more');
    const body = webhookBody({ type: 'digest', digest: d }, 'dig-1', new Date('2026-12-01T07:00:00Z'));
    expect(body).toMatchObject({ type: 'digest', delivery_id: 'dig-1', match: null, digest: { kind: 'weekly', total: 2, companies: [{ company: '<b>Evil</b> Co', more: 1, matches: [{ job_title: 'Engineer <script>', score: 88 }] }] } });
  });
});
