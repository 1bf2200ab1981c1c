import { describe, expect, it } from 'vitest';
import type { ServerEntry } from './entry-model';
import { HISTORY_LIMIT, rememberEntries, suggestionViews } from './description-history';

const entry = (id: string, start: string, over: Partial<ServerEntry> = {}): ServerEntry => ({
  id, workspaceId: 'w', description: 'Support', projectId: 'p', taskId: null, tagIds: [], billable: false,
  start, end: start.replace('T09', 'T10'), type: 'REGULAR', customFields: [], locked: false, ...over,
});

describe('rememberEntries', () => {
  it('keeps one per combination, the newest, newest first; leaves out running, empty and non-work entries', () => {
    const history = rememberEntries([entry('a', '2025-01-02T09:00:00Z')], [
      entry('b', '2026-03-01T09:00:00Z'),
      entry('c', '2026-02-01T09:00:00Z', { projectId: 'q' }),
      entry('d', '2026-03-02T09:00:00Z', { end: null }),
      entry('e', '2026-03-02T09:00:00Z', { description: '  ' }),
      entry('f', '2026-03-02T09:00:00Z', { type: 'HOLIDAY' }),
    ]);
    expect(history.map((e) => e.id)).toEqual(['b', 'c']);
  });

  it('counts the same description (spaces around it aside) and the same tags in any order as one combination', () => {
    const history = rememberEntries([], [
      entry('old', '2026-03-01T09:00:00Z', { description: 'Support', tagIds: ['a', 'b'] }),
      entry('new', '2026-03-03T09:00:00Z', { description: ' Support ', tagIds: ['b', 'a'] }),
      entry('older', '2026-02-01T09:00:00Z', { description: 'Support', tagIds: ['a', 'b'] }),
    ]);
    expect(history.map((e) => e.id)).toEqual(['new']);
  });

  it('tells combinations apart by task and billable too', () => {
    const history = rememberEntries([], [
      entry('plain', '2026-03-01T09:00:00Z'),
      entry('task', '2026-03-02T09:00:00Z', { taskId: 't' }),
      entry('billable', '2026-03-03T09:00:00Z', { billable: true }),
    ]);
    expect(history.map((e) => e.id)).toEqual(['billable', 'task', 'plain']);
  });

  it('is capped, keeping the newest', () => {
    const at = (i: number) => new Date(Date.parse('2026-01-01T09:00:00Z') + i * 60_000).toISOString();
    const many = Array.from({ length: HISTORY_LIMIT + 20 }, (_, i) => entry(`x${i}`, at(i), { description: `Task ${i}`, end: at(i + 1) }));
    const kept = rememberEntries([], many);
    expect(kept).toHaveLength(HISTORY_LIMIT);
    expect([kept[0]!.id, kept.at(-1)!.id]).toEqual([`x${HISTORY_LIMIT + 19}`, 'x20']);
  });
});

describe('suggestionViews', () => {
  it('shows each remembered entry as one already on the server, without its lock', () => {
    const remembered = entry('s1', '2026-03-01T09:00:00Z', { locked: true, tagIds: ['a'] });
    expect(suggestionViews([remembered])).toEqual([
      { key: 's1', serverId: 's1', sync: 'synced', problem: null, workspaceId: 'w', description: 'Support', projectId: 'p', taskId: null, tagIds: ['a'], billable: false, start: '2026-03-01T09:00:00Z', end: '2026-03-01T10:00:00Z', type: 'REGULAR', customFields: [] },
    ]);
  });
});
