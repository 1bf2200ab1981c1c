// A time of day in the app's zone and the user's 12/24-hour setting.
import { describe, expect, it } from 'vitest';
import { formatClockTime } from './clock-format';

describe('formatClockTime', () => {
  const instant = '2026-03-02T08:05:00Z';

  it('says the time in the zone, not the machine’s', () => {
    expect(formatClockTime(instant, 'Europe/Berlin', 'HOUR24')).toBe('09:05');
    expect(formatClockTime(instant, 'America/New_York', 'HOUR24')).toBe('03:05');
    expect(formatClockTime(Date.parse(instant), 'Asia/Kolkata', 'HOUR24')).toBe('13:35');
  });

  it('in 24 hours with two digits, or in 12 with AM and PM', () => {
    expect(formatClockTime(new Date('2026-03-02T23:00:00Z'), 'UTC', 'HOUR24')).toBe('23:00');
    expect(formatClockTime('2026-03-02T00:30:00Z', 'UTC', 'HOUR24')).toBe('00:30');
    expect(formatClockTime(instant, 'Europe/Berlin', 'HOUR12')).toMatch(/^9:05\sAM$/);
    expect(formatClockTime('2026-03-02T12:00:00Z', 'UTC', 'HOUR12')).toMatch(/^12:00\sPM$/);
    // Asked again in the other setting, the zone's formatter is not reused for the wrong one.
    expect(formatClockTime(instant, 'Europe/Berlin', 'HOUR24')).toBe('09:05');
  });
});
