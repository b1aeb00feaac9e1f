/**
 * When a channel's held matches are due, in the channel's own time zone (pure: `now` is given).
 * - daily: every day at `digestHour`:00 local; weekly: on `digestWeekday` (ISO, 1 = Monday) at that hour;
 * - instant with quiet hours: when the quiet window [start, end) ends (it wraps midnight when start > end);
 * - nothing is due while quiet hours are on, whatever the mode.
 * The window key names the local due time, so (channel, window key) is the same on every replica.
 */
export interface ChannelSchedule {
  mode: 'instant' | 'daily' | 'weekly';
  timeZone: string;
  digestHour: number;
  digestWeekday: number;
  quietStartMinute: number | null;
  quietEndMinute: number | null;
}

export interface DueWindow {
  kind: 'daily' | 'weekly' | 'quiet_hours';
  /** `daily:2026-11-30`, `weekly:2026-11-30`, `quiet:2026-11-30T07:00`. */
  key: string;
  /** When the window closed: held matches from before it belong to it. */
  dueAt: Date;
}

interface LocalParts {
  year: number;
  month: number;
  day: number;
  minuteOfDay: number;
  /** ISO: 1 Monday .. 7 Sunday. */
  weekday: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
const WEEKDAYS: Record<string, number> = { Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6, Sun: 7 };

function localParts(at: Date, timeZone: string): LocalParts {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      weekday: 'short',
    });
    formatters.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(at).map((p) => [p.type, p.value]));
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    minuteOfDay: Number(parts.hour) * 60 + Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 1,
  };
}

/** The instant of a local date and minute in `timeZone` (a time skipped by a DST change lands just after the gap). */
export function zonedInstant(timeZone: string, year: number, month: number, day: number, minuteOfDay: number): Date {
  const wanted = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const offsetAt = (instant: number) => {
    const p = localParts(new Date(instant), timeZone);
    return Date.UTC(p.year, p.month - 1, p.day, 0, p.minuteOfDay) - Math.floor(instant / 60_000) * 60_000;
  };
  const first = wanted - offsetAt(wanted);
  const second = wanted - offsetAt(first);
  return new Date(second);
}

/** The local calendar date `daysBack` days before the given one. */
function dayBefore(p: { year: number; month: number; day: number }, daysBack: number) {
  const d = new Date(Date.UTC(p.year, p.month - 1, p.day - daysBack));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateKey = (p: { year: number; month: number; day: number }) => `${p.year}-${pad(p.month)}-${pad(p.day)}`;

export function inQuietHours(schedule: ChannelSchedule, now: Date): boolean {
  const { quietStartMinute: start, quietEndMinute: end } = schedule;
  if (start === null || end === null || start === end) return false;
  const minute = localParts(now, schedule.timeZone).minuteOfDay;
  return start < end ? minute >= start && minute < end : minute >= start || minute < end;
}

/** The latest local date (today or earlier) whose `minuteOfDay` instant is not after `now` and that passes `accept`. */
function latestLocal(schedule: ChannelSchedule, now: Date, minuteOfDay: number, accept: (weekday: number) => boolean) {
  const today = localParts(now, schedule.timeZone);
  for (let back = 0; back <= 8; back += 1) {
    const date = dayBefore(today, back);
    const weekday = ((today.weekday - 1 - (back % 7) + 7) % 7) + 1;
    if (!accept(weekday)) continue;
    const at = zonedInstant(schedule.timeZone, date.year, date.month, date.day, minuteOfDay);
    if (at.getTime() <= now.getTime()) return { date, at };
  }
  throw new Error('no due time in the last eight days');
}

/** The window whose held matches may go out now, or null while quiet hours are on. */
export function dueWindow(schedule: ChannelSchedule, now: Date): DueWindow | null {
  if (inQuietHours(schedule, now)) return null;
  if (schedule.mode === 'daily' || schedule.mode === 'weekly') {
    const weekly = schedule.mode === 'weekly';
    const { date, at } = latestLocal(schedule, now, schedule.digestHour * 60, (weekday) => !weekly || weekday === schedule.digestWeekday);
    return { kind: schedule.mode, key: `${schedule.mode}:${dateKey(date)}`, dueAt: at };
  }
  // Instant: matches held during quiet hours go out once they end (or at once if they were removed).
  const end = schedule.quietEndMinute;
  if (end === null || schedule.quietStartMinute === null) {
    const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
    return { kind: 'quiet_hours', key: `quiet:${minute.toISOString().slice(0, 16)}Z`, dueAt: now };
  }
  const { date, at } = latestLocal(schedule, now, end, () => true);
  return { kind: 'quiet_hours', key: `quiet:${dateKey(date)}T${pad(Math.floor(end / 60))}:${pad(end % 60)}`, dueAt: at };
}
