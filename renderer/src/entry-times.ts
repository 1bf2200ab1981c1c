// Manual entry's Date / Start / End (or a length) → the two instants the core wants, or the one
// sentence that says what to fix. An end before the start is read the way quick entry reads it: the
// afternoon when the end is written like 5 or 1:30 and that is shorter (9 → 5 is 09:00–17:00),
// otherwise the next day (22:30 → 1:15 ends at 01:15 the next day).
import type { UserError } from '../../shared/domain';
import { isDayKey, localInstant, parseDurationText, parseTimeOfDay } from './time-input';
import { dayKeyOf, formatClockTime, formatDurationWords, shiftDayKey } from './time-format';

export interface TimesInput {
  readonly date: string;
  readonly start: string;
  readonly end: string;
}

export type TimesResult =
  | { readonly ok: true; readonly start: Date; readonly end: Date; readonly seconds: number; readonly endsNextDay: boolean }
  | { readonly ok: false; readonly error: UserError };

const problem = (field: 'start' | 'end', message: string): TimesResult => ({ ok: false, error: { kind: 'invalid', field, status: null, message } });

export function resolveTimes(input: TimesInput, zone: string): TimesResult {
  if (!isDayKey(input.date)) return problem('start', 'Enter the date of the entry, for example 2025-03-30.');
  const startSeconds = parseTimeOfDay(input.start);
  if (startSeconds === null) return problem('start', `Enter a start time such as 9:00 or 2:30 pm${input.start.trim() ? ` ("${input.start.trim()}" is not one)` : ''}.`);
  const start = localInstant(input.date, startSeconds, zone);
  const length = parseDurationText(input.end);
  let end: Date;
  let endsNextDay = false;
  if (length !== null) {
    end = new Date(start.getTime() + length * 1000);
  } else {
    let endSeconds = parseTimeOfDay(input.end);
    if (endSeconds === null) return problem('end', `Enter an end time such as 17:30, or a length such as 1h 30m${input.end.trim() ? ` ("${input.end.trim()}" is neither)` : ''}.`);
    if (endSeconds < startSeconds && CASUAL_HOUR.test(input.end.trim()) && endSeconds + 12 * 3600 > startSeconds) endSeconds += 12 * 3600;
    endsNextDay = endSeconds < startSeconds;
    end = localInstant(endsNextDay ? shiftDayKey(input.date, 1) : input.date, endSeconds, zone);
  }
  const seconds = (end.getTime() - start.getTime()) / 1000;
  if (seconds <= 0) return problem('end', 'The end is the same as the start: enter a later end time (nothing was sent).');
  if (seconds > 24 * 3600 * 7) return problem('end', `That entry would last ${formatDurationWords(seconds)}: check the date and times.`);
  return { ok: true, start, end, seconds, endsNextDay };
}

/** An end written like 5, 5:30 or 12 (no am/pm, no leading zero): it may mean the afternoon. */
const CASUAL_HOUR = /^(1[0-2]|[1-9])([:.h]\d{2})?$/;

/**
 * An end after `now` is asked about once: the error says when ("tomorrow 01:15") and which button
 * adds it anyway. Null when the end is not in the future.
 */
export function futureEndProblem(end: Date, now: number, zone: string, timeFormat: 'HOUR12' | 'HOUR24', button: string): UserError | null {
  if (end.getTime() <= now) return null;
  const today = dayKeyOf(now, zone);
  const day = dayKeyOf(end.getTime(), zone);
  const when = `${day === today ? 'today' : day === shiftDayKey(today, 1) ? 'tomorrow' : day} ${formatClockTime(end.toISOString(), zone, timeFormat)}`;
  return { kind: 'future', status: null, field: 'end', message: `This entry ends in the future (${when}): press ${button} again if that is right. Nothing was sent yet.` };
}
