import { describe, expect, it } from 'vitest';
import type { EntryView } from '../../../shared/domain';
import { groupIdentical } from './entry-groups';

const entry = (key: string, start: string, end: string, over: Partial<EntryView> = {}): EntryView => ({
  key, serverId: key, workspaceId: 'w', description: 'Support', projectId: 'p', taskId: null, tagIds: ['a', 'b'], billable: true,
  start, end, sync: 'synced', type: 'REGULAR', customFields: [], problem: null, ...over,
});

describe('groupIdentical', () => {
  it('puts entries with the same description, project, task, tags (any order) and billable together, with count and total', () => {
    const groups = groupIdentical([
      entry('3', '2026-03-02T14:00:00Z', '2026-03-02T14:30:00Z'),
      entry('2', '2026-03-02T12:00:00Z', '2026-03-02T12:10:00Z', { description: 'Other' }),
      entry('1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z', { tagIds: ['b', 'a'] }),
    ]);
    expect(groups.map((g) => [g.key, g.entries.map((e) => e.key), g.seconds])).toEqual([
      ['3', ['3', '1'], 5400],
      ['2', ['2'], 600],
    ]);
  });

  it('keeps apart what differs in project, task, tags, billable or type', () => {
    const base = entry('1', '2026-03-02T09:00:00Z', '2026-03-02T10:00:00Z');
    const others = [
      { projectId: 'q' }, { taskId: 't' }, { tagIds: ['a'] }, { billable: false }, { type: 'BREAK' as const },
    ].map((over, i) => entry(`x${i}`, '2026-03-02T08:00:00Z', '2026-03-02T08:30:00Z', over));
    expect(groupIdentical([base, ...others])).toHaveLength(6);
  });
});
