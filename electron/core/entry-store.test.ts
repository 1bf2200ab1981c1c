// The entry store keeps each account's intents and server entries apart: the view, rewrites and
// clearing touch the active account only; another account's share stays whole for its outbox.
import { describe, expect, it } from 'vitest';
import type { Intent } from './intents';
import type { JournalData } from './journal';
import { EntryStore } from './entry-store';

function store(initial: JournalData) {
  const saved: JournalData[] = [];
  const entries = new EntryStore({ load: () => ({ status: 'ok', value: initial }), save: (data) => void saved.push(data) }, initial, () => undefined);
  return { entries, saved };
}

const stop = (id: string, key: string, accountId?: string): Intent => ({ id, key, workspaceId: 'w1', at: 0, kind: 'stop', end: '2026-11-30T10:00:00Z', ...(accountId ? { accountId } : {}) });

describe('EntryStore per account', () => {
  it('gives intents from a journal that named no account to the account active at load, and writes that down', () => {
    const { entries, saved } = store({ intents: [stop('i1', 'e1')], ids: {} });
    entries.setActiveAccount('lena');
    expect(entries.intents.map((intent) => intent.accountId)).toEqual(['lena']);
    expect(saved.at(-1)?.intents.map((intent) => intent.accountId)).toEqual(['lena']);
    entries.setActiveAccount('jonas');
    expect(entries.intents).toEqual([]);
    expect(entries.waitingAccounts()).toEqual(['lena']);
  });

  it('rewrites and clears only the active account’s intents; new ones are the active account’s', () => {
    const { entries } = store({ intents: [stop('i1', 'e1', 'lena')], ids: {} });
    entries.setActiveAccount('jonas');
    entries.enqueue(stop('i2', 'e2'));
    entries.rewriteIntents((intents) => intents.filter(() => false));
    expect(entries.scope('lena').intents.map((intent) => intent.id)).toEqual(['i1']);
    entries.enqueue(stop('i3', 'e3'));
    expect(entries.intents.map((intent) => [intent.id, intent.accountId])).toEqual([['i3', 'jonas']]);
    entries.clear();
    expect(entries.intents).toEqual([]);
    expect(entries.scope('lena').intents.map((intent) => intent.id)).toEqual(['i1']);
  });

  it('another account’s change to an entry read from the server keeps its server id even when its entries are not loaded (after a restart)', () => {
    const { entries } = store({ intents: [stop('i1', '6a1f0c2e00000000000000aa', 'lena'), stop('i2', 'l-local', 'lena')], ids: {} });
    entries.setActiveAccount('jonas');
    expect(entries.scope('lena').serverIdOf('6a1f0c2e00000000000000aa')).toBe('6a1f0c2e00000000000000aa');
    // A local entry whose create never reached the server has no server id yet.
    expect(entries.scope('lena').serverIdOf('l-local')).toBeNull();
  });
});
