import { describe, expect, it } from 'vitest';
import { resolveTimes } from './entry-times';
import { parseDurationText, parseTimeOfDay } from './time-input';
import { dayKeyOf, formatClockTime, formatDayLabel, formatDuration, formatElapsed } from './time-format';

describe('parseTimeOfDay', () => {
  it.each([
    ['9', 9 * 3600],
    ['09:30', 9.5 * 3600],
    ['9.30', 9.5 * 3600],
    ['930', 9.5 * 3600],
    ['2130', 21.5 * 3600],
    ['9:30 pm', 21.5 * 3600],
    ['9pm', 21 * 3600],
    ['12am', 0],
    ['12 PM', 12 * 3600],
    ['9:30 a.m.', 9.5 * 3600],
    ['noon', 12 * 3600],
    ['0:00', 0],
  ])('reads %s', (text, seconds) => expect(parseTimeOfDay(text)).toBe(seconds));

  it.each(['', '24:00', '9:60', '13pm', 'soon', '1h'])('refuses %s', (text) => expect(parseTimeOfDay(text)).toBeNull());
});

describe('parseDurationText', () => {
  it.each([
    ['1h 30m', 5400],
    ['1h30', 5400],
    ['1.5h', 5400],
    ['1,5 h', 5400],
    ['90m', 5400],
    ['90 min', 5400],
    ['2 hours', 7200],
    ['+1:30', 5400],
    ['+45', 2700],
    ['17:30', null],
    ['0m', null],
  ])('reads %s', (text, seconds) => expect(parseDurationText(text)).toBe(seconds));
});

describe('resolveTimes', () => {
  it('reads local times in the app zone, not the machine zone', () => {
    const result = resolveTimes({ date: '2025-06-02', start: '09:00', end: '10:30' }, 'America/New_York');
    expect(result).toMatchObject({ ok: true, seconds: 5400 });
    if (result.ok) expect(result.start.toISOString()).toBe('2025-06-02T13:00:00.000Z');
  });

  it('counts real time across a DST change (Berlin springs forward: 01:00 → 04:00 is 2 hours)', () => {
    const result = resolveTimes({ date: '2025-03-30', start: '1:00', end: '4:00' }, 'Europe/Berlin');
    expect(result).toMatchObject({ ok: true, seconds: 7200 });
    if (result.ok) expect([result.start.toISOString(), result.end.toISOString()]).toEqual(['2025-03-30T00:00:00.000Z', '2025-03-30T02:00:00.000Z']);
  });

  it('reads an end before the start as quick entry does: the next day when clearly overnight', () => {
    expect(resolveTimes({ date: '2025-11-20', start: '22:30', end: '1:15' }, 'Europe/Berlin')).toMatchObject({ ok: true, seconds: 2.75 * 3600, endsNextDay: true });
    expect(resolveTimes({ date: '2025-11-20', start: '18:00', end: '05:00' }, 'UTC')).toMatchObject({ ok: true, seconds: 11 * 3600, endsNextDay: true });
    expect(resolveTimes({ date: '2025-11-20', start: '23:00', end: '2 am' }, 'UTC')).toMatchObject({ ok: true, seconds: 3 * 3600, endsNextDay: true });
  });

  it('reads 9 → 5 as a working day and 12 → 1 as a lunch hour', () => {
    expect(resolveTimes({ date: '2025-11-20', start: '9', end: '5' }, 'UTC')).toMatchObject({ ok: true, seconds: 8 * 3600, endsNextDay: false });
    expect(resolveTimes({ date: '2025-11-20', start: '12', end: '1' }, 'UTC')).toMatchObject({ ok: true, seconds: 3600, endsNextDay: false });
  });

  it('refuses an end equal to the start, naming the field', () => {
    const result = resolveTimes({ date: '2025-11-20', start: '22:30', end: '22:30' }, 'Europe/Berlin');
    expect(result).toMatchObject({ ok: false, error: { field: 'end' } });
  });

  it('takes a length instead of an end', () => {
    expect(resolveTimes({ date: '2025-11-20', start: '23:00', end: '2h' }, 'UTC')).toMatchObject({ ok: true, seconds: 7200 });
  });

  it('explains an unreadable start', () => {
    expect(resolveTimes({ date: '2025-11-20', start: 'soon', end: '2h' }, 'UTC')).toMatchObject({ ok: false, error: { field: 'start' } });
  });
});

describe('formatting', () => {
  it('shows clock times in the zone and the hour format', () => {
    expect(formatClockTime('2025-06-02T13:05:00Z', 'America/New_York', 'HOUR24')).toBe('09:05');
    expect(formatClockTime('2025-06-02T18:05:00Z', 'America/New_York', 'HOUR12')).toBe('2:05 PM');
  });

  it('puts an instant on the local day of the zone', () => {
    expect(dayKeyOf('2025-06-02T02:00:00Z', 'America/New_York')).toBe('2025-06-01');
    expect(formatDayLabel('2025-06-01', '2025-06-02')).toBe('Yesterday');
    expect(formatDayLabel('2025-05-30', '2025-06-02')).toBe('Fri 30 May');
  });

  it('formats durations', () => {
    expect(formatElapsed(3725)).toBe('1:02:05');
    expect(formatDuration(3725)).toBe('1:02');
  });
});
