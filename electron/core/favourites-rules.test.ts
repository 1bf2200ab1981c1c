// The favourites' rules on their own, with settings in memory and a catalog the test sets: what the
// popover and the tray show of each favourite, what `fav N` and a favourite's shortcut start, and
// every refusal in words. (favourites.test.ts runs them through the whole core against the fake Clockify.)
import { describe, expect, it } from 'vitest';
import type { Catalog, EntryView } from '../../shared/domain';
import { MAX_FAVOURITES, type Favourite } from '../../shared/favourites';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import { Favourites } from './favourites';
import type { SettingsStore } from './stores';

const catalog = (over: Partial<Catalog> = {}): Catalog => ({
  workspaceId: 'w1',
  projects: [
    { id: 'web', name: 'Website', clientId: null, clientName: '', color: '#3366ff', billable: true },
    { id: 'ops', name: 'Operations', clientId: null, clientName: '', color: '#00aa55', billable: false },
  ],
  tags: [{ id: 'urgent', name: 'Urgent' }, { id: 'calls', name: 'Calls' }],
  archivedTags: [{ id: 'old', name: 'Old tag' }],
  tasks: { web: [{ id: 'design', name: 'Design', projectId: 'web', billable: null }] },
  fetchedAt: '2026-03-10T09:00:00Z',
  ...over,
});

const entry = (over: Partial<EntryView> = {}): EntryView => ({
  key: 'k', serverId: 'k', workspaceId: 'w1', description: 'Deep work', projectId: 'web', taskId: null, tagIds: ['urgent'], billable: true,
  start: '2026-03-10T08:00:00Z', end: '2026-03-10T09:00:00Z', sync: 'synced', type: 'REGULAR', customFields: [], problem: null, ...over,
});

function favourites(options: { account?: string | null; workspace?: string | null; catalog?: Catalog; ids?: string[] } = {}) {
  let settings: AppSettings = DEFAULT_SETTINGS;
  const store: SettingsStore = {
    get: () => settings,
    update: (patch) => (settings = { ...settings, ...patch }),
    problem: null,
  };
  const state = { account: options.account === undefined ? 'acc-1' : options.account, workspace: options.workspace === undefined ? 'w1' : options.workspace, catalog: options.catalog ?? catalog(), changes: 0 };
  const ids = [...(options.ids ?? [])];
  let made = 0;
  const subject = new Favourites({
    settings: store,
    accountId: () => state.account,
    workspaceId: () => state.workspace,
    catalog: () => state.catalog,
    newId: () => ids.shift() ?? `f${++made}`,
    changed: () => state.changes++,
  });
  return { subject, state, settings: () => settings, setSettings: (patch: Partial<AppSettings>) => (settings = { ...settings, ...patch }) };
}

const message = (text: string) => ({ ok: false, error: { kind: 'invalid', message: text, status: null } });
const stored = (over: Partial<Favourite>): Favourite => ({ id: 'x', workspaceId: 'w1', description: 'Stored', projectId: null, projectName: '', taskId: null, tagIds: [], billable: false, shortcut: '', ...over });

describe('pinning', () => {
  it('pins what the entry is about, named and coloured from the catalog, numbered from 1, and says it changed', () => {
    const { subject, state } = favourites();
    expect(subject.add(entry({ tagIds: ['urgent', 'calls'] }))).toEqual({
      ok: true,
      value: { id: 'f1', position: 1, description: 'Deep work', projectId: 'web', projectName: 'Website', projectColor: '#3366ff', taskId: null, tagIds: ['urgent', 'calls'], billable: true, shortcut: '', problem: null, shortcutProblem: null },
    });
    expect(subject.add(entry({ description: 'Email', projectId: null, tagIds: [] }))).toMatchObject({ ok: true, value: { position: 2, projectName: '', projectColor: null } });
    expect(state.changes).toBe(2);
  });

  it('keeps only the characters an id may have, at most 64', () => {
    const { subject } = favourites({ ids: ['a1:b2/c3 d4.e5', 'z'.repeat(80)] });
    expect(subject.add(entry())).toMatchObject({ ok: true, value: { id: 'a1b2c3d4e5' } });
    expect(subject.add(entry({ description: 'Other' }))).toMatchObject({ ok: true, value: { id: 'z'.repeat(64) } });
  });

  it('says when the same work is pinned already, whatever the order of its tags; any other field makes it different', () => {
    const { subject } = favourites();
    subject.add(entry({ tagIds: ['urgent', 'calls'] }));
    expect(subject.add(entry({ tagIds: ['calls', 'urgent'], key: 'other' }))).toEqual(message('“Deep work — Website” is already favourite 1.'));
    const different: Partial<EntryView>[] = [{ description: 'Deep work!' }, { projectId: 'ops' }, { taskId: 'design' }, { billable: false }, { tagIds: ['urgent'] }];
    for (const over of different) expect(subject.add(entry({ tagIds: ['urgent', 'calls'], ...over })).ok).toBe(true);
    expect(subject.views()).toHaveLength(6);
  });

  it('refuses without an account, from another workspace, and past the most there can be', () => {
    expect(favourites({ account: null }).subject.add(entry())).toEqual(message('Sign in first.'));
    expect(favourites().subject.add(entry({ workspaceId: 'w2' }))).toEqual(message('That entry belongs to another workspace: choose that workspace first.'));
    const { subject, state } = favourites();
    for (let i = 0; i < MAX_FAVOURITES; i++) expect(subject.add(entry({ description: `Work ${i}` })).ok).toBe(true);
    expect(subject.add(entry({ description: 'One more' }))).toEqual(message(`You have ${MAX_FAVOURITES} favourites, the most there can be: remove one first.`));
    expect(state.changes).toBe(MAX_FAVOURITES);
  });

  it('counts the favourites of every workspace towards the most there can be', () => {
    const { subject, setSettings } = favourites();
    setSettings({ favourites: { 'acc-1': Array.from({ length: MAX_FAVOURITES }, (_, i) => stored({ id: `o${i}`, workspaceId: 'w2', description: `Elsewhere ${i}` })) } });
    expect(subject.views()).toEqual([]);
    expect(subject.add(entry())).toEqual(message(`You have ${MAX_FAVOURITES} favourites, the most there can be: remove one first.`));
  });
});

describe('what each account and workspace sees', () => {
  it('shows the chosen workspace’s favourites of the active account only; none without an account or a workspace', () => {
    const { subject, state, setSettings } = favourites();
    setSettings({ favourites: { 'acc-1': [stored({ id: 'a', description: 'Mine' }), stored({ id: 'b', workspaceId: 'w2' })], 'acc-2': [stored({ id: 'c', description: 'Theirs' })] } });
    expect(subject.views().map((f) => f.id)).toEqual(['a']);
    expect(subject.all().map((f) => f.id)).toEqual(['a', 'b']);
    state.account = 'acc-2';
    expect(subject.views().map((f) => f.description)).toEqual(['Theirs']);
    state.account = 'acc-3';
    expect(subject.views()).toEqual([]);
    state.account = null;
    expect(subject.all()).toEqual([]);
    state.account = 'acc-1';
    state.workspace = null;
    expect(subject.views()).toEqual([]);
  });

  it('pinning, removing and moving leave the other accounts’ favourites alone', () => {
    const { subject, settings, setSettings } = favourites();
    const theirs = [stored({ id: 'c', description: 'Theirs' })];
    setSettings({ favourites: { 'acc-2': theirs } });
    subject.add(entry());
    subject.add(entry({ description: 'Second' }));
    subject.move('f2', 'up');
    subject.remove('f1');
    expect(settings().favourites['acc-2']).toEqual(theirs);
    expect(settings().favourites['acc-1']!.map((f) => f.id)).toEqual(['f2']);
  });
});

describe('removing and moving', () => {
  it('removes that favourite only; one no longer there is said', () => {
    const { subject, state } = favourites();
    subject.add(entry({ description: 'A' }));
    subject.add(entry({ description: 'B' }));
    expect(subject.remove('f1')).toEqual({ ok: true, value: null });
    expect(subject.views().map((f) => [f.position, f.description])).toEqual([[1, 'B']]);
    expect(subject.remove('f1')).toEqual(message('That favourite is no longer there.'));
    state.account = null;
    expect(subject.remove('f2')).toEqual(message('That favourite is no longer there.'));
  });

  it('moves one place among the workspace’s favourites, past another workspace’s in between', () => {
    const { subject, setSettings } = favourites();
    setSettings({ favourites: { 'acc-1': [stored({ id: 'a' }), stored({ id: 'other', workspaceId: 'w2' }), stored({ id: 'b' }), stored({ id: 'c' })] } });
    expect(subject.move('b', 'up')).toEqual({ ok: true, value: null });
    expect(subject.all().map((f) => f.id)).toEqual(['b', 'other', 'a', 'c']);
    expect(subject.move('a', 'down')).toEqual({ ok: true, value: null });
    expect(subject.all().map((f) => f.id)).toEqual(['b', 'other', 'c', 'a']);
    expect(subject.move('b', 'up')).toEqual(message('It is already the first favourite.'));
    expect(subject.move('a', 'down')).toEqual(message('It is already the last favourite.'));
    expect(subject.move('other', 'up')).toEqual(message('That favourite is no longer there.'));
  });

  it('refuses to move without an account', () => {
    const { subject, state } = favourites();
    subject.add(entry({ description: 'A' }));
    subject.add(entry({ description: 'B' }));
    state.account = null;
    expect(subject.move('f2', 'up')).toEqual(message('That favourite is no longer there.'));
  });
});

describe('shortcuts', () => {
  it('gives a favourite keys of its own, changed or cleared later; those of the app or another favourite are refused', () => {
    const { subject } = favourites();
    subject.add(entry({ description: 'A', projectId: null }));
    subject.add(entry({ description: 'B' }));
    expect(subject.setShortcut('f1', 'Alt+1')).toEqual({ ok: true, value: null });
    expect(subject.setShortcut('f1', 'alt+1')).toEqual({ ok: true, value: null });
    expect(subject.setShortcut('f2', 'ALT+1')).toEqual(message('ALT+1 is already the shortcut of favourite 1 (“A”): choose other keys.'));
    expect(subject.setShortcut('f2', 'commandorcontrol+alt+e')).toEqual(message('commandorcontrol+alt+e is already the shortcut of “Open quick entry”: choose other keys.'));
    expect(subject.setShortcut('f2', 'Alt+2')).toEqual({ ok: true, value: null });
    expect(subject.shortcuts()).toEqual([
      { id: 'f1', accelerator: 'alt+1', label: 'Favourite 1: A' },
      { id: 'f2', accelerator: 'Alt+2', label: 'Favourite 2: B — Website' },
    ]);
    expect(subject.setShortcut('f1', '')).toEqual({ ok: true, value: null });
    expect(subject.setShortcut('f2', '')).toEqual({ ok: true, value: null });
    expect(subject.shortcuts()).toEqual([]);
    expect(subject.setShortcut('gone', 'Alt+3')).toEqual(message('That favourite is no longer there.'));
  });

  it('refuses without an account', () => {
    const { subject, state } = favourites();
    subject.add(entry());
    state.account = null;
    expect(subject.setShortcut('f1', 'Alt+1')).toEqual(message('That favourite is no longer there.'));
  });

  it('a favourite’s keys the app took since are not registered, and the favourite says so', () => {
    const { subject, settings, setSettings } = favourites();
    subject.add(entry({ description: 'A' }));
    subject.add(entry({ description: 'B' }));
    subject.setShortcut('f1', 'Alt+1');
    subject.setShortcut('f2', 'Alt+2');
    setSettings({ shortcuts: { ...settings().shortcuts, showPopover: 'ALT+1' } });
    expect(subject.views().map((f) => f.shortcutProblem)).toEqual(['Alt+1 is also the shortcut of “Show the timer window”: choose other keys for this favourite.', null]);
    expect(subject.shortcuts().map((s) => s.id)).toEqual(['f2']);
    // What the system refused is shown too; the clash with the app is said first.
    subject.setShortcutProblems({ f1: 'taken by another application', f2: 'taken by another application' });
    expect(subject.views().map((f) => f.shortcutProblem)).toEqual(['Alt+1 is also the shortcut of “Show the timer window”: choose other keys for this favourite.', 'taken by another application']);
  });
});

describe('starting one', () => {
  it('gives the draft by position or id; says when there is none', () => {
    const { subject } = favourites();
    expect(subject.draft(1)).toEqual(message('There are no favourites yet: pin one with "Add to favourites" on an entry.'));
    subject.add(entry({ taskId: 'design' }));
    subject.add(entry({ description: 'Email', projectId: null, tagIds: [], billable: false }));
    const deep = { ok: true, value: { description: 'Deep work', projectId: 'web', taskId: 'design', tagIds: ['urgent'], billable: true } };
    expect(subject.draft(1)).toEqual(deep);
    expect(subject.draft('f1')).toEqual(deep);
    expect(subject.draft(2)).toEqual({ ok: true, value: { description: 'Email', projectId: null, taskId: null, tagIds: [], billable: false } });
    expect(subject.draft(0)).toEqual(message('There is no favourite 0: you have 2.'));
    expect(subject.draft(3)).toEqual(message('There is no favourite 3: you have 2.'));
    expect(subject.draft('gone')).toEqual(message('That favourite is no longer there (it may belong to another workspace or account).'));
  });

  it('refuses one whose project, tag or task is no longer active in Clockify, saying what to do', () => {
    const { subject, state } = favourites();
    subject.add(entry({ description: 'Project', projectId: 'web' }));
    subject.add(entry({ description: 'Tag archived', projectId: null, tagIds: ['urgent', 'calls'] }));
    subject.add(entry({ description: 'Tag deleted', projectId: null, tagIds: ['calls'] }));
    subject.add(entry({ description: 'Task', projectId: 'ops', taskId: 'review', tagIds: [] }));
    state.catalog = catalog({
      projects: [{ id: 'ops', name: 'Operations', clientId: null, clientName: '', color: '#00aa55', billable: false }],
      tags: [{ id: 'urgent', name: 'Urgent' }],
      archivedTags: [{ id: 'calls', name: 'Calls' }],
      tasks: { ops: [{ id: 'plan', name: 'Plan', projectId: 'ops', billable: null }] },
    });
    const problems = [
      'Its project “Website” is archived or was deleted in Clockify: remove this favourite, or restore the project on the web.',
      'Its tag “Calls” is archived in Clockify: remove this favourite, or restore the tag.',
      'Its tag “Calls” is archived in Clockify: remove this favourite, or restore the tag.',
      'Its task is done or was deleted in Clockify: remove this favourite and pin the entry again.',
    ];
    expect(subject.views().map((f) => f.problem)).toEqual(problems);
    expect([1, 2, 3, 4].map((n) => subject.draft(n))).toEqual(problems.map(message));
    // The project's name as it was pinned, since the catalog no longer has it.
    expect(subject.views()[0]).toMatchObject({ projectName: 'Website', projectColor: null });
    state.catalog = catalog({ tags: [{ id: 'urgent', name: 'Urgent' }], archivedTags: undefined, tasks: {} });
    expect(subject.views().map((f) => f.problem)).toEqual([null, 'One of its tags was deleted in Clockify: remove this favourite and pin the entry again.', 'One of its tags was deleted in Clockify: remove this favourite and pin the entry again.', null]);
  });

  it('judges nothing before the workspace’s catalog was read, and names a project pinned without a known name “unknown”', () => {
    const { subject, state, setSettings } = favourites();
    setSettings({ favourites: { 'acc-1': [stored({ projectId: 'gone', projectName: '' })] } });
    state.catalog = catalog({ fetchedAt: null, projects: [] });
    expect(subject.views()[0]!.problem).toBeNull();
    state.catalog = catalog();
    expect(subject.views()[0]!.problem).toBe('Its project “unknown” is archived or was deleted in Clockify: remove this favourite, or restore the project on the web.');
  });
});
