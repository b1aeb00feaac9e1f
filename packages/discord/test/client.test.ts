import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import {
  BrokenWebhookError,
  DiscordRateLimitError,
  DiscordRequestError,
  DiscordUnavailableError,
  DiscordWebhookClient,
  InvalidWebhookUrlError,
  type DiscordWebhookError,
} from '../src/index';
import { FakeDiscord, json } from '@jobping/testing';

async function failure(promise: Promise<unknown>): Promise<DiscordWebhookError> {
  try {
    await promise;
  } catch (error) {
    return error as DiscordWebhookError;
  }
  throw new Error('expected the send to fail');
}

describe('DiscordWebhookClient against a loopback stand-in for Discord', () => {
  const discord = new FakeDiscord();
  const sleeps: number[] = [];
  let client: DiscordWebhookClient;

  beforeAll(async () => {
    await discord.start();
  });
  afterAll(async () => discord.stop());
  beforeEach(() => {
    discord.reset();
    sleeps.length = 0;
    client = new DiscordWebhookClient({
      policy: { extraAllowedHosts: [discord.host] },
      timeoutMs: 1_000,
      maxWaitMs: 5_000,
      // Record the waits instead of spending them; the real waiting is setTimeout.
      sleep: async (ms) => void sleeps.push(ms),
    });
  });

  it('posts the clamped message with mentions disabled and returns the message id', async () => {
    const result = await client.send(discord.webhookUrl(), {
      username: 'JobPing',
      content: 'hey @everyone',
      embeds: [{ title: 'Senior engineer', description: 'd'.repeat(5000), url: 'https://jobs.example/1', color: 0x5865f2 }],
    });
    expect(result).toEqual({ messageId: '1300000000000000001', attempts: 1 });
    expect(discord.requests).toHaveLength(1);
    const [request] = discord.requests;
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe(`/api/webhooks/1234567890123456789/${'a'.repeat(68)}?wait=true`);
    expect(request?.headers['content-type']).toBe('application/json');
    const body = request?.body as { allowed_mentions: unknown; embeds: { description: string }[]; content: string };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.embeds[0]?.description.length).toBe(4096);
    expect(body.content).toBe('hey @\u200beveryone'); // plain text: no mention, even one that would not ping
  });

  it('waits retry_after on a 429 and tries again', async () => {
    discord.respond(json(429, { message: 'You are being rate limited.', retry_after: 1.5, global: false }, { 'Retry-After': '2' }));
    const result = await client.send(discord.webhookUrl(), { content: 'hi' });
    expect(result.attempts).toBe(2);
    expect(discord.requests).toHaveLength(2);
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(1_000);
    expect(sleeps[0]).toBeLessThanOrEqual(1_500);
  });

  it('gives up with DiscordRateLimitError when Discord asks for a longer wait than allowed', async () => {
    discord.respond(json(429, { message: 'slow down', retry_after: 60, global: true }));
    const error = await failure(client.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(DiscordRateLimitError);
    expect((error as DiscordRateLimitError).retryAfterMs).toBe(60_000);
    expect((error as DiscordRateLimitError).global).toBe(true);
    expect(error.retryable).toBe(true);
    expect(discord.requests).toHaveLength(1);
  });

  it('reads a Retry-After given as an HTTP date when the body has no retry_after (a proxy in front of Discord)', async () => {
    const at = new Date(Math.ceil(Date.now() / 1000) * 1000 + 30_000);
    const dated = new DiscordWebhookClient({ policy: { extraAllowedHosts: [discord.host] }, maxWaitMs: 5_000, now: () => at.getTime() - 30_000, sleep: async (ms) => void sleeps.push(ms) });
    discord.respond(json(429, { message: 'Too many requests' }, { 'Retry-After': at.toUTCString() }));
    const error = await failure(dated.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(DiscordRateLimitError);
    expect((error as DiscordRateLimitError).retryAfterMs).toBe(30_000);
    expect(discord.requests).toHaveLength(1);
  });

  it('does not read a negative Retry-After as "now": it falls back to one second', async () => {
    const clock = Date.now();
    const fixed = new DiscordWebhookClient({ policy: { extraAllowedHosts: [discord.host] }, now: () => clock, sleep: async (ms) => void sleeps.push(ms) });
    discord.respond(json(429, { message: 'Too many requests' }, { 'Retry-After': '-1' }));
    await fixed.send(discord.webhookUrl(), { content: 'hi' });
    expect(sleeps).toEqual([1_000]);
  });

  it('stops after maxAttempts 429s', async () => {
    discord.respond(json(429, { retry_after: 0.1 }), json(429, { retry_after: 0.1 }), json(429, { retry_after: 0.1 }));
    const error = await failure(client.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(DiscordRateLimitError);
    expect(discord.requests).toHaveLength(3);
  });

  it('follows X-RateLimit-Remaining 0 / Reset-After before the next call to the same webhook', async () => {
    discord.respond(json(200, { id: '1' }, { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '0.8', 'X-RateLimit-Bucket': 'abc' }));
    await client.send(discord.webhookUrl(), { content: 'one' });
    expect(sleeps).toEqual([]);
    await client.send(discord.webhookUrl(), { content: 'two' });
    expect(sleeps).toHaveLength(1);
    expect(sleeps[0]).toBeGreaterThan(0);
    expect(sleeps[0]).toBeLessThanOrEqual(800);
    // Another webhook is another bucket.
    await client.send(discord.webhookUrl('9876543210987654321'), { content: 'three' });
    expect(sleeps).toHaveLength(1);
  });

  it('reports 404 / code 10015 as a broken webhook', async () => {
    discord.respond(json(404, { message: 'Unknown Webhook', code: 10015 }));
    const error = await failure(client.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(BrokenWebhookError);
    expect(error.retryable).toBe(false);
    expect(error.discordCode).toBe(10015);
    expect(error.status).toBe(404);
  });

  it('reports 401 / code 50027 as a broken webhook', async () => {
    discord.respond(json(401, { message: 'Invalid Webhook Token', code: 50027 }));
    const error = await failure(client.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(BrokenWebhookError);
    expect(error.message).toContain('token is invalid');
    expect(error.discordCode).toBe(50027);
  });

  it('reports 5xx as retryable without posting twice', async () => {
    discord.respond(json(502, { message: 'Bad Gateway' }));
    const error = await failure(client.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(DiscordUnavailableError);
    expect(error.retryable).toBe(true);
    expect(discord.requests).toHaveLength(1);
  });

  it('times out a silent server as retryable', async () => {
    discord.respond(() => undefined); // never answers
    const started = Date.now();
    const error = await failure(client.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(DiscordUnavailableError);
    expect(error.message).toContain('did not answer');
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('reports an unreachable host as retryable', async () => {
    const closed = new FakeDiscord();
    await closed.start();
    const url = closed.webhookUrl();
    await closed.stop();
    const offline = new DiscordWebhookClient({ policy: { extraAllowedHosts: [closed.host] } });
    const error = await failure(offline.send(url, { content: 'hi' }));
    expect(error).toBeInstanceOf(DiscordUnavailableError);
  });

  it('never follows a redirect', async () => {
    discord.respond((_req, res) => {
      res.writeHead(307, { Location: `http://${discord.host}/elsewhere` });
      res.end();
    });
    const error = await failure(client.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(DiscordRequestError);
    expect(discord.requests.map((r) => r.url)).not.toContain('/elsewhere');
    expect(discord.requests).toHaveLength(1);
  });

  it('reports a refused body (400) as a permanent request error', async () => {
    discord.respond(json(400, { message: 'Invalid Form Body', code: 50035 }));
    const error = await failure(client.send(discord.webhookUrl(), { content: 'hi' }));
    expect(error).toBeInstanceOf(DiscordRequestError);
    expect(error.retryable).toBe(false);
    expect(error.discordCode).toBe(50035);
  });

  it('refuses URLs outside the allow-list without sending anything', async () => {
    for (const url of [
      `http://127.0.0.1:${discord.port + 1}/api/webhooks/1234567890123456789/${'a'.repeat(68)}`,
      'https://169.254.169.254/api/webhooks/1234567890123456789/' + 'a'.repeat(68),
      `http://${discord.host}/api/oauth2/token`,
    ]) {
      const error = await failure(client.send(url, { content: 'hi' }));
      expect(error).toBeInstanceOf(InvalidWebhookUrlError);
      expect(error).toBeInstanceOf(BrokenWebhookError);
    }
    expect(discord.requests).toHaveLength(0);
  });
});
