import { describe, expect, it } from 'vitest';
import { parsePastMoment } from './past-moment';

// 2026-03-10 10:00 in Berlin (09:00 UTC).
const NOW = Date.parse('2026-03-10T09:00:00Z');
const ZONE = 'Europe/Berlin';
const read = (text: string) => {
  const moment = parsePastMoment(text, NOW, ZONE);
  return moment.ok ? moment.at.toISOString() : moment.message;
};

describe('parsePastMoment', () => {
  it.each([
    ['9:10', '2026-03-10T08:10:00.000Z'],
    ['910', '2026-03-10T08:10:00.000Z'],
    ['9.10 am', '2026-03-10T08:10:00.000Z'],
    ['-20m', '2026-03-10T08:40:00.000Z'],
    ['- 20 min', '2026-03-10T08:40:00.000Z'],
    ['-20', '2026-03-10T08:40:00.000Z'],
    ['-1h 30m', '2026-03-10T07:30:00.000Z'],
    ['20 min ago', '2026-03-10T08:40:00.000Z'],
    ['20 minutes ago', '2026-03-10T08:40:00.000Z'],
    ['1 hour ago', '2026-03-10T08:00:00.000Z'],
    ['  45M AGO ', '2026-03-10T08:15:00.000Z'],
    ['now', '2026-03-10T09:00:00.000Z'],
    // A later time today is read as typed: the core refuses a start in the future, in words.
    ['21:00', '2026-03-10T20:00:00.000Z'],
  ])('reads %s', (text, instant) => expect(read(text)).toBe(instant));

  it('says what to type for an empty field', () => expect(read(' ')).toMatch(/Type a time such as 9:10, or how long ago: -20m/));
  it.each(['soon', '25:00', 'ago', '-0m', 'x min ago'])('refuses %s in words', (text) => expect(read(text)).toMatch(/is not a (time|length of time)/));
});
