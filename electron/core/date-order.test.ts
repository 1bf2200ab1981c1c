import { describe, expect, it } from 'vitest';
import { dateOrderOf } from './app-core';

describe('the order of day and month in the account\'s date format', () => {
  it.each([
    ['DD/MM/YYYY', 'day-first'],
    ['DD.MM.YYYY', 'day-first'],
    ['DD-MM-YYYY', 'day-first'],
    ['MM/DD/YYYY', 'month-first'],
    ['YYYY-MM-DD', 'month-first'],
    ['yyyy/mm/dd', 'month-first'],
    // A format without the day (or the month) says nothing of their order: Clockify's default.
    ['MM/YYYY', 'month-first'],
    ['DD/YYYY', 'month-first'],
    [null, 'month-first'],
    [undefined, 'month-first'],
    ['', 'month-first'],
  ] as const)('%s → %s', (format, order) => {
    expect(dateOrderOf(format)).toBe(order);
  });
});
