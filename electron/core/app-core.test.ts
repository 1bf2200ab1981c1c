// The core's commands and transitions, against the fake Clockify server over real HTTP, with a fake
// clock for the core's own timers.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { EntryDraft } from '../../shared/domain';
import type { PowerEventKind } from './idle-policy';
import { FAKE_API_KEY, startFakeClockify, type FakeClockify } from '../../e2e/fake-clockify/server';
import { openCore, signedIn, type CoreUnderTest } from '../../e2e/support/core-fixture';
import { FakeClock } from '../../e2e/support/fake-clock';

let fake: FakeClockify;
const cores: CoreUnderTest[] = [];

beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small' });
});
afterEach(async () => {
  for (const under of cores.splice(0)) under.core.close();
  await fake.close();
});

async function ready(options: Parameters<typeof signedIn>[1] = {}): Promise<CoreUnderTest> {
  const under = await signedIn(fake, options);
  cores.push(under);
  fake.clearRequests();
  return under;
}

const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ description: 'Deep work', projectId: null, taskId: null, tagIds: [], billable: false, ...over });
const writes = () => fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`);
const running = () => fake.state.timeEntries.filter((e) => e.end === null);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

describe('start and stop', () => {
  it('shows a started timer at once, then sends exactly one POST', async () => {
    const { core, clock, settled } = await ready();
    expect(core.startTimer(draft())).toEqual({ ok: true, value: null });
    const optimistic = core.snapshot();
    expect(optimistic.timer).toMatchObject({ status: 'running', entry: { description: 'Deep work', sync: 'pending', start: iso(Math.floor(clock.now() / 1000) * 1000) } });
    expect(optimistic.sync.pending).toBe(1);
    await settled();
    expect(writes()).toEqual(['POST 201']);
    expect(core.snapshot().timer).toMatchObject({ status: 'running', entry: { sync: 'synced', serverId: running()[0]!.id } });
    expect(core.snapshot().sync.pending).toBe(0);
  });

  it('stops with one PATCH at the moment the user stopped', async () => {
    const { core, clock, settled } = await ready();
    core.startTimer(draft());
    await settled();
    await clock.advance(90 * 60_000);
    core.stopTimer();
    expect(core.snapshot().timer.status).toBe('stopping');
    await settled();
    expect(writes()).toEqual(['POST 201', 'PATCH 200']);
    expect(core.snapshot().timer.status).toBe('idle');
    const [stopped] = core.snapshot().recent;
    expect(Date.parse(stopped!.end!) - Date.parse(stopped!.start)).toBe(90 * 60_000);
  });

  it('stopping with nothing running says so and sends nothing', async () => {
    const { core, settled } = await ready();
    expect(core.stopTimer()).toMatchObject({ ok: false, error: { message: 'No timer is running.' } });
    await settled();
    expect(writes()).toEqual([]);
  });

  it('starting while a timer runs stops it at the new start: no gap, no overlap', async () => {
    const { core, clock, settled } = await ready();
    core.startTimer(draft({ description: 'First' }));
    await clock.advance(25 * 60_000);
    core.startTimer(draft({ description: 'Second' }));
    await settled();
    expect(writes()).toEqual(['POST 201', 'PATCH 200', 'POST 201']);
    const first = fake.state.timeEntries.find((e) => e.description === 'First')!;
    const second = fake.state.timeEntries.find((e) => e.description === 'Second')!;
    expect(first.end).toBe(second.start);
    expect(second.end).toBeNull();
  });

  it('starting in another workspace stops the timer in the first and says so; in the same workspace it says nothing', async () => {
    const { core, notices, settled } = await ready();
    const first = core.snapshot().workspaceId!;
    const other = fake.state.workspaces.find((w) => w.id !== first)!;
    const project = fake.state.projects.find((p) => p.workspaceId === other.id && !p.archived)!;
    core.startTimer(draft({ description: 'Layout' }));
    await settled();
    core.startTimer(draft({ description: 'Copy' }));
    await settled();
    expect(notices.filter((n) => /one timer runs at a time/.test(n.text))).toEqual([]);
    expect((await core.selectWorkspace(other.id)).ok).toBe(true);
    expect(core.startTimer(draft({ description: '', projectId: project.id })).ok).toBe(true);
    await settled();
    const firstName = fake.state.workspaces.find((w) => w.id === first)!.name;
    expect(notices.filter((n) => /one timer runs at a time/.test(n.text)).map((n) => [n.level, n.text])).toEqual([['info', `The timer in ${firstName} was stopped (“Copy”): one timer runs at a time.`]]);
    expect(running()).toEqual([expect.objectContaining({ workspaceId: other.id, description: '' })]);
    expect((await core.selectWorkspace(first)).ok).toBe(true);
    core.startTimer(draft({ description: 'Back' }));
    await settled();
    expect(notices.at(-1)!.text).toBe(`The timer in ${other.name} was stopped (“no description”): one timer runs at a time.`);
  });

  it('moving the start before the previous entry ended ends that entry there and says so; a start after its end says nothing', async () => {
    fake.state.timeEntries.splice(0);
    const { core, clock, notices, settled } = await ready();
    const now = Math.floor(clock.now() / 60_000) * 60_000;
    expect(core.addEntry(draft({ description: 'Before' }), { start: iso(now - 120 * 60_000), end: iso(now - 30 * 60_000) }).ok).toBe(true);
    core.startTimer(draft({ description: 'Now' }));
    await settled();
    const said = () => notices.filter((n) => /no overlap/.test(n.text)).map((n) => n.text);
    expect(core.moveRunningStart(iso(now - 60 * 60_000)).ok).toBe(true);
    await settled();
    expect(said()).toEqual([expect.stringMatching(/^“Before” now ends at \d{2}:\d{2}, where this timer starts: no overlap\.$/)]);
    expect(fake.state.timeEntries.find((e) => e.description === 'Before')!.end).toBe(iso(now - 60 * 60_000));
    // Back to where it ended: they touch, nothing overlaps, nothing more is said.
    expect(core.moveRunningStart('last-entry-end').ok).toBe(true);
    expect(core.moveRunningStart(iso(now - 10 * 60_000)).ok).toBe(true);
    await settled();
    expect(said()).toHaveLength(1);
  });

  it('continues a recent entry with its description, project, task, tags and billable', async () => {
    const { core, settled } = await ready();
    const recent = core.snapshot().recent.find((entry) => entry.projectId && entry.taskId && entry.tagIds.length > 0)!;
    core.continueEntry(recent.key);
    await settled();
    expect(writes()).toEqual(['POST 201']);
    expect(fake.requests.at(-1)!.body).toMatchObject({ description: recent.description, projectId: recent.projectId, taskId: recent.taskId, tagIds: recent.tagIds, billable: recent.billable });
  });

  it('discards the running entry by deleting it', async () => {
    const { core, settled } = await ready();
    core.startTimer(draft());
    await settled();
    core.discardTimer();
    expect(core.snapshot().timer.status).toBe('idle');
    await settled();
    expect(writes()).toEqual(['POST 201', 'DELETE 204']);
    expect(running()).toEqual([]);
  });
});

describe('ending an entry at a moment in the past (away, asleep)', () => {
  it('stops a running timer at that moment, never before its start', async () => {
    const { core, clock, settled } = await ready();
    core.startTimer(draft({ description: 'Left the desk' }));
    await settled();
    const start = core.snapshot().timer.status === 'running' ? (core.snapshot().timer as { entry: { key: string; start: string } }).entry : null;
    await clock.advance(60 * 60_000);
    const away = iso(clock.now() - 20 * 60_000);
    expect(core.endEntryAt(start!.key, away)).toEqual({ ok: true, value: null });
    await settled();
    expect(fake.state.timeEntries.find((e) => e.description === 'Left the desk')).toMatchObject({ end: away });
    expect(writes()).toEqual(['POST 201', 'PATCH 200']);
  });

  it('moves the end of a finished entry back, and leaves an earlier end alone', async () => {
    const { core, clock, settled } = await ready();
    const times = { start: iso(clock.now() - 3 * 3_600_000), end: iso(clock.now() - 3_600_000) };
    core.addEntry(draft({ description: 'Slept through' }), times);
    await settled();
    const key = core.snapshot().recent.find((e) => e.description === 'Slept through')!.key;
    core.endEntryAt(key, iso(clock.now() - 30 * 60_000)); // later than its end: nothing to do
    await settled();
    expect(writes()).toEqual(['POST 201']);
    const earlier = iso(clock.now() - 2 * 3_600_000);
    core.endEntryAt(key, earlier);
    await settled();
    expect(fake.state.timeEntries.find((e) => e.description === 'Slept through')).toMatchObject({ start: times.start, end: earlier });
  });
});

describe('time spent away', () => {
  function fakePower() {
    const listeners = new Set<(kind: PowerEventKind) => void>();
    return {
      idleSeconds: 0,
      onPowerEvent: (listener: (kind: PowerEventKind) => void) => (listeners.add(listener), () => listeners.delete(listener)),
      systemIdleSeconds(): number {
        return this.idleSeconds;
      },
      emit: (kind: PowerEventKind) => listeners.forEach((listener) => listener(kind)),
    };
  }

  it('asks once after a long sleep, and "discard" stops the entry when the sleep began', async () => {
    const power = fakePower();
    const { core, clock, notices, settled } = await ready({ power });
    core.startTimer(draft({ description: 'Before the nap' }));
    await settled();
    await clock.advance(20 * 60_000);
    const sleptAt = iso(clock.now());
    power.emit('suspend');
    await clock.advance(45 * 60_000);
    power.emit('resume');
    await settled();
    const prompt = core.snapshot().idlePrompt!;
    expect(prompt).toMatchObject({ entryDescription: 'Before the nap', idleSince: sleptAt, cause: 'sleep' });
    expect(notices.filter((n) => /You were away/.test(n.text))).toHaveLength(1);
    expect(core.answerIdlePrompt('not-this-one', { kind: 'keep' }).ok).toBe(false);
    expect(core.answerIdlePrompt(prompt.id, { kind: 'discard' })).toEqual({ ok: true, value: null });
    await settled();
    expect(core.snapshot().idlePrompt).toBeNull();
    expect(core.snapshot().timer.status).toBe('idle');
    expect(fake.state.timeEntries.find((e) => e.description === 'Before the nap')).toMatchObject({ end: sleptAt });
  });

  it('tells the running timer the latest moment the user went away: asleep, or a long unused stretch, only since its start and before now', async () => {
    const power = fakePower();
    const record = { lastActiveAt: null, awaySince: null, lastBreak: null as { from: number; to: number } | null, askedAbout: null };
    const activity = { current: record, markAsked: () => undefined, onChange: () => () => undefined };
    const { core, clock, settled } = await ready({ power, activity });
    const startedAt = clock.now();
    record.lastBreak = { from: startedAt - 60_000, to: startedAt - 1000 };
    core.startTimer(draft());
    await settled();
    expect(core.snapshot().lastAway).toBeNull();
    // A stretch that began as the timer started is not time away from it.
    const timerStart = Date.parse((core.snapshot().timer as { entry: { start: string } }).entry.start);
    record.lastBreak = { from: timerStart, to: timerStart + 1000 };
    expect(core.snapshot().lastAway).toBeNull();
    await clock.advance(20 * 60_000);
    const sleptAt = clock.now();
    power.emit('suspend');
    await clock.advance(5 * 60_000);
    power.emit('resume');
    await settled();
    expect(core.snapshot().lastAway).toBe(iso(sleptAt));
    // A later unused stretch is the latest; one that begins at this moment or later is not yet.
    record.lastBreak = { from: sleptAt + 3 * 60_000, to: sleptAt + 4 * 60_000 };
    expect(core.snapshot().lastAway).toBe(iso(sleptAt + 3 * 60_000));
    record.lastBreak = { from: clock.now(), to: clock.now() };
    expect(core.snapshot().lastAway).toBe(iso(sleptAt));
    core.stopTimer();
    await settled();
    expect(core.snapshot().lastAway).toBeNull();
  });

  it('asks nothing after a short absence', async () => {
    const power = fakePower();
    const { core, clock, settled } = await ready({ power });
    core.startTimer(draft());
    await settled();
    power.emit('suspend');
    await clock.advance(5 * 60_000);
    power.emit('resume');
    await settled();
    expect(core.snapshot().idlePrompt).toBeNull();
  });
});

describe('workspace rules', () => {
  async function inAcme() {
    const under = await ready();
    const acme = under.core.snapshot().workspaces.find((w) => w.rules.forceProjects)!;
    await under.core.selectWorkspace(acme.id);
    await under.settled();
    fake.clearRequests();
    return under;
  }

  it('refuses to start without a required project, naming the field, and sends nothing', async () => {
    const { core, settled } = await inAcme();
    expect(core.startTimer(draft())).toMatchObject({ ok: false, error: { field: 'project', message: expect.stringMatching(/requires a project/) } });
    await settled();
    expect(writes()).toEqual([]);
  });

  it('leads a stop the server refuses (a rule changed meanwhile) to completing the entry, losing nothing', async () => {
    const { core, clock, settled } = await ready();
    core.startTimer(draft({ description: 'No project yet' }));
    await settled();
    const workspace = fake.state.workspaces.find((w) => w.id === core.snapshot().workspaceId)!;
    workspace.workspaceSettings.forceProjects = true;
    await clock.advance(30 * 60_000);
    const stoppedAt = iso(clock.now());
    core.stopTimer();
    await settled();
    const refused = core.snapshot();
    expect(refused.sync.attention).toEqual([expect.objectContaining({ what: 'stop', status: 400 })]);
    expect(refused.timer).toMatchObject({ status: 'stopping', entry: { sync: 'attention', end: stoppedAt } });
    expect(core.startTimer(draft())).toMatchObject({ ok: false, error: { kind: 'blocked' } });

    await clock.advance(5 * 60_000);
    const project = fake.state.projects.find((p) => p.workspaceId === workspace.id && !p.archived)!;
    expect(core.updateRunningEntry(draft({ description: 'No project yet', projectId: project.id }))).toEqual({ ok: true, value: null });
    await settled();
    const entry = fake.state.timeEntries.find((e) => e.description === 'No project yet')!;
    expect(entry).toMatchObject({ projectId: project.id, end: stoppedAt });
    expect(core.snapshot().sync).toMatchObject({ pending: 0, attention: [] });
    expect(core.snapshot().timer.status).toBe('idle');
  });
  it('a switch whose stop the server refuses starts nothing until that entry is completed: no second timer is asked for', async () => {
    const { core, clock, settled } = await ready();
    core.startTimer(draft({ description: 'First' }));
    await settled();
    const workspace = fake.state.workspaces.find((w) => w.id === core.snapshot().workspaceId)!;
    workspace.workspaceSettings.forceProjects = true; // changed on the web meanwhile
    await clock.advance(20 * 60_000);
    const project = fake.state.projects.find((p) => p.workspaceId === workspace.id && !p.archived)!;
    core.startTimer(draft({ description: 'Second', projectId: project.id }));
    await settled();
    expect(writes()).toEqual(['POST 201', 'PATCH 400']);
    expect(core.snapshot().sync.attention).toEqual([expect.objectContaining({ what: 'stop', status: 400 })]);

    core.updateRunningEntry(draft({ description: 'First', projectId: project.id }));
    await settled();
    expect(writes()).toEqual(['POST 201', 'PATCH 400', 'PUT 200', 'POST 201']);
    expect(fake.state.timeEntries.filter((e) => e.end === null).map((e) => e.description)).toEqual(['Second']);
    expect(core.snapshot().sync).toMatchObject({ pending: 0, attention: [] });
  });
  it('fixing a refused start after the next timer began sends it finished, and never stops the next timer', async () => {
    const { core, clock, settled } = await ready();
    fake.addFault({ kind: 'status', status: 400, body: JSON.stringify({ message: 'Project is archived', code: 501 }), match: { method: 'POST' } });
    core.startTimer(draft({ description: 'Refused start' }));
    await settled();
    await clock.advance(10 * 60_000);
    core.startTimer(draft({ description: 'Next timer' }));
    await settled();
    const refused = core.snapshot().recent.find((e) => e.description === 'Refused start')!;
    expect(refused).toMatchObject({ sync: 'attention' });
    expect(core.updateEntry(refused.key, draft({ description: 'Refused start' }), { start: refused.start, end: refused.end! }).ok).toBe(true);
    await settled();
    expect(fake.state.timeEntries.find((e) => e.description === 'Refused start')).toMatchObject({ start: refused.start, end: refused.end });
    expect(fake.state.timeEntries.find((e) => e.description === 'Next timer')).toMatchObject({ end: null });
    expect(writes().filter((w) => w.startsWith('PATCH'))).toEqual([]);
    expect(core.snapshot().sync).toMatchObject({ pending: 0, attention: [] });
  });
});

describe('manual entries', () => {
  it('adds a finished entry, refusing an end before the start without sending anything', async () => {
    const { core, settled } = await ready();
    expect(core.addEntry(draft(), { start: '2026-03-02T10:00:00Z', end: '2026-03-02T09:00:00Z' })).toMatchObject({ ok: false, error: { field: 'end' } });
    expect(core.addEntry(draft({ description: 'Workshop' }), { start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:30:00Z' }).ok).toBe(true);
    await settled();
    expect(writes()).toEqual(['POST 201']);
    expect(fake.state.timeEntries.find((e) => e.description === 'Workshop')).toMatchObject({ start: '2026-03-02T09:00:00Z', end: '2026-03-02T10:30:00Z' });
  });

  it('edits an entry with one PUT that sends every field', async () => {
    const { core, settled } = await ready();
    const entry = core.snapshot().recent[0]!;
    core.updateEntry(entry.key, draft({ description: 'Renamed' }), { start: entry.start, end: entry.end! });
    expect(core.snapshot().recent.find((e) => e.key === entry.key)).toMatchObject({ description: 'Renamed', sync: 'pending' });
    await settled();
    expect(writes()).toEqual(['PUT 200']);
    expect(fake.requests.at(-1)!.body).toMatchObject({ start: entry.start, end: entry.end, description: 'Renamed', projectId: null, tagIds: null, billable: false });
  });

  it('deletes, and undoes a delete that was already sent by adding the entry again', async () => {
    const { core, settled } = await ready();
    const entry = core.snapshot().recent[0]!;
    core.deleteEntry(entry.key);
    expect(core.snapshot().recent.some((e) => e.key === entry.key)).toBe(false);
    await settled();
    expect(writes()).toEqual(['DELETE 204']);
    core.undoDeleteEntry(entry.key);
    await settled();
    expect(writes()).toEqual(['DELETE 204', 'POST 201']);
    expect(fake.state.timeEntries.filter((e) => e.description === entry.description && e.start === entry.start)).toHaveLength(1);
  });

  it('undoes a delete still waiting (offline) without any request', async () => {
    const { core, settled } = await ready();
    const entry = core.snapshot().recent[0]!;
    fake.addFault({ kind: 'refuse', forMs: 60_000 });
    core.deleteEntry(entry.key);
    await settled();
    core.undoDeleteEntry(entry.key);
    expect(core.snapshot().recent.some((e) => e.key === entry.key)).toBe(true);
    expect(core.snapshot().sync.pending).toBe(0);
  });

  it('an edit of an entry not yet sent rewrites its create, and a delete drops it: nothing reaches the server twice', async () => {
    const { core, clock, settled } = await ready();
    const times = { start: iso(clock.now() - 2 * 3_600_000), end: iso(clock.now() - 3_600_000) };
    fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'POST' } });
    core.addEntry(draft({ description: 'Typo' }), times);
    core.addEntry(draft({ description: 'Never mind' }), times);
    await settled();
    const key = (description: string) => core.snapshot().recent.find((e) => e.description === description)!.key;
    core.updateEntry(key('Typo'), draft({ description: 'Fixed' }), times);
    core.deleteEntry(key('Never mind'));
    expect(core.snapshot().sync.pending).toBe(1);
    fake.clearFaults();
    fake.clearRequests();
    await clock.advance(60_000);
    await settled();
    expect(writes()).toEqual(['POST 201']);
    expect(fake.state.timeEntries.filter((e) => ['Typo', 'Fixed', 'Never mind'].includes(e.description)).map((e) => e.description)).toEqual(['Fixed']);
  });
});

describe('offline and restart', () => {
  it('keeps a start while offline, marks it pending and offline, and sends it when the network returns', async () => {
    const { core, clock, settled } = await ready();
    fake.addFault({ kind: 'status', status: 503, count: 3, match: { method: 'POST' } });
    core.startTimer(draft());
    await settled();
    expect(core.snapshot().sync).toMatchObject({ pending: 1 });
    expect(running()).toEqual([]);
    await clock.advance(120_000);
    await settled();
    expect(running()).toHaveLength(1);
    expect(core.snapshot().sync).toMatchObject({ pending: 0, online: true });
  });

  it('reports offline while the server cannot be reached', async () => {
    const { core, settled } = await ready();
    fake.addFault({ kind: 'refuse', forMs: 30_000 });
    core.startTimer(draft());
    await settled();
    expect(core.snapshot().sync).toMatchObject({ pending: 1, online: false });
  });

  it('resumes the journal after a restart with the same data directory', async () => {
    const clock = new FakeClock(Date.now());
    const first = await ready({ clock });
    fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method: 'POST' } });
    first.core.startTimer(draft({ description: 'Survives a restart' }));
    await first.settled();
    first.core.close();
    fake.clearFaults();
    const second = await openCore(fake, { dataDir: first.dataDir, clock, secrets: first.secrets });
    cores.push(second);
    expect(second.core.snapshot().timer).toMatchObject({ status: 'running', entry: { description: 'Survives a restart', sync: 'pending' } });
    await second.settled();
    expect(running().map((e) => e.description)).toEqual(['Survives a restart']);
  });

  it('never duplicates a start whose answer was lost: it looks on the server first', async () => {
    const { core, clock, settled } = await ready();
    fake.addFault({ kind: 'apply-then-drop', match: { method: 'POST' } });
    core.startTimer(draft({ description: 'Dropped answer' }));
    await settled();
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    await clock.advance(10_000); // within the grace period: nothing is sent again yet
    await settled();
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
    await clock.advance(25_000);
    await settled();
    expect(fake.state.timeEntries.filter((e) => e.description === 'Dropped answer')).toHaveLength(1);
    expect(core.snapshot().timer).toMatchObject({ status: 'running', entry: { sync: 'synced' } });
    expect(core.outboxStats.adopted).toBe(1);
  });
});

describe('the search for a create whose answer was lost', () => {
  const posts = () => fake.requests.filter((r) => r.method === 'POST');

  it('ignores an entry it already claimed: two adds 30 s apart, the first answer dropped, the second reset, end as two entries', async () => {
    const { core, clock, settled } = await ready();
    const start = clock.now() - 3 * 3_600_000;
    fake.addFault({ kind: 'apply-then-drop', match: { method: 'POST' } });
    fake.addFault({ kind: 'reset', match: { method: 'POST' } });
    core.addEntry(draft({ description: 'Same words' }), { start: iso(start), end: iso(start + 3_600_000) });
    core.addEntry(draft({ description: 'Same words' }), { start: iso(start + 30_000), end: iso(start + 3_600_000) });
    for (let i = 0; i < 6; i++) {
      await clock.advance(35_000);
      await settled();
    }
    const saved = fake.state.timeEntries.filter((e) => e.description === 'Same words');
    expect(saved.map((e) => e.start).sort()).toEqual([iso(start), iso(start + 30_000)]);
    expect(core.snapshot().sync).toMatchObject({ pending: 0, attention: [] });
    expect(posts().map((r) => r.fault ?? r.status)).toEqual(['apply-then-drop', 'reset', 201]);
  });

  it('tells running from finished: a timer started elsewhere is not taken for a lost finished entry', async () => {
    const { core, clock, settled } = await ready();
    const start = clock.now() - 5 * 60_000;
    fake.addFault({ kind: 'reset', match: { method: 'POST' } });
    core.addEntry(draft({ description: 'Standup' }), { start: iso(start), end: iso(start + 4 * 60_000) });
    await settled();
    // Meanwhile the user starts "Standup" on the web, 20 s after the lost entry's start.
    const template = fake.state.timeEntries.find((e) => e.workspaceId === core.snapshot().workspaceId)!;
    fake.state.timeEntries.push({ ...template, id: 'b'.repeat(24), description: 'Standup', projectId: null, taskId: null, tagIds: null, start: iso(start + 20_000), end: null, customFieldValues: [] });
    await clock.advance(35_000);
    await settled();
    const standups = fake.state.timeEntries.filter((e) => e.description === 'Standup');
    expect(standups.map((e) => e.end === null)).toEqual([true, false]);
    expect(posts().map((r) => r.fault ?? r.status)).toEqual(['reset', 201]);
  });
});

describe('reconciliation', () => {
  it('adopts a timer started elsewhere and tells the user', async () => {
    const { core, clock, notices, settled } = await ready();
    const ws = core.snapshot().workspaceId!;
    const user = fake.state.users[0]!;
    fake.state.timeEntries.push({ ...fake.state.timeEntries.find((e) => e.workspaceId === ws)!, id: 'a'.repeat(24), description: 'From the web', start: iso(clock.now() - 60_000), end: null });
    expect(user).toBeDefined();
    await clock.advance(10 * 60_000);
    await settled();
    expect(core.snapshot().timer).toMatchObject({ status: 'running', entry: { description: 'From the web' } });
    expect(notices.map((n) => n.text)).toContainEqual(expect.stringMatching(/started elsewhere/));
  });

  it('sees a timer started on the web in another workspace while the app runs: looked for on the reconcile schedule, at most every 5 minutes', async () => {
    const { core, clock, settled } = await ready();
    const here = core.snapshot().workspaceId!;
    const other = fake.state.workspaces.find((workspace) => workspace.id !== here)!;
    const template = fake.state.timeEntries.find((e) => e.workspaceId === here)!;
    fake.state.timeEntries.push({ ...template, id: 'c'.repeat(24), workspaceId: other.id, projectId: null, taskId: null, tagIds: null, description: 'Started on the web', start: iso(clock.now()), end: null });
    const elsewhereChecks = () => fake.requests.filter((r) => r.query['in-progress'] === 'true' && r.path.includes(other.id)).length;
    const before = elsewhereChecks();
    for (let minute = 1; minute <= 13; minute++) {
      await clock.advance(60_000);
      await settled();
      if (minute === 4) {
        expect(elsewhereChecks()).toBe(before);
        expect(core.snapshot().timer.status).toBe('idle');
      }
    }
    expect(elsewhereChecks()).toBe(before + 1);
    expect(core.snapshot().timer).toMatchObject({ status: 'running', entry: { description: 'Started on the web', workspaceId: other.id } });
  });

  it('adopts a stop made elsewhere', async () => {
    const { core, clock, notices, settled } = await ready();
    core.startTimer(draft({ description: 'Stopped on the phone' }));
    await settled();
    running()[0]!.end = iso(clock.now() + 60_000);
    await clock.advance(30_000);
    core.setWindowVisible(true);
    await settled();
    expect(core.snapshot().timer.status).toBe('idle');
    expect(notices.map((n) => n.text)).toContainEqual(expect.stringMatching(/was stopped in Clockify/));
  });

  it('reconciles when a window opens, but not again for a window reopened within 30 s', async () => {
    const { core, clock, settled } = await ready();
    const checks = () => fake.requests.filter((r) => r.query['in-progress'] === 'true').length;
    await clock.advance(40_000);
    core.setWindowVisible(true);
    await settled();
    expect(checks()).toBe(1);
    core.setWindowVisible(false);
    await clock.advance(10_000);
    core.setWindowVisible(true);
    await settled();
    expect(checks()).toBe(1);
  });

  it('reconciles every 2 minutes while hidden and backs off while nothing changes', async () => {
    const { clock, settled } = await ready();
    const checks = () => fake.requests.filter((r) => r.query['in-progress'] === 'true').length;
    for (let i = 0; i < 8; i++) {
      await clock.advance(60_000);
      await settled();
    }
    const afterEight = checks();
    expect(afterEight).toBeGreaterThanOrEqual(1);
    expect(afterEight).toBeLessThanOrEqual(3);
  });
});

describe('account', () => {
  it('refuses a wrong key, stores nothing and says why', async () => {
    const under = await openCore(fake);
    cores.push(under);
    const result = await under.core.connect({ kind: 'clockify', server: 'global' }, 'X'.repeat(48));
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', field: 'apiKey', message: expect.stringMatching(/did not accept this key \(401\)/) } });
    expect(await under.secrets.get('clockify:https://api.clockify.me/api/v1')).toBeNull();
    expect(under.core.snapshot().account.status).toBe('signed-out');
  });

  it('says once, as an error, that the saved key is no longer accepted, and keeps the change waiting', async () => {
    const { core, clock, notices, settled } = await ready();
    const keyNotices = () => notices.filter((n) => n.text.includes('no longer accepts the saved key')).map((n) => [n.level, n.text]);
    core.startTimer(draft({ description: 'Accepted' }));
    await settled();
    // Offline for a moment, then back: the outbox's status changes, the key is not in question.
    fake.addFault({ kind: 'reset', count: 1 });
    core.stopTimer();
    await settled();
    expect(core.snapshot().sync.online).toBe(false);
    await clock.advance(60_000);
    await settled();
    expect(running()).toEqual([]);
    expect(keyNotices()).toEqual([]);
    fake.addFault({ kind: 'status', status: 401, count: Infinity });
    core.startTimer(draft({ description: 'Refused key' }));
    await settled();
    expect(keyNotices()).toEqual([['error', 'Clockify no longer accepts the saved key: choose "Change key" and connect with a new one. Unsent changes are kept and sent then.']]);
    expect(core.snapshot().sync.pending).toBe(1);
    expect(running()).toEqual([]);
  });

  it('tells which server a key belongs to', async () => {
    const eu = await startFakeClockify({ seed: 'small', apiKey: 'E'.repeat(48) });
    try {
      const under = await openCore(fake, { regions: { eu } });
      cores.push(under);
      const result = await under.core.connect({ kind: 'clockify', server: 'global' }, 'E'.repeat(48));
      expect(result).toMatchObject({ ok: false, error: { kind: 'wrong-server', message: expect.stringMatching(/belongs to the EU server/) } });
    } finally {
      await eu.close();
    }
  });

  it('says when Clockify cannot be reached', async () => {
    const under = await openCore(fake);
    cores.push(under);
    fake.addFault({ kind: 'refuse', forMs: 5_000 });
    const result = await under.core.connect({ kind: 'clockify', server: 'global' }, FAKE_API_KEY);
    expect(result).toMatchObject({ ok: false, error: { kind: 'offline', message: expect.stringMatching(/Cannot reach/) } });
  });

  it('offers the key from the environment without ever exposing it', async () => {
    const under = await openCore(fake, { environment: { clockifyKey: FAKE_API_KEY } });
    cores.push(under);
    expect(under.core.snapshot().account).toMatchObject({ status: 'signed-out', envKeyAvailable: 'clockify' });
    expect((await under.core.connectWithEnvironmentKey({ kind: 'clockify', server: 'global' })).ok).toBe(true);
    expect(JSON.stringify(under.core.snapshot())).not.toContain(FAKE_API_KEY);
  });

  it('refuses to sign out while changes wait, unless told to discard them', async () => {
    const { core, secrets, settled } = await ready();
    fake.addFault({ kind: 'refuse', forMs: 60_000 });
    core.startTimer(draft());
    await settled();
    expect(await core.signOut(false)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/1 change is still waiting/) } });
    expect(core.snapshot().account.status).toBe('signed-in');
    expect((await core.signOut(true)).ok).toBe(true);
    expect(core.snapshot()).toMatchObject({ account: { status: 'signed-out' }, sync: { pending: 0 } });
    expect(await secrets.get('clockify:https://api.clockify.me/api/v1')).toBeNull();
  });

  it('writes the key to no file in the data directory', async () => {
    const { core, dataDir, clock, settled } = await ready();
    core.startTimer(draft());
    await clock.advance(1000);
    await settled();
    core.close();
    const files = readdirSync(dataDir);
    expect(files).toEqual(expect.arrayContaining(['settings.json', 'journal.json', 'cache.json']));
    for (const file of files) expect(readFileSync(path.join(dataDir, file), 'utf8')).not.toContain(FAKE_API_KEY);
  });
});

describe('settings', () => {
  it('changes settings, tells the shell, and refuses shortcuts that clash', async () => {
    const { core } = await ready();
    const heard: string[] = [];
    core.onSettings((settings) => heard.push(settings.shortcuts.toggleTimer));
    const changed = core.updateSettings({ shortcuts: { toggleTimer: 'CommandOrControl+Alt+K', quickEntry: 'CommandOrControl+Alt+E', showPopover: 'CommandOrControl+Alt+C' } });
    expect(changed).toMatchObject({ ok: true, value: { shortcuts: { toggleTimer: 'CommandOrControl+Alt+K' }, shortcutProblems: {} } });
    expect(heard).toEqual(['CommandOrControl+Alt+K']);
    const clash = core.updateSettings({ shortcuts: { toggleTimer: 'CommandOrControl+Alt+E', quickEntry: 'CommandOrControl+Alt+E', showPopover: '' } });
    expect(clash).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Same keys as/) } });
    expect(core.settingsView().shortcuts.toggleTimer).toBe('CommandOrControl+Alt+K');
  });

  it('shows shortcut trouble the shell reported, and the zone in force', async () => {
    const { core } = await ready();
    core.setShortcutProblems({ quickEntry: 'taken by another application' });
    core.updateSettings({ timeZone: { kind: 'offset', hours: -3 } });
    expect(core.settingsView()).toMatchObject({ shortcutProblems: { quickEntry: 'taken by another application' }, effectiveTimeZone: 'Etc/GMT+3' });
    expect(core.snapshot().preferences.timeZone).toBe('Etc/GMT+3');
  });

  it('a zone that is not one is refused with the nearest names, or an example when none is near; the zone in force stays', async () => {
    const { core } = await ready();
    expect(core.setTimeZone({ kind: 'zone', zone: 'Europe/Berln' })).toEqual({ ok: false, error: { kind: 'invalid', message: '“Europe/Berln” is not a time zone. Did you mean Europe/Berlin, Europe/Dublin or Europe/Jersey?', status: null } });
    expect(core.setTimeZone({ kind: 'zone', zone: 'Xyzzy/Nowhere' })).toEqual({ ok: false, error: { kind: 'invalid', message: '“Xyzzy/Nowhere” is not a time zone. Write a zone such as Europe/Berlin or America/New_York.', status: null } });
    expect(core.settingsView().effectiveTimeZone).toBe('Europe/Berlin');
    expect(core.setTimeZone({ kind: 'zone', zone: 'America/New_York' })).toEqual({ ok: true, value: null });
    expect(core.snapshot().preferences.timeZone).toBe('America/New_York');
  });

  it('a clash is said from the side of the shortcut being changed', async () => {
    const { core } = await ready();
    const before = core.settingsView().shortcuts;
    const clash = core.updateSettings({ shortcuts: { ...before, showPopover: before.quickEntry } });
    expect(clash.ok).toBe(false);
    const other = core.updateSettings({ shortcuts: { ...before, quickEntry: before.showPopover } });
    expect(other.ok).toBe(false);
    if (!clash.ok && !other.ok) expect(clash.error.message).not.toBe(other.error.message);
    expect(core.settingsView().shortcuts).toEqual(before);
  });
});

describe('ticks', () => {
  it('ticks once a second only while someone listens and a timer runs', async () => {
    const { core, clock, settled } = await ready();
    const ticks: string[] = [];
    const stop = core.onTick((tick) => ticks.push(tick.now));
    await clock.advance(3000);
    expect(ticks).toEqual([]);
    core.startTimer(draft());
    await settled();
    await clock.advance(3000);
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    stop();
    const count = ticks.length;
    await clock.advance(5000);
    expect(ticks).toHaveLength(count);
  });
});
