// The time part, after the optional days: a local range, a duration ending now, or two instants.
//
//   Times     9, 09, 9:30, 09:30, 9.30, 0930 / 930 (three or four digits are HHMM), 10:30:15,
//             9am, 9 am, 9a.m., 9a, 12am (= 00:00), 12pm (= 12:00), noon, midnight, 24:00 (end only).
//   Ranges    start-end with -, –, —, .., to, until: 9-12, 09:00–10:30, 9am to 1pm, 0930-1030.
//             Without am/pm, an end before the start that is 1–12 (written without a leading zero)
//             is the afternoon when that gives a shorter entry: 9-5 is 09:00–17:00, 12-1 is
//             12:00–13:00, 8-6 is 08:00–18:00. Otherwise times are 24-hour, and an end still before
//             the start is on the next day: 22:30-1:15, 23-2, 18-05:00. When only one side says
//             am/pm, the other side (if 1–12) takes the am/pm that gives the shorter entry: 1-3pm
//             is 13:00–15:00, 9-5pm is 09:00–17:00, 11-1pm is 11:00–13:00. The same time twice is
//             an error.
//   Duration  1h30m, 1h 30m, 1h30, 1.5h, 1,5h, 2h, 2 hours, 45m, 90 min: the entry ends now.
//             A leading minus (-30m) reads the same: "the last 30 minutes", never a negative length.
//   Instants  2025-03-10T09:00:00Z 2025-03-10T10:30:00-03:00, separated by whitespace, .., -, – or
//             "to": they carry their own zone and are used as they are.
import { isValidDate } from './calendar';
import type { Cursor, Token } from './lexer';

export const DAY_SECONDS = 86_400;

export type TimeSpec =
  /** Seconds of the local day; `end` is past DAY_SECONDS when it is on the next day. */
  | { readonly kind: 'range'; readonly start: number; readonly end: number }
  | { readonly kind: 'duration'; readonly seconds: number }
  | { readonly kind: 'instants'; readonly start: Date; readonly end: Date };

export type TimesResult = { ok: true; spec: TimeSpec | null } | { ok: false; error: string };

interface Clock {
  readonly text: string;
  readonly seconds: number;
  readonly meridiem: 'am' | 'pm' | null;
  /** 1–12 without am/pm: either could be meant. */
  readonly bare: boolean;
  /** Bare and written without a leading zero (5, 5:30, not 05:00): may be read as the afternoon. */
  readonly casual?: boolean;
  /** Written as "midnight": 00:00 as a start, 24:00 as an end. */
  readonly midnight?: boolean;
}

type ClockResult = { ok: true; clock: Clock } | { ok: false; error: string };

function clockOf(token: Token, text: string): ClockResult | null {
  if (token.kind === 'word') {
    if (token.word === 'noon') return { ok: true, clock: { text, seconds: 12 * 3600, meridiem: 'pm', bare: false } };
    if (token.word === 'midnight') return { ok: true, clock: { text, seconds: 0, meridiem: 'am', bare: false, midnight: true } };
    return null;
  }
  if (token.kind !== 'number') return null;
  const { digits, minutes, seconds, meridiem } = token;
  let hour: number;
  let minute: number;
  if (minutes !== null) {
    if (digits.length > 2) return { ok: false, error: `${text} is not a time: write it like 09:30.` };
    hour = Number(digits);
    minute = Number(minutes);
  } else if (digits.length <= 2) {
    hour = Number(digits);
    minute = 0;
  } else {
    hour = Number(digits.slice(0, -2));
    minute = Number(digits.slice(-2));
  }
  const second = Number(seconds ?? 0);
  if (minute > 59 || second > 59) return { ok: false, error: `${text} is not a time: minutes and seconds go up to 59.` };
  if (meridiem !== null) {
    if (hour < 1 || hour > 12) return { ok: false, error: `${text} is not a time: with am/pm the hour is 1 to 12 (write 13:00 or 1pm).` };
    hour = (hour % 12) + (meridiem === 'pm' ? 12 : 0);
  } else if (hour > 24 || (hour === 24 && minute + second > 0)) {
    return { ok: false, error: `${text} is not a time: hours go from 0 to 23 (24:00 only ends a range).` };
  }
  const bare = meridiem === null && hour >= 1 && hour <= 12;
  const casual = bare && !digits.startsWith('0');
  return { ok: true, clock: { text, seconds: hour * 3600 + minute * 60 + second, meridiem, bare, casual } };
}

/** The seconds a bare 1–12 clock means with am or pm. */
function withMeridiem(clock: Clock, meridiem: 'am' | 'pm'): number {
  const hour = Math.floor(clock.seconds / 3600);
  return clock.seconds + ((hour % 12) + (meridiem === 'pm' ? 12 : 0) - hour) * 3600;
}

const forward = (start: number, end: number) => (((end - start) % DAY_SECONDS) + DAY_SECONDS) % DAY_SECONDS || DAY_SECONDS;

/** When only one side says am/pm, the bare other side takes whichever gives the shorter entry. */
function inferMeridiem(start: Clock, end: Clock): { start: number; end: number } {
  if (start.meridiem !== null && end.meridiem === null && end.bare) {
    const am = withMeridiem(end, 'am');
    const pm = withMeridiem(end, 'pm');
    return { start: start.seconds, end: forward(start.seconds, am) <= forward(start.seconds, pm) ? am : pm };
  }
  if (end.meridiem !== null && start.meridiem === null && start.bare) {
    const am = withMeridiem(start, 'am');
    const pm = withMeridiem(start, 'pm');
    return { start: forward(am, end.seconds) <= forward(pm, end.seconds) ? am : pm, end: end.seconds };
  }
  // Neither says: an end before the start that could be the afternoon is, when that is shorter
  // than running into the next day (a working day, a lunch hour), never when it is still before.
  if (start.meridiem === null && end.meridiem === null && end.casual && end.seconds < start.seconds && end.seconds < 12 * 3600) {
    const afternoon = end.seconds + 12 * 3600;
    if (afternoon > start.seconds) return { start: start.seconds, end: afternoon };
  }
  return { start: start.seconds, end: end.seconds };
}

function readRange(cursor: Cursor, first: Clock): TimesResult {
  const separator = cursor.peek();
  const endToken = cursor.peek(1);
  const endClock = separator?.kind === 'range' && endToken ? clockOf(endToken, cursor.textOf(endToken)) : null;
  if (endClock === null) return { ok: false, error: `${first.text} needs an end: write a range like ${first.text}-10:30, or a duration like 1h30m.` };
  if (!endClock.ok) return endClock;
  cursor.position += 2;
  const last = endClock.clock;
  if (first.seconds === DAY_SECONDS) return { ok: false, error: '24:00 can only end a range: start at 00:00 instead.' };
  const end = last.midnight ? { ...last, seconds: DAY_SECONDS } : last;
  const range = inferMeridiem(first, end);
  if (range.start === range.end) return { ok: false, error: `${first.text}-${last.text} is no time at all: write an end after the start.` };
  return { ok: true, spec: { kind: 'range', start: range.start, end: range.end < range.start ? range.end + DAY_SECONDS : range.end } };
}

function readDuration(cursor: Cursor): TimesResult | null {
  const leadingMinus = cursor.peek()?.kind === 'range' && cursor.peek(1)?.kind === 'duration';
  if (!leadingMinus && cursor.peek()?.kind !== 'duration') return null;
  if (leadingMinus) cursor.next();
  let seconds = 0;
  const start = cursor.peek();
  let token = cursor.peek();
  while (token?.kind === 'duration') {
    seconds += token.seconds;
    cursor.next();
    token = cursor.peek();
  }
  const written = start ? cursor.textOf(start) : '';
  if (seconds <= 0) return { ok: false, error: `${written} is no time at all: write a length like 30m or 1h30m.` };
  if (seconds > DAY_SECONDS) return { ok: false, error: `${written} is more than 24 hours: add one entry per day instead.` };
  return { ok: true, spec: { kind: 'duration', seconds } };
}

function unzonedError(text: string): TimesResult {
  return { ok: false, error: `${text} has no zone: add Z or an offset (${text}Z, ${text}-03:00), or write local times like 2025-03-10 09:00-10:30.` };
}

/** Date parses every shape the lexer accepts (Z, ±hh:mm, ±hhmm; t and z in either case), but rolls
 * Feb 30 over to March: check the fields first. */
function instantOf(text: string): Date | null {
  const [year, month, day, hour, minute] = text.split(/[-T:]/i).map((part) => Number.parseInt(part, 10));
  if (!isValidDate(year ?? NaN, month ?? NaN, day ?? NaN) || (hour ?? 24) > 23 || (minute ?? 60) > 59) return null;
  const date = new Date(text.toUpperCase());
  return Number.isNaN(date.getTime()) ? null : date;
}

function readInstants(cursor: Cursor): TimesResult | null {
  const first = cursor.peek();
  if (first?.kind === 'unzoned') return unzonedError(first.text);
  if (first?.kind !== 'instant') return null;
  cursor.next();
  if (cursor.peek()?.kind === 'range' && cursor.peek(1)?.kind === 'instant') cursor.next();
  const second = cursor.peek();
  if (second?.kind === 'unzoned') return unzonedError(second.text);
  if (second?.kind !== 'instant') {
    return { ok: false, error: `${first.text} needs an end instant too: write ${first.text} 2025-03-10T10:30:00Z, or use local times like 09:00-10:30.` };
  }
  cursor.next();
  const invalid = (text: string): TimesResult => ({ ok: false, error: `${text} is not a real instant: write one like 2025-03-10T09:00:00Z.` });
  const start = instantOf(first.text);
  if (start === null) return invalid(first.text);
  const end = instantOf(second.text);
  if (end === null) return invalid(second.text);
  return { ok: true, spec: { kind: 'instants', start, end } };
}

export function parseTimes(cursor: Cursor): TimesResult {
  const instants = readInstants(cursor);
  if (instants) return instants;
  const duration = readDuration(cursor);
  if (duration) return duration;
  const token = cursor.peek();
  const clock = token ? clockOf(token, cursor.textOf(token)) : null;
  if (clock === null) return { ok: true, spec: null };
  if (!clock.ok) return clock;
  cursor.next();
  return readRange(cursor, clock.clock);
}
