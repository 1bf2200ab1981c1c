// The outbox on its own, with a scripted Clockify: what it sends and in which order, what it waits
// for, what it concludes from each answer (lost answers, refusals, a key refused), and what it says.
// (The core's tests and e2e/reliability run the same outbox against the fake Clockify over HTTP.)
import { describe, expect, it } from 'vitest';
import { ClockifyError, type ClockifyErrorKind } from '../clockify/errors';
import { timeEntrySchema, type TimeEntry } from '../clockify/schemas';
import { FakeClock } from '../../e2e/support/fake-clock';
import { EntryStore } from './entry-store';
import type { EntryFields, Intent } from './intents';
import type { JournalData } from './journal';
import { Outbox, type EntriesApi, type OutboxStatus } from './outbox';
import { fromClockify } from './server-entry';

const START = Date.parse('2026-03-10T09:00:00Z');
const SEC = 1000;
const W = 'w1';
const OURS = 'a'.repeat(24);
const OTHER = 'b'.repeat(24);
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

const entry = (id: string, over: Partial<TimeEntry> & { start?: string; end?: string | null } = {}): TimeEntry => {
  const { start = '2026-03-10T08:00:00Z', end = '2026-03-10T08:30:00Z', ...rest } = over;
  return timeEntrySchema.parse({ id, userId: 'u', workspaceId: W, description: 'Report', timeInterval: { start, end }, ...rest });
};
const fields = (over: Partial<EntryFields> = {}): EntryFields => ({
  workspaceId: W,
  description: 'Report',
  projectId: null,
  taskId: null,
  tagIds: [],
  billable: false,
  start: '2026-03-10T08:00:00Z',
  end: '2026-03-10T08:30:00Z',
  type: 'REGULAR',
  customFields: [],
  ...over,
});
const create = (id: string, key: string, over: Partial<EntryFields> = {}, extra: Partial<Intent> = {}): Intent => ({ id, key, workspaceId: over.workspaceId ?? W, at: 0, kind: 'create', fields: fields(over), ...extra }) as Intent;
const stop = (id: string, key: string, extra: Partial<Intent> = {}): Intent => ({ id, key, workspaceId: W, at: 0, kind: 'stop', end: '2026-03-10T09:00:00Z', ...extra }) as Intent;
const update = (id: string, key: string): Intent => ({ id, key, workspaceId: W, at: 0, kind: 'update', fields: fields({ description: 'Edited' }) });
const remove = (id: string, key: string): Intent => ({ id, key, workspaceId: W, at: 0, kind: 'delete' });
const failure = (kind: ClockifyErrorKind, over: { status?: number; serverMessage?: string; outcomeUnknown?: boolean } = {}) => new ClockifyError({ kind, method: 'POST', path: '/x', ...over });

type Method = 'create' | 'stop' | 'update' | 'delete' | 'get' | 'list';
type Answer = () => TimeEntry | TimeEntry[] | void;

/** An outbox over a real entry store, with Clockify answering from per-method scripts (any other call fails the test). */
function outbox(journal: JournalData, server: TimeEntry[] = [], options: { grace?: number } = {}) {
  const clock = new FakeClock(START);
  const store = new EntryStore({ load: () => ({ status: 'ok', value: journal }), save: () => undefined }, journal, () => undefined);
  store.setActiveAccount('lena');
  store.restoreServer(server.map(fromClockify), W);
  const script: Record<Method, Answer[]> = { create: [], stop: [], update: [], delete: [], get: [], list: [] };
  const calls: string[] = [];
  const answer = (method: Method, what: string) => {
    calls.push(what);
    const next = script[method].shift();
    if (!next) throw new Error(`unexpected ${what}`);
    return next();
  };
  const api: EntriesApi = {
    createTimeEntry: async (_w, request) => answer('create', `create ${request.description}`) as TimeEntry,
    stopRunningEntry: async (_w, _u, end) => answer('stop', `stop at ${iso(end.getTime())}`) as TimeEntry,
    updateTimeEntry: async (_w, id, request) => answer('update', `update ${id} ${request.description}`) as TimeEntry,
    deleteTimeEntry: async (_w, id) => void answer('delete', `delete ${id}`),
    getTimeEntry: async (_w, id) => answer('get', `get ${id}`) as TimeEntry,
    listMyTimeEntries: async (_w, _u, filters) => answer('list', `list ${filters?.start?.toISOString()}..${filters?.end?.toISOString()}${filters?.description !== undefined ? ` "${filters.description}"` : ''}`) as TimeEntry[],
  };
  let connected = true;
  const statuses: OutboxStatus[] = [];
  const box = new Outbox({ entries: store.scope('lena'), connection: () => (connected ? { api, userId: 'u' } : null), clock, onStatus: (status) => statuses.push(status), random: () => 0.5, uncertainGraceMs: options.grace });
  const on = (method: Method, ...answers: Answer[]) => script[method].push(...answers);
  return {
    box,
    store,
    clock,
    calls,
    statuses,
    on,
    disconnect: () => (connected = false),
    /** Sends what is pending and lets the worker pause. */
    send: async () => {
      await box.kick();
      await box.idle();
    },
    pending: () => store.intents.map((intent) => `${intent.id}${intent.problem ? ` (${intent.problem.status}) ${intent.problem.reason}` : ''}${intent.uncertainSince !== undefined ? ` uncertain since +${(intent.uncertainSince - START) / SEC}s` : ''}`),
    view: (key: string) => store.find(key),
  };
}
const thrown = (error: Error): Answer => () => {
  throw error;
};

describe('what goes first', () => {
  it('sends in order; a refused change holds back the later changes to its entry, and a refused stop holds back a new timer in its workspace only', async () => {
    const refusedStop = stop('i1', OURS, { problem: { reason: 'Locked', status: 403 } });
    const box = outbox({
      intents: [
        refusedStop,
        update('i2', OURS),
        create('i3', 'l-timer', { end: null, description: 'Next timer' }),
        create('i4', 'l-added', { description: 'Added' }),
        // Only a refused stop holds back a timer: a refused edit in w2 does not.
        { ...update('i6', OTHER), workspaceId: 'w2', problem: { reason: 'Archived project', status: 400 } },
        create('i5', 'l-there', { end: null, workspaceId: 'w2', description: 'Elsewhere' }),
      ],
      ids: {},
    }, [entry(OURS, { end: null })]);
    box.on('create', () => entry('c'.repeat(24), { description: 'Added' }), () => entry('d'.repeat(24), { description: 'Elsewhere', workspaceId: 'w2', end: null }));
    await box.send();
    expect(box.calls).toEqual(['create Added', 'create Elsewhere']);
    expect(box.store.intents.map((intent) => intent.id)).toEqual(['i1', 'i2', 'i3', 'i6']);
  });

  it('sends nothing while signed out, or once closed; a retry waiting is cancelled by close', async () => {
    const box = outbox({ intents: [create('i1', 'l-1')], ids: {} });
    box.disconnect();
    await box.send();
    expect(box.calls).toEqual([]);

    const closing = outbox({ intents: [create('i1', 'l-1')], ids: {} });
    closing.on('create', thrown(failure('network')));
    await closing.send();
    expect(closing.calls).toHaveLength(1);
    closing.box.close();
    await closing.clock.advance(10 * 60 * SEC);
    await closing.send();
    expect(closing.calls).toHaveLength(1);
    expect(closing.pending()).toEqual(['i1']);
  });

  it('idle() waits for the change being sent', async () => {
    const box = outbox({ intents: [create('i1', 'l-1')], ids: {} });
    box.on('create', () => entry('c'.repeat(24)));
    void box.box.kick();
    await box.box.idle();
    expect(box.pending()).toEqual([]);
    expect(box.view('l-1')?.sync).toBe('synced');
  });
});

describe('failures and what is said', () => {
  it('offline: says so once per change of state, retries with growing waits (half to all of 1, 2, 4 … s, at most a minute), and is back online when one goes', async () => {
    const box = outbox({ intents: [create('i1', 'l-1')], ids: {} });
    const offline = failure('network');
    box.on('create', ...Array.from({ length: 9 }, () => thrown(offline)), () => entry('c'.repeat(24)));
    await box.send();
    // random() = 0.5: each wait is three quarters of its ceiling: 0.75, 1.5, 3, 6, 12, 24, 45, 45, 45 s.
    const sentAt: number[] = [];
    for (const wait of [750, 1500, 3000, 6000, 12_000, 24_000, 45_000, 45_000, 45_000]) {
      await box.clock.advance(wait - 1);
      sentAt.push(box.calls.length);
      await box.clock.advance(1);
    }
    expect(sentAt).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(box.calls).toHaveLength(10);
    expect(box.box.stats.retries).toBe(9);
    expect(box.statuses).toEqual([
      { online: false, lastError: offline.userMessage, unauthorized: false },
      { online: true, lastError: null, unauthorized: false },
    ]);
    expect(box.pending()).toEqual([]);
  });

  it('a server error or a 429 keeps it online with the reason; a sent change clears the reason', async () => {
    const box = outbox({ intents: [create('i1', 'l-1'), create('i2', 'l-2')], ids: {} });
    const busy = failure('server', { status: 502 });
    const limited = failure('rate-limited', { status: 429 });
    box.on('create', thrown(busy), thrown(limited), () => entry('c'.repeat(24)), () => entry('d'.repeat(24)));
    await box.send();
    await box.clock.advance(750);
    await box.clock.advance(1500);
    expect(box.statuses).toEqual([
      { online: true, lastError: busy.userMessage, unauthorized: false },
      { online: true, lastError: limited.userMessage, unauthorized: false },
      { online: true, lastError: null, unauthorized: false },
    ]);
    expect(box.pending()).toEqual([]);
  });

  it('waits as long as Clockify asked (Retry-After beyond what the client waits for itself), not its own short backoff', async () => {
    const box = outbox({ intents: [create('i1', 'l-1')], ids: {} });
    const limited = new ClockifyError({ kind: 'rate-limited', method: 'POST', path: '/x', status: 429, retryAfterMs: 120_000 });
    const busy = new ClockifyError({ kind: 'server', method: 'POST', path: '/x', status: 503, retryAfterMs: 90_000 });
    // A stray wait of hours is kept to for a quarter of an hour at most.
    const hours = new ClockifyError({ kind: 'rate-limited', method: 'POST', path: '/x', status: 429, retryAfterMs: 3 * 3_600_000 });
    box.on('create', thrown(limited), thrown(busy), thrown(hours), () => entry('c'.repeat(24)));
    await box.send();
    for (const [wait, calls] of [[120_000, 2], [90_000, 3], [15 * 60_000, 4]] as const) {
      await box.clock.advance(wait - 1);
      expect(box.calls).toHaveLength(calls - 1);
      await box.clock.advance(1);
      expect(box.calls).toHaveLength(calls);
    }
    expect(box.pending()).toEqual([]);
  });

  it('a refused key stops the sending, with no retry, until kicked again (after signing in)', async () => {
    const box = outbox({ intents: [create('i1', 'l-1')], ids: {} });
    const refusedKey = failure('unauthorized', { status: 401 });
    box.on('create', thrown(refusedKey), () => entry('c'.repeat(24)));
    await box.send();
    expect(box.statuses).toEqual([{ online: true, lastError: refusedKey.userMessage, unauthorized: true }]);
    await box.clock.advance(10 * 60 * SEC);
    expect(box.calls).toHaveLength(1);
    expect(box.pending()).toEqual(['i1']);
    await box.send();
    expect(box.pending()).toEqual([]);
    expect(box.statuses.at(-1)).toEqual({ online: true, lastError: null, unauthorized: false });
  });

  it('a refusal stays with the change, in words that say what to do, and the next change goes', async () => {
    const ids = [OURS, OTHER, 'c'.repeat(24), 'd'.repeat(24), 'e'.repeat(24)];
    const box = outbox({ intents: ids.map((id, i) => update(`i${i + 1}`, id)), ids: {} }, ids.map((id) => entry(id)));
    box.on(
      'update',
      thrown(failure('locked', { status: 403, serverMessage: 'Entry is locked' })),
      thrown(failure('forbidden', { status: 403 })),
      thrown(failure('rejected', { status: 400, serverMessage: 'Project is archived' })),
      thrown(failure('not-found')),
      thrown(new TypeError('boom')),
    );
    await box.send();
    expect(box.pending()).toEqual([
      'i1 (403) Edit entry refused: the entry is locked (403): Entry is locked. Ask an admin to unlock it, or discard the change.',
      'i2 (403) Edit entry refused: no permission (403). Discard the change or ask an admin.',
      'i3 (400) Edit entry refused by Clockify (400): Project is archived. Fix the entry and it is sent again, or discard the change.',
      'i4 (null) Edit entry refused by Clockify (?). Fix the entry and it is sent again, or discard the change.',
      'i5 (null) Edit entry failed: TypeError: boom',
    ]);
    expect(box.box.stats.refused).toBe(5);
    expect(box.statuses).toEqual([]);
  });
});

describe('a change to an entry the server never had', () => {
  it('a stop, an edit or a delete of an entry with no server id is done: nothing is sent', async () => {
    const box = outbox({ intents: [stop('i1', 'l-gone'), update('i2', 'l-gone'), remove('i3', 'l-gone')], ids: {} });
    await box.send();
    expect(box.calls).toEqual([]);
    expect(box.pending()).toEqual([]);
    expect(box.box.stats.sent).toBe(3);
  });
});

describe('a create whose answer was lost', () => {
  it('is marked uncertain before it is sent, and the mark stays only when the outcome is unknown', async () => {
    const box = outbox({ intents: [create('i1', 'l-1'), create('i2', 'l-2')], ids: {} });
    box.on('create', thrown(failure('rejected', { status: 400 })), thrown(failure('network', { outcomeUnknown: true })));
    await box.send();
    expect(box.pending()).toEqual(['i1 (400) Add entry refused by Clockify (400). Fix the entry and it is sent again, or discard the change.', 'i2 uncertain since +0s']);
  });

  it('waits out the grace (no request), then adopts the entry it made: same description, end or not, start within a minute, not claimed by another create', async () => {
    const start = Date.parse('2026-03-10T08:00:00Z');
    const box = outbox({ intents: [create('i1', 'l-1', {}, { uncertainSince: START - 10 * SEC })], ids: { 'l-claimed': 'c'.repeat(24) } });
    await box.send();
    expect(box.calls).toEqual([]);
    await box.clock.advance(20 * SEC - 1);
    expect(box.calls).toEqual([]);
    box.on('list', () => [
      entry('c'.repeat(24)), // claimed by another create made here
      entry('d'.repeat(24), { start: iso(start + 60 * SEC + SEC) }), // too far
      entry('e'.repeat(24), { description: 'Other' }),
      entry('f'.repeat(24), { end: null }), // running, ours was finished
      entry(OURS, { start: iso(start - 60 * SEC) }),
    ]);
    await box.clock.advance(1);
    expect(box.calls).toEqual(['list 2026-03-09T00:00:00.000Z..2026-03-12T00:00:00.000Z "Report"']);
    expect(box.pending()).toEqual([]);
    expect(box.view('l-1')).toMatchObject({ serverId: OURS, sync: 'synced' });
    expect(box.box.stats).toMatchObject({ adopted: 1, sent: 1, retries: 0 });
  });

  it('a timer is adopted only from a running entry; with no description the list is not filtered; not found, it is sent again', async () => {
    const box = outbox({ intents: [create('i1', 'l-1', { end: null, description: '' }, { uncertainSince: START - 60 * SEC })], ids: {} }, [], { grace: 30 * SEC });
    box.on('list', () => [entry(OURS, { description: '' })]);
    box.on('create', () => entry(OTHER, { description: '', end: null }));
    await box.send();
    expect(box.calls).toEqual(['list 2026-03-09T00:00:00.000Z..2026-03-12T00:00:00.000Z', 'create ']);
    expect(box.view('l-1')).toMatchObject({ serverId: OTHER });
    expect(box.box.stats.adopted).toBe(0);
  });
});

describe('a stop', () => {
  const running = () => entry(OURS, { end: null });

  it('takes the stopped entry as the answer when it is ours', async () => {
    const box = outbox({ intents: [stop('i1', OURS)], ids: {} }, [running()]);
    box.on('stop', () => entry(OURS, { end: '2026-03-10T09:00:00Z' }));
    await box.send();
    expect(box.calls).toEqual(['stop at 2026-03-10T09:00:00Z']);
    expect(box.view(OURS)).toMatchObject({ end: '2026-03-10T09:00:00Z', sync: 'synced' });
  });

  it('stopped another timer (ours was stopped elsewhere): keeps that one as the server says, and reads ours', async () => {
    const box = outbox({ intents: [stop('i1', OURS)], ids: {} }, [running()]);
    box.on('stop', () => entry(OTHER, { description: 'Started on the web', start: '2026-03-10T08:45:00Z', end: '2026-03-10T09:00:00Z' }));
    box.on('get', () => entry(OURS, { end: '2026-03-10T08:40:00Z' }));
    await box.send();
    expect(box.calls).toEqual(['stop at 2026-03-10T09:00:00Z', `get ${OURS}`]);
    expect(box.view(OURS)).toMatchObject({ end: '2026-03-10T08:40:00Z' });
    expect(box.view(OTHER)).toMatchObject({ description: 'Started on the web', end: '2026-03-10T09:00:00Z' });
  });

  it('nothing running (404): reads ours; any other failure is the stop’s', async () => {
    const box = outbox({ intents: [stop('i1', OURS)], ids: {} }, [running()]);
    box.on('stop', thrown(failure('not-found', { status: 404 })));
    box.on('get', () => entry(OURS, { end: '2026-03-10T08:40:00Z' }));
    await box.send();
    expect(box.view(OURS)).toMatchObject({ end: '2026-03-10T08:40:00Z', sync: 'synced' });

    const refused = outbox({ intents: [stop('i1', OURS)], ids: {} }, [running()]);
    refused.on('stop', thrown(failure('forbidden', { status: 403 })));
    await refused.send();
    expect(refused.calls).toEqual(['stop at 2026-03-10T09:00:00Z']);
    expect(refused.pending()).toEqual(['i1 (403) Stop timer refused: no permission (403). Discard the change or ask an admin.']);
  });

  it('whose answer was lost: after the grace, reads the entry; ended or gone is done, still running is stopped again', async () => {
    const ended = outbox({ intents: [stop('i1', OURS, { uncertainSince: START })], ids: {} }, [running()]);
    await ended.send();
    expect(ended.calls).toEqual([]);
    ended.on('get', () => entry(OURS, { end: '2026-03-10T09:00:00Z' }));
    await ended.clock.advance(30 * SEC);
    expect(ended.calls).toEqual([`get ${OURS}`]);
    expect(ended.view(OURS)).toMatchObject({ end: '2026-03-10T09:00:00Z', sync: 'synced' });
    expect(ended.box.stats.adopted).toBe(1);

    const gone = outbox({ intents: [stop('i1', OURS, { uncertainSince: START - 60 * SEC })], ids: {} }, [running()]);
    gone.on('get', thrown(failure('rejected', { status: 400 })));
    gone.on('list', () => []);
    await gone.send();
    expect(gone.view(OURS)).toBeUndefined();
    expect(gone.pending()).toEqual([]);

    const still = outbox({ intents: [stop('i1', OURS, { uncertainSince: START - 60 * SEC })], ids: {} }, [running()]);
    still.on('get', () => running());
    still.on('stop', () => entry(OURS, { end: '2026-03-10T09:00:00Z' }));
    await still.send();
    expect(still.calls).toEqual([`get ${OURS}`, 'stop at 2026-03-10T09:00:00Z']);
    expect(still.box.stats.adopted).toBe(0);
  });

  it('of an entry known only by its key reads it directly; one known from the server is looked for around its start when the read is refused', async () => {
    // Its create was confirmed, but its server copy is not loaded (after a restart).
    const unknownStart = outbox({ intents: [stop('i1', 'l-1', { uncertainSince: START - 60 * SEC })], ids: { 'l-1': OURS } });
    unknownStart.on('get', () => entry(OURS, { end: '2026-03-10T08:50:00Z' }));
    await unknownStart.send();
    expect(unknownStart.calls).toEqual([`get ${OURS}`]);
    expect(unknownStart.pending()).toEqual([]);

    const listed = outbox({ intents: [stop('i1', OURS, { uncertainSince: START - 60 * SEC })], ids: {} }, [entry(OURS, { start: '2026-03-07T23:30:00Z', end: null })]);
    listed.on('get', thrown(failure('rejected', { status: 400, serverMessage: 'Access Denied' })));
    listed.on('list', () => [entry(OURS, { start: '2026-03-07T23:30:00Z', end: '2026-03-08T01:00:00Z' })]);
    await listed.send();
    expect(listed.calls).toEqual([`get ${OURS}`, 'list 2026-03-06T00:00:00.000Z..2026-03-09T00:00:00.000Z']);
    expect(listed.view(OURS)).toMatchObject({ end: '2026-03-08T01:00:00Z' });
  });
});

describe('a delete', () => {
  it('a 400 is "already gone" only when the list agrees; listed, or of unknown start, it is refused; any other refusal is kept', async () => {
    const gone = outbox({ intents: [remove('i1', OURS)], ids: {} }, [entry(OURS)]);
    gone.on('delete', thrown(failure('rejected', { status: 400 })));
    gone.on('list', () => [entry(OTHER)]);
    await gone.send();
    expect(gone.calls).toEqual([`delete ${OURS}`, 'list 2026-03-09T00:00:00.000Z..2026-03-12T00:00:00.000Z']);
    expect([gone.pending(), gone.view(OURS)]).toEqual([[], undefined]);

    const listed = outbox({ intents: [remove('i1', OURS)], ids: {} }, [entry(OURS)]);
    listed.on('delete', thrown(failure('rejected', { status: 400, serverMessage: 'Access Denied' })));
    listed.on('list', () => [entry(OURS)]);
    await listed.send();
    expect(listed.pending()).toEqual(['i1 (400) Delete entry refused by Clockify (400): Access Denied. Fix the entry and it is sent again, or discard the change.']);

    const unknownStart = outbox({ intents: [remove('i1', 'l-1')], ids: { 'l-1': OURS } });
    unknownStart.on('delete', thrown(failure('rejected', { status: 400 })));
    await unknownStart.send();
    expect(unknownStart.calls).toEqual([`delete ${OURS}`]);
    expect(unknownStart.pending()).toHaveLength(1);

    const forbidden = outbox({ intents: [remove('i1', OURS)], ids: {} }, [entry(OURS)]);
    forbidden.on('delete', thrown(failure('forbidden', { status: 403 })));
    await forbidden.send();
    expect(forbidden.calls).toEqual([`delete ${OURS}`]);
    expect(forbidden.pending()).toEqual(['i1 (403) Delete entry refused: no permission (403). Discard the change or ask an admin.']);
  });
});
