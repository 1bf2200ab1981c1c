// The reconciler without a server: what it adopts from Clockify's running entry, what it tells the
// user, when it stays out of the way, and the schedule it keeps (30 s / 2 min, doubling to 10 min;
// other workspaces every 5 min at most).
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../e2e/support/fake-clock';
import { ClockifyError, type ClockifyErrorInit } from '../clockify/errors';
import { timeEntrySchema, type TimeEntry } from '../clockify/schemas';
import { EntryStore } from './entry-store';
import type { Intent } from './intents';
import { Reconciler, type ReconcileApi } from './reconciler';
import { fromClockify } from './server-entry';

const OURS = 'a'.repeat(24);
const THEIRS = 'b'.repeat(24);
const START = '2026-11-30T09:00:00Z';

const entry = (over: Partial<TimeEntry> & { end?: string | null } = {}): TimeEntry => {
  const { end = null, ...rest } = over;
  return timeEntrySchema.parse({ id: OURS, userId: 'u', workspaceId: 'w', description: 'Writing', timeInterval: { start: START, end }, ...rest });
};
const refusal = (init: Partial<ClockifyErrorInit>) => new ClockifyError({ kind: 'forbidden', method: 'GET', path: '/x', ...init });
const stopIntent = (problem?: Intent['problem']): Intent => ({ id: 'i1', key: OURS, workspaceId: 'w', accountId: 'lena', at: 0, kind: 'stop', end: '2026-11-30T10:00:00Z', ...(problem ? { problem } : {}) });

/** A reconciler over a real entry store; `running` is what Clockify says runs, `read` answers a GET of one entry. */
function setUp(options: { local?: TimeEntry[]; intents?: Intent[]; connected?: boolean; elsewhere?: boolean } = {}) {
  const clock = new FakeClock('2026-11-30T10:00:00Z');
  const entries = new EntryStore({ load: () => ({ status: 'ok', value: { intents: [], ids: {} } }), save: () => undefined }, { intents: options.intents ?? [], ids: {} }, () => undefined);
  entries.setActiveAccount('lena');
  entries.restoreServer((options.local ?? []).map(fromClockify), 'w');
  const notices: string[] = [];
  const calls: string[] = [];
  const server = {
    running: (): Promise<TimeEntry | null> => Promise.resolve(null),
    read: (): Promise<TimeEntry> => Promise.resolve(entry({ end: '2026-11-30T09:45:00Z' })),
    list: (): Promise<TimeEntry[]> => Promise.resolve([]),
  };
  const api: ReconcileApi = {
    getRunningEntry: (workspaceId, userId) => {
      calls.push(`running ${workspaceId} ${userId}`);
      return server.running();
    },
    getTimeEntry: (_workspaceId, id) => {
      calls.push(`read ${id}`);
      return server.read();
    },
    listMyTimeEntries: () => server.list(),
  };
  const reconciler = new Reconciler({
    entries,
    clock,
    connection: () => (options.connected === false ? null : { api, userId: 'u', workspaceId: 'w' }),
    notify: (text) => void notices.push(text),
    ...(options.elsewhere
      ? {
          elsewhere: async () => {
            calls.push('elsewhere');
          },
        }
      : {}),
  });
  return { clock, entries, notices, calls, server, reconciler };
}

const running = (entries: EntryStore) => entries.view().filter((view) => view.end === null).map((view) => [view.serverId, view.description]);

describe('Reconciler.reconcile', () => {
  it('adopts what changed on the server, and says so when the timer was stopped or started elsewhere', async () => {
    const cases: { name: string; local: TimeEntry[]; remote: TimeEntry | null; outcome: string; running: unknown[]; notices: string[]; reads: number }[] = [
      { name: 'nothing anywhere', local: [], remote: null, outcome: 'unchanged', running: [], notices: [], reads: 0 },
      { name: 'the same timer, as it was', local: [entry()], remote: entry(), outcome: 'unchanged', running: [[OURS, 'Writing']], notices: [], reads: 0 },
      {
        name: 'the same timer, as it was, after an earlier entry',
        local: [entry({ id: THEIRS, description: 'Call', end: '2026-11-30T09:00:00Z' }), entry()],
        remote: entry(),
        outcome: 'unchanged',
        running: [[OURS, 'Writing']],
        notices: [],
        reads: 0,
      },
      { name: 'the same timer, renamed on the web', local: [entry()], remote: entry({ description: 'Editing' }), outcome: 'changed', running: [[OURS, 'Editing']], notices: [], reads: 0 },
      {
        name: 'ours stopped on the web',
        local: [entry()],
        remote: null,
        outcome: 'changed',
        running: [],
        notices: ['"Writing" was stopped in Clockify; the app shows it stopped too.'],
        reads: 1,
      },
      {
        name: 'ours, without a description, stopped on the web',
        local: [entry({ description: '' })],
        remote: null,
        outcome: 'changed',
        running: [],
        notices: ['"Timer" was stopped in Clockify; the app shows it stopped too.'],
        reads: 1,
      },
      {
        name: 'another timer started on the web (ours stopped by it)',
        local: [entry()],
        remote: entry({ id: THEIRS, description: 'Call' }),
        outcome: 'changed',
        running: [[THEIRS, 'Call']],
        notices: ['A timer started elsewhere is now shown here: "Call".'],
        reads: 1,
      },
      {
        name: 'a timer without a description started on the web',
        local: [],
        remote: entry({ id: THEIRS, description: '' }),
        outcome: 'changed',
        running: [[THEIRS, '']],
        notices: ['A timer started elsewhere is now shown here: "no description".'],
        reads: 0,
      },
      // Not ours to compare: a stopped entry, and a timer shown in another workspace.
      { name: 'only a stopped entry here', local: [entry({ end: '2026-11-30T09:30:00Z' })], remote: null, outcome: 'unchanged', running: [], notices: [], reads: 0 },
    ];
    for (const c of cases) {
      const { entries, notices, calls, server, reconciler } = setUp({ local: c.local });
      server.running = () => Promise.resolve(c.remote);
      expect(await reconciler.reconcile(), c.name).toBe(c.outcome);
      expect(running(entries), c.name).toEqual(c.running);
      expect(notices, c.name).toEqual(c.notices);
      expect(calls.filter((call) => call.startsWith('read')).length, c.name).toBe(c.reads);
      expect(calls[0], c.name).toBe('running w u');
    }
  });

  it('leaves a timer running in another workspace alone', async () => {
    const { entries, notices, reconciler } = setUp();
    entries.restoreServer([fromClockify(entry({ workspaceId: 'w2', description: 'Elsewhere' }))], 'w2');
    expect(await reconciler.reconcile()).toBe('unchanged');
    expect(running(entries)).toEqual([[OURS, 'Elsewhere']]);
    expect(notices).toEqual([]);
  });

  it('skips without asking while signed out or while a change waits to be sent; a change stuck on a problem does not hold it back', async () => {
    const signedOut = setUp({ connected: false });
    expect(await signedOut.reconciler.reconcile()).toBe('skipped');
    const pending = setUp({ local: [entry()], intents: [stopIntent()] });
    expect(await pending.reconciler.reconcile()).toBe('skipped');
    expect([...signedOut.calls, ...pending.calls]).toEqual([]);
    const stuck = setUp({ local: [entry()], intents: [stopIntent({ reason: 'Locked', status: 403 })] });
    stuck.server.running = () => Promise.resolve(entry({ description: 'Editing' }));
    expect(await stuck.reconciler.reconcile()).toBe('changed');
    expect(stuck.calls).toEqual(['running w u']);
  });

  it('drops the answer when the user acted while it was on its way (pending changes win); a stuck change does not count', async () => {
    for (const [intent, outcome] of [
      [stopIntent(), 'skipped'],
      [stopIntent({ reason: 'Locked', status: 403 }), 'changed'],
    ] as const) {
      const { entries, server, reconciler } = setUp({ local: [entry()] });
      server.running = async () => {
        entries.enqueue(intent);
        return entry({ description: 'Editing' });
      };
      expect(await reconciler.reconcile()).toBe(outcome);
      expect(entries.serverEntries().map((e) => e.description)).toEqual([outcome === 'skipped' ? 'Writing' : 'Editing']);
    }
  });

  it('fails quietly when Clockify cannot be reached, and asks once for calls made meanwhile', async () => {
    const { calls, notices, server, reconciler } = setUp({ local: [entry()] });
    server.running = () => Promise.reject(refusal({ kind: 'network' }));
    const [first, second] = await Promise.all([reconciler.reconcile(), reconciler.reconcile()]);
    expect([first, second]).toEqual(['failed', 'failed']);
    expect(calls).toEqual(['running w u']);
    expect(notices).toEqual([]);
  });

  it('says once per entry why a refused read keeps the local copy; other failures are not told', async () => {
    const cases: { error: ClockifyError; description: string; notice: string | null }[] = [
      { error: refusal({ status: 403, serverMessage: 'Access Denied' }), description: 'Writing', notice: 'Clockify would not show “Writing” (403: Access Denied); the app keeps it as it was.' },
      { error: refusal({ kind: 'not-found', status: 404 }), description: '', notice: 'Clockify would not show “the timer” (404); the app keeps it as it was.' },
      { error: refusal({ kind: 'rejected' }), description: 'Writing', notice: 'Clockify would not show “Writing” (?); the app keeps it as it was.' },
      { error: refusal({ kind: 'server', status: 503 }), description: 'Writing', notice: null },
    ];
    for (const c of cases) {
      const { entries, notices, server, reconciler } = setUp({ local: [entry({ description: c.description })] });
      // A 400 is checked against the entries list: there it is refused too.
      server.read = () => Promise.reject(c.error);
      server.list = () => Promise.reject(c.error);
      expect(await reconciler.reconcile()).toBe('failed');
      expect(await reconciler.reconcile()).toBe('failed');
      expect(notices).toEqual(c.notice ? [c.notice] : []);
      expect(running(entries)).toEqual([[OURS, c.description]]);
    }
  });
});

describe('Reconciler schedule', () => {
  /** The moments (seconds after the start) at which Clockify was asked for the running timer. */
  async function asks(steps: (ctx: ReturnType<typeof setUp>) => Promise<void>, options: Parameters<typeof setUp>[0] = {}) {
    const ctx = setUp(options);
    const begin = ctx.clock.now();
    const at: number[] = [];
    const elsewhere: number[] = [];
    const original = ctx.calls.push.bind(ctx.calls);
    ctx.calls.push = (...items: string[]) => {
      for (const item of items) {
        const seconds = (ctx.clock.now() - begin) / 1000;
        if (item === 'elsewhere') elsewhere.push(seconds);
        else if (item.startsWith('running')) at.push(seconds);
      }
      return original(...items);
    };
    await steps(ctx);
    return { at, elsewhere, ctx };
  }

  it('checks now, then every 2 minutes doubling to 10 while nothing changes; a change brings back the quick pace', async () => {
    const { at } = await asks(async ({ clock, server, reconciler }) => {
      reconciler.start();
      await clock.advance(1_000_000);
      server.running = () => Promise.resolve(entry({ id: THEIRS }));
      await clock.advance(700_000);
      reconciler.stop();
      await clock.advance(3_600_000);
    });
    // The pace starts at 2 minutes and doubles at once; 960 s is cut to 10 minutes. The timer started
    // on the web is seen at 1320: the next check comes 2 minutes later, and doubles again from there.
    expect(at).toEqual([0, 240, 720, 1320, 1440, 1680]);
  });

  it('checks at once when a window opens (unless it checked in the last 30 s), then from 30 s on while it shows', async () => {
    const { at } = await asks(async ({ clock, reconciler }) => {
      reconciler.setVisible(true); // not started yet: nothing to speed up
      reconciler.setVisible(false);
      await clock.advance(10_000);
      reconciler.start();
      await clock.advance(29_000);
      reconciler.setVisible(true); // checked 29 s ago
      await clock.advance(1_000);
      reconciler.setVisible(true); // already showing
      await clock.advance(20_000);
      reconciler.setVisible(false);
      await clock.advance(40_000);
      reconciler.setVisible(true);
      await clock.advance(200_000);
      reconciler.stop();
    });
    // Opened at 100: checks at once, then 60 s and 120 s later (the 30 s pace, doubling).
    expect(at).toEqual([10, 100, 160, 280]);
    const exactly = await asks(async ({ clock, reconciler }) => {
      reconciler.start();
      await clock.advance(30_000);
      reconciler.setVisible(true);
      await clock.advance(0);
      reconciler.stop();
    });
    expect(exactly.at).toEqual([0, 30]);
  });

  it('looks in the other workspaces at most every 5 minutes, and not while Clockify cannot be reached', async () => {
    const { elsewhere, at } = await asks(
      async ({ clock, server, reconciler }) => {
        reconciler.start(); // the account's load has just looked there
        await clock.advance(300_000);
        reconciler.setVisible(true);
        await clock.advance(1_000);
        server.running = () => Promise.reject(refusal({ kind: 'network' }));
        await clock.advance(699_000);
        server.running = () => Promise.resolve(null);
        await clock.advance(600_000);
        reconciler.stop();
      },
      { elsewhere: true },
    );
    expect(at).toEqual([0, 240, 300, 360, 480, 720, 1200]);
    expect(elsewhere).toEqual([300, 1200]);
  });
});
