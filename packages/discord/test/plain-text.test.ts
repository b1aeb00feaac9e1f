import { describe, expect, it } from '@jest/globals';
import { buildMessage, plainText } from '../src/index';

const ZWSP = '\u200b';

// Text from job postings and from the model, as Discord would otherwise render it. Every
// row: what came in, what goes into the embed (Discord shows the backslash-escaped
// characters literally, and a zero-width space keeps a URL or @everyone from being one).
const cases: [what: string, input: string, inert: string][] = [
  ['a masked link', '[Apply here](https://evil.example)', `\\[Apply here\\](https:${ZWSP}//evil.example)`],
  ['a bare URL', 'see https://evil.example/apply now', `see https:${ZWSP}//evil.example/apply now`],
  ['an angle-bracket link', '<https://evil.example>', `\\<https:${ZWSP}//evil.example\\>`],
  ['@everyone and @here', 'ping @everyone and @here', `ping @${ZWSP}everyone and @${ZWSP}here`],
  ['a user mention', 'ask <@123456789012345678>', 'ask \\<@123456789012345678\\>'],
  ['a nickname mention', '<@!123456789012345678>', '\\<@!123456789012345678\\>'],
  ['a role mention', '<@&123456789012345678>', '\\<@&123456789012345678\\>'],
  ['a channel mention', '<#123456789012345678>', '\\<#123456789012345678\\>'],
  ['a timestamp', '<t:1700000000:R>', '\\<t:1700000000:R\\>'],
  ['bold and italics', '**urgent** *now* _really_', '\\*\\*urgent\\*\\* \\*now\\* \\_really\\_'],
  ['underline, strike and spoiler', '__a__ ~~b~~ ||c||', '\\_\\_a\\_\\_ \\~\\~b\\~\\~ \\|\\|c\\|\\|'],
  ['inline code and code blocks', '`x` ```y```', '\\`x\\` \\`\\`\\`y\\`\\`\\`'],
  ['a heading and subtext', '# Hired!\n-# small print', '\\# Hired!\n\\-\\# small print'],
  ['a block quote', '> quoted\n>>> rest', '\\> quoted\n\\>\\>\\> rest'],
  ['list markers', '- one\n  * two\n3. three', '\\- one\n  \\* two\n3\\. three'],
  ['a backslash', 'C:\\jobs', 'C:\\\\jobs'],
  ['direction overrides', 'abc\u202edef\u2066', 'abcdef'],
  ['ordinary text (left as it is)', 'Senior Backend Engineer (TypeScript) at Acme — €85,000–€105,000 per year, full-time, C++, 3.5 days', 'Senior Backend Engineer (TypeScript) at Acme — €85,000–€105,000 per year, full-time, C++, 3.5 days'],
];

describe('plainText', () => {
  it.each(cases)('makes %s inert', (_what, input, inert) => {
    expect(plainText(input)).toBe(inert);
  });
});

describe('buildMessage treats every text as plain text', () => {
  const hostile = '[Apply here](https://evil.example) @everyone <@&1> **now**';

  it('escapes the content, the title, the description and every field, and keeps the embed URL', () => {
    const payload = buildMessage({
      content: hostile,
      embeds: [{ title: hostile, url: 'https://jobs.example/1', description: hostile, fields: [{ name: hostile, value: hostile }] }],
    });
    const embed = payload.embeds![0]!;
    for (const text of [payload.content!, embed.title!, embed.description!, embed.fields![0]!.name, embed.fields![0]!.value]) {
      expect(text).toBe(plainText(hostile));
      expect(text).not.toMatch(/(?<!\\)\[[^\]]*(?<!\\)\]\(/); // no masked link
      expect(text).not.toContain('https://');
      expect(text).not.toContain('@everyone');
      expect(text).not.toMatch(/(?<!\\)<@/);
    }
    expect(embed.url).toBe('https://jobs.example/1');
    expect(payload.allowed_mentions).toEqual({ parse: [] });
  });

  it('leaves the footer and author name alone (Discord renders no markdown there)', () => {
    const payload = buildMessage({ embeds: [{ title: 't', footer: 'JobPing · match', author: 'Job_Ping' }] });
    expect(payload.embeds![0]!.footer).toEqual({ text: 'JobPing · match' });
    expect(payload.embeds![0]!.author).toEqual({ name: 'Job_Ping' });
  });
});
