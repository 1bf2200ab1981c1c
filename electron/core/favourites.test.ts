// Favourites through the real core against the fake Clockify: pinned from the running timer and
// from a recent entry, started in one step (a running timer stopped first, as with Continue),
// reordered, removed, kept per account, given shortcuts that clash with nothing, and refused in
// words when their project was archived on the web.
import { describe, expect, it } from 'vitest';
import type { EntryDraft, EntryView } from '../../shared/domain';
import { coreSuite } from '../../e2e/support/core-suite';
import type { CoreUnderTest } from '../../e2e/support/core-fixture';

const suite = coreSuite();
const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ description: 'Deep work', projectId: null, taskId: null, tagIds: [], billable: false, ...over });
const project = (name: string) => suite.fake.state.projects.find((p) => p.name === name)!;
const writes = () => suite.fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`);
const favourites = (under: CoreUnderTest) => under.core.snapshot().favourites ?? [];
const recent = (under: CoreUnderTest, description: string): EntryView => under.core.snapshot().recent.find((e) => e.description === description)!;

function running(under: CoreUnderTest): EntryView {
  const timer = under.core.snapshot().timer;
  if (timer.status !== 'running') throw new Error('no running timer');
  return timer.entry;
}

describe('favourites', () => {
  it('pins the running timer and a recent entry; starting one stops the running timer first, costing a stop and a start only', async () => {
    const under = await suite.ready();
    const relaunch = project('Website Relaunch');
    under.core.startTimer(draft({ description: 'Deep work', projectId: relaunch.id, billable: true }));
    await under.settled();
    expect(under.core.addFavourite(running(under).key)).toEqual({ ok: true, value: null });
    expect(under.core.addFavourite(recent(under, 'Logo sketches').key)).toEqual({ ok: true, value: null });
    expect(favourites(under).map((f) => [f.position, f.description, f.projectName, f.problem])).toEqual([
      [1, 'Deep work', 'Website Relaunch', null],
      [2, 'Logo sketches', 'Café Rebrand', null],
    ]);
    const logo = recent(under, 'Logo sketches');
    suite.fake.clearRequests();

    expect(under.core.startFavourite(favourites(under)[1]!.id)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(writes()).toEqual(['PATCH 200', 'POST 201']);
    expect(running(under)).toMatchObject({ description: 'Logo sketches', projectId: logo.projectId, taskId: logo.taskId, tagIds: logo.tagIds, billable: logo.billable });
    expect(suite.fake.state.timeEntries.filter((e) => e.end === null)).toHaveLength(1);
  });

  it('starts by position (`fav 2`) and says when there is no such favourite', async () => {
    const under = await suite.ready();
    expect(under.core.startFavourite(1)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no favourites yet/) } });
    under.core.addFavourite(recent(under, 'Logo sketches').key);
    expect(under.core.startFavourite(3)).toMatchObject({ ok: false, error: { message: 'There is no favourite 3: you have 1.' } });
    expect(under.core.startFavourite(1)).toEqual({ ok: true, value: null });
    expect(running(under).description).toBe('Logo sketches');
  });

  it('says so when the same thing is pinned twice', async () => {
    const under = await suite.ready();
    under.core.addFavourite(recent(under, 'Logo sketches').key);
    expect(under.core.addFavourite(recent(under, 'Logo sketches').key)).toMatchObject({ ok: false, error: { message: '“Logo sketches — Café Rebrand” is already favourite 1.' } });
    expect(favourites(under)).toHaveLength(1);
  });

  it('moves favourites up and down, refuses past the ends, removes one, and keeps them after a restart', async () => {
    const under = await suite.ready();
    for (const description of ['Logo sketches', 'Standup and planning', 'API pagination']) under.core.addFavourite(recent(under, description).key);
    const [a, b, c] = favourites(under).map((f) => f.id);
    expect(under.core.moveFavourite(c!, 'up')).toEqual({ ok: true, value: null });
    expect(favourites(under).map((f) => f.id)).toEqual([a, c, b]);
    expect(under.core.moveFavourite(a!, 'up')).toMatchObject({ ok: false, error: { message: 'It is already the first favourite.' } });
    expect(under.core.moveFavourite(b!, 'down')).toMatchObject({ ok: false, error: { message: 'It is already the last favourite.' } });
    expect(under.core.removeFavourite(a!)).toEqual({ ok: true, value: null });
    suite.close(under);
    const again = await suite.reopen({ dataDir: under.dataDir, clock: under.clock, secrets: under.secrets });
    await again.settled();
    expect(favourites(again).map((f) => [f.position, f.id])).toEqual([
      [1, c],
      [2, b],
    ]);
  });

  it('a favourite whose project was archived on the web says so and starts nothing', async () => {
    const under = await suite.ready();
    under.core.addFavourite(recent(under, 'Logo sketches').key);
    project('Café Rebrand').archived = true;
    await under.core.refreshCatalog();
    const [favourite] = favourites(under);
    expect(favourite!.problem).toBe('Its project “Café Rebrand” is archived or was deleted in Clockify: remove this favourite, or restore the project on the web.');
    suite.fake.clearRequests();
    expect(under.core.startFavourite(favourite!.id)).toMatchObject({ ok: false, error: { message: favourite!.problem } });
    await under.settled();
    expect(writes()).toEqual([]);
    expect(under.core.snapshot().timer.status).not.toBe('running');
  });

  it('a shortcut taken by the app or another favourite is refused in words; refused by the system, it is shown on the favourite', async () => {
    const under = await suite.ready();
    under.core.addFavourite(recent(under, 'Logo sketches').key);
    under.core.addFavourite(recent(under, 'API pagination').key);
    const [first, second] = favourites(under).map((f) => f.id);
    expect(under.core.setFavouriteShortcut(first!, 'CommandOrControl+Alt+T')).toMatchObject({ ok: false, error: { message: 'CommandOrControl+Alt+T is already the shortcut of “Start or stop the timer”: choose other keys.' } });
    expect(under.core.setFavouriteShortcut(first!, 'CommandOrControl+Alt+1')).toEqual({ ok: true, value: null });
    expect(under.core.setFavouriteShortcut(second!, 'commandorcontrol+alt+1')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already the shortcut of favourite 1 \(“Logo sketches — Café Rebrand”\)/) } });
    expect(under.core.favouriteShortcuts()).toEqual([{ id: first, accelerator: 'CommandOrControl+Alt+1', label: 'Favourite 1: Logo sketches — Café Rebrand' }]);
    under.core.setFavouriteShortcutProblems({ [first!]: 'taken by another application' });
    expect(favourites(under)[0]!.shortcutProblem).toBe('taken by another application');
  });

  it('belongs to the account: another account has its own, and the first one gets its back', async () => {
    const under = await suite.ready();
    under.core.addFavourite(recent(under, 'Logo sketches').key);
    const first = under.core.snapshot().accounts.find((a) => a.active)!.id;
    const jonas = suite.fake.state.users.find((u) => u.name === 'Jonas Weber')!;
    const jonasKey = 'jonas-weber-key-for-favourites';
    suite.fake.state.apiKeys[jonasKey] = jonas.id;
    expect((await under.core.connect({ kind: 'clockify', server: 'global' }, jonasKey)).ok).toBe(true);
    await under.settled();
    expect(favourites(under)).toEqual([]);
    expect((await under.core.switchAccount(first)).ok).toBe(true);
    await under.settled();
    expect(favourites(under).map((f) => f.description)).toEqual(['Logo sketches']);
  });
});

describe('favourites offline', () => {
  it('a favourite started offline is kept and sent once the server answers: one stop, one start, no duplicate', async () => {
    const under = await suite.ready();
    under.core.startTimer(draft({ description: 'Before' }));
    await under.settled();
    under.core.addFavourite(recent(under, 'Logo sketches').key);
    suite.fake.addFault({ kind: 'status', status: 503, count: Infinity });
    expect(under.core.startFavourite(1)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(running(under).description).toBe('Logo sketches'); // shown at once
    expect(under.core.snapshot().sync.pending).toBeGreaterThan(0);
    suite.fake.clearFaults();
    suite.fake.clearRequests();
    await under.core.retrySync();
    await under.settled();
    expect(writes()).toEqual(['PATCH 200', 'POST 201']);
    expect(suite.fake.state.timeEntries.filter((e) => e.description === 'Logo sketches' && e.end === null)).toHaveLength(1);
  });
});
