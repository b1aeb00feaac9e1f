import { describe, expect, it } from '@jest/globals';
import { buildMessage, DISCORD_LIMITS, totalEmbedCharacters, truncate } from '../src/index';

describe('truncate', () => {
  it('keeps short text and cuts long text with an ellipsis within the limit', () => {
    expect(truncate('short', 10)).toBe('short');
    const cut = truncate('x'.repeat(300), 256);
    expect(cut.length).toBeLessThanOrEqual(256);
    expect(cut.endsWith('…')).toBe(true);
  });

  it('never splits a surrogate pair', () => {
    const cut = truncate('😀'.repeat(10), 6);
    expect(cut.length).toBeLessThanOrEqual(6);
    expect(cut).toBe('😀😀…');
  });
});

describe('buildMessage', () => {
  const huge = (n: number) => 'w'.repeat(n);

  it('disables every mention', () => {
    expect(buildMessage({ content: '@everyone <@&123>' }).allowed_mentions).toEqual({ parse: [] });
  });

  it('clamps every part to Discord limits', () => {
    const payload = buildMessage({
      content: huge(3000),
      username: huge(100),
      embeds: Array.from({ length: 12 }, () => ({
        title: huge(400),
        description: huge(5000),
        footer: huge(3000),
        author: huge(300),
        fields: Array.from({ length: 30 }, () => ({ name: huge(300), value: huge(2000) })),
      })),
    });
    expect(payload.content!.length).toBeLessThanOrEqual(DISCORD_LIMITS.content);
    expect(payload.username!.length).toBeLessThanOrEqual(DISCORD_LIMITS.username);
    expect(payload.embeds!.length).toBe(DISCORD_LIMITS.embedsPerMessage);
    for (const embed of payload.embeds!) {
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.title);
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.description);
      expect(embed.fields?.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.fields);
      for (const field of embed.fields ?? []) {
        expect(field.name.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldName);
        expect(field.value.length).toBeLessThanOrEqual(DISCORD_LIMITS.fieldValue);
      }
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(DISCORD_LIMITS.footerText);
    }
    expect(totalEmbedCharacters(payload)).toBeLessThanOrEqual(DISCORD_LIMITS.totalEmbedCharacters);
    // The first embed (the most important) keeps its title.
    expect(payload.embeds![0]!.title!.length).toBeGreaterThan(100);
  });

  it('keeps a message that fits unchanged', () => {
    const payload = buildMessage({
      embeds: [{ title: 'Backend engineer', description: 'Remote, EU', fields: [{ name: 'Score', value: '87', inline: true }], footer: 'JobPing' }],
    });
    expect(payload.embeds).toEqual([
      { title: 'Backend engineer', description: 'Remote, EU', fields: [{ name: 'Score', value: '87', inline: true }], footer: { text: 'JobPing' } },
    ]);
  });

  it('drops unsafe embed URLs and fills empty field values', () => {
    const payload = buildMessage({ embeds: [{ title: 't', url: 'javascript:alert(1)', fields: [{ name: 'Cons', value: '  ' }] }] });
    expect(payload.embeds![0]!.url).toBeUndefined();
    expect(payload.embeds![0]!.fields![0]!.value).toBe('\u200b');
  });
});
