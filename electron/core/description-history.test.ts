import { describe, expect, it } from 'vitest';
import type { ServerEntry } from './entry-model';
import { HISTORY_LIMIT, rememberEntries } from './description-history';

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

  it('is capped', () => {
    const many = Array.from({ length: HISTORY_LIMIT + 20 }, (_, i) => entry(`x${i}`, `2026-01-01T09:${String(i % 60).padStart(2, '0')}:00Z`, { description: `Task ${i}` }));
    expect(rememberEntries([], many)).toHaveLength(HISTORY_LIMIT);
  });
});
