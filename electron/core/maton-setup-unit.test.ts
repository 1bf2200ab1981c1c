// MatonSetup on its own, against an in-memory Maton and a fake clock: how often it asks while the
// person finishes OAuth in the browser, when it gives up, what it cleans up at Maton, and what the
// person reads. The same flows through the whole core over HTTP are in maton-setup.test.ts.
import { describe, expect, it } from 'vitest';
import { FakeClock } from '../../e2e/support/fake-clock';
import { ClockifyError, type ClockifyErrorKind } from '../clockify/errors';
import type { MatonConnection } from '../clockify/maton-connections';
import { MatonSetup, type MatonConnectionsApi } from './maton-setup';

const PLACE = { gatewayUrl: 'https://gateway.example' };
const maton = (kind: ClockifyErrorKind, status?: number) => new ClockifyError({ kind, method: 'GET', path: '/connections', status, gateway: 'maton' });
const connection = (connectionId: string, status: string, url: string | null = null): MatonConnection => ({ connectionId, status, url, app: 'clockify', createdAt: null, updatedAt: null });

/** Maton's connections, and the Clockify user behind each; `fail` makes the next call of a kind throw. */
function setUp(options: { users?: Record<string, { name: string; email: string } | Error>; inUse?: string | null; addTimeoutMs?: number; url?: string | null } = {}) {
  const connections = new Map<string, MatonConnection>(Object.keys(options.users ?? {}).map((id) => [id, connection(id, 'ACTIVE')]));
  const users = { ...options.users };
  const fail: Partial<Record<keyof MatonConnectionsApi | 'browser', unknown[]>> = {};
  const calls: string[] = [];
  /** Answers held back until the test lets them go, one per call (for races). */
  const holds: Partial<Record<'list' | 'get', Promise<void>[]>> = {};
  const held = (kind: 'list' | 'get') => holds[kind]?.shift() ?? Promise.resolve();
  const next = (kind: keyof typeof fail) => {
    const error = fail[kind]?.shift();
    if (error !== undefined) throw error;
  };
  let created = 0;
  const api: MatonConnectionsApi = {
    list: () => {
      const listed = [...connections.values()];
      return held('list').then(() => (next('list'), listed));
    },
    create: () =>
      Promise.resolve().then(() => {
        next('create');
        const id = `new-${++created}`;
        const made = connection(id, 'PENDING', options.url === undefined ? `https://connect.maton.ai/?session_token=${id}` : options.url);
        connections.set(id, made);
        return made;
      }),
    get: (id) => {
      calls.push(`get ${id}`);
      return held('get').then(() => {
        next('get');
        const found = connections.get(id);
        if (!found) throw maton('not-found', 404);
        return found;
      });
    },
    remove: (id) =>
      Promise.resolve().then(() => {
        calls.push(`remove ${id}`);
        next('remove');
        if (!connections.delete(id)) throw maton('not-found', 404);
      }),
  };
  const clock = new FakeClock('2026-11-30T10:00:00Z');
  const opened: string[] = [];
  const notices: string[] = [];
  let inUse = options.inUse ?? null;
  const setup = new MatonSetup({
    connections: () => api,
    userOf: (_place, _secret, id) => {
      const user = users[id];
      return user instanceof Error ? Promise.reject(user) : user ? Promise.resolve(user) : Promise.reject(new Error(`no user for ${id}`));
    },
    openInBrowser: (url) => {
      const error = fail.browser?.shift();
      if (error !== undefined) return Promise.reject(error);
      opened.push(url);
      return Promise.resolve();
    },
    clock,
    changed: () => undefined,
    notice: (level, text) => notices.push(`${level}: ${text}`),
    inUse: () => inUse,
    addTimeoutMs: options.addTimeoutMs,
    hostOf: () => 'gateway.example',
  });
  /** The moments (ms after adding) Maton was asked about the new connection. */
  const pollTimes = async (ms: number) => {
    const at: number[] = [];
    const begin = clock.now();
    for (let t = 0; t < ms; t += 250) {
      const before = calls.length;
      await clock.advance(250);
      if (calls.slice(before).some((call) => call.startsWith('get'))) at.push(clock.now() - begin);
    }
    return at;
  };
  return { setup, connections, users, fail, holds, calls, clock, opened, notices, pollTimes, useConnection: (id: string | null) => (inUse = id) };
}

/** A promise the test resolves when it chooses. */
function gate() {
  let open: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

const LENA = { name: 'Lena Fischer', email: 'lena@example.com' };
const JONAS = { name: 'Jonas Weber', email: 'jonas@example.com' };

describe('MatonSetup', () => {
  it('asks about a new connection less often each time, up to every 15 s', async () => {
    const { setup, pollTimes } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    // 2 s, then ×1.5 each time (3 s, 4.5 s, 6.75 s, 10.125 s), capped at 15 s.
    expect(await pollTimes(60_000)).toEqual([2_000, 5_000, 9_500, 16_250, 26_500, 41_500, 56_500]);
  });

  it('waits twice as long after Maton limits requests', async () => {
    const { setup, fail, pollTimes } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    fail.get = [maton('rate-limited', 429)];
    expect(await pollTimes(12_000)).toEqual([2_000, 6_000, 12_000]);
    expect(setup.view()?.adding).toEqual({ state: 'waiting', connectionId: 'new-1' });
  });

  it('keeps asking through a hiccup (network, 5xx, an error that is not Maton’s)', async () => {
    const { setup, fail, pollTimes } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    fail.get = [maton('network'), maton('server', 503), new Error('socket hang up')];
    expect(await pollTimes(16_500)).toEqual([2_000, 5_000, 9_500, 16_250]);
    expect(setup.view()?.adding).toEqual({ state: 'waiting', connectionId: 'new-1' });
  });

  it('asks a last time when the time is up, then removes the unfinished connection and says so', async () => {
    const { setup, connections, pollTimes } = setUp({ users: { a: LENA }, addTimeoutMs: 10_000 });
    await setup.start(PLACE, 'key');
    await setup.add();
    expect(await pollTimes(20_000)).toEqual([2_000, 5_000, 9_500, 10_000]);
    expect(connections.has('new-1')).toBe(false);
    expect(setup.view()?.adding).toEqual({
      state: 'timed-out',
      message: 'Connecting timed out: the sign-in in the browser was not finished. The unfinished connection was removed; choose "Add Clockify account" to try again.',
    });
  });

  it('a connection that became ACTIVE is listed with its user, and the person is told to use it', async () => {
    const { setup, connections, users, notices, clock } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    connections.set('new-1', connection('new-1', 'ACTIVE'));
    users['new-1'] = JONAS;
    await clock.advance(2_000);
    expect(setup.view()).toMatchObject({ adding: null, connections: [{ connectionId: 'a' }, { connectionId: 'new-1', email: 'jonas@example.com' }] });
    expect(notices).toEqual(['info: jonas@example.com is connected: choose "Use this account" to track time there.']);
    expect(clock.scheduled).toBe(0);
  });

  it('an ACTIVE connection whose user cannot be read is still announced', async () => {
    const { setup, connections, notices, clock } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    connections.set('new-1', connection('new-1', 'ACTIVE'));
    await clock.advance(2_000);
    expect(setup.view()?.connections[1]).toEqual({ connectionId: 'new-1', userName: '', email: '', problem: 'Its Clockify user could not be read: Error: no user for new-1', inUse: false });
    expect(notices).toEqual(['info: The new Clockify account is connected: choose "Use this account" to track time there.']);
  });

  it.each([
    ['fails in the browser', 'FAILED', 'Connecting the Clockify account failed in the browser (Maton says FAILED): the unfinished connection was removed. Choose "Add Clockify account" to try again.', true],
    ['is gone at Maton', null, 'Maton does not know that connection (404): it was removed elsewhere. The list is read again.', false],
  ] as const)('a connection that %s stops the waiting and says why', async (_, status, message, removed) => {
    const { setup, connections, calls, clock } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    if (status) connections.set('new-1', connection('new-1', status));
    else connections.delete('new-1');
    await clock.advance(2_000);
    expect(setup.view()?.adding).toEqual({ state: 'failed', message });
    expect(calls.includes('remove new-1')).toBe(removed);
    expect(clock.scheduled).toBe(0);
  });

  it('a key Maton no longer accepts while waiting stops the waiting', async () => {
    const { setup, fail, clock } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    fail.get = [maton('unauthorized', 401)];
    await clock.advance(2_000);
    expect(setup.view()?.adding).toMatchObject({ state: 'failed', message: expect.stringMatching(/^Maton did not accept this key \(401\)/) });
    expect(clock.scheduled).toBe(0);
  });

  it.each([
    ['no URL', null, 'Maton answered a sign-in page the app does not open (no URL): the connection was removed. Try again, or add it at maton.ai.'],
    ['a URL elsewhere', 'https://evil.example/connect', 'Maton answered a sign-in page the app does not open (not https on connect.maton.ai): the connection was removed. Try again, or add it at maton.ai.'],
  ])('a sign-in page with %s is not opened; the connection is removed', async (_, url, message) => {
    const { setup, connections, opened } = setUp({ users: { a: LENA }, url });
    await setup.start(PLACE, 'key');
    expect(await setup.add()).toEqual({ ok: false, error: { kind: 'add-failed', status: null, message } });
    expect(opened).toEqual([]);
    expect([...connections.keys()]).toEqual(['a']);
    expect(setup.view()?.adding).toEqual({ state: 'failed', message });
  });

  it('a browser that cannot be opened: the connection is removed and the reason said', async () => {
    const { setup, connections, fail } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    fail.browser = [new Error('xdg-open missing')];
    expect(await setup.add()).toMatchObject({ ok: false, error: { message: 'The browser could not be opened (xdg-open missing): the connection was removed. Try again.' } });
    expect([...connections.keys()]).toEqual(['a']);
    fail.browser = ['no display'];
    expect(await setup.add()).toMatchObject({ ok: false, error: { message: 'The browser could not be opened (no display): the connection was removed. Try again.' } });
  });

  it('an unfinished connection that cannot be removed is said, to remove at maton.ai', async () => {
    const { setup, fail } = setUp({ users: { a: LENA }, url: null });
    await setup.start(PLACE, 'key');
    fail.remove = [maton('server', 500)];
    await setup.add();
    expect(setup.view()?.problem).toBe('An unfinished connection could not be removed at Maton: remove it at maton.ai if it is still listed there.');
  });

  it('Maton refusing to create one: said, nothing is opened', async () => {
    const { setup, fail, opened } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    fail.create = [maton('server', 502)];
    expect(await setup.add()).toMatchObject({ ok: false, error: { kind: 'add-failed', message: 'Maton had a problem (502); try again in a moment.' } });
    expect(opened).toEqual([]);
  });

  it('one connection at a time; cancelling removes the waiting one and stops asking', async () => {
    const { setup, connections, clock, opened } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    expect((await setup.add()).ok).toBe(true);
    expect(opened).toEqual(['https://connect.maton.ai/?session_token=new-1']);
    expect(await setup.add()).toEqual({ ok: false, error: { kind: 'busy', status: null, message: 'A connection is already waiting: finish it in your browser, or cancel it first.' } });
    expect(await setup.cancelAdd()).toEqual({ ok: true, value: null });
    expect([...connections.keys()]).toEqual(['a']);
    expect(setup.view()?.adding).toBeNull();
    expect(clock.scheduled).toBe(0);
    // After a failed or cancelled one, another may be added.
    expect((await setup.add()).ok).toBe(true);
  });

  it('closing forgets the key and removes a connection still waiting', async () => {
    const { setup, connections, clock } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    await setup.close();
    expect(setup.view()).toBeNull();
    expect(setup.current).toBeNull();
    expect([...connections.keys()]).toEqual(['a']);
    expect(clock.scheduled).toBe(0);
    for (const result of [await setup.load(), await setup.add(), await setup.remove('a')]) {
      expect(result).toEqual({ ok: false, error: { kind: 'closed', status: null, message: 'Enter your Maton key first.' } });
    }
  });

  it('never removes the connection in use, naming its account', async () => {
    const { setup, connections, useConnection } = setUp({ users: { a: LENA, b: new Error('unreadable') }, inUse: 'a' });
    await setup.start(PLACE, 'key');
    expect(setup.view()?.connections.map((c) => [c.connectionId, c.inUse])).toEqual([['a', true], ['b', false]]);
    expect(await setup.remove('a')).toEqual({ ok: false, error: { kind: 'in-use', status: null, message: 'lena@example.com is the account in use: switch to another account first, then remove it.' } });
    useConnection('b');
    expect(await setup.remove('b')).toMatchObject({ ok: false, error: { message: 'This account is the account in use: switch to another account first, then remove it.' } });
    expect([...connections.keys()]).toEqual(['a', 'b']);
  });

  it('removes a connection; one already gone counts as removed; a refusal is said and the list kept', async () => {
    const { setup, connections, fail } = setUp({ users: { a: LENA, b: JONAS, c: JONAS } });
    await setup.start(PLACE, 'key');
    expect(await setup.remove('a')).toEqual({ ok: true, value: null });
    connections.delete('b');
    expect(await setup.remove('b')).toEqual({ ok: true, value: null });
    expect(setup.view()?.connections.map((c) => c.connectionId)).toEqual(['c']);
    fail.remove = [maton('forbidden', 403)];
    expect(await setup.remove('c')).toMatchObject({ ok: false, error: { kind: 'forbidden', message: expect.stringMatching(/^Maton refused this \(403\)/) } });
    expect(setup.view()).toMatchObject({ connections: [{ connectionId: 'c' }], problem: expect.stringMatching(/^Maton refused this/) });
    fail.remove = [new Error('boom')];
    expect(await setup.remove('c')).toMatchObject({ ok: false, error: { kind: 'unknown', message: 'Maton could not be asked: boom' } });
  });

  it('a list that cannot be read: not shown, the key not kept, the reason returned', async () => {
    const { setup, fail } = setUp({ users: { a: LENA } });
    fail.list = [maton('unauthorized', 401)];
    expect(await setup.start(PLACE, 'key')).toMatchObject({ ok: false, error: { kind: 'unauthorized', message: expect.stringMatching(/^Maton did not accept this key/) } });
    expect(setup.view()).toBeNull();
    expect(setup.current).toBeNull();
    fail.list = [new Error('boom')];
    expect(await setup.start(PLACE, 'key')).toMatchObject({ ok: false, error: { kind: 'unknown' } });
  });

  it('reading the list again after it was shown: a failure is shown with the old list', async () => {
    const { setup, fail } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    expect(setup.current).toEqual({ place: PLACE, secret: 'key' });
    fail.list = [maton('network')];
    expect(await setup.load()).toMatchObject({ ok: false, error: { kind: 'network' } });
    expect(setup.view()).toEqual({
      loading: false,
      adding: null,
      problem: 'Cannot reach gateway.example: check your network connection (and the connections URL), then try again.',
      connections: [{ connectionId: 'a', userName: 'Lena Fischer', email: 'lena@example.com', problem: null, inUse: false }],
    });
    expect((await setup.load()).ok).toBe(true);
    expect(setup.view()?.problem).toBeNull();
  });

  it('a list that arrives after the key was closed or read again is dropped', async () => {
    const { setup, users } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    users.a = JONAS;
    const late = setup.load();
    await setup.close();
    expect(await late).toEqual({ ok: true, value: null });
    expect(setup.view()).toBeNull();
    await setup.start(PLACE, 'key');
    users.a = LENA;
    const older = setup.load();
    users.a = JONAS;
    const newer = setup.load();
    await Promise.all([older, newer]);
    expect(setup.view()).toMatchObject({ loading: false, connections: [{ email: 'jonas@example.com' }] });
  });

  it('shows nothing until the list was read once; while reading it again, says it is loading', async () => {
    const { setup, holds } = setUp({ users: { a: LENA } });
    const first = gate();
    holds.list = [first.promise];
    const started = setup.start(PLACE, 'key');
    await Promise.resolve();
    expect(setup.view()).toBeNull();
    first.open();
    await started;
    const again = gate();
    holds.list = [again.promise];
    const loading = setup.load();
    expect(setup.view()).toMatchObject({ loading: true, problem: null, connections: [{ connectionId: 'a' }] });
    again.open();
    await loading;
    expect(setup.view()?.loading).toBe(false);
  });

  it('an older list answering after a newer one was asked for changes nothing, even failing', async () => {
    const { setup, holds, fail, connections } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    const older = gate();
    const newer = gate();
    holds.list = [older.promise, newer.promise];
    fail.list = [maton('server', 500)];
    const first = setup.load();
    connections.set('b', connection('b', 'ACTIVE'));
    const second = setup.load();
    older.open();
    expect(await first).toEqual({ ok: true, value: null });
    expect(setup.view()).toMatchObject({ loading: true, problem: null });
    newer.open();
    await second;
    expect(setup.view()).toMatchObject({ loading: false, problem: null, connections: [{ connectionId: 'a' }, { connectionId: 'b' }] });
  });

  it('an older list answering first is not shown while a newer one is awaited', async () => {
    const { setup, holds, connections } = setUp({ users: { a: LENA, b: JONAS } });
    connections.delete('b');
    await setup.start(PLACE, 'key');
    const older = gate();
    const newer = gate();
    holds.list = [older.promise, newer.promise];
    connections.set('b', connection('b', 'ACTIVE'));
    const first = setup.load();
    connections.delete('a');
    const second = setup.load();
    older.open();
    await first;
    expect(setup.view()?.connections.map((c) => c.connectionId)).toEqual(['a']);
    newer.open();
    await second;
    expect(setup.view()?.connections.map((c) => c.connectionId)).toEqual(['b']);
  });

  it('a list answering after the key was closed and another opened does not show the new one early', async () => {
    const { setup, holds } = setUp({ users: { a: LENA } });
    const first = gate();
    const second = gate();
    holds.list = [first.promise, second.promise];
    const a = setup.start(PLACE, 'key-a');
    const b = setup.start(PLACE, 'key-b');
    first.open();
    await a;
    expect(setup.view()).toBeNull();
    expect(setup.current).toEqual({ place: PLACE, secret: 'key-b' });
    second.open();
    await b;
    expect(setup.view()).toMatchObject({ loading: false, connections: [{ connectionId: 'a' }] });
  });

  it('cancelling while Maton is being asked stops the asking for good', async () => {
    const { setup, holds, calls, clock, connections } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    await setup.add();
    const answer = gate();
    holds.get = [answer.promise];
    await clock.advance(2_000);
    await setup.cancelAdd();
    answer.open();
    await clock.advance(60_000);
    expect(calls.filter((call) => call.startsWith('get'))).toEqual(['get new-1']);
    expect(setup.view()?.adding).toBeNull();
    expect([...connections.keys()]).toEqual(['a']);
  });

  it('cancelling with nothing waiting removes nothing', async () => {
    const { setup, calls } = setUp({ users: { a: LENA } });
    await setup.start(PLACE, 'key');
    expect(await setup.cancelAdd()).toEqual({ ok: true, value: null });
    expect(calls).toEqual([]);
  });

  it('the connection in use is kept even when it is not in the list', async () => {
    const { setup } = setUp({ users: { a: LENA }, inUse: 'gone' });
    await setup.start(PLACE, 'key');
    expect(await setup.remove('gone')).toMatchObject({ ok: false, error: { kind: 'in-use', message: 'This account is the account in use: switch to another account first, then remove it.' } });
  });

  it('a removed connection leaves the list even when the list cannot be read again', async () => {
    const { setup, fail } = setUp({ users: { a: LENA, b: JONAS } });
    await setup.start(PLACE, 'key');
    fail.list = [maton('network')];
    expect(await setup.remove('a')).toEqual({ ok: true, value: null });
    expect(setup.view()).toMatchObject({ connections: [{ connectionId: 'b' }], problem: expect.stringMatching(/^Cannot reach gateway\.example/) });
  });
});
