import { describe, expect, it } from 'vitest';
import { formatInstant, isIsoDuration, isoDuration, parseInstant, parseWallClockQuery, wallClockToInstant } from './time';

describe('time formats', () => {
  it('writes and reads UTC second precision only', () => {
    expect(formatInstant(Date.parse('2026-02-13T09:00:00.987Z'))).toBe('2026-02-13T09:00:00Z');
    expect(parseInstant('2026-02-13T09:00:00Z')).toBe(Date.parse('2026-02-13T09:00:00Z'));
    for (const bad of ['2026-02-13T09:00:00.000Z', '2026-02-13T10:00:00+01:00', '2026-02-30T09:00:00Z', '2026-02-13']) {
      expect(parseInstant(bad)).toBeUndefined();
    }
  });

  it('formats durations like Java Duration.toString', () => {
    expect([0, 20, 5400, 5415, 3630, 93_600].map(isoDuration)).toEqual(['PT0S', 'PT20S', 'PT1H30M', 'PT1H30M15S', 'PT1H30S', 'PT26H']);
    expect(['PT2H', 'P1DT2H', 'PT0S'].every(isIsoDuration)).toBe(true);
    expect(['P', 'PT', '2H', 'PT2X'].some(isIsoDuration)).toBe(false);
  });
});

describe('wall-clock time in a zone', () => {
  it('reads query values as local time, across DST', () => {
    expect(parseWallClockQuery('2026-05-20T00:00:00Z', 'Europe/Berlin')).toBe(Date.parse('2026-05-19T22:00:00Z'));
    expect(parseWallClockQuery('2026-01-20T00:00:00Z', 'Europe/Berlin')).toBe(Date.parse('2026-01-19T23:00:00Z'));
    expect(parseWallClockQuery('2026-05-20T23:59:59.999Z', 'America/New_York')).toBe(Date.parse('2026-05-21T03:59:59Z'));
    expect(parseWallClockQuery('2026-05-20', 'Europe/Berlin')).toBeUndefined();
  });

  it('handles the day DST starts', () => {
    // Berlin springs forward at 02:00 local on 2026-03-29; 03:30 local is 01:30Z.
    expect(wallClockToInstant(Date.parse('2026-03-29T03:30:00Z'), 'Europe/Berlin')).toBe(Date.parse('2026-03-29T01:30:00Z'));
    expect(wallClockToInstant(Date.parse('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe(Date.parse('2026-03-29T00:30:00Z'));
  });
});
