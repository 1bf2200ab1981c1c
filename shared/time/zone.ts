// The app's time zone and local days. Local times are read and shown in one zone: the user's
// override (an IANA zone or a fixed offset) or else the system's.
import { tz } from '@date-fns/tz';
import { addDays, format, startOfDay } from 'date-fns';
import type { TimeZoneOverride } from '../settings';
import { editDistance } from '../text-search';
import { parseDateKey } from '../quick-entry/calendar';
import { wallClockToInstant } from '../quick-entry/wall-clock';

/** Whether `hours` is a UTC offset in use: from -12 to +14, in whole quarter hours (+5:30, +5:45, -9:30). */
export function isUtcOffset(hours: number): boolean {
  return Number.isInteger(hours * 4) && hours >= -12 && hours <= 14;
}

/**
 * The zone name of a fixed offset. Whole hours are Etc zones, whose POSIX-style names invert the
 * sign (UTC-3 is `Etc/GMT+3`); other offsets are `+05:30` style names, which @date-fns/tz reads on
 * every Node and Chromium reads natively (Node 20's Intl does not, so the core never formats with them).
 */
export function offsetZone(hours: number): string {
  if (!isUtcOffset(hours)) throw new RangeError(`A UTC offset is from -12 to +14 hours in quarter hours, not ${hours}`);
  if (hours === 0) return 'Etc/UTC';
  if (Number.isInteger(hours)) return `Etc/GMT${hours > 0 ? '-' : '+'}${Math.abs(hours)}`;
  const minutes = Math.round(Math.abs(hours) * 60);
  return `${hours > 0 ? '+' : '-'}${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Reads an offset as a person types it: "-3", "+5:30", "5.5", "+0545", "UTC+5:45"; null when it is not one. */
export function parseUtcOffset(text: string): number | null {
  const match = /^\s*(?:utc|gmt)?\s*([+-]?)\s*(\d{1,2})(?:(?::|h)?(\d{2})|(\.\d+))?\s*$/i.exec(text);
  if (!match) return null;
  const [, sign, whole, minutes, fraction] = match;
  if (minutes !== undefined && Number(minutes) >= 60) return null;
  const magnitude = Number(whole) + (minutes !== undefined ? Number(minutes) / 60 : fraction !== undefined ? Number(fraction) : 0);
  const hours = sign === '-' ? -magnitude : magnitude;
  return isUtcOffset(hours) ? hours + 0 : null;
}

/** An offset as people write it: "-3", "+5:30", "0". */
export function formatUtcOffset(hours: number): string {
  const minutes = Math.round(Math.abs(hours) * 60);
  const text = `${Math.floor(minutes / 60)}${minutes % 60 ? `:${String(minutes % 60).padStart(2, '0')}` : ''}`;
  return hours === 0 ? '0' : `${hours > 0 ? '+' : '-'}${text}`;
}

/** Reads `CLOCKIFY_TZ_OFFSET` (whole hours from UTC, e.g. `-3`); undefined when unset, an error when unusable. */
export function parseOffsetVariable(value: string | undefined): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const hours = Number(value.trim());
  if (!Number.isInteger(hours) || hours < -12 || hours > 14) {
    throw new RangeError(`CLOCKIFY_TZ_OFFSET must be whole hours from -12 to 14 (for example -3), not "${value}"`);
  }
  return hours;
}

/** The closest known zone names to a misspelled one ("Europe/Berln" → Europe/Berlin), best first. */
export function zoneSuggestions(zone: string, limit = 3): string[] {
  const wanted = zone.trim().toLowerCase();
  if (!wanted) return [];
  const known = Intl.supportedValuesOf('timeZone');
  const scored = known.map((name) => ({ name, distance: editDistance(wanted, name.toLowerCase()) }));
  const close = scored.filter((candidate) => candidate.distance <= Math.max(2, Math.floor(wanted.length / 3)));
  return close.sort((a, b) => a.distance - b.distance || a.name.localeCompare(b.name)).slice(0, limit).map((candidate) => candidate.name);
}


const zoneValidity = new Map<string, boolean>();

/** Whether Intl knows the zone; remembered, since building a formatter to ask is slow. */
export function isValidTimeZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined && /^[+-]\d{2}:\d{2}$/.test(zone)) {
    // offsetZone's names: Node 20's Intl refuses them, though everything that formats with them reads them
    valid = parseUtcOffset(zone) !== null;
    zoneValidity.set(zone, valid);
  }
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(zone, valid);
  }
  return valid;
}

/**
 * The zone in force: the saved override first, then `CLOCKIFY_TZ_OFFSET`, then the system's.
 * An explicit setting beats the environment because the user chose it in the app.
 */
export function resolveTimeZone(override: TimeZoneOverride, systemZone: string, envOffsetHours?: number): string {
  switch (override.kind) {
    case 'zone':
      return isValidTimeZone(override.zone) ? override.zone : systemZone;
    case 'offset':
      return offsetZone(override.hours);
    case 'system':
      return envOffsetHours === undefined ? systemZone : offsetZone(envOffsetHours);
  }
}

/** `yyyy-MM-dd` of the local day an instant falls on. */
export function localDayKey(instant: Date | string, zone: string): string {
  return format(new Date(instant), 'yyyy-MM-dd', { in: tz(zone) });
}

/** The instants where the local day containing `instant` begins and ends (23 or 25 hours on DST days). */
export function localDayBounds(instant: Date | string, zone: string): { start: Date; end: Date } {
  const start = startOfDay(new Date(instant), { in: tz(zone) });
  return { start: new Date(start.getTime()), end: new Date(addDays(start, 1).getTime()) };
}

/**
 * A query window for Clockify's entry list, whose `start`/`end` are read as wall-clock times in the
 * account's zone (which may differ from the app's): UTC-midnight bounds of the local dates, padded by
 * a day on each side. Filter the answer by real instants afterwards.
 */
export function paddedWallClockWindow(fromDayKey: string, toDayKey: string): { start: Date; end: Date } {
  const start = new Date(`${fromDayKey}T00:00:00Z`);
  const end = new Date(`${toDayKey}T00:00:00Z`);
  return { start: new Date(start.getTime() - 86_400_000), end: new Date(end.getTime() + 2 * 86_400_000) };
}

/**
 * The instants from the start of local day `fromDayKey` to the end of local day `toDayKey` (both
 * included) in the zone; DST days are 23 or 25 hours long.
 */
export function localDaysSpan(fromDayKey: string, toDayKey: string, zone: string): { start: Date; end: Date } {
  const midnight = (key: string) => wallClockToInstant(parseDateKey(key), 0, zone);
  return { start: localDayBounds(midnight(fromDayKey), zone).start, end: localDayBounds(midnight(toDayKey), zone).end };
}
