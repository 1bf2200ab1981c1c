import { describe, expect, it } from 'vitest';
import { describeIntent, type EntryFields, type Intent } from './intents';

const base = { id: 'i-1', key: 'l-1', workspaceId: 'ws-1', at: 0 };
const fields = (end: string | null): EntryFields => ({
  workspaceId: 'ws-1',
  start: '2026-03-02T09:00:00Z',
  end,
  type: 'REGULAR',
  customFields: [],
  description: 'Review',
  projectId: null,
  taskId: null,
  tagIds: [],
  billable: false,
});

// The words head the notice of a refused change ("Start timer refused: no permission (403)…").
describe('describeIntent', () => {
  it.each<[string, Intent]>([
    ['Start timer', { ...base, kind: 'create', fields: fields(null) }],
    ['Add entry', { ...base, kind: 'create', fields: fields('2026-03-02T10:00:00Z') }],
    ['Stop timer', { ...base, kind: 'stop', end: '2026-03-02T10:00:00Z' }],
    ['Edit entry', { ...base, kind: 'update', fields: fields('2026-03-02T10:00:00Z') }],
    ['Edit entry', { ...base, kind: 'update', fields: fields(null) }],
    ['Delete entry', { ...base, kind: 'delete' }],
  ])('says "%s"', (words, intent) => {
    expect(describeIntent(intent)).toBe(words);
  });
});
