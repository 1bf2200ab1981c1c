// The words quick entry answers with when it cannot read a line: each names what to write instead.
import { describe, expect, it } from 'vitest';
import type { ProjectOption, TagOption } from '../domain';
import { parseQuickEntry, type QuickEntryContext } from './index';

const NOW = new Date('2026-03-18T15:45:30.250Z');
const projects: ProjectOption[] = [
  { id: 'p4', name: 'Design', clientName: 'Globex', clientId: 'c1', color: '#03a9f4', billable: true },
  { id: 'p5', name: 'Design', clientName: 'Initech', clientId: 'c2', color: '#03a9f4', billable: true },
  { id: 'p7', name: 'Internal', clientName: '', clientId: null, color: '#03a9f4', billable: false },
];
const tags: TagOption[] = [
  { id: 't2', name: 'review' },
  { id: 't3', name: 'revenue' },
  { id: 't4', name: 'deep work' },
];
const ctx: QuickEntryContext = { now: NOW, timeZone: 'Etc/UTC', projects, tags };
const parse = (line: string, context: QuickEntryContext = ctx) => parseQuickEntry(line, context);

describe('what quick entry says when it cannot read a line', () => {
  it.each([
    ['mon-fri 9-17 Onsite', 'Day ranges like mon-fri are not read: write the dates, like mar 2-6 9-17 (one entry per day), or one day at a time (mon 9-17).'],
    ['Mon–Fri 9-17 Onsite', 'Day ranges like mon–fri are not read: write the dates, like mar 2-6 9-17 (one entry per day), or one day at a time (mon 9-17).'],
    ['last friday 9-12 Review', '"last friday" is not read: write fri for the most recent fri (today included), or a date like 2025-03-07.'],
    ['this Monday 9-12 Review', '"this monday" is not read: write mon for the most recent mon (today included), or a date like 2025-03-07.'],
    ['tomorrow 9-12 Plan', 'Quick entry adds time already spent: for tomorrow, write its date (2025-03-11 9-17) — the window asks before adding an entry in the future.'],
    ['yesterdy 13-17 Workshop', '"yesterdy" is not a day: did you mean yesterday? Write it like yesterday 13-17.'],
    ['wednesdy 13-17 Workshop', '"wednesdy" is not a day: did you mean wednesday? Write it like wednesday 13-17.'],
    ['tody 13-17 Workshop', '"tody" is not a day: did you mean today? Write it like today 13-17.'],
  ])('%j', (line, message) => {
    expect(parse(line)).toEqual({ ok: false, error: message });
  });

  it('does not take ordinary words, or pairs that are not both weekdays, for days', () => {
    for (const line of ['last sprint 9-12', 'this week 9-12', 'tomorrowland 9-12', 'mon-sprint 9-12', 'monday-ish 9-12', 'holiday 9-12', 'tod 9-12', 'todayish 9-12']) {
      const result = parse(line);
      expect(result.ok ? '' : result.error, line).toMatch(/^No times found/);
    }
    // two edits away is too far for a short word, and a length far off is no typo
    expect(parse('tdy 9-12').ok ? '' : (parse('tdy 9-12') as { error: string }).error).toMatch(/^No times found/);
    expect(parse('yesterdayyyy 9-12').ok ? '' : (parse('yesterdayyyy 9-12') as { error: string }).error).toMatch(/^No times found/);
  });

  it('a typo of a day after a real day does not hide the missing times', () => {
    expect(parse('yesterday fix')).toEqual({ ok: false, error: 'No times found after the day: write a range like 09:00-10:30 after it, then the description.' });
  });

  it('an ambiguous @project or #tag lists the candidates and says which query they are for; other errors carry none', () => {
    expect(parse('9-10 x @design')).toMatchObject({ ok: false, candidates: ['Design (Globex)', 'Design (Initech)'], choiceFor: { sigil: '@', query: 'design' } });
    expect(parse('9-10 x #rev')).toMatchObject({ ok: false, candidates: ['review', 'revenue'], choiceFor: { sigil: '#', query: 'rev' } });
    const plain = parse('9-10');
    expect(plain.ok).toBe(true);
    expect(Object.keys(parse('nothing here'))).toEqual(['ok', 'error']);
    expect(parse('9-10 x', { ...ctx, now: new Date(Number.NaN) })).toEqual({ ok: false, error: 'The clock gave an invalid time: try again.' });
  });

  it('drops separators between the times and the description, and only those', () => {
    for (const [line, description] of [
      ['9-10 - Review', 'Review'],
      ['9-10: Review', 'Review'],
      ['9-10 ,; Review - part 2', 'Review - part 2'],
      ['9-10 — Review', 'Review'],
    ]) {
      const result = parse(line!);
      expect(result.ok && result.description, line).toBe(description);
    }
  });

  it('a #tag takes at most three more words of a longer tag name', () => {
    const long: TagOption[] = [{ id: 'l1', name: 'a b c d' }, { id: 'l2', name: 'a b c d e' }, { id: 'l3', name: 'a' }];
    const four = parse('9-10 #a b c d', { ...ctx, tags: long });
    expect(four.ok && four.tagIds).toEqual(['l1']);
    const five = parse('9-10 #a b c d e', { ...ctx, tags: long });
    expect(five.ok && [five.tagIds, five.description]).toEqual([['l1'], 'e']);
  });
});
