// Switch and return through the journal, against the fake Clockify over real HTTP: an interruption
// stops the work and brings it back when it stops (a new entry) or is discarded (the same entry,
// resumed); "switched to X at 10:30" splits the running timer. Offline, and across a restart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntryDraft, EntryView } from '../../shared/domain';
import { coreSuite } from '../../e2e/support/core-suite';
import type { CoreUnderTest } from '../../e2e/support/core-fixture';

const suite = coreSuite();
const ready = () => suite.ready();

const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ description: 'Writing', projectId: null, taskId: null, tagIds: [], billable: false, ...over });
const writes = () => suite.fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`);
const onServer = (description: string) => suite.fake.state.timeEntries.filter((e) => e.description === description).sort((a, b) => a.start.localeCompare(b.start));
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const MIN = 60_000;
const unavailable = () => suite.fake.addFault({ kind: 'status', status: 503, count: Infinity, match: {} });
async function backOnline(under: CoreUnderTest) {
  suite.fake.clearFaults();
  await under.core.retrySync();
  await under.settled();
}

function running(under: CoreUnderTest): EntryView {
  const timer = under.core.snapshot().timer;
  if (timer.status !== 'running') throw new Error(`no running timer (${timer.status})`);
  return timer.entry;
}

/** "Writing" (billable, tagged) runs for 20 minutes, then "Phone call" interrupts it. */
async function interrupted(under: CoreUnderTest) {
  const tagId = suite.fake.state.tags[0]!.id;
  under.core.startTimer(draft({ billable: true, tagIds: [tagId] }));
  await under.clock.advance(20 * MIN);
  await under.settled();
  const work = running(under);
  expect(under.core.startInterruption(draft({ description: 'Phone call' }))).toEqual({ ok: true, value: null });
  return { work, tagId, at: iso(under.clock.now()) };
}

describe('an interruption', () => {
  it('stops the work, and its stop brings the work back as a new entry with the same fields, from the moment it stopped', async () => {
    const under = await ready();
    const { work, tagId, at } = await interrupted(under);
    expect(running(under).description).toBe('Phone call');
    expect(under.core.snapshot().interruption).toEqual({ entryKey: running(under).key, returnTo: { key: work.key, description: 'Writing' } });
    await under.clock.advance(10 * MIN);
    await under.settled();
    expect(onServer('Writing')).toEqual([expect.objectContaining({ end: at })]);
    suite.fake.clearRequests();

    expect(under.core.stopTimer()).toEqual({ ok: true, value: null });
    const back = running(under);
    expect(back).toMatchObject({ description: 'Writing', billable: true, tagIds: [tagId], start: iso(under.clock.now()) });
    expect(under.core.snapshot().interruption).toBeNull();
    expect(under.notices.at(-1)).toMatchObject({ level: 'info', text: expect.stringMatching(/^Back to “Writing” as a new entry from \d\d:\d\d\.$/) });
    await under.settled();
    expect(writes()).toEqual(['PATCH 200', 'POST 201']);
    expect(onServer('Phone call')).toEqual([expect.objectContaining({ start: at, end: iso(under.clock.now()) })]);
    expect(onServer('Writing').map((e) => e.end)).toEqual([at, null]);
  });

  it('"End at…" on an interruption brings the work back from that moment', async () => {
    const under = await ready();
    await interrupted(under);
    await under.clock.advance(30 * MIN);
    const ended = iso(under.clock.now() - 10 * MIN);
    expect(under.core.stopTimerAt(ended)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(onServer('Phone call')[0]!.end).toBe(ended);
    expect(onServer('Writing')[1]).toMatchObject({ start: ended, end: null });
  });

  it('discarded, it never happened: the work resumes as the same entry (one entry, not two)', async () => {
    const under = await ready();
    const { work } = await interrupted(under);
    await under.clock.advance(5 * MIN);
    await under.settled();
    suite.fake.clearRequests();
    expect(under.core.discardTimer()).toEqual({ ok: true, value: null });
    expect(running(under).key).toBe(work.key);
    expect(under.notices.at(-1)).toMatchObject({ level: 'info', text: expect.stringMatching(/^Back to “Writing”: resumed as the same entry, from \d\d:\d\d\.$/) });
    await under.settled();
    expect(writes()).toEqual(['DELETE 204', 'PUT 200']);
    expect(onServer('Phone call')).toEqual([]);
    expect(onServer('Writing')).toEqual([expect.objectContaining({ start: work.start, end: null })]);
  });

  it('discarded after Resume no longer applies, the work comes back as a new entry from now', async () => {
    const under = await ready();
    await interrupted(under);
    await under.clock.advance(40 * MIN);
    await under.settled();
    expect(under.core.discardTimer()).toEqual({ ok: true, value: null });
    expect(under.notices.at(-1)).toMatchObject({ level: 'info', text: expect.stringMatching(/as a new entry from now/) });
    await under.settled();
    expect(onServer('Writing').map((e) => e.end === null)).toEqual([false, true]);
    expect(onServer('Writing')[1]!.start).toBe(iso(under.clock.now()));
  });

  it('starting other work ends the return: stopping that does not bring the interrupted work back', async () => {
    const under = await ready();
    await interrupted(under);
    under.core.startTimer(draft({ description: 'Something else' }));
    expect(under.core.snapshot().interruption).toBeNull();
    under.core.stopTimer();
    await under.settled();
    expect(under.core.snapshot().timer.status).toBe('idle');
    expect(onServer('Writing')).toHaveLength(1);
  });

  it('refuses without a running timer, and a second interruption on top of one, in words, changing nothing', async () => {
    const under = await ready();
    expect(under.core.startInterruption(draft({ description: 'Phone call' }))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No timer is running/) } });
    await interrupted(under);
    const before = under.core.snapshot();
    expect(under.core.startInterruption(draft({ description: 'Another call' }))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/already an interruption: stop it first \(“Writing” comes back\)/) } });
    expect(under.core.snapshot().sync.pending).toBe(before.sync.pending);
  });

  it('an interruption the workspace refuses (it requires a project) starts nothing and leaves the work running', async () => {
    const under = await ready();
    const acme = under.core.snapshot().workspaces.find((w) => w.rules.forceProjects)!;
    await under.core.selectWorkspace(acme.id);
    await under.settled();
    const projectId = suite.fake.state.projects.find((p) => p.workspaceId === acme.id && !p.archived)!.id;
    under.core.startTimer(draft({ projectId }));
    await under.clock.advance(10 * MIN);
    await under.settled();
    const work = running(under);
    suite.fake.clearRequests();
    expect(under.core.startInterruption(draft({ description: 'Phone call' }))).toMatchObject({ ok: false, error: { field: 'project', message: expect.stringMatching(/requires a project/) } });
    expect(running(under).key).toBe(work.key);
    expect(under.core.snapshot().interruption).toBeNull();
    await under.settled();
    expect(writes()).toEqual([]);
  });

  it('a stop at a moment the interruption cannot end is refused as any stop: the interruption runs on, nothing comes back, nothing is said', async () => {
    const under = await ready();
    await interrupted(under);
    await under.clock.advance(10 * MIN);
    await under.settled();
    const said = under.notices.length;
    suite.fake.clearRequests();
    expect(under.core.stopTimerAt(iso(under.clock.now() - 30 * MIN))).toMatchObject({ ok: false, error: { field: 'end', message: expect.stringMatching(/^The timer began at \d\d:\d\d: stop it at a later time/) } });
    expect(running(under).description).toBe('Phone call');
    expect(under.core.snapshot().interruption).toMatchObject({ returnTo: { description: 'Writing' } });
    expect(under.notices.length).toBe(said);
    await under.settled();
    expect(writes()).toEqual([]);
  });

  it('a stop Clockify refused earlier keeps the work from coming back, but the interruption still stops, and the user is told', async () => {
    const under = await ready();
    suite.fake.addFault({ kind: 'status', status: 400, body: JSON.stringify({ message: 'Entry is locked', code: 501 }), count: 1, match: { method: 'PATCH' } });
    await interrupted(under);
    await under.settled();
    expect(under.core.snapshot().sync.attention.map((a) => a.what)).toEqual(['stop']);
    expect(under.core.stopTimer()).toEqual({ ok: true, value: null });
    expect(under.notices.at(-1)).toMatchObject({ level: 'warning', text: expect.stringMatching(/^“Writing” could not come back: The last timer could not be stopped/) });
    expect(under.core.snapshot().interruption).toBeNull();
  });

  it('offline, the whole round trip waits in the journal and reaches Clockify once, in order', async () => {
    const under = await ready();
    unavailable();
    await interrupted(under);
    await under.clock.advance(10 * MIN);
    under.core.stopTimer();
    await under.settled();
    expect(running(under).description).toBe('Writing');
    await backOnline(under);
    expect(onServer('Writing').map((e) => e.end === null)).toEqual([false, true]);
    expect(onServer('Phone call')).toEqual([expect.objectContaining({ end: expect.any(String) })]);
    expect(suite.fake.state.timeEntries.filter((e) => e.end === null)).toHaveLength(1);
    expect(under.core.snapshot().sync.pending).toBe(0);
  });

  it('the interruption and its return survive a kill: the marker and the intents were written together', async () => {
    const under = await ready();
    unavailable();
    await interrupted(under);
    await under.settled();
    const journal = JSON.parse(readFileSync(path.join(under.dataDir, 'journal.json'), 'utf8')) as { intents: { kind: string }[]; interruption?: { key: string } };
    expect(journal.intents.map((i) => i.kind)).toEqual(['create', 'stop', 'create']);
    expect(journal.interruption?.key).toBeDefined();
    suite.close(under);

    const again = await suite.reopen({ dataDir: under.dataDir, clock: under.clock, secrets: under.secrets });
    expect(again.core.snapshot().interruption).toMatchObject({ returnTo: { description: 'Writing' } });
    await again.clock.advance(5 * MIN);
    again.core.stopTimer();
    // The stop's first try is answered (503) before the kill: a request still in flight would land
    // later, after the next start's faults are cleared, and race the next core.
    await again.settled();
    suite.close(again);

    const third = await suite.reopen({ dataDir: under.dataDir, clock: under.clock, secrets: under.secrets });
    expect(running(third).description).toBe('Writing');
    await backOnline(third);
    expect(onServer('Writing').map((e) => e.end === null)).toEqual([false, true]);
    expect(onServer('Phone call')).toHaveLength(1);
    expect(suite.fake.state.timeEntries.filter((e) => e.end === null)).toHaveLength(1);
  });
});

describe('switched to X at a past moment', () => {
  it('ends the running entry there and runs X from then', async () => {
    const under = await ready();
    under.core.startTimer(draft());
    await under.clock.advance(30 * MIN);
    await under.settled();
    suite.fake.clearRequests();
    const at = iso(under.clock.now() - 10 * MIN);
    expect(under.core.switchTimerAt(draft({ description: 'Review' }), at)).toEqual({ ok: true, value: null });
    expect(running(under)).toMatchObject({ description: 'Review', start: at });
    await under.settled();
    expect(writes()).toEqual(['PATCH 200', 'POST 201']);
    expect(onServer('Writing')[0]!.end).toBe(at);
    expect(onServer('Review')).toEqual([expect.objectContaining({ start: at, end: null })]);
  });

  it('during an interruption ends its return: stopping X later brings nothing back', async () => {
    const under = await ready();
    await interrupted(under);
    await under.clock.advance(10 * MIN);
    await under.settled();
    expect(under.core.switchTimerAt(draft({ description: 'Review' }), iso(under.clock.now() - 5 * MIN))).toEqual({ ok: true, value: null });
    expect(under.core.snapshot().interruption).toBeNull();
    // The journal keeps no return either (resumed later, the call would bring the work back).
    expect(JSON.parse(readFileSync(path.join(under.dataDir, 'journal.json'), 'utf8'))).not.toHaveProperty('interruption');
    expect(under.core.stopTimer()).toEqual({ ok: true, value: null });
    expect(under.core.snapshot().timer.status).not.toBe('running');
    await under.settled();
    expect(onServer('Writing')).toHaveLength(1);
  });

  it('at this very moment is an ordinary switch; at the moment the timer began, or a time that is no time, is refused', async () => {
    const under = await ready();
    under.core.startTimer(draft());
    await under.clock.advance(30 * MIN);
    await under.settled();
    const began = running(under).start;
    expect(under.core.switchTimerAt(draft({ description: 'Review' }), began)).toMatchObject({ ok: false, error: { field: 'start', message: expect.stringMatching(/began at/) } });
    expect(under.core.switchTimerAt(draft({ description: 'Review' }), 'soon')).toMatchObject({ ok: false, error: { field: 'start', message: 'Enter when you switched, such as 10:30 or -20m.' } });
    const now = iso(under.clock.now());
    expect(under.core.switchTimerAt(draft({ description: 'Review' }), now)).toEqual({ ok: true, value: null });
    expect(running(under)).toMatchObject({ description: 'Review', start: now });
  });

  it('refuses a moment to come, one before the timer began, and no timer, in words, sending nothing', async () => {
    const under = await ready();
    expect(under.core.switchTimerAt(draft({ description: 'Review' }), iso(under.clock.now() - MIN))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/No timer is running/) } });
    under.core.startTimer(draft());
    await under.clock.advance(30 * MIN);
    await under.settled();
    suite.fake.clearRequests();
    expect(under.core.switchTimerAt(draft({ description: 'Review' }), iso(under.clock.now() + 5 * MIN))).toMatchObject({ ok: false, error: { field: 'start', message: expect.stringMatching(/still to come/) } });
    expect(under.core.switchTimerAt(draft({ description: 'Review' }), iso(under.clock.now() - 40 * MIN))).toMatchObject({ ok: false, error: { field: 'start', message: expect.stringMatching(/“Writing” began at \d\d:\d\d: switch at a later time/) } });
    await under.settled();
    expect(writes()).toEqual([]);
    expect(running(under).description).toBe('Writing');
  });
});
