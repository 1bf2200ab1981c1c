// How the times of a line are read, case by case (the grammar's examples are in parse-quick-entry.test.ts).
import { describe, expect, it } from 'vitest';
import { parseQuickEntry, type QuickEntryItem } from './index';

const ctx = { now: new Date('2026-03-18T15:45:30.250Z'), timeZone: 'Etc/UTC', projects: [], tags: [] };
function span(line: string): string {
  const result = parseQuickEntry(line, ctx);
  if (!result.ok) return result.error;
  const item = result.items[0] as QuickEntryItem;
  return `${item.localStart}-${item.localEnd}${item.endsNextDay ? '+1' : ''}`;
}

describe('reading times', () => {
  it.each([
    ['noon-1pm x', '12:00-13:00'],
    ['11-noon x', '11:00-12:00'],
    ['10pm-midnight x', '22:00-00:00+1'],
    ['midnight-1am x', '00:00-01:00'],
    ['noon-midnight x', '12:00-00:00+1'],
    ['9am-5 x', '09:00-17:00'],
    ['9pm-5 x', '21:00-05:00+1'],
    ['11am-1 x', '11:00-13:00'],
    ['9-5pm x', '09:00-17:00'],
    ['9-5am x', '21:00-05:00+1'],
    ['1-3pm x', '13:00-15:00'],
    ['11-1pm x', '11:00-13:00'],
    ['12am-12pm x', '00:00-12:00'],
    ['12pm-1pm x', '12:00-13:00'],
    ['9-5 x', '09:00-17:00'],
    ['12-1 x', '12:00-13:00'],
    ['11-11:30 x', '11:00-11:30'],
    ['11-0:30 x', '11:00-00:30+1'],
    ['11-09 x', '11:00-09:00+1'],
    ['2-1 x', '02:00-13:00'],
    ['0-1 x', '00:00-01:00'],
    ['13-1 x', '13:00-01:00+1'],
    ['10-24 x', '10:00-00:00+1'],
    ['930-1045 x', '09:30-10:45'],
    ['9:30:15-9:45 x', '09:30-09:45'],
  ])('%j → %s', (line, expected) => {
    expect(span(line)).toBe(expected);
  });

  it.each([
    ['9:60-10 x', '9:60 is not a time: minutes and seconds go up to 59.'],
    ['9:30:60-10 x', '9:30:60 is not a time: minutes and seconds go up to 59.'],
    ['123:30-10 x', '123:30 is not a time: write it like 09:30.'],
    ['13pm-2pm x', '13pm is not a time: with am/pm the hour is 1 to 12 (write 13:00 or 1pm).'],
    ['0am-2am x', '0am is not a time: with am/pm the hour is 1 to 12 (write 13:00 or 1pm).'],
    ['25-26 x', '25 is not a time: hours go from 0 to 23 (24:00 only ends a range).'],
    ['9-24:30 x', '24:30 is not a time: hours go from 0 to 23 (24:00 only ends a range).'],
    ['24-2 x', '24:00 can only end a range: start at 00:00 instead.'],
    ['9-9 x', '9-9 is no time at all: write an end after the start.'],
    ['9 x', '9 needs an end: write a range like 9-10:30, or a duration like 1h30m.'],
  ])('%j is refused: %s', (line, error) => {
    expect(span(line)).toBe(error);
  });
});
