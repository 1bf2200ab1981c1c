// The entry view is derived: the server's entries with the pending intents applied in order.
import { describe, expect, it } from 'vitest';
import { deriveEntries, timerOf, type ServerEntry } from './entry-model';
import type { EntryFields, Intent } from './intents';

const fields = (over: Partial<EntryFields> = {}): EntryFields => ({
  workspaceId: 'w', description: 'Work', projectId: null, taskId: null, tagIds: [], billable: false,
  start: '2026-03-10T08:00:00Z', end: '2026-03-10T09:00:00Z', type: 'REGULAR', customFields: [], ...over,
});
const server = (id: string, over: Partial<EntryFields> = {}): ServerEntry => ({ id, locked: false, ...fields(over) });
let n = 0;
const intent = (key: string, rest: Partial<Intent> & Pick<Intent, 'kind'>): Intent => ({ id: `i${++n}`, key, workspaceId: 'w', at: 0, ...rest }) as Intent;
const refused = { reason: 'Refused: project required', status: 400 };

describe('deriveEntries', () => {
  it('lists the server entries newest first, synced, keyed by the local key when made here', () => {
    const view = deriveEntries({ server: [server('a', { start: '2026-03-10T08:00:00Z' }), server('b', { start: '2026-03-10T10:00:00Z' })], intents: [], ids: { 'l-1': 'a' } });
    expect(view.map((e) => [e.key, e.serverId, e.sync, e.problem])).toEqual([['b', 'b', 'synced', null], ['l-1', 'a', 'synced', null]]);
  });

  it('adds a pending create, and marks one the server refused for attention with its reason', () => {
    const view = deriveEntries({
      server: [],
      intents: [intent('l-1', { kind: 'create', fields: fields({ description: 'New', start: '2026-03-10T11:00:00Z', end: null }) }), intent('l-2', { kind: 'create', fields: fields({ description: 'Refused' }), problem: refused })],
      ids: {},
    });
    expect(view.map((e) => [e.key, e.description, e.end, e.sync, e.problem, e.serverId])).toEqual([
      ['l-1', 'New', null, 'pending', null, null],
      ['l-2', 'Refused', '2026-03-10T09:00:00Z', 'attention', refused.reason, null],
    ]);
  });

  it('does not add a create twice once the server confirmed it', () => {
    const view = deriveEntries({ server: [server('a')], intents: [intent('l-1', { kind: 'create', fields: fields() })], ids: { 'l-1': 'a' } });
    expect(view).toHaveLength(1);
  });

  it('applies a stop and an edit on top, keeping attention once any change was refused', () => {
    const view = deriveEntries({
      server: [server('a', { end: null }), server('b')],
      intents: [
        intent('a', { kind: 'stop', end: '2026-03-10T09:30:00Z', problem: refused }),
        intent('a', { kind: 'update', fields: fields({ description: 'Renamed', end: '2026-03-10T09:30:00Z', type: 'BREAK' }) }),
        intent('b', { kind: 'update', fields: fields({ description: 'Edited' }) }),
      ],
      ids: {},
    });
    const [a, b] = [view.find((e) => e.key === 'a')!, view.find((e) => e.key === 'b')!];
    expect(a).toMatchObject({ description: 'Renamed', end: '2026-03-10T09:30:00Z', sync: 'attention', problem: refused.reason, type: 'BREAK' });
    expect(b).toMatchObject({ description: 'Edited', sync: 'pending', problem: null });
  });

  it('removes a pending delete, and keeps a refused one visible with the reason', () => {
    const view = deriveEntries({
      server: [server('a'), server('b', { start: '2026-03-10T07:00:00Z' })],
      intents: [intent('a', { kind: 'delete' }), intent('b', { kind: 'delete', problem: refused })],
      ids: {},
    });
    expect(view.map((e) => [e.key, e.sync, e.problem])).toEqual([['b', 'attention', refused.reason]]);
  });

  it('finds an entry made here by its server id as well as its local key', () => {
    const view = deriveEntries({ server: [server('a')], intents: [intent('l-1', { kind: 'update', fields: fields({ description: 'Via key' }) })], ids: { 'l-1': 'a' } });
    expect(view).toMatchObject([{ key: 'l-1', description: 'Via key', sync: 'pending' }]);
  });

  it('ignores intents for entries it does not hold', () => {
    const view = deriveEntries({ server: [server('a')], intents: [intent('x', { kind: 'stop', end: 'z' }), intent('x', { kind: 'update', fields: fields() }), intent('x', { kind: 'delete' })], ids: {} });
    expect(view).toMatchObject([{ key: 'a', sync: 'synced' }]);
  });
});

describe('timerOf', () => {
  it('is running with the entry without end, stopping while its stop is on its way, idle otherwise', () => {
    const running = deriveEntries({ server: [server('a', { end: null })], intents: [], ids: {} });
    expect(timerOf(running, [])).toMatchObject({ status: 'running', entry: { key: 'a' } });
    const stop = intent('a', { kind: 'stop', end: '2026-03-10T09:00:00Z' });
    const stopping = deriveEntries({ server: [server('a', { end: null })], intents: [stop], ids: {} });
    expect(timerOf(stopping, [stop])).toMatchObject({ status: 'stopping', entry: { key: 'a', end: '2026-03-10T09:00:00Z' } });
    expect(timerOf(deriveEntries({ server: [server('a')], intents: [], ids: {} }), [])).toEqual({ status: 'idle' });
    expect(timerOf([], [stop])).toEqual({ status: 'idle' });
  });
});
