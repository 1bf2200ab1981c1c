import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../shared/domain';
import { gapsIn, layoutDay, suggestionsFor } from './day-layout';

const ZONE = 'Europe/Berlin';
let n = 0;
function entry(start: string, end: string | null, description = 'Work', projectId: string | null = 'p1'): EntryView {
  n++;
  return { key: `k${n}`, serverId: null, workspaceId: 'w', start, end, description, projectId, taskId: null, tagIds: [], billable: false, sync: 'synced', problem: null, type: 'REGULAR', customFields: [] };
}
const WORK = { days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00' };
const at = (iso: string) => Date.parse(iso);

describe('day layout', () => {
  it('a spring-forward day has 23 hour marks, 02:00 missing', () => {
    const layout = layoutDay({ dayKey: '2025-03-30', zone: ZONE, entries: [], running: null, now: at('2025-04-01T00:00:00Z'), workingHours: WORK });
    expect(layout.hours.map((mark) => mark.hour)).toEqual([0, 1, ...Array.from({ length: 21 }, (_, i) => i + 3)]);
    // A Sunday: no working hours, so no gaps.
    expect(layout.working).toBeNull();
    expect(layout.gaps).toEqual([]);
  });

  it('a fall-back day has 25 hour marks, 02:00 twice', () => {
    const layout = layoutDay({ dayKey: '2025-10-26', zone: ZONE, entries: [], running: null, now: 0, workingHours: null });
    expect(layout.hours).toHaveLength(25);
    expect(layout.hours.slice(0, 5).map((mark) => mark.hour)).toEqual([0, 1, 2, 2, 3]);
  });

  it('gaps are the untracked parts of the working hours, up to now, 5 minutes or longer', () => {
    // Monday 2025-03-31 (CEST, UTC+2); now is 15:00 local.
    const entries = [entry('2025-03-31T07:30:00Z', '2025-03-31T08:00:00Z'), entry('2025-03-31T08:02:00Z', '2025-03-31T10:00:00Z'), entry('2025-03-30T08:00:00Z', '2025-03-30T09:00:00Z')];
    const running = entry('2025-03-31T12:00:00Z', null);
    const layout = layoutDay({ dayKey: '2025-03-31', zone: ZONE, entries, running, now: at('2025-03-31T13:00:00Z'), workingHours: WORK });
    expect(layout.working).toEqual({ start: at('2025-03-31T07:00:00Z'), end: at('2025-03-31T15:00:00Z') });
    expect(layout.blocks).toHaveLength(3);
    expect(layout.blocks.at(-1)).toMatchObject({ running: true, end: at('2025-03-31T13:00:00Z') });
    // 09:00–09:30 and 12:00–14:00 local; the 2 minutes between the first two entries are no gap.
    expect(layout.gaps).toEqual([
      { start: at('2025-03-31T07:00:00Z'), end: at('2025-03-31T07:30:00Z') },
      { start: at('2025-03-31T10:00:00Z'), end: at('2025-03-31T12:00:00Z') },
    ]);
  });

  it('a day in the past has gaps to the end of its working hours', () => {
    expect(gapsIn({ start: 0, end: 3_600_000 }, [{ start: 600_000, end: 1_200_000 }], 10 ** 12)).toEqual([
      { start: 0, end: 600_000 },
      { start: 1_200_000, end: 3_600_000 },
    ]);
  });

  it('overlapping entries sit side by side', () => {
    const entries = [entry('2025-03-31T07:00:00Z', '2025-03-31T09:00:00Z'), entry('2025-03-31T08:00:00Z', '2025-03-31T08:30:00Z'), entry('2025-03-31T10:00:00Z', '2025-03-31T11:00:00Z')];
    const layout = layoutDay({ dayKey: '2025-03-31', zone: ZONE, entries, running: null, now: 0, workingHours: null });
    expect(layout.blocks.map((block) => [block.lane, block.lanes])).toEqual([[0, 2], [1, 2], [0, 1]]);
  });

  it('entries crossing midnight are clipped to the day', () => {
    const layout = layoutDay({ dayKey: '2025-03-31', zone: ZONE, entries: [entry('2025-03-30T21:00:00Z', '2025-03-30T23:00:00Z')], running: null, now: 0, workingHours: null });
    expect(layout.blocks[0]).toMatchObject({ start: at('2025-03-30T22:00:00Z'), end: at('2025-03-30T23:00:00Z') });
  });

  it('suggests the entry before, the one after and the usual one at that time', () => {
    const entries = [
      entry('2025-03-31T07:00:00Z', '2025-03-31T08:00:00Z', 'Standup prep', 'a'),
      entry('2025-03-31T09:00:00Z', '2025-03-31T10:00:00Z', 'Review', 'b'),
      entry('2025-03-28T08:00:00Z', '2025-03-28T09:00:00Z', 'Email', 'c'),
      entry('2025-03-27T08:00:00Z', '2025-03-27T09:00:00Z', 'Email', 'c'),
      entry('2025-03-26T18:00:00Z', '2025-03-26T19:00:00Z', 'Evening', 'd'),
    ];
    const suggestions = suggestionsFor({ start: at('2025-03-31T08:00:00Z'), end: at('2025-03-31T09:00:00Z') }, entries, ZONE);
    expect(suggestions.map((s) => [s.draft.description, s.reason])).toEqual([
      ['Standup prep', 'before'],
      ['Review', 'after'],
      ['Email', 'usual at this time'],
    ]);
  });
});
