// Figure 7: the main process core's memory over a simulated day with a running timer. The core
// runs alone in a child Node process started with --expose-gc (so only its heap is measured; the
// fake Clockify runs here, in the bench process), on the fake clock of e2e/support/fake-clock.ts,
// against the fake over real HTTP. It signs in, starts a timer, and has what main attaches while
// the app runs: a listener serializing every state snapshot (the push to a window) and a tick
// listener, so the 1 s tick runs all day. The clock advances one second at a time, waiting in real
// time whenever a request is in flight, so every timer fires at its own moment. Over the day the
// popover opens every 15 minutes for a minute (reconciling when it opens, every 30 s while open),
// the reconciler keeps its own schedule otherwise (2 → 10 minutes), the user edits the running
// entry's description every hour (one PUT each), and every 6 hours it is edited "on the web" (the
// next reconciliation adopts that). A simulated hour of warm-up runs each of these once (V8 compiles
// their code and keeps feedback for it: half a megabyte of code space that is not a leak); then
// gc() runs twice and heapUsed is read (before); again after each simulated hour; growth = the
// last reading - before. The reading before the warm-up is logged too.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { startFakeClockify } from '../e2e/fake-clockify/server';
import { figure, type Figure } from './lib/figures';

export interface CoreMemoryOptions {
  readonly hours: number;
  readonly judge: boolean;
  readonly log: (line: string) => void;
}

interface ChildResult {
  readonly initial: number;
  readonly before: number;
  readonly after: number;
  readonly hourly: number[];
  readonly ticks: number;
  readonly snapshots: number;
  readonly pushedBytes: number;
  readonly requests: number;
  readonly stats: Record<string, number>;
  readonly running: boolean;
  readonly description: string | null;
  readonly pendingTimers: number;
}

const root = path.resolve(import.meta.dirname, '..');

function runChild(apiUrl: string, hours: number): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '--import', 'tsx', path.join(root, 'bench/core-memory-child.ts'), apiUrl, String(hours)], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      const line = out.split('\n').find((candidate) => candidate.startsWith('RESULT '));
      if (code !== 0 || !line) return reject(new Error(`the simulated day failed (exit ${code}): ${err.trim() || out.trim()}`));
      resolve(JSON.parse(line.slice('RESULT '.length)) as ChildResult);
    });
  });
}

export async function measureCoreMemory(options: CoreMemoryOptions): Promise<Figure[]> {
  const fake = await startFakeClockify({ seed: 'small' });
  try {
    const at = performance.now();
    const result = await runChild(fake.url, options.hours);
    const mb = (bytes: number) => bytes / 1024 / 1024;
    const growth = mb(result.after - result.before);
    options.log(
      `  ${options.hours} simulated h in ${((performance.now() - at) / 1000).toFixed(1)} s: heap ${mb(result.initial).toFixed(2)} MB at the start, ${mb(result.before).toFixed(2)} MB after the warm-up hour → ${mb(result.after).toFixed(2)} MB (hourly: ${result.hourly.map((b) => mb(b).toFixed(2)).join(' ')}); ${result.ticks} ticks, ${result.snapshots} snapshots pushed, ${result.requests} requests, outbox ${JSON.stringify(result.stats)}, still running: ${result.running} ("${result.description}"), timers pending ${result.pendingTimers}`,
    );
    if (!result.running) throw new Error('the timer was no longer running at the end of the simulated day');
    return [
      figure({ name: `main core heap, ${options.hours} h running timer: before`, value: mb(result.before), unit: 'MB' }, options.judge),
      figure({ name: `main core heap, ${options.hours} h running timer: growth`, value: growth, unit: 'MB', target: 1 }, options.judge),
    ];
  } finally {
    await fake.close();
  }
}
