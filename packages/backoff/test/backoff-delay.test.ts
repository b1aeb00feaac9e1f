import { describe, expect, it } from '@jest/globals';
import { backoffDelay } from '../src';

const fixed = (value: number) => () => value;

describe('backoffDelay', () => {
  const options = { baseMs: 1_000, maxMs: 60_000 };

  it('doubles per attempt from baseMs, equal jitter: between half and all of it', () => {
    // attempt 0 is the first retry
    expect(backoffDelay(0, options, fixed(0))).toBe(500);
    expect(backoffDelay(0, options, fixed(0.5))).toBe(750);
    expect(backoffDelay(0, options, fixed(0.999_999))).toBe(1_000);
    expect(backoffDelay(1, options, fixed(0))).toBe(1_000);
    expect(backoffDelay(3, options, fixed(0.999_999))).toBe(8_000);
  });

  it('never waits longer than maxMs, even at the cap with the largest random draw', () => {
    for (const attempt of [6, 10, 40, 2_000]) {
      expect(backoffDelay(attempt, options, fixed(0.999_999))).toBeLessThanOrEqual(60_000);
      expect(backoffDelay(attempt, options, fixed(0))).toBe(30_000);
    }
  });

  it('stays spread at the cap, so clients that failed together do not retry together', () => {
    const early = backoffDelay(20, options, fixed(0.1));
    const late = backoffDelay(20, options, fixed(0.9));
    expect(late - early).toBeGreaterThanOrEqual(20_000);
  });

  it('treats a negative or fractional attempt as the nearest sensible one', () => {
    expect(backoffDelay(-3, options, fixed(0))).toBe(500);
    expect(backoffDelay(1.7, options, fixed(0))).toBe(1_000);
  });

  it('caps at maxMs when maxMs is below baseMs', () => {
    expect(backoffDelay(0, { baseMs: 5_000, maxMs: 2_000 }, fixed(0.999_999))).toBe(2_000);
  });

  it('refuses settings that cannot make a delay', () => {
    expect(() => backoffDelay(0, { baseMs: -1, maxMs: 10 })).toThrow('baseMs');
    expect(() => backoffDelay(0, { baseMs: 10, maxMs: Number.NaN })).toThrow('maxMs');
  });
});
