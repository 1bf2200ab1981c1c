// How the preview writes an entry's day and its UTC times. Local times come from time-format.ts
// (the app's zone and 12/24-hour setting); these add what only the preview needs.
import type { Preferences } from '../../../shared/domain';
import type { QuickEntryItem } from '../../../shared/quick-entry';
import { dayKeyOf, formatClockTime, shiftDayKey } from '../time-format';

const weekdayDate = new Map<boolean, Intl.DateTimeFormat>();

/** "Mon 2 Mar", with the year when it is not this year's ("Mon 2 Mar 2025"). */
export function formatDate(dayKey: string, todayKey: string): string {
  const withYear = dayKey.slice(0, 4) !== todayKey.slice(0, 4);
  let format = weekdayDate.get(withYear);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', ...(withYear ? { year: 'numeric' } : {}), timeZone: 'UTC' });
    weekdayDate.set(withYear, format);
  }
  // Built from the parts: en-GB puts a comma after the weekday when the year is shown.
  return format
    .formatToParts(new Date(`${dayKey}T12:00:00Z`))
    .filter((part) => part.type !== 'literal')
    .map((part) => part.value)
    .join(' ');
}

/** "today", "yesterday", "tomorrow", or null. */
export function relativeDay(dayKey: string, todayKey: string): string | null {
  if (dayKey === todayKey) return 'today';
  if (dayKey === shiftDayKey(todayKey, -1)) return 'yesterday';
  if (dayKey === shiftDayKey(todayKey, 1)) return 'tomorrow';
  return null;
}

/** "08:00 – 16:00", prefixed with the UTC day when it is not the local one ("1 Mar 23:30 – 07:30"), "+1" when it ends on the next UTC day. */
export function formatUtcRange(item: QuickEntryItem, timeFormat: Preferences['timeFormat']): string {
  const startDay = dayKeyOf(item.start, 'UTC');
  const prefix = startDay === item.localDate ? '' : `${formatDate(startDay, startDay).replace(/^\w+ /, '')} `;
  const suffix = dayKeyOf(item.end, 'UTC') === startDay ? '' : ' +1';
  return `${prefix}${formatClockTime(item.start, 'UTC', timeFormat)} – ${formatClockTime(item.end, 'UTC', timeFormat)}${suffix}`;
}

/** The parser's notes as one sentence: "Year assumed 2026 · ends the next day at 01:00". */
export function formatNotes(notes: readonly string[]): string {
  const text = notes.join(' · ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}
