import { describe, expect, it } from 'vitest';
import { formatUtcOffset, isValidTimeZone, localDayBounds, localDayKey, offsetZone, paddedWallClockWindow, parseOffsetVariable, parseUtcOffset, resolveTimeZone } from './zone';

describe('time zone resolution', () => {
  it('maps whole-hour offsets to Etc zones with POSIX signs', () => {
    expect(offsetZone(-3)).toBe('Etc/GMT+3');
    expect(offsetZone(5)).toBe('Etc/GMT-5');
    expect(offsetZone(0)).toBe('Etc/UTC');
  });

  it('names offsets with minutes (+5:30, +5:45, -9:30) so that they can be chosen', () => {
    expect(offsetZone(5.5)).toBe('+05:30');
    expect(offsetZone(5.75)).toBe('+05:45');
    expect(offsetZone(-9.5)).toBe('-09:30');
    expect(offsetZone(12.75)).toBe('+12:45');
    expect(() => offsetZone(1.2)).toThrow(/quarter hours/);
    expect(() => offsetZone(14.5)).toThrow(/quarter hours/);
    expect(isValidTimeZone('+05:30')).toBe(true);
    expect(isValidTimeZone('+05:70')).toBe(false);
    expect(localDayKey('2026-11-30T18:29:00Z', offsetZone(5.5))).toBe('2026-11-30');
    expect(localDayKey('2026-11-30T18:30:00Z', offsetZone(5.5))).toBe('2026-12-01');
    expect(localDayBounds('2026-11-30T12:00:00Z', offsetZone(5.75)).start.toISOString()).toBe('2026-11-29T18:15:00.000Z');
  });

  it('reads an offset as people type it, and writes it back the same way', () => {
    const cases: [string, number | null][] = [
      ['-3', -3], ['+5:30', 5.5], ['5:30', 5.5], ['5.5', 5.5], ['+0545', 5.75], ['UTC+5:45', 5.75], ['gmt -9:30', -9.5],
      ['0', 0], ['-0', 0], ['14', 14], ['+14:30', null], ['-12:30', null], ['5:20', null], ['5:60', null], ['5.3', null], ['Berlin', null], ['', null],
    ];
    for (const [text, hours] of cases) expect(parseUtcOffset(text), text).toBe(hours);
    expect([5.5, -3, 0, 5.75, -9.5].map(formatUtcOffset)).toEqual(['+5:30', '-3', '0', '+5:45', '-9:30']);
  });

  it('reads CLOCKIFY_TZ_OFFSET', () => {
    expect(parseOffsetVariable(undefined)).toBeUndefined();
    expect(parseOffsetVariable(' -3 ')).toBe(-3);
    expect(() => parseOffsetVariable('-3.5')).toThrow(/CLOCKIFY_TZ_OFFSET/);
    expect(() => parseOffsetVariable('Berlin')).toThrow(/CLOCKIFY_TZ_OFFSET/);
  });

  it('prefers the saved override, then the environment, then the system', () => {
    expect(resolveTimeZone({ kind: 'zone', zone: 'America/Sao_Paulo' }, 'Europe/Berlin', 2)).toBe('America/Sao_Paulo');
    expect(resolveTimeZone({ kind: 'offset', hours: -3 }, 'Europe/Berlin', 2)).toBe('Etc/GMT+3');
    expect(resolveTimeZone({ kind: 'system' }, 'Europe/Berlin', -3)).toBe('Etc/GMT+3');
    expect(resolveTimeZone({ kind: 'system' }, 'Europe/Berlin')).toBe('Europe/Berlin');
    expect(resolveTimeZone({ kind: 'zone', zone: 'Mars/Olympus' }, 'Europe/Berlin')).toBe('Europe/Berlin');
  });
});

describe('local days', () => {
  it('puts an instant on its local day', () => {
    expect(localDayKey('2025-03-10T02:00:00Z', 'Etc/GMT+3')).toBe('2025-03-09');
    expect(localDayKey('2025-03-10T12:00:00Z', 'Etc/GMT+3')).toBe('2025-03-10');
  });

  it('knows a spring-forward day has 23 hours and a fall-back day 25', () => {
    const spring = localDayBounds('2026-03-29T12:00:00Z', 'Europe/Berlin');
    expect(spring.start.toISOString()).toBe('2026-03-28T23:00:00.000Z');
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(23);
    const fall = localDayBounds('2026-10-25T12:00:00Z', 'Europe/Berlin');
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
  });

  it('pads the wall-clock query window by a day each side', () => {
    const window = paddedWallClockWindow('2026-03-01', '2026-03-07');
    expect(window.start.toISOString()).toBe('2026-02-28T00:00:00.000Z');
    expect(window.end.toISOString()).toBe('2026-03-09T00:00:00.000Z');
  });
});
