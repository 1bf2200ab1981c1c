// What the real Clockify does that the core must not misread: custom field values and entry types
// kept through a replacement (PUT clears what it leaves out), entry types shown for what they are,
// and a 400 code 501 on reading an entry, which is not proof of a deletion.
import { describe, expect, it } from 'vitest';
import type { EntryDraft } from '../../shared/domain';
import type { TimeEntry } from '../../e2e/fake-clockify/model';
import type { CoreUnderTest } from '../../e2e/support/core-fixture';
import { coreSuite } from '../../e2e/support/core-suite';

const suite = coreSuite();
const ready = (): Promise<CoreUnderTest> => suite.ready();

const draft = (over: Partial<EntryDraft> = {}): EntryDraft => ({ description: 'Deep work', projectId: null, taskId: null, tagIds: [], billable: false, ...over });
const writes = () => suite.fake.requests.filter((r) => r.method !== 'GET').map((r) => `${r.method} ${r.status}`);
const onServer = (description: string) => suite.fake.state.timeEntries.find((e) => e.description === description);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
const values = [
  { customFieldId: 'cf-po', timeEntryId: '', value: 'PO-4711', name: 'Purchase order', type: 'TXT' },
  { customFieldId: 'cf-billable-to', timeEntryId: '', value: ['ACME'], name: 'Billed to', type: 'DROPDOWN_MULTIPLE' },
];

/** Gives a seeded entry custom field values (and a type) before the app first reads it. */
function decorate(description: string, over: Partial<TimeEntry> = {}): TimeEntry {
  const entry = onServer(description)!;
  Object.assign(entry, { customFieldValues: values.map((v) => ({ ...v, timeEntryId: entry.id })), ...over });
  return entry;
}

const keptValues = (entry: TimeEntry | undefined) => entry?.customFieldValues.map(({ customFieldId, value }) => ({ customFieldId, value }));

describe('custom field values survive edits (Clockify clears those a PUT leaves out)', () => {
  it('an edit of the description keeps every custom field value, tag, task and billable', async () => {
    const original = decorate('Logo sketches');
    const { core, settled } = await ready();
    const view = core.snapshot().recent.find((e) => e.serverId === original.id)!;
    expect(view.customFields).toEqual([
      { customFieldId: 'cf-po', value: 'PO-4711' },
      { customFieldId: 'cf-billable-to', value: ['ACME'] },
    ]);
    core.updateEntry(view.key, { ...view, description: 'Logo sketches, round 2' }, { start: view.start, end: view.end! });
    await settled();
    expect(writes()).toEqual(['PUT 200']);
    expect(suite.fake.requests.at(-1)!.body).toMatchObject({ customFields: [{ customFieldId: 'cf-po', value: 'PO-4711' }, { customFieldId: 'cf-billable-to', value: ['ACME'] }] });
    const after = suite.fake.state.timeEntries.find((e) => e.id === original.id)!;
    expect(after).toMatchObject({ description: 'Logo sketches, round 2', taskId: original.taskId, tagIds: original.tagIds, billable: original.billable, type: 'REGULAR' });
    expect(keptValues(after)).toEqual([
      { customFieldId: 'cf-po', value: 'PO-4711' },
      { customFieldId: 'cf-billable-to', value: ['ACME'] },
    ]);
    expect(core.snapshot().recent.find((e) => e.serverId === original.id)).toMatchObject({ sync: 'synced', customFields: view.customFields });
  });

  it('changing what the running timer is about keeps its custom field values', async () => {
    const { core, clock, settled } = await ready();
    core.startTimer(draft({ description: 'Call' }));
    await settled();
    const running = onServer('Call')!;
    running.customFieldValues = [{ customFieldId: 'cf-po', timeEntryId: running.id, value: 'PO-9', name: null, type: null }];
    await clock.advance(10 * 60_000);
    core.setWindowVisible(true); // reconciliation reads the values the web app added
    await settled();
    core.updateRunningEntry(draft({ description: 'Call with ACME' }));
    await settled();
    expect(keptValues(onServer('Call with ACME'))).toEqual([{ customFieldId: 'cf-po', value: 'PO-9' }]);
  });

  it('an edit of a break keeps it a break', async () => {
    const original = decorate('Expense report', { type: 'BREAK' });
    const { core, settled } = await ready();
    const view = core.snapshot().recent.find((e) => e.serverId === original.id)!;
    expect(view.type).toBe('BREAK');
    core.updateEntry(view.key, { ...view, description: 'Lunch' }, { start: view.start, end: view.end! });
    await settled();
    expect(suite.fake.state.timeEntries.find((e) => e.id === original.id)).toMatchObject({ description: 'Lunch', type: 'BREAK' });
    expect(keptValues(suite.fake.state.timeEntries.find((e) => e.id === original.id))).toHaveLength(2);
  });

  it('a delete undone after it was sent brings the custom field values back', async () => {
    const original = decorate('Logo sketches');
    const { core, settled } = await ready();
    const view = core.snapshot().recent.find((e) => e.serverId === original.id)!;
    core.deleteEntry(view.key);
    await settled();
    core.undoDeleteEntry(view.key);
    await settled();
    expect(writes()).toEqual(['DELETE 204', 'POST 201']);
    expect(keptValues(onServer('Logo sketches'))).toEqual(keptValues(original));
  });
});

describe('entry types', () => {
  it('a break is not continued; holidays and time off are neither continued, edited nor deleted', async () => {
    const breakEntry = decorate('Expense report', { type: 'BREAK' });
    const holiday = decorate('Logo sketches', { type: 'HOLIDAY' });
    const { core, settled } = await ready();
    const key = (id: string) => core.snapshot().recent.find((e) => e.serverId === id)!.key;
    expect(core.continueEntry(key(breakEntry.id))).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not work to continue/) } });
    expect(core.continueEntry(key(holiday.id))).toMatchObject({ ok: false });
    const view = core.snapshot().recent.find((e) => e.serverId === holiday.id)!;
    expect(core.updateEntry(view.key, { ...view, description: 'x' }, { start: view.start, end: view.end! })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/time off in Clockify/) } });
    expect(core.deleteEntry(view.key)).toMatchObject({ ok: false });
    await settled();
    expect(writes()).toEqual([]);
    expect(core.snapshot().timer.status).toBe('idle');
  });
});

describe('a refused read of an entry is not a deletion (400 code 501 also means Access Denied)', () => {
  const accessDenied = JSON.stringify({ message: 'Access Denied', code: 501 });
  const oneEntry = /\/time-entries\/[0-9a-f]{24}$/;

  async function stoppedElsewhere() {
    const under = await ready();
    under.core.startTimer(draft({ description: 'Stopped on the phone' }));
    await under.settled();
    const entry = onServer('Stopped on the phone')!;
    entry.end = iso(under.clock.now() + 60_000);
    await under.clock.advance(30_000);
    return { ...under, entry };
  }

  it('keeps the entry, taken from the entries list, when the read answers 400 Access Denied', async () => {
    const { core, settled, entry } = await stoppedElsewhere();
    suite.fake.addFault({ kind: 'status', status: 400, body: accessDenied, count: Infinity, match: { method: 'GET', path: oneEntry } });
    core.setWindowVisible(true);
    await settled();
    expect(core.snapshot().timer.status).toBe('idle');
    expect(core.snapshot().recent.find((e) => e.serverId === entry.id)).toMatchObject({ description: 'Stopped on the phone', end: entry.end });
  });

  it('keeps the local copy and says why when the list is refused too', async () => {
    const { core, settled, entry, notices } = await stoppedElsewhere();
    suite.fake.addFault({ kind: 'status', status: 400, body: accessDenied, count: Infinity, match: { method: 'GET', path: oneEntry } });
    const list = /\/user\/[0-9a-f]{24}\/time-entries$/;
    suite.fake.addFault({ kind: 'latency', ms: 0, match: { method: 'GET', path: list } }); // the running-timer check passes
    suite.fake.addFault({ kind: 'status', status: 403, body: accessDenied, count: Infinity, match: { method: 'GET', path: list } });
    core.setWindowVisible(true);
    await settled();
    const kept = [core.snapshot().timer, ...core.snapshot().recent].some((view) => 'entry' in view ? view.entry.serverId === entry.id : (view as { serverId?: string }).serverId === entry.id);
    expect(kept).toBe(true);
    expect(notices.map((n) => n.text)).toContainEqual(expect.stringMatching(/would not show “Stopped on the phone” \(40[03]: Access Denied\)/));
  });

  it('drops the entry when the read is refused and the list confirms it is gone', async () => {
    const { core, settled, entry } = await stoppedElsewhere();
    suite.fake.state.timeEntries.splice(suite.fake.state.timeEntries.indexOf(entry), 1);
    core.setWindowVisible(true);
    await settled();
    expect(core.snapshot().timer.status).toBe('idle');
    expect(core.snapshot().recent.some((e) => e.serverId === entry.id)).toBe(false);
  });

  it('a delete answered 400 Access Denied while the entry is still listed stays visible with the reason', async () => {
    const { core, settled } = await ready();
    const view = core.snapshot().recent.find((e) => e.description === 'Logo sketches')!;
    suite.fake.addFault({ kind: 'status', status: 400, body: accessDenied, count: Infinity, match: { method: 'DELETE' } });
    core.deleteEntry(view.key);
    await settled();
    expect(core.snapshot().recent.find((e) => e.key === view.key)).toMatchObject({ sync: 'attention', problem: expect.stringMatching(/Access Denied/) });
  });

  it('a delete answered 400 for an entry already gone is done', async () => {
    const { core, settled } = await ready();
    const view = core.snapshot().recent.find((e) => e.description === 'Logo sketches')!;
    suite.fake.state.timeEntries.splice(suite.fake.state.timeEntries.findIndex((e) => e.id === view.serverId), 1);
    core.deleteEntry(view.key);
    await settled();
    expect(writes()).toEqual(['DELETE 400']);
    expect(core.snapshot().recent.some((e) => e.key === view.key)).toBe(false);
    expect(core.snapshot().sync).toMatchObject({ pending: 0, attention: [] });
  });
});
