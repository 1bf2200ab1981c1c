// The simulated day of figure 7, in its own Node process (run with --expose-gc by core-memory.ts):
// only the core lives here, so the heap measured is the core's. See core-memory.ts for the method.
// Prints one line `RESULT <json>` at the end.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ClockifyClient } from '../electron/clockify/client';
import { createMemorySecretStore } from '../electron/platform/secret-store';
import { FAKE_API_KEY } from '../e2e/fake-clockify/server';
import { FakeClock, settle } from '../e2e/support/fake-clock';
import { openBenchCore } from './lib/core';

const [apiUrl, hoursArg] = process.argv.slice(2);
const hours = Number(hoursArg);
if (!apiUrl || !(hours > 0)) throw new Error('usage: core-memory-child.ts <fake api url> <hours>');
const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with node --expose-gc');

/** Long enough for every periodic activity below to have run once (so its code is compiled). */
const WARM_UP_S = 3600 + 60;
const POPOVER_EVERY_S = 15 * 60;
const POPOVER_OPEN_S = 60;
const USER_EDIT_EVERY_S = 60 * 60;
const WEB_EDIT_EVERY_S = 6 * 60 * 60;

const dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-bench-memory-'));
const clock = new FakeClock(Date.now());
let inFlight = 0;
let requests = 0;
const countingFetch: typeof fetch = async (input, init) => {
  inFlight++;
  requests++;
  try {
    return await fetch(input, init);
  } finally {
    inFlight--;
  }
};

/** Lets requests in flight land (in real time; the core's clock stands still meanwhile). */
async function landed(): Promise<void> {
  await settle();
  while (inFlight > 0) {
    await new Promise((resolve) => setTimeout(resolve, 1));
    await settle();
  }
}

function heapUsed(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed;
}

const core = await openBenchCore({ apiUrl, dataDir, secrets: createMemorySecretStore(), clock, fetch: countingFetch });
const connected = await core.connect({ kind: 'clockify', server: 'global' }, FAKE_API_KEY);
if (!connected.ok) throw new Error(`sign-in failed: ${connected.error.message}`);
await landed();

// What main has attached while the app runs: a push of every snapshot to a window, a tick listener.
let snapshots = 0;
let pushedBytes = 0;
let ticks = 0;
core.onState((snapshot) => {
  snapshots++;
  pushedBytes += JSON.stringify(snapshot).length;
});
core.onTick((tick) => {
  ticks++;
  pushedBytes += JSON.stringify(tick).length;
});
const started = core.startTimer({ description: 'All day', projectId: null, taskId: null, tagIds: [], billable: false });
if (!started.ok) throw new Error(`start failed: ${started.error.message}`);
await landed();
await core.settled();

const web = new ClockifyClient({ connection: { kind: 'clockify', server: 'custom', baseUrl: apiUrl }, secret: FAKE_API_KEY, timeoutMs: 10_000 });

let second = 0;
async function simulate(seconds: number): Promise<void> {
  for (let i = 0; i < seconds; i++) {
    second++;
    if (second % POPOVER_EVERY_S === 0) core.setWindowVisible(true);
    if (second % POPOVER_EVERY_S === POPOVER_OPEN_S) core.setWindowVisible(false);
    if (second % USER_EDIT_EVERY_S === 0) {
      const result = core.updateRunningEntry({ description: `All day, hour ${second / 3600}`, projectId: null, taskId: null, tagIds: [], billable: false });
      if (!result.ok) throw new Error(`edit failed: ${result.error.message}`);
    }
    if (second % WEB_EDIT_EVERY_S === 1800) {
      // Edited on the web: the next reconciliation adopts it.
      const timer = core.snapshot().timer;
      const workspaceId = core.snapshot().workspaceId;
      if (timer.status === 'running' && timer.entry.serverId && workspaceId) {
        await web.updateTimeEntry(workspaceId, timer.entry.serverId, { start: new Date(timer.entry.start), end: null, description: `Edited on the web at ${second} s`, projectId: null, taskId: null, tagIds: [], billable: false, type: 'REGULAR', customFields: [] });
      }
    }
    await clock.advance(1000);
    if (inFlight > 0) await landed();
  }
}

const initial = heapUsed();
await simulate(WARM_UP_S);
const before = heapUsed();
const hourly: number[] = [];
for (let hour = 0; hour < hours; hour++) {
  await simulate(3600);
  hourly.push(heapUsed());
}
const after = hourly.at(-1)!;
const timer = core.snapshot().timer;
core.close();
rmSync(dataDir, { recursive: true, force: true });
console.log(
  `RESULT ${JSON.stringify({ initial, before, after, hourly, ticks, snapshots, pushedBytes, requests, stats: core.outboxStats, running: timer.status === 'running', description: timer.status === 'running' ? timer.entry.description : null, pendingTimers: clock.scheduled })}`,
);
