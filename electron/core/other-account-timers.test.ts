// Which timers run in accounts other than the active one: what the popover shows (and can stop) there.
import { describe, expect, it } from 'vitest';
import type { AccountRecord } from '../../shared/settings';
import { EntryStore } from './entry-store';
import type { EntryFields, Intent } from './intents';
import { timersInOtherAccounts } from './other-account-timers';

const fields = (description: string, end: string | null): EntryFields => ({
  description,
  projectId: null,
  taskId: null,
  tagIds: [],
  billable: false,
  workspaceId: 'w1',
  start: '2026-11-30T09:00:00Z',
  end,
  type: 'REGULAR',
  customFields: [],
});
const start = (accountId: string, description: string, end: string | null = null): Intent => ({ id: `i-${accountId}-${description}`, key: `l-${accountId}-${description}`, workspaceId: 'w1', at: 0, kind: 'create', accountId, fields: fields(description, end) });
const account = (id: string): AccountRecord => ({ id, connection: { kind: 'clockify', server: 'global' }, userId: `u-${id}`, userName: `${id} name`, email: `${id}@example.com`, workspaceId: 'w1', defaultProject: { kind: 'last-used' } });

function store(intents: Intent[], active: string | null) {
  const journal = { intents, ids: {} };
  const entries = new EntryStore({ load: () => ({ status: 'ok', value: journal }), save: () => undefined }, journal, () => undefined);
  entries.setActiveAccount(active);
  return entries;
}

const shown = (entries: EntryStore, active: string | null) =>
  timersInOtherAccounts(entries, [account('lena'), account('jonas'), account('mia')], active).map((timer) => [timer.accountId, timer.userName, timer.email, timer.entry.description]);

describe('timers in other accounts', () => {
  it.each([
    ['nothing runs anywhere', [], 'lena', []],
    ['one runs in the active account only', [start('lena', 'Lena works')], 'lena', []],
    ['one runs in another account', [start('lena', 'Lena works'), start('jonas', 'Jonas works')], 'lena', [['jonas', 'jonas name', 'jonas@example.com', 'Jonas works']]],
    ['another account has only finished entries', [start('jonas', 'Done', '2026-11-30T10:00:00Z')], 'lena', []],
    ['signed out: every account’s timer', [start('lena', 'Lena works'), start('jonas', 'Jonas works')], null, [['lena', 'lena name', 'lena@example.com', 'Lena works'], ['jonas', 'jonas name', 'jonas@example.com', 'Jonas works']]],
  ] as const)('%s', (_, intents, active, expected) => {
    expect(shown(store([...intents], active), active)).toEqual(expected);
  });

  it('a timer being stopped in another account is not shown as running there', () => {
    const stopping = store([{ id: 'i-stop', key: '6a1f0c2e00000000000000aa', workspaceId: 'w1', at: 0, kind: 'stop', accountId: 'jonas', end: '2026-11-30T10:00:00Z' }], 'lena');
    stopping.scope('jonas').applyServer({ entry: { ...fields('Jonas works', null), id: '6a1f0c2e00000000000000aa', locked: false } });
    expect(shown(stopping, 'lena')).toEqual([]);
  });
});
