// Work totals by local day and week, in the app's zone: what the day view, the week strip and the
// tray show. Only work counts: a break, a holiday or time off does not (shared/entry-types). The
// running entry counts up to now.
import type { EntryView, Preferences } from './domain';
import { countsAsWork } from './entry-types';
import { parseDateKey } from './quick-entry/calendar';
import { wallClockToInstant } from './quick-entry/wall-clock';
import { localDayKey } from './time/zone';

export type Span = Pick<EntryView, 'start' | 'end' | 'type'>;

/** Where a local day (`yyyy-MM-dd`) begins and ends: 23 or 25 hours apart on DST days. */
export function dayKeyBounds(dayKey: string, zone: string): { start: number; end: number } {
  return { start: wallClockToInstant(parseDateKey(dayKey), 0, zone).getTime(), end: wallClockToInstant(parseDateKey(shiftDay(dayKey, 1)), 0, zone).getTime() };
}

/** The day key `days` after another (calendar arithmetic). */
export function shiftDay(dayKey: string, days: number): string {
  const { year, month, day } = parseDateKey(dayKey);
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}

/** Seconds of work between two instants, each entry clipped to them; the running one ends at now. */
export function workSecondsBetween(entries: readonly Span[], from: number, to: number, now: number): number {
  let total = 0;
  for (const entry of entries) {
    if (!countsAsWork(entry)) continue;
    const start = Math.max(Date.parse(entry.start), from);
    const end = Math.min(entry.end === null ? now : Date.parse(entry.end), to, now);
    if (end > start) total += end - start;
  }
  return Math.floor(total / 1000);
}

const WEEKDAYS: readonly Preferences['weekStart'][] = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'];

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(dayKey: string): number {
  const { year, month, day } = parseDateKey(dayKey);
  return new Date(Date.UTC(year, month - 1, day)).getUTCDay();
}

/** The first day of the week that contains `dayKey`, by the user's week start. */
export function weekStartOf(dayKey: string, weekStart: Preferences['weekStart']): string {
  return shiftDay(dayKey, -((weekdayOf(dayKey) - WEEKDAYS.indexOf(weekStart) + 7) % 7));
}

export interface DayTotal {
  readonly dayKey: string;
  readonly seconds: number;
}

/** Each day of the week containing `dayKey`, in order, with its work. */
export function weekDayTotals(entries: readonly Span[], dayKey: string, now: number, zone: string, weekStart: Preferences['weekStart']): DayTotal[] {
  const first = weekStartOf(dayKey, weekStart);
  return Array.from({ length: 7 }, (_, i) => {
    const key = shiftDay(first, i);
    const { start, end } = dayKeyBounds(key, zone);
    return { dayKey: key, seconds: workSecondsBetween(entries, start, end, now) };
  });
}

export interface WorkTotals {
  readonly todaySeconds: number;
  readonly weekSeconds: number;
}

/** Today's work and this week's so far (the week as the user's Clockify starts it). */
export function workTotals(entries: readonly Span[], now: number, zone: string, weekStart: Preferences['weekStart']): WorkTotals {
  const today = localDayKey(new Date(now), zone);
  const { start: dayStart, end: dayEnd } = dayKeyBounds(today, zone);
  const weekFrom = dayKeyBounds(weekStartOf(today, weekStart), zone).start;
  return { todaySeconds: workSecondsBetween(entries, dayStart, dayEnd, now), weekSeconds: workSecondsBetween(entries, weekFrom, dayEnd, now) };
}
