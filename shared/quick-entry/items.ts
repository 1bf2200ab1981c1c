// Turns the days and the time part into entries: local times become instants in the zone (with
// the DST rules of wall-clock.ts), and every entry is checked to last more than nothing and at
// most 24 hours.
import { tz } from '@date-fns/tz';
import { format } from 'date-fns';
import { toClockifyInstant } from '../time/wire-format';
import { localDayKey } from '../time/zone';
import { addDays, dateKey, type LocalDate } from './calendar';
import { DAY_SECONDS, type TimeSpec } from './times';
import type { QuickEntryItem } from './types';
import { wallClockToInstant } from './wall-clock';

export type ItemsResult = { ok: true; items: QuickEntryItem[]; notes: string[] } | { ok: false; error: string };

/** `HH:mm`, or `HH:mm:ss` when there are seconds. */
export function clockLabel(secondsOfDay: number): string {
  const s = ((secondsOfDay % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS;
  const pad = (n: number) => String(n).padStart(2, '0');
  const hhmm = `${pad(Math.floor(s / 3600))}:${pad(Math.floor(s / 60) % 60)}`;
  return s % 60 === 0 ? hhmm : `${hhmm}:${pad(s % 60)}`;
}

function localSeconds(instant: Date, zone: string): number {
  const [h, m, s] = format(instant, 'H:m:s', { in: tz(zone) }).split(':').map(Number);
  return (h ?? 0) * 3600 + (m ?? 0) * 60 + (s ?? 0);
}

/** Whole seconds, as Clockify stores them. */
const truncated = (date: Date) => new Date(Math.floor(date.getTime() / 1000) * 1000);

function toItem(start: Date, end: Date, zone: string): QuickEntryItem {
  const from = truncated(start);
  const to = truncated(end);
  const localDate = localDayKey(from, zone);
  return {
    start: toClockifyInstant(from),
    end: toClockifyInstant(to),
    localDate,
    localStart: format(from, 'HH:mm', { in: tz(zone) }),
    localEnd: format(to, 'HH:mm', { in: tz(zone) }),
    endsNextDay: localDayKey(to, zone) !== localDate,
    durationSeconds: (to.getTime() - from.getTime()) / 1000,
  };
}

function lengthError(item: QuickEntryItem, what: string): string | null {
  if (item.durationSeconds <= 0) return `${what} lasts no time at all: write an end after the start.`;
  if (item.durationSeconds > DAY_SECONDS) return `${what} lasts more than 24 hours: add one entry per day instead.`;
  return null;
}

function nextDayNote(items: readonly QuickEntryItem[], notes: string[]): void {
  const first = items.find((item) => item.endsNextDay);
  if (first) notes.push(`ends the next day at ${first.localEnd}`);
}

export function rangeItems(days: readonly LocalDate[], spec: Extract<TimeSpec, { kind: 'range' }>, zone: string): ItemsResult {
  const items: QuickEntryItem[] = [];
  const notes: string[] = [];
  for (const day of days) {
    const endDay = addDays(day, Math.floor(spec.end / DAY_SECONDS));
    const start = wallClockToInstant(day, spec.start, zone);
    const end = wallClockToInstant(endDay, spec.end % DAY_SECONDS, zone);
    for (const [instant, wanted, on] of [[start, spec.start, day], [end, spec.end, endDay]] as const) {
      const got = localSeconds(instant, zone);
      if (got !== wanted % DAY_SECONDS) {
        notes.push(`${clockLabel(wanted)} does not exist on ${dateKey(on)} in ${zone} (the clocks jump forward): used ${clockLabel(got)}`);
      }
    }
    const item = toItem(start, end, zone);
    const error = lengthError(item, `${clockLabel(spec.start)}-${clockLabel(spec.end)} on ${dateKey(day)} in ${zone}`);
    if (error) return { ok: false, error };
    items.push(item);
  }
  nextDayNote(items, notes);
  return { ok: true, items, notes };
}

export function durationItems(seconds: number, now: Date, zone: string): ItemsResult {
  const end = truncated(now);
  const item = toItem(new Date(end.getTime() - seconds * 1000), end, zone);
  const notes: string[] = [];
  nextDayNote([item], notes);
  return { ok: true, items: [item], notes };
}

export function instantItems(start: Date, end: Date, zone: string): ItemsResult {
  const item = toItem(start, end, zone);
  const error = lengthError(item, `The entry from ${item.start} to ${item.end}`);
  if (error) return { ok: false, error };
  const notes: string[] = [];
  nextDayNote([item], notes);
  return { ok: true, items: [item], notes };
}
