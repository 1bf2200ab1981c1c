// Managing a Maton key's Clockify connections through the core: list with users, add through the
// (simulated) browser OAuth with polling, use, remove; against the fake's connections API over real
// HTTP, with a fake clock for the polling.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_MATON_CONNECTION_ID, FAKE_MATON_KEY, startFakeClockify, type FakeClockify } from '../../e2e/fake-clockify/server';
import { openCore, type CoreUnderTest } from '../../e2e/support/core-fixture';

let fake: FakeClockify;
const cores: CoreUnderTest[] = [];

beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small', rateLimit: null });
});
afterEach(async () => {
  for (const under of cores.splice(0)) under.core.close();
  await fake.close();
});

async function managing(options: Parameters<typeof openCore>[1] = {}): Promise<CoreUnderTest> {
  const under = await openCore(fake, options);
  cores.push(under);
  const opened = await under.core.openMatonConnections({ secret: FAKE_MATON_KEY, gatewayUrl: fake.matonUrl });
  expect(opened).toEqual({ ok: true, value: null });
  return under;
}

/** Plays the browser: the person finishes (or fails) the OAuth of the page the app opened. */
async function finishInBrowser(url: string, outcome: 'ACTIVE' | 'FAILED', email?: string): Promise<void> {
  const sessionToken = new URL(url).searchParams.get('session_token');
  const reply = await fetch(`${fake.origin}/__fake/maton/finish`, { method: 'POST', body: JSON.stringify({ sessionToken, outcome, ...(email ? { email } : {}) }) });
  expect(reply.status).toBe(200);
}

/** Jonas's account added through the browser, Lena's connection in use. */
async function lenaInUseJonasAdded(): Promise<CoreUnderTest> {
  const under = await managing();
  await under.core.addMatonConnection();
  await finishInBrowser(under.opened[0]!, 'ACTIVE', 'jonas.weber@example.com');
  await under.clock.advance(2_000);
  await under.core.useMatonConnection(FAKE_MATON_CONNECTION_ID);
  await under.settled();
  return under;
}

const polls = () => fake.requests.filter((r) => r.method === 'GET' && r.path.startsWith('/connections/')).length;

describe('listing', () => {
  it('lists the active connections, each with the Clockify user behind it, read with its Maton-Connection', async () => {
    const { core } = await managing();
    expect(core.snapshot().account.status).toBe('signed-out');
    expect(core.snapshot().matonSetup).toEqual({
      loading: false, problem: null, adding: null,
      connections: [{ connectionId: FAKE_MATON_CONNECTION_ID, userName: 'Lena Fischer', email: 'lena.fischer@example.com', problem: null, inUse: false }],
    });
    const userRead = fake.requests.find((r) => r.path === '/clockify/api/v1/user');
    expect(userRead?.headers['maton-connection']).toBe(FAKE_MATON_CONNECTION_ID);
  });

  it('refuses a wrong key in words and keeps nothing', async () => {
    const under = await openCore(fake);
    cores.push(under);
    const result = await under.core.openMatonConnections({ secret: 'wrong', gatewayUrl: fake.matonUrl });
    expect(result).toMatchObject({ ok: false, error: { kind: 'unauthorized', field: 'apiKey', message: expect.stringMatching(/^Maton did not accept this key \(401\)/) } });
    expect(under.core.snapshot().matonSetup).toBeNull();
  });

  it('says an unreachable Maton in words and shows no list (the key\'s form stays)', async () => {
    const under = await openCore(fake);
    cores.push(under);
    const result = await under.core.openMatonConnections({ secret: FAKE_MATON_KEY, connectionsUrl: 'http://127.0.0.1:9' });
    expect(result).toMatchObject({ ok: false, error: { message: 'Cannot reach 127.0.0.1:9: check your network connection (and the connections URL), then try again.' } });
    expect(under.core.snapshot().matonSetup).toBeNull();
  });

  it('shows an empty list when the key has no Clockify connection yet', async () => {
    fake.state.matonConnections.length = 0;
    const { core } = await managing();
    expect(core.snapshot().matonSetup).toMatchObject({ connections: [], problem: null });
  });

  it('asks the connections API at an overridden place', async () => {
    const under = await openCore(fake);
    cores.push(under);
    const result = await under.core.openMatonConnections({ secret: FAKE_MATON_KEY, gatewayUrl: 'https://gateway.invalid/clockify/api/v1', connectionsUrl: fake.origin });
    expect(result.ok).toBe(true);
    expect(fake.requests[0]).toMatchObject({ path: '/connections', query: { app: 'clockify', status: 'ACTIVE' } });
  });
});

describe('adding through the browser', () => {
  it('opens the connect page, polls with growing waits until ACTIVE, then lists the new user', async () => {
    const { core, clock, opened, notices } = await managing();
    expect(await core.addMatonConnection()).toEqual({ ok: true, value: null });
    expect(opened).toHaveLength(1);
    expect(new URL(opened[0]!).host).toBe('connect.maton.ai');
    const pending = fake.state.matonConnections.find((c) => c.status === 'PENDING')!;
    expect(core.snapshot().matonSetup?.adding).toEqual({ state: 'waiting', connectionId: pending.id });

    await clock.advance(2_000);
    expect(polls()).toBe(1);
    await clock.advance(2_000);
    expect(polls()).toBe(1); // the next wait is 3 s
    await clock.advance(1_000);
    expect(polls()).toBe(2);

    await finishInBrowser(opened[0]!, 'ACTIVE', 'jonas.weber@example.com');
    await clock.advance(4_500);
    const setup = core.snapshot().matonSetup!;
    expect(setup.adding).toBeNull();
    expect(setup.connections.map((c) => c.email)).toEqual(['lena.fischer@example.com', 'jonas.weber@example.com']);
    expect(notices.at(-1)?.text).toBe('jonas.weber@example.com is connected: choose "Use this account" to track time there.');
    expect(clock.scheduled).toBe(0);
  });

  it('says a failed OAuth in words and deletes the unfinished connection', async () => {
    const { core, clock, opened } = await managing();
    await core.addMatonConnection();
    await finishInBrowser(opened[0]!, 'FAILED');
    await clock.advance(2_000);
    expect(core.snapshot().matonSetup?.adding).toEqual({ state: 'failed', message: expect.stringMatching(/^Connecting the Clockify account failed in the browser \(Maton says FAILED\)/) });
    expect(fake.state.matonConnections.map((c) => c.id)).toEqual([FAKE_MATON_CONNECTION_ID]);
  });

  it('times out when the person never finishes, and deletes the pending connection', async () => {
    const { core, clock } = await managing({ matonAddTimeoutMs: 60_000 });
    await core.addMatonConnection();
    await clock.advance(61_000);
    expect(core.snapshot().matonSetup?.adding).toMatchObject({ state: 'timed-out', message: expect.stringContaining('timed out') });
    expect(fake.state.matonConnections.map((c) => c.id)).toEqual([FAKE_MATON_CONNECTION_ID]);
    expect(clock.scheduled).toBe(0);
  });

  it('keeps polling through a rate limit and a network hiccup', async () => {
    const { core, clock, opened } = await managing();
    await core.addMatonConnection();
    fake.addFault({ kind: 'status', status: 429, match: { method: 'GET', path: /^\/connections\// }, count: 1 });
    fake.addFault({ kind: 'reset', match: { method: 'GET', path: /^\/connections\// }, count: 1 });
    await clock.advance(2_000 + 4_000 + 6_000);
    expect(core.snapshot().matonSetup?.adding?.state).toBe('waiting');
    await finishInBrowser(opened[0]!, 'ACTIVE');
    await clock.advance(15_000);
    expect(core.snapshot().matonSetup?.adding).toBeNull();
  });

  it('cancel stops polling and deletes the pending connection', async () => {
    const { core, clock } = await managing();
    await core.addMatonConnection();
    expect(await core.cancelMatonConnection()).toEqual({ ok: true, value: null });
    expect(core.snapshot().matonSetup?.adding).toBeNull();
    expect(fake.state.matonConnections.map((c) => c.id)).toEqual([FAKE_MATON_CONNECTION_ID]);
    expect(clock.scheduled).toBe(0);
  });

  it('never opens a page off Maton\'s connect host', async () => {
    const { core, opened } = await managing();
    fake.addFault({ kind: 'apply-then-status', status: 200, body: JSON.stringify({ connection: { connection_id: 'c-odd', status: 'PENDING', url: 'https://connect.maton.ai.evil.example/?session_token=x' } }), match: { method: 'POST', path: '/connections' } });
    const result = await core.addMatonConnection();
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringContaining('not https on connect.maton.ai') } });
    expect(opened).toEqual([]);
  });
});

describe('using and removing', () => {
  it('signs in with the chosen connection: every gateway request carries its Maton-Connection', async () => {
    const { core, clock, opened, settled } = await managing();
    await core.addMatonConnection();
    await finishInBrowser(opened[0]!, 'ACTIVE', 'jonas.weber@example.com');
    await clock.advance(2_000);
    const jonas = core.snapshot().matonSetup!.connections.find((c) => c.email === 'jonas.weber@example.com')!;
    fake.clearRequests();
    expect(await core.useMatonConnection(jonas.connectionId)).toEqual({ ok: true, value: { userName: 'Jonas Weber' } });
    await settled();
    expect(core.snapshot().account).toMatchObject({ status: 'signed-in', email: 'jonas.weber@example.com', connection: { kind: 'maton', connectionId: jonas.connectionId } });
    expect(core.snapshot().matonSetup).toBeNull();
    const gateway = fake.requests.filter((r) => r.path.startsWith('/clockify/api/v1/'));
    expect(gateway.length).toBeGreaterThan(2);
    expect(gateway.every((r) => r.headers['maton-connection'] === jonas.connectionId)).toBe(true);
  });

  it('removes a connection, but never the one in use', async () => {
    const { core } = await lenaInUseJonasAdded();
    await core.openMatonConnections({});
    expect(core.snapshot().matonSetup?.connections.map((c) => c.inUse)).toEqual([true, false]);
    expect(await core.removeMatonConnection(FAKE_MATON_CONNECTION_ID)).toMatchObject({ ok: false, error: { kind: 'in-use', message: 'lena.fischer@example.com is the account in use: switch to another account first, then remove it.' } });
    const jonas = core.snapshot().matonSetup!.connections[1]!.connectionId;
    expect(await core.removeMatonConnection(jonas)).toEqual({ ok: true, value: null });
    expect(fake.state.matonConnections.map((c) => c.id)).toEqual([FAKE_MATON_CONNECTION_ID]);
    expect(core.snapshot().matonSetup?.connections.map((c) => c.email)).toEqual(['lena.fischer@example.com']);
  });

  it('switches while the current account still has changes waiting: they stay with it and reach it later, through its own connection', async () => {
    const under = await lenaInUseJonasAdded();
    const { core, settled } = under;
    fake.addFault({ kind: 'reset', count: Infinity, match: { method: 'POST' } });
    core.addEntry({ description: 'Held', projectId: null, taskId: null, tagIds: [], billable: false }, { start: new Date(under.clock.now() - 3_600_000).toISOString(), end: new Date(under.clock.now() - 1_800_000).toISOString() });
    await settled();
    await core.openMatonConnections({});
    const jonas = core.snapshot().matonSetup!.connections.find((c) => c.email === 'jonas.weber@example.com')!;
    expect(await core.useMatonConnection(jonas.connectionId)).toMatchObject({ ok: true });
    expect(core.snapshot().account).toMatchObject({ email: 'jonas.weber@example.com' });
    expect(core.snapshot().sync.otherAccounts).toEqual([expect.objectContaining({ email: 'lena.fischer@example.com', pending: 1 })]);
    fake.clearFaults();
    fake.clearRequests();
    core.resumed();
    await under.clock.advance(65_000);
    await settled();
    const lena = fake.state.users.find((user) => user.email === 'lena.fischer@example.com')!;
    expect(fake.state.timeEntries.filter((entry) => entry.description === 'Held').map((entry) => entry.userId)).toEqual([lena.id]);
    const post = fake.requests.find((request) => request.method === 'POST' && request.path.includes('/time-entries'));
    expect(post?.headers['maton-connection']).toBe(FAKE_MATON_CONNECTION_ID);
    expect(core.snapshot().sync.otherAccounts).toEqual([]);
  });
});
