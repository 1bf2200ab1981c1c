// Several accounts in one app: an API-key account and a Maton account side by side, switching,
// per-account settings, keys per account, and pending changes that stay with their account.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectionConfig } from '../../shared/connection';
import type { EntryDraft } from '../../shared/domain';
import { FAKE_API_KEY, FAKE_MATON_KEY, startFakeClockify, type FakeClockify } from '../../e2e/fake-clockify/server';
import { openCore, type CoreUnderTest } from '../../e2e/support/core-fixture';

let fake: FakeClockify;
const cores: CoreUnderTest[] = [];
const JONAS_CONNECTION = '9b2d6c1e-0000-4000-8000-00000000j0na';

beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small', rateLimit: null });
  const jonas = fake.state.users.find((user) => user.email === 'jonas.weber@example.com')!;
  const at = new Date().toISOString();
  fake.state.matonConnections.push({ id: JONAS_CONNECTION, userId: jonas.id, status: 'ACTIVE', app: 'clockify', creationTime: at, lastUpdatedTime: at, sessionToken: 'jonas' });
});
afterEach(async () => {
  for (const under of cores.splice(0)) under.core.close();
  await fake.close();
});

const lenaKey: ConnectionConfig = { kind: 'clockify', server: 'global' };
const jonasMaton = (): ConnectionConfig => ({ kind: 'maton', gatewayUrl: fake.matonUrl, connectionId: JONAS_CONNECTION });
const draft = (description: string): EntryDraft => ({ description, projectId: null, taskId: null, tagIds: [], billable: false });
const lenaId = () => fake.state.users.find((user) => user.email === 'lena.fischer@example.com')!.id;
const jonasId = () => fake.state.users.find((user) => user.email === 'jonas.weber@example.com')!.id;

/** Lena with her API key, then Jonas through Maton (active). */
async function twoAccounts(options: Parameters<typeof openCore>[1] = {}): Promise<CoreUnderTest> {
  const under = await openCore(fake, options);
  cores.push(under);
  expect((await under.core.connect(lenaKey, FAKE_API_KEY)).ok).toBe(true);
  await under.settled();
  expect((await under.core.connect(jonasMaton(), FAKE_MATON_KEY)).ok).toBe(true);
  await under.settled();
  return under;
}

const ids = (under: CoreUnderTest) => Object.fromEntries(under.core.snapshot().accounts.map((account) => [account.email, account.id]));

/** Lena starts a timer in her account, then Jonas becomes active (her timer keeps running). */
async function lenaRunningThenJonas(): Promise<CoreUnderTest> {
  const under = await twoAccounts();
  await under.core.switchAccount(ids(under)['lena.fischer@example.com']!);
  await under.settled();
  under.core.startTimer(draft('Lena works'));
  await under.settled();
  await under.core.switchAccount(ids(under)['jonas.weber@example.com']!);
  await under.settled();
  return under;
}

describe('several accounts', () => {
  it('lists both accounts with the active one marked, each key in its own keychain entry', async () => {
    const under = await twoAccounts();
    expect(under.core.snapshot().accounts).toEqual([
      { id: 'clockify:https://api.clockify.me/api/v1', userName: 'Lena Fischer', email: 'lena.fischer@example.com', via: 'Global', active: false },
      { id: expect.stringMatching(/^maton:/), userName: 'Jonas Weber', email: 'jonas.weber@example.com', via: 'Maton', active: true },
    ]);
    const { 'lena.fischer@example.com': lena, 'jonas.weber@example.com': jonas } = ids(under);
    expect(await under.secrets.get(lena!)).toBe(FAKE_API_KEY);
    expect(await under.secrets.get(jonas!)).toBe(FAKE_MATON_KEY);
    expect(under.core.snapshot().account).toMatchObject({ status: 'signed-in', email: 'jonas.weber@example.com' });
  });

  it('switches: the requests of each account carry only its own credentials', async () => {
    const under = await twoAccounts();
    fake.clearRequests();
    expect(await under.core.switchAccount(ids(under)['lena.fischer@example.com']!)).toEqual({ ok: true, value: { userName: 'Lena Fischer' } });
    await under.settled();
    expect(under.core.snapshot().account).toMatchObject({ status: 'signed-in', email: 'lena.fischer@example.com', connection: lenaKey });
    expect(fake.requests.length).toBeGreaterThan(0);
    for (const request of fake.requests) {
      expect(request.headers.authorization).toBeUndefined();
      expect(request.headers['maton-connection']).toBeUndefined();
      expect(request.headers['x-api-key']).toBe(FAKE_API_KEY);
    }
    fake.clearRequests();
    await under.core.switchAccount(ids(under)['jonas.weber@example.com']!);
    await under.settled();
    for (const request of fake.requests) {
      expect(request.headers['x-api-key']).toBeUndefined();
      expect(request.headers['maton-connection']).toBe(JONAS_CONNECTION);
    }
  });

  it('keeps the workspace and the default project per account', async () => {
    const under = await twoAccounts();
    const acme = fake.state.workspaces.find((workspace) => workspace.name.startsWith('Acme'))!.id;
    const northwind = fake.state.workspaces.find((workspace) => workspace.name === 'Northwind Studio')!.id;
    await under.core.switchAccount(ids(under)['lena.fischer@example.com']!);
    await under.settled();
    expect((await under.core.selectWorkspace(acme)).ok).toBe(true);
    under.core.updateSettings({ defaultProject: { kind: 'none' } });
    await under.core.switchAccount(ids(under)['jonas.weber@example.com']!);
    await under.settled();
    expect(under.core.snapshot().workspaceId).toBe(northwind);
    expect(under.core.settingsView().defaultProject).toEqual({ kind: 'last-used' });
    await under.core.switchAccount(ids(under)['lena.fischer@example.com']!);
    await under.settled();
    expect(under.core.snapshot().workspaceId).toBe(acme);
    expect(under.core.settingsView().defaultProject).toEqual({ kind: 'none' });
  });

  it('switching leaves the timer running in the account it leaves, shown as running there; starting one here stops it first, with its own key, and says so', async () => {
    const under = await twoAccounts();
    await under.core.switchAccount(ids(under)['lena.fischer@example.com']!);
    await under.settled();
    under.core.startTimer(draft('Lena works'));
    await under.settled();
    await under.clock.advance(60_000);
    expect((await under.core.switchAccount(ids(under)['jonas.weber@example.com']!)).ok).toBe(true);
    await under.settled();
    expect(fake.state.timeEntries.filter((entry) => entry.end === null).map((entry) => [entry.description, entry.userId])).toEqual([['Lena works', lenaId()]]);
    expect(under.core.snapshot().timer.status).toBe('idle');
    expect(under.core.snapshot().otherAccountTimers).toEqual([expect.objectContaining({ accountId: ids(under)['lena.fischer@example.com'], email: 'lena.fischer@example.com', entry: expect.objectContaining({ description: 'Lena works', end: null }) })]);

    fake.clearRequests();
    expect(under.core.startTimer(draft('Jonas works')).ok).toBe(true);
    await under.settled();
    const stop = fake.requests.find((request) => request.method === 'PATCH');
    expect(stop?.headers['x-api-key']).toBe(FAKE_API_KEY);
    expect(stop?.path).toContain(`/user/${lenaId()}/time-entries`);
    expect(fake.state.timeEntries.filter((entry) => entry.end === null).map((entry) => [entry.description, entry.userId])).toEqual([['Jonas works', jonasId()]]);
    expect(under.notices.map((notice) => notice.text)).toContain('The timer in lena.fischer@example.com (“Lena works”) was stopped: one timer runs at a time.');
    expect(under.core.snapshot().otherAccountTimers).toEqual([]);
  });

  it('a timer running in another account can be stopped from here, with that account’s key', async () => {
    const under = await lenaRunningThenJonas();
    fake.clearRequests();
    expect(under.core.stopTimerIn(ids(under)['lena.fischer@example.com']!)).toEqual({ ok: true, value: null });
    await under.settled();
    expect(fake.requests.find((request) => request.method === 'PATCH')?.headers['x-api-key']).toBe(FAKE_API_KEY);
    expect(fake.state.timeEntries.filter((entry) => entry.end === null)).toEqual([]);
    expect(under.core.snapshot().otherAccountTimers).toEqual([]);
    expect(under.core.stopTimerIn(ids(under)['lena.fischer@example.com']!)).toMatchObject({ ok: false, error: { message: 'No timer is running in lena.fischer@example.com.' } });
  });

  it('switches while offline with a change pending: the change stays with its account, is shown as waiting for it, and reaches it with its own key once online', async () => {
    const under = await twoAccounts();
    await under.core.switchAccount(ids(under)['lena.fischer@example.com']!);
    await under.settled();
    fake.addFault({ kind: 'reset', count: Infinity });
    under.core.addEntry(draft('Offline work'), { start: new Date(under.clock.now() - 3_600_000).toISOString(), end: new Date(under.clock.now() - 1_800_000).toISOString() });
    await under.settled();
    expect(await under.core.switchAccount(ids(under)['jonas.weber@example.com']!)).toEqual({ ok: true, value: { userName: 'Jonas Weber' } });
    await under.settled();
    expect(under.core.snapshot().account).toMatchObject({ email: 'jonas.weber@example.com' });
    // Jonas has nothing pending; Lena's change waits for Lena, visibly, and is not in Jonas's list.
    expect(under.core.snapshot().sync.pending).toBe(0);
    expect(under.core.snapshot().sync.otherAccounts).toEqual([expect.objectContaining({ email: 'lena.fischer@example.com', pending: 1 })]);
    expect(under.core.snapshot().recent.map((entry) => entry.description)).not.toContain('Offline work');

    fake.clearFaults();
    fake.clearRequests();
    under.core.resumed();
    await under.clock.advance(65_000);
    await under.settled();
    const sent = fake.state.timeEntries.filter((entry) => entry.description === 'Offline work');
    expect(sent.map((entry) => entry.userId)).toEqual([lenaId()]);
    const post = fake.requests.find((request) => request.method === 'POST' && request.path.includes('/time-entries'));
    expect(post?.headers['x-api-key']).toBe(FAKE_API_KEY);
    expect(post?.headers['maton-connection']).toBeUndefined();
    expect(under.core.snapshot().sync.otherAccounts).toEqual([]);
    expect(under.core.snapshot().account).toMatchObject({ email: 'jonas.weber@example.com' });
  });

  it('after a restart with the active account out of reach, the other account’s waiting changes still go out on their own', async () => {
    const first = await twoAccounts();
    await first.core.switchAccount(ids(first)['lena.fischer@example.com']!);
    await first.settled();
    fake.addFault({ kind: 'reset', count: Infinity });
    first.core.addEntry(draft('Before the restart'), { start: new Date(first.clock.now() - 3_600_000).toISOString(), end: new Date(first.clock.now() - 1_800_000).toISOString() });
    await first.core.switchAccount(ids(first)['jonas.weber@example.com']!);
    first.core.close();
    fake.clearFaults();
    // Only the Maton gateway (Jonas, active) is out of reach now; Lena's server answers.
    fake.addFault({ kind: 'reset', count: Infinity, match: { path: /^\/clockify\// } });
    // Its own clock: the closed core's timers must not be the ones that send.
    const again = await openCore(fake, { dataDir: first.dataDir, secrets: first.secrets });
    cores.push(again);
    await again.settled();
    expect(again.core.snapshot()).toMatchObject({ account: { email: 'jonas.weber@example.com' }, sync: { online: false } });
    await again.clock.advance(65_000);
    await again.settled();
    expect(fake.state.timeEntries.filter((entry) => entry.description === 'Before the restart').map((entry) => entry.userId)).toEqual([lenaId()]);
  });

  it('a journal from before accounts were kept with each change: its changes belong to the account active at load', async () => {
    const first = await twoAccounts();
    fake.addFault({ kind: 'reset', count: Infinity });
    first.core.addEntry(draft('Old journal'), { start: new Date(first.clock.now() - 3_600_000).toISOString(), end: new Date(first.clock.now() - 1_800_000).toISOString() });
    await first.settled();
    first.core.close();
    const file = path.join(first.dataDir, 'journal.json');
    const journal = JSON.parse(readFileSync(file, 'utf8')) as { intents: Record<string, unknown>[] };
    for (const intent of journal.intents) delete intent.accountId;
    writeFileSync(file, JSON.stringify(journal));
    const again = await openCore(fake, { dataDir: first.dataDir, secrets: first.secrets, clock: first.clock });
    cores.push(again);
    expect(again.core.snapshot().sync.pending).toBe(1);
    await again.core.switchAccount(ids(again)['lena.fischer@example.com']!);
    expect(again.core.snapshot().sync.pending).toBe(0);
    expect(again.core.snapshot().sync.otherAccounts).toEqual([expect.objectContaining({ email: 'jonas.weber@example.com', pending: 1 })]);
    fake.clearFaults();
    again.core.resumed();
    await again.clock.advance(65_000);
    await again.settled();
    expect(fake.state.timeEntries.filter((entry) => entry.description === 'Old journal').map((entry) => entry.userId)).toEqual([jonasId()]);
  });

  it('keeps a cache per account: nothing of one shows in the other, and switching back shows its own at once, before any request', async () => {
    const under = await twoAccounts();
    await under.core.switchAccount(ids(under)['lena.fischer@example.com']!);
    await under.settled();
    const lena = under.core.snapshot();
    const lenaWorkspace = lena.workspaceId!;
    expect(lena.recent.length).toBeGreaterThan(0);
    expect(under.core.catalog(lenaWorkspace).projects.length).toBeGreaterThan(0);

    await under.core.switchAccount(ids(under)['jonas.weber@example.com']!);
    await under.settled();
    const jonas = under.core.snapshot();
    const lenaKeys = new Set(lena.recent.map((entry) => entry.key));
    expect(jonas.recent.filter((entry) => lenaKeys.has(entry.key))).toEqual([]);
    expect(jonas.account).toMatchObject({ email: 'jonas.weber@example.com', userName: 'Jonas Weber' });

    // Back to Lena with the network gone (and again after a restart): her cache shows at once.
    fake.addFault({ kind: 'reset', count: Infinity });
    await under.core.switchAccount(ids(under)['lena.fischer@example.com']!);
    const back = under.core.snapshot();
    expect(back.workspaces.map((workspace) => workspace.id)).toEqual(lena.workspaces.map((workspace) => workspace.id));
    expect(back.recent.map((entry) => entry.key)).toEqual(lena.recent.map((entry) => entry.key));
    expect(under.core.catalog(lenaWorkspace).projects.length).toBeGreaterThan(0);
    expect(under.core.snapshot().preferences).toEqual(lena.preferences);

    await under.core.switchAccount(ids(under)['jonas.weber@example.com']!);
    under.core.close();
    const again = await openCore(fake, { dataDir: under.dataDir, secrets: under.secrets, clock: under.clock });
    cores.push(again);
    expect(again.core.snapshot().workspaces.map((workspace) => workspace.id)).toEqual(jonas.workspaces.map((workspace) => workspace.id));
    await again.core.switchAccount(ids(again)['lena.fischer@example.com']!);
    expect(again.core.snapshot().recent.map((entry) => entry.key)).toEqual(lena.recent.map((entry) => entry.key));
    expect(again.core.catalog(lenaWorkspace).projects.length).toBeGreaterThan(0);
  });

  it('after a restart, a timer left running in the other account is still shown, and starting one here stops it; once stopped it stays stopped across restarts', async () => {
    const first = await lenaRunningThenJonas();
    first.core.close();
    const again = await openCore(fake, { dataDir: first.dataDir, secrets: first.secrets, clock: first.clock });
    cores.push(again);
    await again.settled();
    expect(again.core.snapshot().otherAccountTimers).toEqual([expect.objectContaining({ email: 'lena.fischer@example.com', entry: expect.objectContaining({ description: 'Lena works' }) })]);
    expect(again.core.startTimer(draft('Jonas works')).ok).toBe(true);
    await again.settled();
    expect(fake.state.timeEntries.filter((entry) => entry.end === null).map((entry) => entry.description)).toEqual(['Jonas works']);
    // Not closed: as if the app were killed once the cache had been written (half a second after a change).
    await again.clock.advance(1_000);
    const third = await openCore(fake, { dataDir: first.dataDir, secrets: first.secrets, clock: first.clock });
    cores.push(third);
    expect(third.core.snapshot().otherAccountTimers).toEqual([]);
  });

  it('a cache from before there was one per account belongs to the account active at load', async () => {
    const first = await twoAccounts();
    const jonas = first.core.snapshot();
    first.core.close();
    const file = path.join(first.dataDir, 'cache.json');
    const written = JSON.parse(readFileSync(file, 'utf8')) as { accounts: Record<string, object> };
    writeFileSync(file, JSON.stringify({ version: 1, ...written.accounts[ids(first)['jonas.weber@example.com']!] }));
    fake.addFault({ kind: 'reset', count: Infinity });
    const again = await openCore(fake, { dataDir: first.dataDir, secrets: first.secrets, clock: first.clock });
    cores.push(again);
    expect(again.core.snapshot().workspaces).toEqual(jonas.workspaces);
    expect(again.core.snapshot().recent.map((entry) => entry.key)).toEqual(jonas.recent.map((entry) => entry.key));
    await again.core.switchAccount(ids(again)['lena.fischer@example.com']!);
    expect(again.core.snapshot().workspaces).toEqual([]);
  });

  it('signing out of the active account removes only its key; the other account becomes active', async () => {
    const under = await twoAccounts();
    const { 'lena.fischer@example.com': lena, 'jonas.weber@example.com': jonas } = ids(under);
    expect((await under.core.signOut(false)).ok).toBe(true);
    await under.settled();
    expect(await under.secrets.get(jonas!)).toBeNull();
    expect(await under.secrets.get(lena!)).toBe(FAKE_API_KEY);
    expect(under.core.snapshot().accounts).toEqual([expect.objectContaining({ email: 'lena.fischer@example.com', active: true })]);
    expect(under.core.snapshot().account).toMatchObject({ status: 'signed-in', email: 'lena.fischer@example.com' });
  });

  it('remembers the accounts and the active one across a restart', async () => {
    const first = await twoAccounts();
    await first.core.switchAccount(ids(first)['lena.fischer@example.com']!);
    await first.settled();
    first.core.close();
    const again = await openCore(fake, { dataDir: first.dataDir, secrets: first.secrets });
    cores.push(again);
    await again.settled();
    expect(again.core.snapshot().account).toMatchObject({ status: 'signed-in', email: 'lena.fischer@example.com' });
    expect(again.core.snapshot().accounts.map((account) => [account.email, account.active])).toEqual([
      ['lena.fischer@example.com', true],
      ['jonas.weber@example.com', false],
    ]);
  });

  it('settings from before several accounts: the signed-in account gets its record once its user is known', async () => {
    const under = await openCore(fake);
    cores.push(under);
    await under.core.connect(lenaKey, FAKE_API_KEY);
    await under.settled();
    expect(under.core.snapshot().accounts).toHaveLength(1);
    expect(under.core.snapshot().accounts[0]).toMatchObject({ id: 'clockify:https://api.clockify.me/api/v1', active: true });
  });
});
