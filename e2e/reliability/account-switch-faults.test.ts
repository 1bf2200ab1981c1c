// The fault suite with account switches: two accounts (Lena with her API key, Jonas through Maton)
// and random operations in whichever is active, random switches between them, under random faults
// from the fake server, and stretches offline during which the person keeps working and switches
// (the leaving account's changes wait for it). Then every entry is on the server once, under the
// user of the account that made it, never under the other; nothing is left pending. Replayable from
// its seed alone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ConnectionConfig } from '../../shared/connection';
import { toClockifyInstant } from '../../shared/time/wire-format';
import { FAKE_API_KEY, FAKE_MATON_KEY, startFakeClockify, type Fault, type FakeClockify } from '../fake-clockify/server';
import { openCore, type CoreUnderTest } from '../support/core-fixture';
import { FakeClock } from '../support/fake-clock';
import { prng } from '../support/prng';

const SEED = Number(process.env.FAULT_SEED ?? 20261130);
const OPERATIONS = Number(process.env.FAULT_OPERATIONS ?? 150);
const PREFIX = 'sw-';
const JONAS_CONNECTION = 'c0ffee00-0000-4000-8000-00000000j0na';

const START_TIME = Date.UTC(2026, 0, 5, 7, 0, 0) + (SEED % 211) * 86_400_000;

let fake: FakeClockify;
let under: CoreUnderTest;
let clock: FakeClock;

beforeAll(async () => {
  clock = new FakeClock(START_TIME);
  fake = await startFakeClockify({ seed: 'small', now: () => new Date(clock.now()), delay: (ms) => new Promise((resolve) => clock.setTimeout(resolve, ms)), rateClock: () => clock.now() });
  const jonas = fake.state.users.find((user) => user.email === 'jonas.weber@example.com')!;
  const at = new Date(START_TIME).toISOString();
  fake.state.matonConnections.push({ id: JONAS_CONNECTION, userId: jonas.id, status: 'ACTIVE', app: 'clockify', creationTime: at, lastUpdatedTime: at, sessionToken: 'jonas' });
  under = await openCore(fake, { timeoutMs: 150, clock, random: prng(SEED ^ 0x2545f491) });
});
afterAll(async () => {
  under.core.close();
  await fake.close();
});

/**
 * Runs a command that waits on requests: real requests land first (real time), then the app's clock
 * moves a little (timeouts and injected latency run on it), until the command is done.
 */
async function untilDone<T>(promise: Promise<T>): Promise<T> {
  let done = false;
  void promise.finally(() => (done = true));
  for (let step = 0; !done && step < 3000; step++) {
    await under.settled();
    if (!done) await clock.advance(100);
  }
  expect(done).toBe(true);
  return promise;
}

it(`keeps each account's entries with that account through ${OPERATIONS} operations and switches under random faults (seed ${SEED})`, async () => {
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const { core } = under;
  const lena: ConnectionConfig = { kind: 'clockify', server: 'global' };
  const jonas: ConnectionConfig = { kind: 'maton', gatewayUrl: fake.matonUrl, connectionId: JONAS_CONNECTION };
  expect((await untilDone(core.connect(lena, FAKE_API_KEY))).ok).toBe(true);
  expect((await untilDone(core.connect(jonas, FAKE_MATON_KEY))).ok).toBe(true);
  const userIds = Object.fromEntries(fake.state.users.map((user) => [user.email, user.id]));
  /** description → the email of the account that made it. */
  const intended = new Map<string, string>();
  const journal: string[] = [];
  const record = (line: string) => journal.push(`#${journal.length} ${line}`);
  const counts = { switches: 0, switchesRefused: 0, offlineSwitchesWithPending: 0, stopsInOther: 0, faults: 0, offline: 0 };
  let offline = false;
  const faults: (() => Fault)[] = [
    () => ({ kind: 'status', status: 429, body: null, count: 1 + Math.floor(random() * 2) }),
    () => ({ kind: 'status', status: 503, body: null, count: 1 + Math.floor(random() * 3) }),
    () => ({ kind: 'status', status: 500, body: null, count: 1 }),
    () => ({ kind: 'reset', count: 1 }),
    () => ({ kind: 'apply-then-drop', match: { method: pick(['POST', 'PATCH']) }, count: 1 }),
    () => ({ kind: 'latency', ms: 500 + Math.floor(random() * 5_000), count: 1 }),
    () => ({ kind: 'refuse', forMs: 2_000 + Math.floor(random() * 30_000) }),
  ];
  const active = () => core.snapshot().account;
  const email = () => {
    const account = active();
    return account.status === 'signed-in' ? account.email : '';
  };

  for (let op = 0; op < OPERATIONS; op++) {
    if (random() < (offline ? 0.15 : 0.06)) {
      // The network goes away (every request fails to connect) or comes back.
      offline = !offline;
      if (offline) {
        counts.offline++;
        fake.addFault({ kind: 'reset', count: Infinity });
      } else {
        fake.clearFaults();
      }
      record(offline ? 'offline' : 'online');
    }
    if (!offline && random() < 0.3) {
      const fault = pick(faults)();
      counts.faults++;
      fake.addFault(fault);
      record(`fault ${JSON.stringify(fault)}`);
    }
    await under.settled();
    await clock.advance(1000 + Math.floor(random() * 60_000));
    const roll = random();
    const description = `${PREFIX}${op}`;
    if (roll < 0.25) {
      const other = core.snapshot().accounts.find((account) => !account.active)!;
      const pendingBefore = core.snapshot().sync.pending;
      const result = await untilDone(core.switchAccount(other.id));
      if (result.ok) counts.switches++;
      else counts.switchesRefused++;
      if (result.ok && offline && pendingBefore > 0) counts.offlineSwitchesWithPending++;
      record(`switch to ${other.email}: ${result.ok ? 'ok' : result.error.message}`);
    } else if (roll < 0.5) {
      if (core.snapshot().workspaceId === null) continue; // the new account's workspaces are still loading
      const result = core.startTimer({ description, projectId: null, taskId: null, tagIds: [], billable: false });
      if (result.ok) intended.set(description, email());
      record(`start ${description} in ${email()}: ${result.ok ? 'ok' : result.error.message}`);
    } else if (roll < 0.7) {
      // A timer left running in the other account is stopped from here, with that account's key.
      const elsewhere = core.snapshot().otherAccountTimers ?? [];
      const inOther = elsewhere.length > 0 && random() < 0.5;
      const result = inOther ? core.stopTimerIn(elsewhere[0]!.accountId) : core.stopTimer();
      if (inOther) counts.stopsInOther++;
      record(`stop in ${inOther ? elsewhere[0]!.email : email()}: ${result.ok ? 'ok' : result.error.message}`);
    } else if (core.snapshot().workspaceId !== null) {
      const end = clock.now() - Math.floor(random() * 3_600_000);
      const times = { start: toClockifyInstant(new Date(end - 600_000)), end: toClockifyInstant(new Date(end)) };
      const result = core.addEntry({ description, projectId: null, taskId: null, tagIds: [], billable: false }, times);
      if (result.ok) intended.set(description, email());
      record(`add ${description} in ${email()}: ${result.ok ? 'ok' : result.error.message}`);
    }
  }

  fake.clearFaults();
  core.resumed();
  const waiting = () => core.snapshot().sync.pending + (core.snapshot().sync.otherAccounts ?? []).reduce((sum, other) => sum + other.pending, 0);
  for (let round = 0; round < 40 && waiting() > 0; round++) {
    await clock.advance(65_000);
    await under.settled();
  }
  const onServer = fake.state.timeEntries.filter((entry) => entry.description.startsWith(PREFIX));
  const wrongUser = onServer.filter((entry) => entry.userId !== userIds[intended.get(entry.description) ?? '']).map((entry) => entry.description);
  const missing = [...intended.keys()].filter((description) => !onServer.some((entry) => entry.description === description));
  const duplicates = onServer.length - new Set(onServer.map((entry) => entry.description)).size;
  const running = fake.state.timeEntries.filter((entry) => entry.end === null);
  console.log(
    `account-switch fault suite (seed ${SEED}): ${OPERATIONS} operations, ${counts.faults} faults, ${counts.switches} switches (${counts.switchesRefused} refused), ${counts.offline} stretches offline, ${counts.offlineSwitchesWithPending} switches offline with changes pending, ${counts.stopsInOther} stops of the other account's timer; ` +
      `intended ${intended.size}, on the server ${onServer.length}: ${missing.length} missing, ${wrongUser.length} under the wrong user, ${duplicates} duplicated`,
  );
  if (missing.length + wrongUser.length + duplicates > 0) console.log(journal.join('\n'));
  expect({ pending: waiting(), otherAccounts: core.snapshot().sync.otherAccounts, missing, wrongUser, duplicates }).toEqual({ pending: 0, otherAccounts: [], missing: [], wrongUser: [], duplicates: 0 });
  // One timer for the person: never one running in each account.
  expect(running.length).toBeLessThanOrEqual(1);
  expect(counts.switches).toBeGreaterThan(5);
  // Switching never waits for the network: the seed must exercise it.
  expect(counts.switchesRefused).toBe(0);
  expect(counts.offlineSwitchesWithPending).toBeGreaterThan(0);
}, 180_000);
