// The journal on disk: every kind of intent comes back exactly as saved (a field lost here is a
// change lost after a restart), older journals are read with the defaults of their time, and one
// that is not valid is set aside with the reason.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryFields, Intent } from './intents';
import { createFileJournalStore, type JournalData } from './journal';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'journal-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const fields: EntryFields = {
  workspaceId: 'w',
  description: 'Writing',
  projectId: 'p',
  taskId: 't',
  tagIds: ['g1', 'g2'],
  billable: true,
  start: '2026-11-30T09:00:00Z',
  end: null,
  type: 'BREAK',
  customFields: [{ customFieldId: 'c', value: 'Berlin' }],
};
const journal: JournalData = {
  intents: [
    { id: 'i1', key: 'l-1', workspaceId: 'w', accountId: 'lena', at: 1, kind: 'create', fields, uncertainSince: 5 },
    { id: 'i2', key: 'l-1', workspaceId: 'w', at: 2, kind: 'stop', end: '2026-11-30T10:00:00Z' },
    { id: 'i3', key: 's1', workspaceId: 'w', at: 3, kind: 'update', fields: { ...fields, end: '2026-11-30T11:00:00Z' }, problem: { reason: 'Locked', status: 403 } },
    { id: 'i4', key: 's2', workspaceId: 'w', at: 4, kind: 'delete', problem: { reason: 'Gone', status: null } },
  ] satisfies Intent[],
  ids: { 'l-0': 's0' },
  interruption: { key: 'l-1', returnTo: { key: 's1', workspaceId: 'w', fields: { description: 'Report', projectId: null, taskId: null, tagIds: ['g1'], billable: false } } },
};

describe('the file journal', () => {
  it('gives back every intent, the ids and the interruption exactly as saved; a journal without an interruption has none', () => {
    const store = createFileJournalStore(dir);
    expect(store.load()).toEqual({ status: 'missing' });
    store.save(journal);
    expect(JSON.parse(readFileSync(path.join(dir, 'journal.json'), 'utf8'))).toMatchObject({ version: 1 });
    expect(store.load()).toEqual({ status: 'ok', value: journal });
    const { interruption: _none, ...plain } = journal;
    store.save(plain);
    const loaded = store.load();
    expect(loaded).toEqual({ status: 'ok', value: plain });
    expect(loaded.status === 'ok' && 'interruption' in loaded.value).toBe(false);
  });

  it('reads a journal written before entry types and custom fields were kept, and a custom field without a value', () => {
    const { type: _type, customFields: _custom, ...older } = fields;
    writeFileSync(
      path.join(dir, 'journal.json'),
      JSON.stringify({
        version: 1,
        ids: {},
        intents: [
          { id: 'i1', key: 'l-1', workspaceId: 'w', at: 1, kind: 'create', fields: older },
          { id: 'i2', key: 's1', workspaceId: 'w', at: 2, kind: 'update', fields: { ...older, customFields: [{ customFieldId: 'c' }] } },
        ],
      }),
    );
    const loaded = createFileJournalStore(dir).load();
    expect(loaded.status === 'ok' && loaded.value.intents.map((intent) => ('fields' in intent ? [intent.fields.type, intent.fields.customFields] : null))).toEqual([
      ['REGULAR', []],
      ['REGULAR', [{ customFieldId: 'c', value: null }]],
    ]);
  });

  it('sets a journal that is not valid aside and says what is wrong', () => {
    writeFileSync(path.join(dir, 'journal.json'), JSON.stringify({ version: 1, ids: {}, intents: [{ id: 'i1', kind: 'stop' }] }));
    const loaded = createFileJournalStore(dir).load();
    expect(loaded).toMatchObject({ status: 'corrupt', reason: expect.stringMatching(/^the journal is not valid \(.+\)$/) });
    expect(loaded.status === 'corrupt' && loaded.reason).toContain('expected string');
    expect(readdirSync(dir)).toEqual([expect.stringMatching(/^journal\.json\.corrupt-/)]);
  });
});
