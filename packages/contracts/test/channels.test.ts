import { describe, expect, it } from '@jest/globals';
import { channelSettingsSchemas, channelThreshold, inAppThreshold, parseStoredChannelSettings, publishThreshold, timeZoneSchema } from '../src';

describe('channel settings', () => {
  it('accepts each kind’s own settings and nothing else', () => {
    expect(channelSettingsSchemas.telegram.safeParse({ bot_token: '123456:AAFabcdefghijklmnopqrstuvwxyz012', chat_id: '-1001234567' }).success).toBe(true);
    expect(channelSettingsSchemas.telegram.safeParse({ bot_token: '123456:AAFabcdefghijklmnopqrstuvwxyz012', chat_id: '@jobs_feed' }).success).toBe(true);
    expect(channelSettingsSchemas.telegram.safeParse({ bot_token: 'not-a-token', chat_id: '1' }).success).toBe(false);
    expect(channelSettingsSchemas.slack.safeParse({ webhook_url: 'https://hooks.slack.com/services/T1/B2/x', extra: 1 }).success).toBe(false);
    expect(channelSettingsSchemas.webhook.safeParse({ url: 'ftp://example.com/x' }).success).toBe(false);
    expect(channelSettingsSchemas.email.safeParse({ address: 'someone@else.example' }).success).toBe(false);
  });

  it('reads a stored generic webhook only with its signing secret', () => {
    expect(() => parseStoredChannelSettings('webhook', { url: 'https://example.com/hook' })).toThrow();
    const secret = `whsec_${'a'.repeat(43)}`;
    expect(parseStoredChannelSettings('webhook', { url: 'https://example.com/hook', secret })).toEqual({ url: 'https://example.com/hook', secret });
  });

  it('takes IANA time zones only', () => {
    expect(timeZoneSchema.safeParse('Europe/Berlin').success).toBe(true);
    expect(timeZoneSchema.safeParse('UTC').success).toBe(true);
    expect(timeZoneSchema.safeParse('Mars/Olympus_Mons').success).toBe(false);
  });
});

describe('notification thresholds', () => {
  it('gives each channel its override both ways and publishes from the lowest destination', () => {
    expect(channelThreshold(50, 70)).toBe(50);
    expect(channelThreshold(90, 70)).toBe(90);
    expect(channelThreshold(null, 70)).toBe(70);
    expect(inAppThreshold(70)).toBe(70);
    expect(publishThreshold(70, [])).toBe(70);
    expect(publishThreshold(70, [null, 90])).toBe(70);
    expect(publishThreshold(70, [null, 50, 90])).toBe(50);
  });
});
