import { describe, expect, it } from 'vitest';
import type { EntryType } from './domain';
import { countsAsWork } from './entry-types';
import { dayKeyBounds, weekDayTotals, weekStartOf, workSecondsBetween, workTotals } from './work-totals';

const entry = (start: string, end: string | null, type: EntryType = 'REGULAR') => ({ start, end, type });

describe('work totals', () => {
  it('a local day lasts 23 hours when the clocks go forward and 25 when they go back', () => {
    const spring = dayKeyBounds('2025-03-30', 'Europe/Berlin');
    expect(new Date(spring.start).toISOString()).toBe('2025-03-29T23:00:00.000Z');
    expect((spring.end - spring.start) / 3_600_000).toBe(23);
    const autumn = dayKeyBounds('2025-10-26', 'Europe/Berlin');
    expect((autumn.end - autumn.start) / 3_600_000).toBe(25);
  });

  it('the week begins on the user’s week start', () => {
    // Wednesday 2025-03-26.
    expect(weekStartOf('2025-03-26', 'MONDAY')).toBe('2025-03-24');
    expect(weekStartOf('2025-03-26', 'SUNDAY')).toBe('2025-03-23');
    expect(weekStartOf('2025-03-26', 'WEDNESDAY')).toBe('2025-03-26');
    expect(weekStartOf('2025-03-26', 'THURSDAY')).toBe('2025-03-20');
  });

  it('clips entries to the span and counts the running one up to now', () => {
    const now = Date.parse('2025-03-26T12:00:00Z');
    const entries = [entry('2025-03-25T23:00:00Z', '2025-03-26T01:00:00Z'), entry('2025-03-26T11:30:00Z', null)];
    expect(workSecondsBetween(entries, Date.parse('2025-03-26T00:00:00Z'), Date.parse('2025-03-27T00:00:00Z'), now)).toBe(3600 + 1800);
  });

  it('breaks and time off do not count as work', () => {
    expect(countsAsWork(entry('2025-03-26T09:00:00Z', '2025-03-26T10:00:00Z'))).toBe(true);
    expect(countsAsWork(entry('2025-03-26T09:00:00Z', '2025-03-26T10:00:00Z', 'REGULAR'))).toBe(true);
    expect(countsAsWork(entry('2025-03-26T09:00:00Z', '2025-03-26T10:00:00Z', 'BREAK'))).toBe(false);
    expect(countsAsWork(entry('2025-03-26T09:00:00Z', '2025-03-26T10:00:00Z', 'HOLIDAY'))).toBe(false);
  });

  it('today and this week, in the zone, with a Sunday week start', () => {
    const zone = 'America/New_York';
    // Tuesday 2025-03-11, 15:00 in New York.
    const now = Date.parse('2025-03-11T19:00:00Z');
    const entries = [
      entry('2025-03-11T13:00:00Z', '2025-03-11T15:00:00Z'), // today 2 h
      entry('2025-03-11T18:00:00Z', null), // running 1 h
      entry('2025-03-09T14:00:00Z', '2025-03-09T17:00:00Z'), // Sunday 3 h (DST day in New York)
      entry('2025-03-08T14:00:00Z', '2025-03-08T18:00:00Z'), // Saturday: last week
      entry('2025-03-10T14:00:00Z', '2025-03-10T15:00:00Z', 'BREAK'),
    ];
    expect(workTotals(entries, now, zone, 'SUNDAY')).toEqual({ todaySeconds: 3 * 3600, weekSeconds: 6 * 3600 });
    expect(workTotals(entries, now, zone, 'MONDAY')).toEqual({ todaySeconds: 3 * 3600, weekSeconds: 3 * 3600 });
    const days = weekDayTotals(entries, '2025-03-11', now, zone, 'SUNDAY');
    expect(days.map((day) => day.dayKey)).toEqual(['2025-03-09', '2025-03-10', '2025-03-11', '2025-03-12', '2025-03-13', '2025-03-14', '2025-03-15']);
    expect(days.map((day) => day.seconds / 3600)).toEqual([3, 0, 3, 0, 0, 0, 0]);
  });
});
