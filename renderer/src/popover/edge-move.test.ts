import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../shared/domain';
import type { Block } from './day-layout';
import { movableEdges, movedTimes, overlappingEntries, snapTime, stepTime, timesOf } from './edge-move';

const at = (hhmm: string) => Date.parse(`2025-03-31T${hhmm}:00Z`);
const iso = (hhmm: string) => `2025-03-31T${hhmm}:00Z`;
const day = { start: at('00:00'), end: Date.parse('2025-04-01T00:00:00Z') };
const entry = (key: string, start: string, end: string | null): EntryView => ({ key, serverId: key, workspaceId: 'w', description: key, projectId: null, taskId: null, tagIds: [], billable: false, start: iso(start), end: end && iso(end), sync: 'synced', problem: null, type: 'REGULAR', customFields: [] });
const block = (e: EntryView, over: Partial<Block> = {}): Block => ({ entry: e, start: Date.parse(e.start), end: e.end ? Date.parse(e.end) : at('15:00'), running: e.end === null, lane: 0, lanes: 1, ...over });

describe('moving an edge', () => {
  it('snaps to a neighbour’s edge within 2.5 minutes, else to the 5-minute grid, inside the day', () => {
    expect(snapTime(at('13:29') + 30_000, [at('13:31')], day)).toBe(at('13:31'));
    expect(snapTime(at('13:37') + 40_000, [at('13:31')], day)).toBe(at('13:40'));
    expect(snapTime(at('13:32'), [at('13:31'), at('13:33')], day)).toBe(at('13:31'));
    expect(snapTime(day.start - 3_600_000, [], day)).toBe(day.start);
  });

  it('a keyboard step goes to the next 5-minute mark that way', () => {
    expect(stepTime(at('09:00'), 1)).toBe(at('09:05'));
    expect(stepTime(at('09:03'), 1)).toBe(at('09:05'));
    expect(stepTime(at('09:03'), -1)).toBe(at('09:00'));
    expect(stepTime(at('09:00'), -1)).toBe(at('08:55'));
  });

  it('keeps an entry at least 5 minutes long, not ending after now; nothing when nothing changes', () => {
    const b = timesOf(entry('a', '09:00', '10:00'));
    expect(movedTimes(b, 'start', at('09:55') + 60_000, day, at('15:00'))).toEqual({ start: at('09:55'), end: at('10:00') });
    expect(movedTimes(b, 'end', at('09:00'), day, at('15:00'))).toEqual({ start: at('09:00'), end: at('09:05') });
    expect(movedTimes(b, 'end', at('16:00'), day, at('15:00'))).toEqual({ start: at('09:00'), end: at('15:00') });
    expect(movedTimes(b, 'start', at('09:00'), day, at('15:00'))).toBeNull();
  });

  it('the running entry and an edge cut off at midnight do not move', () => {
    expect(movableEdges(block(entry('r', '14:00', null)))).toEqual([]);
    expect(movableEdges(block(entry('a', '09:00', '10:00')))).toEqual(['start', 'end']);
    const night = entry('n', '22:00', '23:00');
    expect(movableEdges(block({ ...night, start: '2025-03-30T22:00:00Z' }, { start: day.start }))).toEqual(['end']);
  });

  it('lists the other entries the new times overlap, the running one up to now', () => {
    const entries = [entry('a', '09:00', '10:00'), entry('b', '10:00', '11:00'), entry('r', '14:00', null)];
    expect(overlappingEntries({ start: at('09:00'), end: at('10:00') }, entries, at('15:00'), 'a')).toEqual([]);
    expect(overlappingEntries({ start: at('09:00'), end: at('10:30') }, entries, at('15:00'), 'a').map((e) => e.key)).toEqual(['b']);
    expect(overlappingEntries({ start: at('13:00'), end: at('14:30') }, entries, at('15:00')).map((e) => e.key)).toEqual(['r']);
  });
});
