import { describe, expect, it } from 'vitest';
import { localDayBounds, localDayKey, offsetZone, paddedWallClockWindow, parseOffsetVariable, resolveTimeZone } from './zone';

describe('time zone resolution', () => {
  it('maps whole-hour offsets to Etc zones with POSIX signs', () => {
    expect(offsetZone(-3)).toBe('Etc/GMT+3');
    expect(offsetZone(5)).toBe('Etc/GMT-5');
    expect(offsetZone(0)).toBe('Etc/UTC');
    expect(() => offsetZone(1.5)).toThrow(/whole number/);
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
