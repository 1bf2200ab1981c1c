// The optional day part at the start of a quick-entry line: which local days get an entry.
//
//   today, yesterday
//   mon … sun, monday … sunday       the most recent such day, today included (on a Monday, "mon" is today)
//   2025-03-10, 2025-03-02..2025-03-06 (also with -, –, to)
//   mar 2, march 2nd, mar 2-6, mar 30-apr 2, march 23, 24, 25 and 27, mar 2 2025, mar 2, 2025
//   30/11 or 11/30 (in the order of the account's date format), 30/11/2026, 30.11., 30.11.2026, 30/11-4/12
// Items can be listed with ",", "&" or "and" (mon, wed, fri). A comma may end the day part
// ("yesterday, 9-12"), but a bare number after a comma continues a month's days: "mar 2, 9-12" is
// March 2 and 9–12 (write "mar 2 9-12"). A missing year is the current year in the zone; a
// trailing 4-digit year applies to every month-named day before it. At most MAX_DAYS days;
// duplicates are dropped and the days come out in calendar order.
import { addDays, daysBetween, isValidDate, MONTH_NAMES, weekdayOf, type LocalDate } from './calendar';
import type { Cursor, Token } from './lexer';
import type { DateOrder } from './types';

export const MAX_DAYS = 31;

export type DaysResult = { ok: true; days: LocalDate[] | null; notes: string[] } | { ok: false; error: string };

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11,
  november: 11, dec: 12, december: 12,
};

const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0, mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5, sat: 6, saturday: 6,
};

const RELATIVE: Record<string, number> = { today: 0, yesterday: -1 };

interface MonthDay {
  readonly month: number;
  readonly day: number;
}

/** Days named by month, kept until the year is known: single days and ranges. */
type MonthSpan = { readonly from: MonthDay; readonly to: MonthDay };

function monthOf(token: Token | undefined): number | undefined {
  return token?.kind === 'word' ? MONTHS[token.word] : undefined;
}

function dayNumberOf(token: Token | undefined): number | undefined {
  if (token?.kind === 'ordinal') return token.day;
  if (token?.kind === 'number' && token.digits.length <= 2 && token.minutes === null && token.meridiem === null) return Number(token.digits);
  return undefined;
}

function yearOf(token: Token | undefined): number | undefined {
  if (token?.kind !== 'number' || token.digits.length !== 4 || token.minutes !== null || token.meridiem !== null) return undefined;
  const year = Number(token.digits);
  return year >= 1900 && year <= 2200 ? year : undefined;
}

function startsItem(token: Token | undefined): boolean {
  if (token?.kind === 'date' || token?.kind === 'numeric-date') return true;
  if (token?.kind !== 'word') return false;
  return token.word in RELATIVE || token.word in WEEKDAYS || token.word in MONTHS;
}

function describe(date: MonthDay, year: number): string {
  return `${MONTH_NAMES[date.month - 1]} ${date.day}, ${year}`;
}

function expand(from: LocalDate, to: LocalDate, written: string): { ok: true; days: LocalDate[] } | { ok: false; error: string } {
  const span = daysBetween(from, to);
  if (span < 0) return { ok: false, error: `The days ${written} run backwards: write the earlier day first.` };
  if (span >= MAX_DAYS) return { ok: false, error: `${written} is ${span + 1} days: add at most ${MAX_DAYS} days at once.` };
  return { ok: true, days: Array.from({ length: span + 1 }, (_, i) => addDays(from, i)) };
}

/** Month-named days after a month word: `2`, `2-6`, `30-apr 2`, `23, 24 and 25`. */
function readMonthSpans(cursor: Cursor, month: number, spans: MonthSpan[]): void {
  let current = month;
  for (;;) {
    const day = dayNumberOf(cursor.peek());
    if (day === undefined) return;
    cursor.next();
    const from = { month: current, day };
    let to: MonthDay = from;
    const afterRange = cursor.peek(1);
    if (cursor.peek()?.kind === 'range') {
      const endDay = dayNumberOf(afterRange);
      const endMonth = monthOf(afterRange);
      const endMonthDay = dayNumberOf(cursor.peek(2));
      if (endDay !== undefined) {
        cursor.position += 2;
        to = { month: current, day: endDay };
      } else if (endMonth !== undefined && endMonthDay !== undefined) {
        cursor.position += 3;
        current = endMonth;
        to = { month: current, day: endMonthDay };
      }
    }
    spans.push({ from, to });
    // "23, 24" continues this month; "30, apr 2" is handled by the caller as a new item.
    if (cursor.peek()?.kind === 'list' && dayNumberOf(cursor.peek(1)) !== undefined) cursor.next();
    else return;
  }
}

/** A year after month-named days: `mar 2 2025`, `mar 2, 2025`; not `mar 2 2030-2200` (a time range). */
function readYear(cursor: Cursor): number | undefined {
  const skip = cursor.peek()?.kind === 'list' ? 1 : 0;
  const year = yearOf(cursor.peek(skip));
  if (year === undefined || cursor.peek(skip + 1)?.kind === 'range') return undefined;
  cursor.position += skip + 1;
  return year;
}

type DateToken = Extract<Token, { kind: 'date' | 'numeric-date' }>;

/** The day a written date names: `2025-03-10`, or `30/11` read in the account's order. */
function dateOf(token: DateToken, cursor: Cursor, today: LocalDate, order: DateOrder, notes: string[]): LocalDate | string {
  const text = cursor.textOf(token);
  if (token.kind === 'date') {
    return isValidDate(token.year, token.month, token.day) ? { year: token.year, month: token.month, day: token.day } : `${text} is not a date: write a real day, like 2025-03-10.`;
  }
  const dayFirst = token.dayFirst || order === 'day-first';
  const [day, month] = dayFirst ? [token.first, token.second] : [token.second, token.first];
  const year = token.year ?? today.year;
  if (isValidDate(year, month, day)) {
    if (token.year === null && !notes.includes(`year assumed ${year}`)) notes.push(`year assumed ${year}`);
    return { year, month, day };
  }
  const written = dayFirst ? 'day first, like 30/11' : 'month first, like 11/30';
  const [otherDay, otherMonth] = dayFirst ? [token.second, token.first] : [token.first, token.second];
  if (!token.dayFirst && isValidDate(year, otherMonth, otherDay)) {
    const name = `${(MONTH_NAMES[otherMonth - 1] as string).slice(0, 3).toLowerCase()} ${otherDay}`;
    return `${text} is not a date in your Clockify date format (${written}): write ${token.second}/${token.first}${token.year === null ? '' : `/${token.year}`}, or ${name}.`;
  }
  return `${text} is not a date: write a real day (${written}), or a date like 2025-03-10.`;
}

export function parseDays(cursor: Cursor, today: LocalDate, order: DateOrder = 'month-first'): DaysResult {
  const days: LocalDate[] = [];
  const spans: MonthSpan[] = [];
  const notes: string[] = [];
  let any = false;
  for (;;) {
    const token = cursor.peek();
    if (token?.kind === 'date' || token?.kind === 'numeric-date') {
      cursor.next();
      const from = dateOf(token, cursor, today, order, notes);
      if (typeof from === 'string') return { ok: false, error: from };
      const end = cursor.peek(1);
      if (cursor.peek()?.kind === 'range' && (end?.kind === 'date' || end?.kind === 'numeric-date')) {
        cursor.position += 2;
        const to = dateOf(end, cursor, today, order, notes);
        if (typeof to === 'string') return { ok: false, error: to };
        const expanded = expand(from, to, `${cursor.textOf(token)}..${cursor.textOf(end)}`);
        if (!expanded.ok) return expanded;
        days.push(...expanded.days);
      } else {
        days.push(from);
      }
    } else if (token?.kind === 'word' && token.word in RELATIVE) {
      cursor.next();
      days.push(addDays(today, RELATIVE[token.word] as number));
    } else if (token?.kind === 'word' && token.word in WEEKDAYS) {
      cursor.next();
      days.push(addDays(today, -((weekdayOf(today) - (WEEKDAYS[token.word] as number) + 7) % 7)));
    } else if (monthOf(token) !== undefined && dayNumberOf(cursor.peek(1)) !== undefined) {
      cursor.next();
      readMonthSpans(cursor, monthOf(token) as number, spans);
    } else {
      break;
    }
    any = true;
    if (cursor.peek()?.kind === 'list' && startsItem(cursor.peek(1))) cursor.next();
    else break;
  }
  if (!any) return { ok: true, days: null, notes: [] };

  if (spans.length > 0) {
    const written = readYear(cursor);
    const year = written ?? today.year;
    if (written === undefined && !notes.includes(`year assumed ${year}`)) notes.push(`year assumed ${year}`);
    for (const { from, to } of spans) {
      for (const end of [from, to]) {
        if (!isValidDate(year, end.month, end.day)) {
          return { ok: false, error: `${describe(end, year)} does not exist: write a day that is in the calendar.` };
        }
      }
      const expanded = expand({ year, ...from }, { year, ...to }, `${describe(from, year)} to ${describe(to, year)}`);
      if (!expanded.ok) return expanded;
      days.push(...expanded.days);
    }
  }

  // "yesterday, 9-12": a comma between the days and the times
  if (cursor.peek()?.kind === 'list') cursor.next();

  const unique = [...new Map(days.map((d) => [`${d.year}-${d.month}-${d.day}`, d])).values()];
  unique.sort((a, b) => daysBetween(b, a));
  if (unique.length > MAX_DAYS) return { ok: false, error: `That is ${unique.length} days: add at most ${MAX_DAYS} days at once.` };
  return { ok: true, days: unique, notes };
}
