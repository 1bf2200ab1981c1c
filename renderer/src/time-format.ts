// How times, days and durations read in the popover: always in the app's time zone (the user's
// override or the system's), never the renderer's own, and in the user's 12/24-hour setting.
// Intl formatters are costly to make and cheap to use, so each is made once.
export { formatClockTime } from '../../shared/time/clock-format';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let found = formatters.get(key);
  if (!found) {
    found = make();
    formatters.set(key, found);
  }
  return found;
}

type Instant = string | number | Date;

/** `yyyy-MM-dd` of the day an instant falls on in the zone. */
export function dayKeyOf(instant: Instant, zone: string): string {
  const parts = formatter(`day|${zone}`, () => new Intl.DateTimeFormat('en-US', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: zone })).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** The day key `days` after another (calendar arithmetic, no zone involved). */
export function shiftDayKey(dayKey: string, days: number): string {
  const [year, month, day] = dayKey.split('-').map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, (day ?? 1) + days)).toISOString().slice(0, 10);
}

/** "Today", "Yesterday", else "Fri 20 Nov" (with the year when it is not this year's). */
export function formatDayLabel(dayKey: string, todayKey: string): string {
  if (dayKey === todayKey) return 'Today';
  if (dayKey === shiftDayKey(todayKey, -1)) return 'Yesterday';
  const sameYear = dayKey.slice(0, 4) === todayKey.slice(0, 4);
  const date = new Date(`${dayKey}T12:00:00Z`);
  return formatter(`label|${sameYear}`, () =>
    new Intl.DateTimeFormat('en-GB', { weekday: 'short', day: 'numeric', month: 'short', ...(sameYear ? {} : { year: 'numeric' }), timeZone: 'UTC' }),
  ).format(date);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A running timer: "0:04:09", "12:30:00". */
export function formatElapsed(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`;
}

/** An entry or a day total: "0:45", "8:30" (hours:minutes, seconds dropped). */
export function formatDuration(totalSeconds: number): string {
  const minutes = Math.max(0, Math.floor(totalSeconds / 60));
  return `${Math.floor(minutes / 60)}:${pad(minutes % 60)}`;
}

/** For sentences: "2 h 45 min", "45 min", "3 h". */
export function formatDurationWords(totalSeconds: number): string {
  const minutes = Math.max(0, Math.round(totalSeconds / 60));
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

export function secondsBetween(start: Instant, end: Instant): number {
  return (new Date(end).getTime() - new Date(start).getTime()) / 1000;
}
