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
    [null, 'month-first'],
    [undefined, 'month-first'],
    ['', 'month-first'],
  ] as const)('%s → %s', (format, order) => {
    expect(dateOrderOf(format)).toBe(order);
  });
});
