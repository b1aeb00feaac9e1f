import { describe, expect, it } from '@jest/globals';
import { MAX_RETRY_AFTER_MS, parseRetryAfter, readRetryAfter } from '../src';

// A fixed clock: Mon, 30 Nov 2026 12:00:00 GMT.
const now = Date.UTC(2026, 10, 30, 12, 0, 0);

describe('parseRetryAfter', () => {
  it.each([
    ['0', 0],
    ['120', 120_000],
    ['1.5', 1_500],
    [' 3 ', 3_000],
    // HTTP-date, all three forms of RFC 9110
    ['Mon, 30 Nov 2026 12:00:30 GMT', 30_000],
    ['Monday, 30-Nov-26 12:01:00 GMT', 60_000],
    ['Mon Nov 30 12:00:05 2026', 5_000],
    // a date in the past: go now
    ['Sun, 29 Nov 2026 12:00:00 GMT', 0],
  ])('reads %j as %d ms', (header, ms) => expect(parseRetryAfter(header, now)).toBe(ms));

  it.each([
    // Each of these was read differently by the copies this replaces (scraper, ai, discord):
    // '-1' was 0 ms for the scraper and ai (Date.parse('-1') is a date in 2001) but invalid for
    // Discord; '1e3' was 1000 s for ai and Discord and nothing for the scraper;
    // '2026-12-01' was 2026 s for ai, ~12 h for the scraper, nothing for Discord.
    '-1',
    '1e3',
    '2026-12-01',
    '120, 120',
    '0x10',
    'Infinity',
    'soon',
    '',
    '   ',
  ])('refuses %j', (header) => expect(parseRetryAfter(header, now)).toBeUndefined());

  it('says nothing when there is no header', () => {
    expect(parseRetryAfter(null, now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });

  it('clamps an absurd wait to the longest a timer can hold', () => {
    expect(parseRetryAfter('99999999999', now)).toBe(MAX_RETRY_AFTER_MS);
    expect(parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', now)).toBe(MAX_RETRY_AFTER_MS);
  });

  it('rounds a fraction of a millisecond up (never retries early)', () => {
    expect(parseRetryAfter('0.0001', now)).toBe(1);
  });
});

describe('readRetryAfter', () => {
  const headers = (entries: Record<string, string>) => new Headers(entries);

  it('prefers retry-after-ms (OpenAI sends it) over retry-after', () => {
    expect(readRetryAfter(headers({ 'retry-after-ms': '250', 'retry-after': '2' }), now)).toBe(250);
    expect(readRetryAfter(headers({ 'retry-after-ms': '0.4' }), now)).toBe(1);
  });

  it('falls back to retry-after when retry-after-ms is absent or invalid', () => {
    expect(readRetryAfter(headers({ 'retry-after': '2' }), now)).toBe(2_000);
    expect(readRetryAfter(headers({ 'retry-after-ms': 'later', 'retry-after': '2' }), now)).toBe(2_000);
    expect(readRetryAfter(headers({ 'retry-after-ms': '-5', 'retry-after': 'Mon, 30 Nov 2026 12:00:10 GMT' }), now)).toBe(10_000);
  });

  it('says nothing without either header', () => {
    expect(readRetryAfter(headers({}), now)).toBeUndefined();
    expect(readRetryAfter(undefined, now)).toBeUndefined();
  });
});
