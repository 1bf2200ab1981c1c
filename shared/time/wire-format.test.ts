import { describe, expect, it } from 'vitest';
import { formatIsoDuration, parseInstant, parseIsoDuration, toClockifyInstant } from './wire-format';

describe('toClockifyInstant', () => {
  it('sends UTC with second precision and Z', () => {
    expect(toClockifyInstant(new Date('2026-02-13T09:00:00.789Z'))).toBe('2026-02-13T09:00:00Z');
    expect(toClockifyInstant(new Date('2026-02-13T10:00:00+01:00'))).toBe('2026-02-13T09:00:00Z');
  });
  it('refuses an invalid date', () => {
    expect(() => toClockifyInstant(new Date('nope'))).toThrow(RangeError);
  });
});

describe('parseInstant', () => {
  it('accepts Z and offsets', () => {
    expect(parseInstant('2026-02-13T09:00:00Z').toISOString()).toBe('2026-02-13T09:00:00.000Z');
    expect(parseInstant('2026-02-13T09:00:00-03:00').toISOString()).toBe('2026-02-13T12:00:00.000Z');
  });
  it('refuses a local time without zone', () => {
    expect(() => parseInstant('2026-02-13T09:00:00')).toThrow(RangeError);
  });
});

describe('ISO-8601 durations', () => {
  it.each([
    ['PT0S', 0], ['PT1H30M', 5400], ['PT20S', 20], ['PT8H', 28800], ['P1DT2H', 93600], ['P2D', 172800], ['PT1.5H', 5400], ['P1W', 604800],
  ])('%s = %i s', (text, seconds) => {
    expect(parseIsoDuration(text)).toBe(seconds);
  });
  it.each(['8000', '', 'P', 'PT', 'PT1X', '1H'])('refuses %j', (text) => {
    expect(() => parseIsoDuration(text)).toThrow(RangeError);
  });
  it.each([[0, 'PT0S'], [5400, 'PT1H30M'], [3661, 'PT1H1M1S'], [90000, 'PT25H']])('%i s = %s', (seconds, text) => {
    expect(formatIsoDuration(seconds)).toBe(text);
    expect(parseIsoDuration(text)).toBe(seconds);
  });
});
