import { describe, expect, it } from 'vitest';
import { entrySeconds, formatDuration } from './entry-totals';
import { workTotals } from './work-totals';

const todaySeconds = (entries: Parameters<typeof workTotals>[0], now: number, zone: string) => workTotals(entries, now, zone, 'MONDAY').todaySeconds;

const now = Date.parse('2026-03-10T15:00:00Z');

describe('totals', () => {
  it('counts a running entry up to now', () => {
    expect(entrySeconds({ start: '2026-03-10T14:00:00Z', end: null }, now)).toBe(3600);
  });

  it('clips today to the local day in the zone', () => {
    const entries = [
      { start: '2026-03-10T12:00:00Z', end: '2026-03-10T13:30:00Z', type: 'REGULAR' },
      { start: '2026-03-09T22:00:00Z', end: '2026-03-10T01:00:00Z', type: 'REGULAR' }, // Berlin: 23:00 → 02:00, one hour yesterday
      { start: '2026-03-10T14:30:00Z', end: null, type: 'REGULAR' },
    ];
    expect(todaySeconds(entries, now, 'Europe/Berlin')).toBe((90 + 120 + 30) * 60);
    expect(todaySeconds(entries, now, 'Etc/UTC')).toBe((90 + 60 + 30) * 60);
  });

  it('leaves breaks, holidays and time off out of the work total', () => {
    const entries = [
      { start: '2026-03-10T08:00:00Z', end: '2026-03-10T09:00:00Z', type: 'REGULAR' },
      { start: '2026-03-10T09:00:00Z', end: '2026-03-10T09:30:00Z', type: 'BREAK' },
      { start: '2026-03-10T10:00:00Z', end: '2026-03-10T11:00:00Z', type: 'TIME_OFF' },
      { start: '2026-03-10T11:00:00Z', end: '2026-03-10T12:00:00Z', type: 'HOLIDAY' },
      { start: '2026-03-10T14:45:00Z', end: null, type: 'BREAK' },
    ];
    expect(todaySeconds(entries, now, 'Etc/UTC')).toBe(3600);
  });

  it('formats hours and minutes, optionally seconds', () => {
    expect(formatDuration(4320)).toBe('1:12');
    expect(formatDuration(20400)).toBe('5:40');
    expect(formatDuration(3725, true)).toBe('1:02:05');
    expect(formatDuration(-5)).toBe('0:00');
  });
});
