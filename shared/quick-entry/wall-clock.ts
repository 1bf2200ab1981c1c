// A local wall-clock time on a local date → the instant, in an IANA or Etc/GMT±N zone.
// @date-fns/tz's TZDate resolves the doubled hour of a fall-back day inconsistently between zones
// (Berlin's second 02:30, New York's first 01:30), so the rule is made explicit here, the same as
// Temporal's default ("compatible") disambiguation:
//   - a time that occurs twice (clocks go back) is the earlier occurrence;
//   - a time that does not exist (clocks jump forward) moves forward by the gap (02:30 → 03:30).
import { tzOffset } from '@date-fns/tz';
import type { LocalDate } from './calendar';

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

export function wallClockToInstant(date: LocalDate, secondsOfDay: number, zone: string): Date {
  const wall = Date.UTC(date.year, date.month - 1, date.day) + secondsOfDay * 1000;
  const offsetBefore = tzOffset(zone, new Date(wall - DAY_MS));
  const offsetAfter = tzOffset(zone, new Date(wall + DAY_MS));
  let earliest: number | null = null;
  for (const offset of [offsetBefore, offsetAfter]) {
    const candidate = wall - offset * MINUTE_MS;
    const fits = tzOffset(zone, new Date(candidate)) === offset;
    if (fits && (earliest === null || candidate < earliest)) earliest = candidate;
  }
  // No offset fits: the time falls in a gap; read it with the offset before the change.
  return new Date(earliest ?? wall - offsetBefore * MINUTE_MS);
}
