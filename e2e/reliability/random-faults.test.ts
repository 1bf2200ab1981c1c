// Hundreds of mixed operations through the real core under random faults from the fake server,
// then: the server's entries equal exactly the intended ones. Nothing lost, nothing duplicated,
// nothing out of order. Seeded and bounded; prints its figures.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntryDraft } from '../../shared/domain';
import { toClockifyInstant } from '../../shared/time/wire-format';
import { startFakeClockify, type Fault, type FakeClockify } from '../fake-clockify/server';
import { signedIn, type CoreUnderTest } from '../support/core-fixture';
import { FakeClock } from '../support/fake-clock';

const SEED = Number(process.env.FAULT_SEED ?? 20261122);
const OPERATIONS = Number(process.env.FAULT_OPERATIONS ?? 300);
const PREFIX = 'fz-';

/** mulberry32: a small seeded PRNG, so a failing run can be replayed with FAULT_SEED. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Intended {
  description: string;
  start: string;
  end: string | null;
}

let fake: FakeClockify;
let under: CoreUnderTest;

beforeAll(async () => {
  // The server's latency runs on the app's clock: a slow request lands when the app's time says so.
  const clock = new FakeClock(Date.now());
  fake = await startFakeClockify({ seed: 'small', delay: (ms) => new Promise((resolve) => clock.setTimeout(resolve, ms)) });
  under = await signedIn(fake, { timeoutMs: 150, clock });
});
afterAll(async () => {
  under.core.close();
  await fake.close();
});

it(`keeps the server equal to the user's intent through ${OPERATIONS} operations under random faults (seed ${SEED})`, async () => {
  const random = prng(SEED);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const { core, clock } = under;
  const intended = new Map<string, Intended>(); // by description, unique per entry
  let counter = 0;
  const faultsInjected: Record<string, number> = {};
  const draft = (description: string): EntryDraft => ({ description, projectId: null, taskId: null, tagIds: [], billable: false });
  const now = () => toClockifyInstant(new Date(clock.now()));
  const runningIntent = () => [...intended.values()].find((entry) => entry.end === null);
  const mine = () => core.snapshot().recent.filter((entry) => entry.description.startsWith(PREFIX));
  const started = Date.now();
  const journal: string[] = []; // what happened, to explain a failure
  const record = (line: string) => journal.push(`#${journal.length} ${line}`);

  const faults: (() => Fault)[] = [
    () => ({ kind: 'status', status: 429, body: null, count: 1 + Math.floor(random() * 3) }),
    () => ({ kind: 'status', status: 429, body: null, retryAfter: 1, count: 1 }),
    () => ({ kind: 'status', status: 500, body: null, count: 1 }),
    () => ({ kind: 'status', status: 503, body: null, count: 1 + Math.floor(random() * 2) }),
    () => ({ kind: 'reset', count: 1 }),
    () => ({ kind: 'apply-then-drop', match: { method: pick(['POST', 'PATCH', 'PUT', 'DELETE']) }, count: 1 }),
    () => ({ kind: 'latency', ms: 1000 + Math.floor(random() * 20_000), count: 1 }), // past the 150 ms timeout
    () => ({ kind: 'refuse', forMs: 5_000 + Math.floor(random() * 120_000) }),
  ];

  for (let op = 0; op < OPERATIONS; op++) {
    if (random() < 0.3) {
      const fault = pick(faults)();
      faultsInjected[fault.kind] = (faultsInjected[fault.kind] ?? 0) + 1;
      fake.addFault(fault);
      record(`fault ${JSON.stringify(fault)}`);
    }
    await under.settled(); // requests in flight land before time moves on
    await clock.advance(1000 + Math.floor(random() * 120_000));
    const roll = random();
    const description = `${PREFIX}${++counter}`;
    if (roll < 0.25) {
      const at = now();
      const running = runningIntent();
      if (running) running.end = at;
      expect(core.startTimer(draft(description)).ok).toBe(true);
      intended.set(description, { description, start: at, end: null });
      record(`start ${description}`);
    } else if (roll < 0.45) {
      const running = runningIntent();
      const result = core.stopTimer();
      expect(result.ok).toBe(running !== undefined);
      if (running) running.end = now();
      record(`stop ${running?.description}`);
    } else if (roll < 0.6) {
      const end = clock.now() - Math.floor(random() * 3 * 3_600_000);
      const start = end - 60_000 - Math.floor(random() * 3_600_000);
      const times = { start: toClockifyInstant(new Date(start)), end: toClockifyInstant(new Date(end)) };
      expect(core.addEntry(draft(description), times).ok).toBe(true);
      intended.set(description, { description, ...times });
      record(`add ${description}`);
    } else if (roll < 0.75) {
      const target = mine().length ? pick(mine()) : undefined;
      if (target) {
        const result = core.updateEntry(target.key, draft(description), { start: target.start, end: target.end! });
        expect(result, `editing ${JSON.stringify(target)}`).toEqual({ ok: true, value: null });
        intended.delete(target.description);
        intended.set(description, { description, start: target.start, end: target.end });
        record(`edit ${target.description} (${target.sync}) → ${description}`);
      }
    } else if (roll < 0.88) {
      const target = mine().length ? pick(mine()) : undefined;
      if (target) {
        expect(core.deleteEntry(target.key).ok).toBe(true);
        intended.delete(target.description);
        record(`delete ${target.description} (${target.sync})`);
      }
    } else if (roll < 0.94) {
      const target = mine().length ? pick(mine()) : undefined;
      if (target) {
        const at = now();
        const running = runningIntent();
        if (running) running.end = at;
        expect(core.continueEntry(target.key).ok).toBe(true);
        // A continued entry copies the description: rename it at once so each entry stays unique.
        const timer = core.snapshot().timer;
        if (timer.status === 'running') core.updateRunningEntry(draft(description));
        intended.set(description, { description, start: at, end: null });
        record(`continue ${target.description} as ${description}`);
      }
    } else {
      const running = runningIntent();
      expect(core.discardTimer().ok).toBe(running !== undefined);
      if (running) intended.delete(running.description);
      record(`discard ${running?.description}`);
    }
  }

  // The faults end; the outbox drains with its backoff.
  fake.clearFaults();
  for (let round = 0; round < 40 && core.snapshot().sync.pending > 0; round++) {
    await clock.advance(65_000);
    await under.settled();
  }

  const onServer = fake.state.timeEntries.filter((entry) => entry.description.startsWith(PREFIX));
  const expected = [...intended.values()].sort((a, b) => a.start.localeCompare(b.start) || a.description.localeCompare(b.description));
  const actual = onServer.map(({ description, start, end }) => ({ description, start, end })).sort((a, b) => a.start.localeCompare(b.start) || a.description.localeCompare(b.description));
  const missing = expected.filter((e) => !actual.some((a) => a.description === e.description && a.start === e.start && a.end === e.end));
  const unexpected = actual.filter((a) => !expected.some((e) => a.description === e.description && a.start === e.start && a.end === e.end));
  const duplicates = actual.length - new Set(actual.map((a) => a.description)).size;
  const stats = core.outboxStats;
  console.log(
    [
      `fault suite (seed ${SEED}): ${OPERATIONS} operations, ${Object.values(faultsInjected).reduce((a, b) => a + b, 0)} faults injected ${JSON.stringify(faultsInjected)}`,
      `  requests ${fake.requests.length}, sent ${stats.sent}, retries ${stats.retries}, adopted after lost answers ${stats.adopted}, refused ${stats.refused}`,
      `  intended ${expected.length} entries, on the server ${actual.length}: ${missing.length} missing, ${unexpected.length} unexpected, ${duplicates} duplicated; ${core.snapshot().sync.pending} still pending`,
      `  took ${Date.now() - started} ms`,
    ].join('\n'),
  );
  const suspects = [...missing, ...unexpected].map((entry) => entry.description);
  if (suspects.length > 0) {
    console.log(journal.filter((line) => suspects.some((d) => line.includes(`${d} `) || line.endsWith(d))).join('\n'));
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    console.log(writes.map((r) => `${r.method} ${r.path.slice(-24)} ${JSON.stringify(r.body ?? null).slice(0, 100)} → ${r.status} ${r.fault ?? ''}`).join('\n'));
  }
  expect({ pending: core.snapshot().sync.pending, attention: core.snapshot().sync.attention, missing, unexpected, duplicates }).toEqual({ pending: 0, attention: [], missing: [], unexpected: [], duplicates: 0 });
}, 120_000);
