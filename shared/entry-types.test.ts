import { describe, expect, it } from 'vitest';
import { countsAsWork, entryTypeLabel, mayChange, mayContinue } from './entry-types';

describe('entry types', () => {
  it.each([
    ['REGULAR', true, true, true, null],
    ['BREAK', false, false, true, 'Break'],
    ['HOLIDAY', false, false, false, 'Holiday'],
    ['TIME_OFF', false, false, false, 'Time off'],
    ['PAID_LEAVE', false, false, false, 'Paid leave'], // a type Clockify may add later: shown, never written
  ])('%s: work %s, continue %s, change %s, label %s', (type, work, resume, change, label) => {
    expect(countsAsWork({ type })).toBe(work);
    expect(mayContinue(type)).toBe(resume);
    expect(mayChange(type)).toBe(change);
    expect(entryTypeLabel(type)).toBe(label);
  });
});
