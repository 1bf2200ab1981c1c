// Hundreds of mixed operations through the real core under random faults from the fake server,
// (start, stop, add, edit, delete, continue, discard, split, duplicate, interrupt and return,
// switch at a past moment)
// then: the server's entries equal exactly the intended ones, field by field (description, times,
// project, tags, billable), and the app lists them in the server's order. Nothing lost, nothing
// duplicated, nothing out of order. Faults: 429, 401 (the user connects again), 4xx refusals (the
// user saves the entry again), 500/502/503/504, a 500 after the write applied, malformed 2xx
// bodies, resets, lost answers, latency past the timeout, refused connections. Replayable from
// its seed alone: the app's clock starts from the seed, and the backoff's jitter comes from it.
// Continue is sometimes done by starting a favourite pinned from the entry, and the focus mode is
// on: taking its break stops the timer, back to work starts the same work again.
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { EntryDraft, EntryView } from '../../shared/domain';
import { tz } from '@date-fns/tz';
import { addDays } from 'date-fns';
import { MAX_FAVOURITES } from '../../shared/favourites';
import { DEFAULT_POMODORO } from '../../shared/pomodoro';
import { toClockifyInstant } from '../../shared/time/wire-format';
import { localDayKey } from '../../shared/time/zone';
import { FAKE_API_KEY, startFakeClockify, type Fault, type FakeClockify } from '../fake-clockify/server';
import { signedIn, type CoreUnderTest } from '../support/core-fixture';
import { FakeClock } from '../support/fake-clock';
import { prng } from '../support/prng';

const SEED = Number(process.env.FAULT_SEED ?? 20261122);
const OPERATIONS = Number(process.env.FAULT_OPERATIONS ?? 300);
const PREFIX = 'fz-';

interface Intended {
  description: string;
  start: string;
  end: string | null;
  projectId: string | null;
  tagIds: readonly string[];
  billable: boolean;
}

/** Where the app's clock starts: a weekday morning some days after 2026-01-05, chosen by the seed. */
const START_TIME = Date.UTC(2026, 0, 5, 7, 0, 0) + (SEED % 211) * 86_400_000 + (SEED % 3600) * 1000;

let fake: FakeClockify;
let under: CoreUnderTest;

beforeAll(async () => {
  // The server's latency runs on the app's clock: a slow request lands when the app's time says so.
  const clock = new FakeClock(START_TIME);
  fake = await startFakeClockify({
    seed: 'small',
    now: () => new Date(clock.now()),
    delay: (ms) => new Promise((resolve) => clock.setTimeout(resolve, ms)),
    rateClock: () => clock.now(),
  });
  under = await signedIn(fake, { timeoutMs: 150, clock, random: prng(SEED ^ 0x5bd1e995) });
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
  const workspaceId = core.snapshot().workspaceId!;
  const projects = fake.state.projects.filter((p) => p.workspaceId === workspaceId && !p.archived).map((p) => p.id);
  const tags = fake.state.tags.filter((t) => t.workspaceId === workspaceId && !t.archived).map((t) => t.id);
  /** A new entry's fields: project, tags and billable vary with the seed. */
  const draft = (description: string): EntryDraft => ({
    description,
    projectId: random() < 0.6 ? pick(projects) : null,
    taskId: null,
    tagIds: tags.filter(() => random() < 0.3),
    billable: random() < 0.5,
  });
  const fieldsOf = (d: EntryDraft) => ({ projectId: d.projectId, tagIds: d.tagIds, billable: d.billable });
  const draftOf = (view: EntryView): EntryDraft => ({ description: view.description, projectId: view.projectId, taskId: view.taskId, tagIds: view.tagIds, billable: view.billable });
  const writeMethod = () => pick(['POST', 'PATCH', 'PUT', 'DELETE']);
  const now = () => toClockifyInstant(new Date(clock.now()));
  const runningIntent = () => [...intended.values()].find((entry) => entry.end === null);
  const mine = () => core.snapshot().recent.filter((entry) => entry.description.startsWith(PREFIX));
  // The focus mode is on: its breaks and back-to-work are operations too.
  expect(core.updateSettings({ pomodoro: { ...DEFAULT_POMODORO, enabled: true } }).ok).toBe(true);
  const started = performance.now();
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
    // The key refused once: the app stops sending until the user connects again.
    () => ({ kind: 'status', status: 401, body: JSON.stringify({ message: 'Api key does not exist', code: 4003 }), match: { method: writeMethod() }, count: 1 }),
    // A refusal that saving again gets past (as after fixing what the message says).
    () => ({ kind: 'status', status: 400, body: JSON.stringify({ message: 'Injected rule violation', code: 501 }), match: { method: writeMethod() }, count: 1 }),
    () => ({ kind: 'status', status: pick([502, 504]), body: '<html><body>Bad gateway</body></html>', count: 1 }),
    () => ({ kind: 'apply-then-status', status: 500, body: JSON.stringify({ message: 'Internal server error', code: 500 }), match: { method: writeMethod() }, count: 1 }),
    () => ({ kind: 'apply-then-status', status: pick([200, 201]), body: pick(['<html>ok</html>', '{"id":', '{"unexpected":true}', '']), match: { method: pick(['POST', 'PATCH', 'PUT']) }, count: 1 }),
  ];
  /** Pins an entry as a favourite (making room when the list is full) and returns it. */
  const pinned = (target: EntryView) => {
    const favourites = () => core.snapshot().favourites ?? [];
    if (favourites().length >= MAX_FAVOURITES) core.removeFavourite(favourites()[0]!.id);
    core.addFavourite(target.key);
    return favourites().find((f) => f.description === target.description && f.projectId === target.projectId && f.billable === target.billable);
  };
  const flows = { favourite: 0, focusBreak: 0, backToWork: 0 };
  let reconnects = 0;
  let mustConnect = false;
  let resaves = 0;

  /** What a user does about the problems the app shows: connect again after a refused key, save a refused change again. */
  const respond = async () => {
    if (under.notices.splice(0).some((notice) => notice.text.includes('no longer accepts the saved key'))) mustConnect = true;
    if (mustConnect) {
      // A fault may hit this sign-in too; the user tries again a little later.
      // A slow answer (a latency fault) lands only as the app's clock moves: it moves while the user waits.
      let connecting = true;
      const connection = core.connect({ kind: 'clockify', server: 'global' }, FAKE_API_KEY).finally(() => (connecting = false));
      while (connecting) await clock.advance(250);
      const connected = await connection;
      mustConnect = !connected.ok;
      if (connected.ok) reconnects++;
      record(`connect again: ${connected.ok ? 'ok' : connected.error.message}`);
    }
    for (const item of core.snapshot().sync.attention) {
      const snapshot = core.snapshot();
      const view = [...snapshot.recent, ...(snapshot.timer.status === 'idle' ? [] : [snapshot.timer.entry])].find((entry) => entry.key === item.entryKey);
      if (!view) continue;
      const result =
        item.what === 'delete'
          ? core.deleteEntry(view.key)
          : item.what === 'stop' || view.end === null
            ? core.updateRunningEntry(draftOf(view))
            : core.updateEntry(view.key, draftOf(view), { start: view.start, end: view.end });
      resaves++;
      record(`save again ${item.what} ${view.description}: ${result.ok ? 'ok' : JSON.stringify(result)}`);
    }
  };

  /**
   * After a stop or discard: an interruption's work came back, resumed (the same entry runs again)
   * or as a new entry, which is renamed at once so that each entry stays unique.
   */
  const afterReturn = () => {
    const timer = core.snapshot().timer;
    if (timer.status !== 'running') return;
    const resumed = [...intended.values()].find((entry) => entry.description === timer.entry.description && entry.start === timer.entry.start);
    if (resumed) {
      resumed.end = null;
      record(`returned to ${resumed.description} (resumed)`);
      return;
    }
    const description = `${PREFIX}${++counter}`;
    const fields = { ...draftOf(timer.entry), description };
    expect(core.updateRunningEntry(fields).ok).toBe(true);
    intended.set(description, { description, start: timer.entry.start, end: null, ...fieldsOf(fields) });
    record(`returned to ${timer.entry.description} as ${description}`);
  };

  for (let op = 0; op < OPERATIONS; op++) {
    if (random() < 0.3) {
      const fault = pick(faults)();
      faultsInjected[fault.kind] = (faultsInjected[fault.kind] ?? 0) + 1;
      fake.addFault(fault);
      record(`fault ${JSON.stringify(fault)}`);
    }
    await under.settled(); // requests in flight land before time moves on
    await respond();
    await clock.advance(1000 + Math.floor(random() * 120_000));
    const roll = random();
    const description = `${PREFIX}${++counter}`;
    if (roll < 0.22) {
      const at = now();
      const running = runningIntent();
      const fields = draft(description);
      const result = core.startTimer(fields);
      if (!result.ok) {
        record(`start ${description} refused: ${result.error.message}`); // a stop waits for the user
        continue;
      }
      if (running) running.end = at;
      intended.set(description, { description, start: at, end: null, ...fieldsOf(fields) });
      record(`start ${description}`);
    } else if (roll < 0.4) {
      const running = runningIntent();
      const result = core.stopTimer();
      expect(result.ok).toBe(running !== undefined);
      if (running) running.end = now();
      record(`stop ${running?.description}`);
      afterReturn();
    } else if (roll < 0.52) {
      const end = clock.now() - Math.floor(random() * 3 * 3_600_000);
      const start = end - 60_000 - Math.floor(random() * 3_600_000);
      const times = { start: toClockifyInstant(new Date(start)), end: toClockifyInstant(new Date(end)) };
      const fields = draft(description);
      expect(core.addEntry(fields, times).ok).toBe(true);
      intended.set(description, { description, ...times, ...fieldsOf(fields) });
      record(`add ${description}`);
    } else if (roll < 0.66) {
      const target = mine().length ? pick(mine()) : undefined;
      if (target) {
        const fields = draft(description);
        const result = target.end === null ? core.updateRunningEntry(fields) : core.updateEntry(target.key, fields, { start: target.start, end: target.end });
        expect(result, `editing ${JSON.stringify(target)}`).toEqual({ ok: true, value: null });
        intended.delete(target.description);
        intended.set(description, { description, start: target.start, end: target.end, ...fieldsOf(fields) });
        record(`edit ${target.description} (${target.sync}) → ${description}`);
      }
    } else if (roll < 0.77) {
      const target = mine().length ? pick(mine()) : undefined;
      if (target) {
        expect(core.deleteEntry(target.key).ok).toBe(true);
        intended.delete(target.description);
        record(`delete ${target.description} (${target.sync})`);
      }
    } else if (roll < 0.83) {
      const target = mine().length ? pick(mine()) : undefined;
      if (target) {
        const at = now();
        const running = runningIntent();
        // Half the time through a favourite pinned from it (the same stop and start as Continue).
        const favourite = random() < 0.5 ? pinned(target) : undefined;
        const result = favourite ? core.startFavourite(favourite.id) : core.continueEntry(target.key);
        if (!result.ok) {
          record(`continue ${target.description} refused: ${result.error.message}`);
          continue;
        }
        if (running) running.end = at;
        // A continued entry copies the description: rename it at once so each entry stays unique.
        const fields = { ...draftOf(target), description };
        expect(core.updateRunningEntry(fields).ok).toBe(true);
        intended.set(description, { description, start: at, end: null, ...fieldsOf(fields) });
        if (favourite) flows.favourite++;
        record(`continue ${target.description}${favourite ? ' (favourite)' : ''} as ${description}`);
      }
    } else if (roll < 0.86) {
      const phase = core.snapshot().pomodoro?.phase;
      if ((phase === 'work' || phase === 'work-over') && random() < 0.5) {
        // The focus mode's break: the running timer stops (no break project: no entry).
        const at = now();
        const running = runningIntent();
        const result = core.focus('break');
        if (!result.ok) {
          record(`focus break refused: ${result.error.message}`);
          continue;
        }
        if (running) running.end = at;
        flows.focusBreak++;
        record(`focus break (${running?.description} stopped)`);
        afterReturn();
      } else if ((phase === 'break' || phase === 'break-over') && random() < 0.5) {
        // Back to work: the work left for the break starts again, renamed to stay unique.
        const at = now();
        const result = core.focus('back-to-work');
        if (!result.ok) {
          record(`back to work refused: ${result.error.message}`);
          continue;
        }
        const timer = core.snapshot().timer;
        if (timer.status === 'running') {
          const fields = { ...draftOf(timer.entry), description };
          expect(core.updateRunningEntry(fields).ok).toBe(true);
          intended.set(description, { description, start: at, end: null, ...fieldsOf(fields) });
        }
        flows.backToWork++;
        record(`back to work as ${description}`);
      } else {
        const running = runningIntent();
        expect(core.discardTimer().ok).toBe(running !== undefined);
        if (running) intended.delete(running.description);
        record(`discard ${running?.description}`);
        afterReturn();
      }
    } else if (roll < 0.91) {
      // Split a finished entry at a moment inside it; the second half is renamed at once (each entry stays unique).
      const candidates = mine().filter((entry) => entry.end !== null && Date.parse(entry.end) - Date.parse(entry.start) > 2000);
      const target = candidates.length ? pick(candidates) : undefined;
      const model = target && intended.get(target.description);
      if (target && model) {
        const from = Date.parse(target.start) + 1000;
        const at = toClockifyInstant(new Date(from + Math.floor((random() * (Date.parse(target.end!) - 1000 - from)) / 1000) * 1000));
        const result = core.splitEntry(target.key, at);
        expect(result, `splitting ${JSON.stringify(target)} at ${at}`).toEqual({ ok: true, value: null });
        const half = core.snapshot().recent.find((entry) => entry.key !== target.key && entry.description === target.description && entry.start === at)!;
        const fields = { ...draftOf(half), description };
        expect(core.updateEntry(half.key, fields, { start: half.start, end: half.end! }).ok).toBe(true);
        model.end = at;
        intended.set(description, { description, start: at, end: target.end, ...fieldsOf(fields) });
        record(`split ${target.description} (${target.sync}) at ${at} → ${description}`);
      }
    } else if (roll < 0.94) {
      // Duplicate a finished entry to today (same times of day); the copy is renamed at once.
      const target = mine().find((entry) => entry.end !== null);
      if (target && intended.has(target.description)) {
        const zone = core.snapshot().preferences.timeZone;
        const today = localDayKey(new Date(clock.now()), zone);
        const days = Math.round((Date.parse(`${today}T00:00:00Z`) - Date.parse(`${localDayKey(target.start, zone)}T00:00:00Z`)) / 86_400_000);
        const shift = (instant: string) => toClockifyInstant(new Date(addDays(new Date(instant), days, { in: tz(zone) }).getTime()));
        expect(core.duplicateEntry(target.key, today)).toEqual({ ok: true, value: null });
        const copy = core.snapshot().recent.find((entry) => entry.key !== target.key && entry.description === target.description && entry.start === shift(target.start))!;
        const fields = { ...draftOf(copy), description };
        expect(core.updateEntry(copy.key, fields, { start: copy.start, end: copy.end! }).ok).toBe(true);
        intended.set(description, { description, start: copy.start, end: copy.end, ...fieldsOf(fields) });
        record(`duplicate ${target.description} to ${today} → ${description}`);
      }
    } else if (roll < 0.97) {
      // An interruption: the work stops, and comes back when the interruption stops.
      const running = runningIntent();
      const at = now();
      const fields = draft(description);
      const result = core.startInterruption(fields);
      if (!result.ok) {
        record(`interrupt with ${description} refused: ${result.error.message}`);
        continue;
      }
      running!.end = at;
      intended.set(description, { description, start: at, end: null, ...fieldsOf(fields) });
      record(`interrupt ${running!.description} with ${description}`);
    } else {
      // "Switched to X at" a past moment after the running entry began.
      const running = runningIntent();
      const from = running ? Date.parse(running.start) + 1000 : clock.now();
      const at = toClockifyInstant(new Date(from + Math.floor(random() * Math.max(0, clock.now() - from) / 1000) * 1000));
      const fields = draft(description);
      const result = core.switchTimerAt(fields, at);
      if (!result.ok) {
        record(`switch to ${description} at ${at} refused: ${result.error.message}`);
        continue;
      }
      running!.end = at;
      intended.set(description, { description, start: at, end: null, ...fieldsOf(fields) });
      record(`switch ${running!.description} to ${description} at ${at}`);
    }
  }

  // The faults end; the outbox drains with its backoff, the user answering what it shows.
  fake.clearFaults();
  for (let round = 0; round < 40 && (mustConnect || core.snapshot().sync.pending > 0 || core.snapshot().sync.attention.length > 0); round++) {
    await respond();
    await clock.advance(65_000);
    await under.settled();
  }
  await core.retrySync(); // the app reads the server again, as after a restart

  const onServer = fake.state.timeEntries.filter((entry) => entry.description.startsWith(PREFIX));
  const byStart = (a: Intended, b: Intended) => a.start.localeCompare(b.start) || a.description.localeCompare(b.description);
  const expected = [...intended.values()].map((e) => ({ ...e, tagIds: [...e.tagIds].sort() })).sort(byStart);
  const actual = onServer
    .map(({ description, start, end, projectId, tagIds, billable }) => ({ description, start, end, projectId, tagIds: [...(tagIds ?? [])].sort(), billable }))
    .sort(byStart);
  const same = (a: Intended, b: Intended) => JSON.stringify(a) === JSON.stringify(b);
  const missing = expected.filter((e) => !actual.some((a) => same(a, e)));
  const unexpected = actual.filter((a) => !expected.some((e) => same(a, e)));
  const duplicates = actual.length - new Set(actual.map((a) => a.description)).size;
  // Order, not only sets: the app lists its entries as the server orders them (newest start first).
  const serverOrder = [...onServer].sort((a, b) => b.start.localeCompare(a.start) || b.id.localeCompare(a.id)).map((e) => e.description);
  const snapshot = core.snapshot();
  const appOrder = [...(snapshot.timer.status === 'idle' ? [] : [snapshot.timer.entry]), ...snapshot.recent]
    .filter((e) => e.description.startsWith(PREFIX) && Date.parse(e.start) >= clock.now() - 6 * 86_400_000)
    .map((e) => e.description);
  const recentOnServer = serverOrder.filter((d) => Date.parse(onServer.find((e) => e.description === d)!.start) >= clock.now() - 6 * 86_400_000);
  const stats = core.outboxStats;
  console.log(
    [
      `fault suite (seed ${SEED}): ${OPERATIONS} operations, ${Object.values(faultsInjected).reduce((a, b) => a + b, 0)} faults injected ${JSON.stringify(faultsInjected)}`,
      `  requests ${fake.requests.length}, sent ${stats.sent}, retries ${stats.retries}, adopted after lost answers ${stats.adopted}, refused ${stats.refused}; the user connected again ${reconnects}×, saved again ${resaves}×`,
      `  favourites started ${flows.favourite}, focus breaks ${flows.focusBreak}, back to work ${flows.backToWork}`,
      `  intended ${expected.length} entries, on the server ${actual.length}: ${missing.length} missing, ${unexpected.length} unexpected, ${duplicates} duplicated; ${core.snapshot().sync.pending} still pending`,
      `  of them: ${['split', 'duplicate', 'interrupt', 'switch', 'returned'].map((kind) => `${kind} ${journal.filter((line) => line.split(' ')[1] === kind).length}`).join(', ')}`,
      `  took ${Math.round(performance.now() - started)} ms`,
    ].join('\n'),
  );
  const suspects = [...missing, ...unexpected].map((entry) => entry.description);
  if (suspects.length > 0) {
    console.log(journal.filter((line) => suspects.some((d) => line.includes(`${d} `) || line.endsWith(d))).join('\n'));
    const writes = fake.requests.filter((r) => r.method !== 'GET');
    console.log(writes.map((r) => `${r.method} ${r.path.slice(-24)} ${JSON.stringify(r.body ?? null).slice(0, 100)} → ${r.status} ${r.fault ?? ''}`).join('\n'));
  }
  expect({ pending: core.snapshot().sync.pending, attention: core.snapshot().sync.attention, missing, unexpected, duplicates }).toEqual({ pending: 0, attention: [], missing: [], unexpected: [], duplicates: 0 });
  expect(actual).toEqual(expected);
  expect(appOrder).toEqual(recentOnServer);
}, 120_000);
