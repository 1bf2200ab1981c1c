// The running timer through the journal: its start moved, stopped at a past moment, discarded with
// undo, and resumed after a stop (one entry, not two), against the fake Clockify over real HTTP.
import { describe, expect, it } from 'vitest';
import type { EntryDraft, EntryView } from '../../shared/domain';
import { coreSuite } from '../../e2e/support/core-suite';
import type { CoreUnderTest } from '../../e2e/support/core-fixture';

const suite = coreSuite();
const ready = () => suite.ready();

const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ description: 'Deep work', projectId: null, taskId: null, tagIds: [], billable: false, ...over });
const writes = () => suite.fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`);
const serverEntry = (description: string) => suite.fake.state.timeEntries.find((e) => e.description === description);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const MIN = 60_000;
/** Clockify answers 503 to every `method` request until the faults are cleared. */
const unavailable = (method: string) => suite.fake.addFault({ kind: 'status', status: 503, count: Infinity, match: { method } });
async function backOnline(under: CoreUnderTest) {
  suite.fake.clearFaults();
  suite.fake.clearRequests();
  await under.core.retrySync();
  await under.settled();
}

function runningEntry(under: CoreUnderTest): EntryView {
  const timer = under.core.snapshot().timer;
  if (timer.status !== 'running') throw new Error(`no running timer (${timer.status})`);
  return timer.entry;
}

/** A finished entry "Before" from 60 to 30 minutes ago, then a timer "Now" started 10 minutes ago. */
async function withPreviousEntry(under: CoreUnderTest) {
  const now = under.clock.now();
  const before = { start: iso(now - 60 * MIN), end: iso(now - 30 * MIN) };
  under.core.addEntry(draft({ description: 'Before' }), before);
  under.core.startTimer(draft({ description: 'Now' }));
  await under.clock.advance(10 * MIN);
  await under.settled();
  suite.fake.clearRequests();
  return before;
}

describe('moving the running timer start', () => {
  it('moves it to a typed past moment with one PUT that keeps it running and keeps its fields', async () => {
    const under = await ready();
    await withPreviousEntry(under);
    const at = iso(under.clock.now() - 25 * MIN);
    expect(under.core.moveRunningStart(at)).toEqual({ ok: true, value: null });
    expect(runningEntry(under).start).toBe(at); // shown at once
    await under.settled();
    expect(writes()).toEqual(['PUT 200']);
    expect(serverEntry('Now')).toMatchObject({ start: at, end: null });
    expect(serverEntry('Before')!.end).toBe(iso(under.clock.now() - 40 * MIN));
  });

  it('"since my last entry ended" starts it where the previous entry ended', async () => {
    const under = await ready();
    const before = await withPreviousEntry(under);
    expect(under.core.moveRunningStart('last-entry-end')).toEqual({ ok: true, value: null });
    await under.settled();
    expect(serverEntry('Now')).toMatchObject({ start: before.end, end: null });
  });

  it('a start inside the previous entry ends that entry there: no overlap, and the user is told', async () => {
    const under = await ready();
    const before = await withPreviousEntry(under);
    const at = iso(under.clock.now() - 50 * MIN);
    expect(under.core.moveRunningStart(at)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(writes()).toEqual(['PUT 200', 'PUT 200']);
    expect(serverEntry('Before')).toMatchObject({ start: before.start, end: at });
    expect(serverEntry('Now')).toMatchObject({ start: at, end: null });
    expect(under.notices.at(-1)?.text).toMatch(/“Before” now ends at \d\d:\d\d, where this timer starts/);
  });

  it('refuses a start in the future or at/before the previous entry began, in words, sending nothing', async () => {
    const under = await ready();
    const before = await withPreviousEntry(under);
    const startedAt = runningEntry(under).start;
    const future = under.core.moveRunningStart(iso(under.clock.now() + 5 * MIN));
    expect(future).toMatchObject({ ok: false, error: { field: 'start', message: expect.stringMatching(/is still to come .*Nothing was changed/) } });
    const tooEarly = under.core.moveRunningStart(iso(Date.parse(before.start) - MIN));
    expect(tooEarly).toMatchObject({ ok: false, error: { field: 'start', message: expect.stringMatching(/before your previous entry “Before” began/) } });
    await under.settled();
    expect(writes()).toEqual([]);
    expect(runningEntry(under).start).toBe(startedAt);
  });

  it('moves the start of a timer not yet sent (offline) inside its create: one POST once back', async () => {
    const under = await ready();
    unavailable('POST');
    under.core.startTimer(draft({ description: 'Offline start' }));
    await under.settled();
    const at = iso(under.clock.now() - 20 * MIN);
    expect(under.core.moveRunningStart(at)).toEqual({ ok: true, value: null });
    await backOnline(under);
    expect(writes()).toEqual(['POST 201']);
    expect(serverEntry('Offline start')).toMatchObject({ start: at, end: null });
  });

  it('changes project and description of the running timer without stopping it', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Untitled' }));
    await under.settled();
    const project = suite.fake.state.projects[0]!;
    expect(under.core.updateRunningEntry(draft({ description: 'Named', projectId: project.id, billable: true }))).toEqual({ ok: true, value: null });
    await under.settled();
    expect(serverEntry('Named')).toMatchObject({ projectId: project.id, billable: true, end: null });
    expect(runningEntry(under).description).toBe('Named');
  });
});

describe('stop at a past moment', () => {
  it('stops it at the typed moment with one PATCH', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Forgot to stop' }));
    await under.clock.advance(90 * MIN);
    await under.settled();
    suite.fake.clearRequests();
    const at = iso(under.clock.now() - 30 * MIN);
    expect(under.core.stopTimerAt(at)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(writes()).toEqual(['PATCH 200']);
    expect(serverEntry('Forgot to stop')!.end).toBe(at);
  });

  it('refuses a moment in the future or before the start, in words, and keeps it running', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Still going' }));
    await under.clock.advance(30 * MIN);
    await under.settled();
    suite.fake.clearRequests();
    expect(under.core.stopTimerAt(iso(under.clock.now() + MIN))).toMatchObject({ ok: false, error: { field: 'end', message: expect.stringMatching(/still to come.*still running/) } });
    expect(under.core.stopTimerAt(iso(under.clock.now() - 40 * MIN))).toMatchObject({ ok: false, error: { field: 'end', message: expect.stringMatching(/began at \d\d:\d\d.*still running/) } });
    await under.settled();
    expect(writes()).toEqual([]);
    expect(runningEntry(under).description).toBe('Still going');
  });
});

describe('discard with undo', () => {
  it('discards the running timer and Undo brings it back running from the same start', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Oops' }));
    await under.clock.advance(5 * MIN);
    await under.settled();
    const { key, start } = runningEntry(under);
    expect(under.core.discardTimer()).toEqual({ ok: true, value: null });
    await under.settled();
    expect(serverEntry('Oops')).toBeUndefined();
    expect(under.core.undoDeleteEntry(key)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(serverEntry('Oops')).toMatchObject({ start, end: null });
    expect(runningEntry(under).description).toBe('Oops');
  });

  it('refuses to bring a discarded timer back beside a timer started since, in words, and can after its stop', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Discarded' }));
    await under.settled();
    const { key } = runningEntry(under);
    under.core.discardTimer();
    under.core.startTimer(draft({ description: 'Next' }));
    await under.settled();
    expect(under.core.undoDeleteEntry(key)).toMatchObject({ ok: false, error: { message: 'Another timer runs now: stop it first, then undo the discard.' } });
    under.core.stopTimer();
    expect(under.core.undoDeleteEntry(key)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(suite.fake.state.timeEntries.filter((e) => e.end === null).map((e) => e.description)).toEqual(['Discarded']);
  });

  it('undo right away (the delete still waiting, offline) sends nothing at all', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Kept' }));
    await under.settled();
    suite.fake.clearRequests();
    unavailable('DELETE');
    const { key } = runningEntry(under);
    under.core.discardTimer();
    await under.settled();
    under.core.undoDeleteEntry(key);
    await backOnline(under);
    expect(writes()).toEqual([]);
    expect(serverEntry('Kept')!.end).toBeNull();
  });
});

describe('resume after a stop', () => {
  it('reopens the same entry with one PUT without end: one entry, not two', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Writing' }));
    await under.clock.advance(30 * MIN);
    under.core.stopTimer();
    await under.settled();
    const stopped = under.core.snapshot().recent[0]!;
    await under.clock.advance(3 * MIN);
    suite.fake.clearRequests();
    expect(under.core.resumeEntry(stopped.key)).toEqual({ ok: true, value: null });
    expect(runningEntry(under).key).toBe(stopped.key);
    await under.settled();
    expect(writes()).toEqual(['PUT 200']);
    expect(suite.fake.state.timeEntries.filter((e) => e.description === 'Writing')).toEqual([expect.objectContaining({ start: stopped.start, end: null })]);
  });

  it('a resume while the stop still waits (offline) just drops the stop: nothing is sent', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Flaky wifi' }));
    await under.settled();
    suite.fake.clearRequests();
    unavailable('PATCH');
    await under.clock.advance(10 * MIN);
    under.core.stopTimer();
    await under.settled();
    const stopped = under.core.snapshot().timer;
    expect(stopped.status).toBe('stopping');
    const key = stopped.status === 'stopping' ? stopped.entry.key : '';
    expect(under.core.resumeEntry(key)).toEqual({ ok: true, value: null });
    expect(under.core.snapshot().sync.pending).toBe(0);
    await backOnline(under);
    expect(writes()).toEqual([]);
    expect(serverEntry('Flaky wifi')!.end).toBeNull();
  });

  it('survives a restart between the resume and its PUT, and sends it once', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Across a restart' }));
    await under.clock.advance(20 * MIN);
    under.core.stopTimer();
    await under.settled();
    const key = under.core.snapshot().recent[0]!.key;
    unavailable('PUT');
    under.core.resumeEntry(key);
    await under.settled();
    suite.close(under);
    suite.fake.clearFaults();
    suite.fake.clearRequests();
    const again = await suite.reopen({ dataDir: under.dataDir, clock: under.clock, secrets: under.secrets });
    await again.core.retrySync();
    await again.settled();
    expect(writes()).toEqual(['PUT 200']);
    expect(suite.fake.state.timeEntries.filter((e) => e.description === 'Across a restart')).toEqual([expect.objectContaining({ end: null })]);
  });

  it('refuses after the window, while a timer runs, or for an older entry, in words', async () => {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Older' }));
    await under.clock.advance(10 * MIN);
    under.core.startTimer(draft({ description: 'Newer' }));
    await under.clock.advance(10 * MIN);
    expect(under.core.resumeEntry(under.core.snapshot().recent[0]!.key)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/A timer is running: stop it first/) } });
    under.core.stopTimer();
    await under.settled();
    const older = under.core.snapshot().recent.find((e) => e.description === 'Older')!;
    expect(under.core.resumeEntry(older.key)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Only the last entry can be resumed, within 15 minutes/) } });
    await under.clock.advance(16 * MIN);
    const newer = under.core.snapshot().recent.find((e) => e.description === 'Newer')!;
    expect(under.core.resumeEntry(newer.key)).toMatchObject({ ok: false, error: { message: expect.stringMatching(/use Continue/) } });
    await under.settled();
    expect(suite.fake.state.timeEntries.filter((e) => e.end === null)).toEqual([]);
  });
});
