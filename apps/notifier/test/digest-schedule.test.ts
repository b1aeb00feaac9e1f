import { describe, expect, it } from '@jest/globals';
import { dueWindow, inQuietHours, zonedInstant, type ChannelSchedule } from '../src/digest-schedule';

const base: ChannelSchedule = { mode: 'daily', timeZone: 'Europe/Berlin', digestHour: 8, digestWeekday: 1, quietStartMinute: null, quietEndMinute: null };
const at = (iso: string) => new Date(iso);

describe('digest schedule', () => {
  it('converts a local time to an instant across DST', () => {
    expect(zonedInstant('Europe/Berlin', 2026, 12, 2, 8 * 60).toISOString()).toBe('2026-12-02T07:00:00.000Z');
    expect(zonedInstant('Europe/Berlin', 2026, 7, 2, 8 * 60).toISOString()).toBe('2026-07-02T06:00:00.000Z');
    expect(zonedInstant('America/New_York', 2026, 3, 8, 8 * 60).toISOString()).toBe('2026-03-08T12:00:00.000Z'); // the DST day
    expect(zonedInstant('Asia/Kolkata', 2026, 1, 1, 0).toISOString()).toBe('2025-12-31T18:30:00.000Z');
  });

  it.each([
    ['before 08:00 local: yesterday', '2026-12-02T06:59:00Z', 'daily:2026-12-01', '2026-12-01T07:00:00.000Z'],
    ['at 08:00 local: today', '2026-12-02T07:00:00Z', 'daily:2026-12-02', '2026-12-02T07:00:00.000Z'],
    ['local date ahead of UTC', '2026-12-01T23:30:00Z', 'daily:2026-12-01', '2026-12-01T07:00:00.000Z'],
  ])('daily: %s', (_what, now, key, dueAt) => {
    expect(dueWindow(base, at(now))).toEqual({ kind: 'daily', key, dueAt: new Date(dueAt) });
  });

  it('weekly: the latest Monday 08:00 local', () => {
    const weekly = { ...base, mode: 'weekly' as const };
    expect(dueWindow(weekly, at('2026-12-02T12:00:00Z'))?.key).toBe('weekly:2026-11-30'); // Wednesday → Monday
    expect(dueWindow(weekly, at('2026-11-30T06:59:00Z'))?.key).toBe('weekly:2026-11-23'); // Monday before 08:00
    expect(dueWindow({ ...weekly, digestWeekday: 7 }, at('2026-12-02T12:00:00Z'))?.key).toBe('weekly:2026-11-29');
  });

  it('quiet hours wrap midnight, hold everything, and release at their end', () => {
    const quiet = { ...base, mode: 'instant' as const, quietStartMinute: 22 * 60, quietEndMinute: 7 * 60 };
    expect(inQuietHours(quiet, at('2026-12-01T21:00:00Z'))).toBe(true); // 22:00 local
    expect(inQuietHours(quiet, at('2026-12-02T05:59:00Z'))).toBe(true);
    expect(inQuietHours(quiet, at('2026-12-02T06:00:00Z'))).toBe(false);
    expect(dueWindow(quiet, at('2026-12-02T05:00:00Z'))).toBeNull();
    expect(dueWindow(quiet, at('2026-12-02T06:00:00Z'))).toEqual({ kind: 'quiet_hours', key: 'quiet:2026-12-02T07:00', dueAt: at('2026-12-02T06:00:00Z') });
    // A digest due inside quiet hours waits for their end.
    expect(dueWindow({ ...quiet, mode: 'daily', quietStartMinute: 6 * 60, quietEndMinute: 9 * 60 }, at('2026-12-02T07:30:00Z'))).toBeNull();
  });
});
