// Split and duplicate through the journal, against the fake Clockify over real HTTP: the same fields
// on both halves and on the copy, refusals in words, offline, and a kill in the middle of a split.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EntryDraft, EntryView } from '../../shared/domain';
import { localDayKey } from '../../shared/time/zone';
import { coreSuite } from '../../e2e/support/core-suite';
import type { CoreUnderTest } from '../../e2e/support/core-fixture';
import { FakeClock } from '../../e2e/support/fake-clock';

const suite = coreSuite();
const ready = () => suite.ready({ timeZone: 'Europe/Berlin' });

const writes = () => suite.fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`);
const onServer = (description: string) => suite.fake.state.timeEntries.filter((e) => e.description === description).sort((a, b) => a.start.localeCompare(b.start));
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const MIN = 60_000;

/** "Wireframes v2" (project, tag, billable) from 90 to 30 minutes ago. */
async function finished(under: CoreUnderTest): Promise<{ entry: EntryView; fields: EntryDraft }> {
  const workspaceId = under.core.snapshot().workspaceId!;
  const fields: EntryDraft = {
    description: 'Wireframes v2',
    projectId: suite.fake.state.projects.find((p) => p.workspaceId === workspaceId && !p.archived)!.id,
    taskId: null,
    tagIds: [suite.fake.state.tags.find((t) => t.workspaceId === workspaceId)!.id],
    billable: true,
  };
  const now = under.clock.now();
  expect(under.core.addEntry(fields, { start: iso(now - 90 * MIN), end: iso(now - 30 * MIN) }).ok).toBe(true);
  await under.settled();
  suite.fake.clearRequests();
  return { entry: under.core.snapshot().recent.find((e) => e.description === 'Wireframes v2')!, fields };
}

describe('splitting an entry', () => {
  it('makes two entries with the same fields, meeting at the time chosen', async () => {
    const under = await ready();
    const { entry, fields } = await finished(under);
    const at = iso(under.clock.now() - 60 * MIN);
    expect(under.core.splitEntry(entry.key, at)).toEqual({ ok: true, value: null });
    expect(under.core.snapshot().recent.filter((e) => e.description === 'Wireframes v2').map((e) => [e.start, e.end])).toEqual([
      [at, entry.end],
      [entry.start, at],
    ]);
    await under.settled();
    expect(writes()).toEqual(['PUT 200', 'POST 201']);
    expect(onServer('Wireframes v2')).toEqual([
      expect.objectContaining({ start: entry.start, end: at, projectId: fields.projectId, tagIds: fields.tagIds, billable: true }),
      expect.objectContaining({ start: at, end: entry.end, projectId: fields.projectId, tagIds: fields.tagIds, billable: true }),
    ]);
  });

  it('splits the running timer: it ends there and the same work runs on', async () => {
    const under = await ready();
    under.core.startTimer({ description: 'Coding', projectId: null, taskId: null, tagIds: [], billable: true });
    await under.clock.advance(40 * MIN);
    await under.settled();
    const running = under.core.snapshot().timer;
    const key = running.status === 'running' ? running.entry.key : '';
    const at = iso(under.clock.now() - 15 * MIN);
    expect(under.core.splitEntry(key, at)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(onServer('Coding').map((e) => [e.end === null ? 'running' : e.end, e.billable])).toEqual([
      [at, true],
      ['running', true],
    ]);
    expect(onServer('Coding')[1]!.start).toBe(at);
  });

  it('refuses a time outside the entry in words, sending nothing', async () => {
    const under = await ready();
    const { entry } = await finished(under);
    expect(under.core.splitEntry(entry.key, entry.start)).toMatchObject({ ok: false, error: { field: 'start', message: expect.stringMatching(/^Split “Wireframes v2” at a time between \d\d:\d\d and \d\d:\d\d: \d\d:\d\d is outside it\. Nothing was changed\.$/) } });
    expect(under.core.splitEntry(entry.key, entry.end!)).toMatchObject({ ok: false, error: { field: 'start' } });
    expect(under.core.splitEntry('nope', iso(under.clock.now()))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/no longer in the list/) } });
    await under.settled();
    expect(writes()).toEqual([]);
  });

  it('offline, both halves wait in one journal write and survive a kill; they reach Clockify once', async () => {
    const under = await ready();
    const { entry } = await finished(under);
    suite.fake.addFault({ kind: 'status', status: 503, count: Infinity, match: {} });
    const at = iso(under.clock.now() - 45 * MIN);
    expect(under.core.splitEntry(entry.key, at).ok).toBe(true);
    await under.settled();
    const journal = JSON.parse(readFileSync(path.join(under.dataDir, 'journal.json'), 'utf8')) as { intents: { kind: string }[] };
    expect(journal.intents.map((i) => i.kind)).toEqual(['update', 'create']);
    suite.close(under);
    suite.fake.clearFaults();
    const again = await suite.reopen({ dataDir: under.dataDir, clock: under.clock, secrets: under.secrets, timeZone: 'Europe/Berlin' });
    await again.core.retrySync();
    await again.settled();
    expect(onServer('Wireframes v2').map((e) => [e.start, e.end])).toEqual([
      [entry.start, at],
      [at, entry.end],
    ]);
    expect(again.core.snapshot().sync.pending).toBe(0);
  });
});

describe('refusals, in words, sending nothing', () => {
  it('time off is not split or copied here; a time or a day that is none, or an entry gone, is said', async () => {
    const holiday = suite.fake.state.timeEntries.find((e) => e.description === 'Logo sketches')!;
    holiday.type = 'HOLIDAY';
    const under = await ready();
    const { entry } = await finished(under);
    const key = under.core.snapshot().recent.find((e) => e.serverId === holiday.id)!.key;
    const middle = iso((Date.parse(holiday.start) + Date.parse(holiday.end!)) / 2);
    const refusals: [string, ReturnType<typeof under.core.splitEntry>, { message: string; field?: string }][] = [
      ['split time off', under.core.splitEntry(key, middle), { message: '“Logo sketches” (Holiday) is managed by time off in Clockify: change it there.' }],
      ['copy time off', under.core.duplicateEntry(key, '2026-01-05'), { message: '“Logo sketches” (Holiday) is managed by time off in Clockify: it cannot be copied here.' }],
      ['split at no time', under.core.splitEntry(entry.key, 'half past'), { message: 'Enter the time to split at, such as 10:30.', field: 'start' }],
      ['copy to no day', under.core.duplicateEntry(entry.key, 'someday'), { message: 'Choose the day to copy the entry to.' }],
      ['copy an entry gone', under.core.duplicateEntry('nope', '2026-01-05'), { message: 'That entry is no longer in the list: it may have been deleted.' }],
    ];
    for (const [what, result, error] of refusals) expect(result, what).toEqual({ ok: false, error: { kind: 'invalid', status: null, ...error } });
    await under.settled();
    expect(writes()).toEqual([]);
  });

  it('the running timer is split between its start and now; an entry without a description is named as such', async () => {
    const under = await ready();
    under.core.startTimer({ description: '', projectId: null, taskId: null, tagIds: [], billable: false });
    await under.clock.advance(20 * MIN);
    await under.settled();
    const timer = under.core.snapshot().timer;
    const key = timer.status === 'running' ? timer.entry.key : '';
    suite.fake.clearRequests();
    expect(under.core.splitEntry(key, new Date(under.clock.now()).toISOString())).toMatchObject({ ok: false, error: { field: 'start', message: expect.stringMatching(/^Split “no description” at a time between \d\d:\d\d and now: \d\d:\d\d is outside it\. Nothing was changed\.$/) } });
    expect(under.core.splitEntry(key, iso(under.clock.now() - MIN))).toEqual({ ok: true, value: null });
  });
});

describe('duplicating an entry', () => {
  it('copies it to today and to another day at the same times of day, with the same fields', async () => {
    // Midday in Berlin, on a day with no change of clocks either side: late in the evening, "yesterday"
    // would be the entry's own day in Berlin (it failed CI at 23:20 UTC).
    const under = await suite.ready({ timeZone: 'Europe/Berlin', clock: new FakeClock(Date.parse('2026-11-18T11:00:00Z')) });
    const { entry, fields } = await finished(under);
    const zone = 'Europe/Berlin';
    const yesterday = localDayKey(new Date(under.clock.now() - 86_400_000), zone);
    expect(under.core.duplicateEntry(entry.key, yesterday)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(writes()).toEqual(['POST 201']);
    const copies = onServer('Wireframes v2');
    expect(copies).toHaveLength(2);
    expect(copies[0]).toMatchObject({ ...fields, start: iso(Date.parse(entry.start) - 86_400_000), end: iso(Date.parse(entry.end!) - 86_400_000) });
    expect(under.core.duplicateEntry(entry.key, localDayKey(new Date(under.clock.now()), zone)).ok).toBe(true);
    await under.settled();
    expect(onServer('Wireframes v2').filter((e) => e.start === entry.start)).toHaveLength(2);
  });

  it('keeps the time of day across a change to summer time', async () => {
    const under = await ready();
    const { entry } = await finished(under);
    // Whatever today is, 2026-03-28 (winter time) and 2026-03-30 (summer time) sit on either side of Berlin's change.
    expect(under.core.duplicateEntry(entry.key, '2026-03-28').ok).toBe(true);
    expect(under.core.duplicateEntry(entry.key, '2026-03-30').ok).toBe(true);
    await under.settled();
    const copies = onServer('Wireframes v2').filter((e) => e.start.startsWith('2026-03-2') || e.start.startsWith('2026-03-30'));
    const wallClock = (instant: string) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', second: '2-digit' }).format(new Date(instant));
    expect(copies.map((e) => wallClock(e.start))).toEqual([wallClock(entry.start), wallClock(entry.start)]);
  });

  it('refuses a running entry in words', async () => {
    const under = await ready();
    under.core.startTimer({ description: 'Coding', projectId: null, taskId: null, tagIds: [], billable: false });
    const timer = under.core.snapshot().timer;
    const key = timer.status === 'running' ? timer.entry.key : '';
    expect(under.core.duplicateEntry(key, '2026-01-01')).toMatchObject({ ok: false, error: { message: expect.stringMatching(/still running: use Continue/) } });
  });
});
