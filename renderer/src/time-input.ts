// Reading what the user types into the Start and End fields of manual entry and the entry editor:
// a time of day ("9", "930", "09:30", "9.30", "9:30 pm", "9p", "21:30", "noon") or, for End, a
// length ("1h 30m", "1.5h", "90m", "+1:30"). Wall-clock times become instants in the app's zone.
import { parseDateKey } from '../../shared/quick-entry/calendar';
import { wallClockToInstant } from '../../shared/quick-entry/wall-clock';
import type { Preferences } from '../../shared/domain';

const TIME = /^(\d{1,2})(?:[:.h](\d{2}))?\s*(a|p|am|pm|a\.m\.|p\.m\.)?$/;
const COMPACT = /^(\d{3,4})\s*(a|p|am|pm|a\.m\.|p\.m\.)?$/;

/** Seconds since the start of the day, or null when the text is not a time. */
export function parseTimeOfDay(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  if (text === 'noon') return 12 * 3600;
  if (text === 'midnight') return 0;
  let hour: number;
  let minute: number;
  let meridiem: string | undefined;
  const plain = TIME.exec(text);
  const compact = plain ? null : COMPACT.exec(text);
  if (plain) {
    hour = Number(plain[1]);
    minute = Number(plain[2] ?? 0);
    meridiem = plain[3];
  } else if (compact) {
    const digits = compact[1] ?? '';
    hour = Number(digits.slice(0, -2));
    minute = Number(digits.slice(-2));
    meridiem = compact[2];
  } else {
    return null;
  }
  if (minute > 59) return null;
  if (meridiem) {
    if (hour < 1 || hour > 12) return null;
    hour = (hour % 12) + (meridiem.startsWith('p') ? 12 : 0);
  } else if (hour > 23) {
    return null;
  }
  return hour * 3600 + minute * 60;
}

const UNITS = /^(?:(\d+(?:[.,]\d+)?)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*(?:m(?:in(?:utes?|s)?)?)?)?$/;

/** A length in seconds ("1h 30m", "1.5h", "45m", "+1:30"), or null when the text is not one. */
export function parseDurationText(raw: string): number | null {
  const text = raw.trim().toLowerCase();
  const signed = text.startsWith('+');
  const body = signed ? text.slice(1).trim() : text;
  if (signed) {
    const clock = /^(\d{1,3}):(\d{2})$/.exec(body);
    if (clock) return Number(clock[2]) > 59 ? null : Number(clock[1]) * 3600 + Number(clock[2]) * 60;
  }
  if (!/[hm]/.test(body)) return signed && /^\d+$/.test(body) ? Number(body) * 60 : null;
  const units = UNITS.exec(body);
  if (!units || (units[1] === undefined && units[2] === undefined)) return null;
  const seconds = Number((units[1] ?? '0').replace(',', '.')) * 3600 + Number(units[2] ?? 0) * 60;
  return seconds > 0 ? Math.round(seconds) : null;
}

/** Seconds of the day as the user writes times: "09:30" or "9:30 AM". */
export function formatTimeOfDay(secondsOfDay: number, timeFormat: Preferences['timeFormat']): string {
  const hour = Math.floor(secondsOfDay / 3600) % 24;
  const minute = String(Math.floor((secondsOfDay % 3600) / 60)).padStart(2, '0');
  if (timeFormat === 'HOUR24') return `${String(hour).padStart(2, '0')}:${minute}`;
  return `${hour % 12 === 0 ? 12 : hour % 12}:${minute} ${hour < 12 ? 'AM' : 'PM'}`;
}

/** The seconds of the day an instant shows in the zone. */
export function secondsOfDayIn(instant: string | number | Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: zone }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 3600 + part('minute') * 60 + part('second');
}

/**
 * The instant a local date and time of day name in the zone. A time that does not exist (clocks
 * jump forward) moves forward by the gap; one that occurs twice is the earlier.
 */
export function localInstant(dayKey: string, secondsOfDay: number, zone: string): Date {
  return wallClockToInstant(parseDateKey(dayKey), secondsOfDay, zone);
}

export function isDayKey(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  try {
    parseDateKey(text);
    return true;
  } catch {
    return false;
  }
}
