import { describe, expect, it } from '@jest/globals';
import { allowedHostsSchema, checkWebhookUrl, redactWebhookUrl } from '../src/index';

const id = '1234567890123456789';
const token = 'Ab_cd-EF'.repeat(8) + 'xyzw'; // 68 characters, like Discord's
const path = `/api/webhooks/${id}/${token}`;

describe('checkWebhookUrl', () => {
  it.each([
    `https://discord.com${path}`,
    `https://discordapp.com${path}`,
    `https://ptb.discord.com${path}`,
    `https://canary.discord.com${path}`,
    `https://canary.discordapp.com${path}`,
    `https://discord.com/api/v10/webhooks/${id}/${token}`,
    `https://DISCORD.com${path}`,
  ])('accepts %s', (url) => {
    const result = checkWebhookUrl(url);
    expect(result).toEqual({ ok: true, url: expect.stringMatching(/^https:\/\/[a-z.]+\/api\//), webhookId: id });
  });

  it.each([
    ['plain http', `http://discord.com${path}`],
    ['loopback', `https://127.0.0.1${path}`],
    ['loopback with port', `http://127.0.0.1:4010${path}`],
    ['cloud metadata', `http://169.254.169.254${path}`],
    ['cloud metadata https', `https://169.254.169.254/latest/meta-data/`],
    ['IPv6 loopback', `https://[::1]${path}`],
    ['look-alike suffix', `https://discord.com.evil.example${path}`],
    ['trailing dot', `https://discord.com.${path}`],
    ['prefix look-alike', `https://evildiscord.com${path}`],
    ['credentials trick', `https://discord.com@evil.example${path}`],
    ['credentials', `https://user:pass@discord.com${path}`],
    ['other port', `https://discord.com:8443${path}`],
    ['not a webhook path', `https://discord.com/api/v10/users/@me`],
    ['oauth path', `https://discord.com/api/oauth2/token`],
    ['path traversal', `https://discord.com/api/webhooks/${id}/${token}/../../../oauth2/token`],
    ['encoded traversal', `https://discord.com/api/webhooks/${id}/%2e%2e/${token}`],
    ['extra segment', `https://discord.com${path}/github`],
    ['query', `https://discord.com${path}?wait=true`],
    ['fragment', `https://discord.com${path}#x`],
    ['backslash', `https://discord.com\\@evil.example${path}`],
    ['whitespace', ` https://discord.com${path}`],
    ['over-long', `https://discord.com/api/webhooks/${id}/${'a'.repeat(300)}`],
    ['javascript', 'javascript:alert(1)'],
    ['not a URL', 'discord.com/api/webhooks/1/2'],
    ['file', 'file:///etc/passwd'],
  ])('rejects %s', (_name, url) => {
    expect(checkWebhookUrl(url).ok).toBe(false);
  });

  it('allows extra host:port entries, over http too, and nothing else on that host', () => {
    const policy = { extraAllowedHosts: ['127.0.0.1:4010'] };
    expect(checkWebhookUrl(`http://127.0.0.1:4010${path}`, policy)).toEqual({ ok: true, url: `http://127.0.0.1:4010${path}`, webhookId: id });
    expect(checkWebhookUrl(`http://127.0.0.1:4011${path}`, policy).ok).toBe(false);
    expect(checkWebhookUrl(`http://127.0.0.1:4010/api/other`, policy).ok).toBe(false);
    expect(checkWebhookUrl(`http://discord.com${path}`, policy).ok).toBe(false);
  });

  it('masks the token for display', () => {
    expect(redactWebhookUrl(`https://discord.com${path}`)).toBe(`https://discord.com/api/webhooks/${id}/********xyzw`);
  });
});

describe('allowedHostsSchema', () => {
  it('parses a comma-separated host:port list', () => {
    expect(allowedHostsSchema.parse(' 127.0.0.1:4010, LOCALHOST:4011 ,')).toEqual(['127.0.0.1:4010', 'localhost:4011']);
    expect(allowedHostsSchema.parse(undefined)).toEqual([]);
  });

  it('rejects entries without a port or with a scheme', () => {
    expect(allowedHostsSchema.safeParse('127.0.0.1').success).toBe(false);
    expect(allowedHostsSchema.safeParse('http://127.0.0.1:4010').success).toBe(false);
  });
});
