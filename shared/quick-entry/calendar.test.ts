import { describe, expect, it } from 'vitest';
import { addDays, dateKey, daysBetween, isValidDate, MONTH_NAMES, parseDateKey, weekdayOf } from './calendar';

describe('calendar dates', () => {
  it('knows which dates exist', () => {
    expect(isValidDate(2024, 2, 29)).toBe(true);
    expect(isValidDate(2025, 2, 29)).toBe(false);
    expect(isValidDate(2025, 12, 31)).toBe(true);
    expect(isValidDate(2025, 1, 1)).toBe(true);
    for (const [year, month, day] of [[2025, 0, 10], [2025, 13, 10], [2025, 3, 0], [2025, 4, 31], [2025.5, 3, 1], [2025, 3.5, 1], [2025, 3, 1.5], [2025, Number.NaN, 1]]) {
      expect(isValidDate(year!, month!, day!), `${year}-${month}-${day}`).toBe(false);
    }
  });

  it('names the months in order', () => {
    expect(MONTH_NAMES).toEqual(['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']);
  });

  it('reads and writes yyyy-MM-dd keys, refusing what is not a date', () => {
    expect(parseDateKey('2026-03-08')).toEqual({ year: 2026, month: 3, day: 8 });
    expect(dateKey({ year: 26, month: 3, day: 8 })).toBe('0026-03-08');
    for (const key of ['2026-02-30', '2026-03', '2026', 'x-y-z', '2026-13-01']) expect(() => parseDateKey(key), key).toThrow(`Not a date: ${key}`);
  });

  it('counts days across months, years and DST-free UTC midnights', () => {
    expect(addDays({ year: 2025, month: 12, day: 31 }, 1)).toEqual({ year: 2026, month: 1, day: 1 });
    expect(addDays({ year: 2025, month: 3, day: 1 }, -1)).toEqual({ year: 2025, month: 2, day: 28 });
    expect(daysBetween({ year: 2025, month: 3, day: 28 }, { year: 2025, month: 4, day: 2 })).toBe(5);
    expect(daysBetween({ year: 2025, month: 4, day: 2 }, { year: 2025, month: 3, day: 28 })).toBe(-5);
    expect(weekdayOf({ year: 2026, month: 11, day: 30 })).toBe(1);
  });
});
