import { describe, expect, it } from 'vitest';
import { offsetZone } from '../time/zone';
import { wallClockToInstant } from './wall-clock';

const at = (date: string, time: string, zone: string) => {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [h, m] = time.split(':').map(Number) as [number, number];
  return wallClockToInstant({ year, month, day }, h * 3600 + m * 60, zone).toISOString();
};

describe('wallClockToInstant', () => {
  it.each([
    // the seed's rule: HH - offset on the same day, carried across day boundaries
    ['2025-03-10', '09:00', offsetZone(-3), '2025-03-10T12:00:00.000Z'],
    ['2025-03-10', '22:30', offsetZone(-3), '2025-03-11T01:30:00.000Z'],
    ['2025-03-10', '03:00', offsetZone(5), '2025-03-09T22:00:00.000Z'],
    ['2025-03-10', '00:00', 'Etc/UTC', '2025-03-10T00:00:00.000Z'],
    ['2026-03-18', '09:00', 'Asia/Kolkata', '2026-03-18T03:30:00.000Z'],
    // ordinary days either side of DST
    ['2026-03-28', '09:00', 'Europe/Berlin', '2026-03-28T08:00:00.000Z'],
    ['2026-03-30', '09:00', 'Europe/Berlin', '2026-03-30T07:00:00.000Z'],
  ])('%s %s in %s is %s', (date, time, zone, instant) => {
    expect(at(date, time, zone)).toBe(instant);
  });

  it.each([
    // spring forward: 02:00–03:00 does not exist; a time in the gap moves forward by the gap
    ['2026-03-29', '01:59', 'Europe/Berlin', '2026-03-29T00:59:00.000Z'],
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['2026-03-29', '03:00', 'Europe/Berlin', '2026-03-29T01:00:00.000Z'],
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    // fall back: 02:00–03:00 (Berlin), 01:00–02:00 (New York) happen twice; the earlier one is meant
    ['2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    ['2026-10-25', '03:00', 'Europe/Berlin', '2026-10-25T02:00:00.000Z'],
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    // a half-hour DST shift (Lord Howe: 02:00 → 02:30 on 2026-10-04, +10:30 → +11:00)
    ['2026-10-04', '02:15', 'Australia/Lord_Howe', '2026-10-03T15:45:00.000Z'], // read as 02:45 +11:00
  ])('DST: %s %s in %s is %s', (date, time, zone, instant) => {
    expect(at(date, time, zone)).toBe(instant);
  });
});
