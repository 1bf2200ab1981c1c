// The entry store keeps each account's intents and server entries apart: the view, rewrites and
// clearing touch the active account only; another account's share stays whole for its outbox.
import { describe, expect, it } from 'vitest';
import type { Intent } from './intents';
import type { JournalData } from './journal';
import type { ServerEntry } from './entry-model';
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

const server = (id: string, over: Partial<ServerEntry> = {}): ServerEntry => ({
  id,
  workspaceId: 'w1',
  description: id,
  projectId: null,
  taskId: null,
  tagIds: [],
  billable: false,
  start: '2026-11-30T09:00:00Z',
  end: '2026-11-30T09:30:00Z',
  locked: false,
  type: 'REGULAR',
  customFields: [],
  ...over,
});
const create = (id: string, key: string, accountId = 'lena'): Intent => {
  const { id: _id, locked: _locked, ...fields } = server(key, { end: null });
  return { id, key, workspaceId: 'w1', accountId, at: 0, kind: 'create', fields };
};
const ids = (entries: readonly { id: string }[]) => entries.map((entry) => entry.id);

describe('EntryStore server entries', () => {
  it('re-applies to a refresh only the confirmations that came after it began', () => {
    const { entries } = store({ intents: [create('i1', 'l-1'), create('i2', 'l-2'), stop('i3', 's3', 'lena')], ids: {} });
    entries.setActiveAccount('lena');
    entries.restoreServer([server('s3', { end: null })], 'w1');
    entries.confirm('i1', { entry: server('s1') }, 100);
    entries.confirm('i2', { entry: server('s2') }, 200);
    entries.confirm('i3', { deletedId: 's3' }, 300);
    // The refresh began at 200: it may have missed the second create and the deletion, not the first.
    entries.replaceServer([server('s3', { end: null }), server('s0')], 200, 'w1');
    expect(ids(entries.serverEntries()).sort()).toEqual(['s0', 's2']);
    // Those confirmations are forgotten once a later refresh began after them.
    entries.replaceServer([server('s3', { end: null })], 301, 'w1');
    expect(ids(entries.serverEntries())).toEqual(['s3']);
  });

  it('keeps a timer running in another workspace when a workspace’s entries are replaced, but not its stopped entries', () => {
    const { entries } = store({ intents: [], ids: {} });
    entries.setActiveAccount('lena');
    entries.restoreServer([server('r2', { workspaceId: 'w2', end: null }), server('d2', { workspaceId: 'w2' }), server('x1', { workspaceId: 'w1' })], 'w2');
    entries.replaceServer([server('a1'), server('stray', { workspaceId: 'w3' })], 0, 'w1');
    expect(ids(entries.serverEntries())).toEqual(['a1', 'r2']);
    // The running timer read again in its own workspace is there once.
    entries.restoreServer([server('r2', { workspaceId: 'w2', end: null, description: 'fresh' })], 'w2');
    expect(entries.serverEntries().map((entry) => [entry.id, entry.description])).toEqual([['r2', 'fresh']]);
  });

  it('keeps another account’s restored entries apart, and restores them only once', () => {
    const { entries } = store({ intents: [], ids: {} });
    entries.setActiveAccount('lena');
    entries.restoreServerOf('lena', [server('mine')]);
    entries.restoreServerOf('jonas', [server('j1')]);
    entries.restoreServerOf('jonas', [server('j2')]);
    expect(entries.serverEntries()).toEqual([]);
    expect(entries.otherAccountsServer().map(([account, list]) => [account, ids(list)])).toEqual([['jonas', ['j1']]]);
    expect(entries.viewOf('jonas').map((view) => view.key)).toEqual(['j1']);
  });

  it('tells when another account’s server entries change, not the active one’s', () => {
    let told = 0;
    const entries = new EntryStore({ load: () => ({ status: 'missing' }), save: () => undefined }, { intents: [create('i1', 'l-1', 'jonas')], ids: {} }, () => undefined, () => void told++);
    entries.setActiveAccount('lena');
    entries.applyServer({ entry: server('s1') });
    expect(told).toBe(0);
    entries.scope('jonas').applyServer({ entry: server('j1') });
    entries.scope('jonas').confirm('i1', { entry: server('j2') }, 0);
    expect(told).toBe(2);
    expect(entries.viewOf('jonas').map((view) => [view.key, view.serverId])).toEqual([
      ['l-1', 'j2'],
      ['j1', 'j1'],
    ]);
  });

  it('finds an entry by its local key or its server id, and knows which keys have a server id', () => {
    const { entries } = store({ intents: [], ids: {} });
    entries.setActiveAccount('lena');
    entries.enqueue(create('i1', 'l-1'));
    expect(entries.serverIdOf('l-1')).toBeNull();
    entries.restoreServer([server('s9')], 'w1');
    entries.confirm('i1', { entry: server('s1', { start: '2026-11-30T10:00:00Z' }) }, 0);
    expect([entries.serverIdOf('l-1'), entries.serverIdOf('s9'), entries.serverIdOf('s8')]).toEqual(['s1', 's9', null]);
    expect([entries.find('l-1')?.key, entries.find('s1')?.key, entries.find('s9')?.serverId, entries.find('s8')]).toEqual(['l-1', 'l-1', 's9', undefined]);
    expect([...entries.claimedServerIds()]).toEqual(['s1']);
  });

  it('forgets the server id of a local key once nothing refers to it any more', () => {
    const { entries, saved } = store({ intents: [], ids: { 'l-old': 'gone', 'l-kept': 's9' } });
    entries.setActiveAccount('lena');
    entries.restoreServer([server('s9')], 'w1');
    entries.enqueue(create('i1', 'l-1'), stop('i2', 'l-1', 'lena'));
    entries.confirm('i1', { entry: server('s1', { end: null }) }, 0);
    // l-1 is still referred to by the stop; l-kept names an entry still known; l-old neither.
    expect(saved.at(-1)?.ids).toEqual({ 'l-kept': 's9', 'l-1': 's1' });
  });
});

describe('EntryStore journal writes', () => {
  it('writes a batch once when it succeeds, and nothing when it fails or changes nothing', () => {
    const { entries, saved } = store({ intents: [], ids: {} });
    entries.setActiveAccount('lena');
    saved.length = 0;
    const failed = entries.atomically(() => {
      entries.enqueue(create('i1', 'l-1'));
      return { ok: false };
    });
    expect([failed.ok, saved.length, entries.intents.length]).toEqual([false, 0, 0]);
    entries.atomically(() => ({ ok: true }));
    expect(saved.length).toBe(0);
    entries.atomically(() => {
      entries.enqueue(create('i1', 'l-1'));
      return entries.atomically(() => {
        entries.enqueue(create('i2', 'l-2'));
        return { ok: true };
      });
    });
    expect(saved.map((data) => data.intents.map((intent) => intent.id))).toEqual([['i1', 'i2']]);
  });

  it('keeps the interruption in the journal, and drops it', () => {
    const { entries, saved } = store({ intents: [], ids: {} });
    expect(entries.interruption).toBeNull();
    const interruption = { key: 'l-2', returnTo: { key: 's1', workspaceId: 'w1', fields: { description: 'Writing', projectId: null, taskId: null, tagIds: [], billable: false } } };
    entries.setInterruption(interruption);
    expect([entries.interruption, saved.at(-1)?.interruption]).toEqual([interruption, interruption]);
    entries.setInterruption(null);
    expect(entries.interruption).toBeNull();
    expect(saved.at(-1) && 'interruption' in saved.at(-1)!).toBe(false);
  });
});

describe('EntryStore account scopes', () => {
  it('lists each other account with changes waiting once, never the active one or none', () => {
    const { entries } = store({ intents: [stop('i1', 'e1', 'lena'), stop('i2', 'e2', 'lena'), stop('i3', 'e3', 'jonas'), stop('i4', 'e4')], ids: {} });
    entries.setActiveAccount(null);
    expect(entries.intents.map((intent) => intent.id)).toEqual(['i4']);
    expect(entries.waitingAccounts()).toEqual(['lena', 'jonas']);
    entries.setActiveAccount('jonas');
    expect(entries.waitingAccounts()).toEqual(['lena']);
  });

  it('gives another account’s outbox its own entries and changes, whichever account is active', () => {
    const { entries, saved } = store({ intents: [stop('i1', 'j1', 'jonas'), create('i2', 'l-2', 'jonas')], ids: {} });
    entries.setActiveAccount('lena');
    entries.restoreServer([server('mine')], 'w1');
    const jonas = entries.scope('jonas');
    jonas.applyServer({ entry: server('j1', { end: null }) });
    expect(jonas.intents.map((intent) => intent.id)).toEqual(['i1', 'i2']);
    expect(ids(jonas.serverEntries())).toEqual(['j1']);
    expect([jonas.find('j1')?.end, jonas.find('mine'), jonas.serverIdOf('j1')]).toEqual(['2026-11-30T10:00:00Z', undefined, 'j1']);
    jonas.patchIntent('i1', { problem: { reason: 'Locked', status: 403 } });
    expect(saved.at(-1)?.intents.find((intent) => intent.id === 'i1')?.problem).toEqual({ reason: 'Locked', status: 403 });
    jonas.confirm('i2', { entry: server('j2') }, 0);
    expect([...jonas.claimedServerIds()]).toEqual(['j2']);
    expect(jonas.intents.map((intent) => intent.id)).toEqual(['i1']);
    expect(ids(entries.serverEntries())).toEqual(['mine']);
    expect(entries.intents).toEqual([]);
  });

  it('applies the active account’s changes to entries read apart (an older day)', () => {
    const { entries } = store({ intents: [stop('i1', 'old', 'lena'), stop('i2', 'old', 'jonas')], ids: {} });
    entries.setActiveAccount('lena');
    expect(entries.viewOver([server('old', { end: null })]).map((view) => [view.key, view.end, view.sync])).toEqual([['old', '2026-11-30T10:00:00Z', 'pending']]);
  });
});
