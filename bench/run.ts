// `npm run bench`: the performance figures of issue 7, measured in one run, printed as a table and
// written to bench/results.json. It reports; it does not judge (the exit code is 0 whether targets
// are met or not; each figure's "ok" says). It exits non-zero only when a benchmark crashes.
//
//   npm run bench                      the full suite (a few minutes)
//   npm run bench -- --smoke           each benchmark once at a small size (CI; nothing judged,
//                                      results go to node_modules/.cache/bench/results-smoke.json)
//   npm run bench -- --only=picker,parser   some benchmarks only (by name, see `benchmarks` below;
//                                      results go to node_modules/.cache/bench/results-partial.json)
//
// How each figure is measured is described at the top of its file; bench/README.md sums it up.
import type { Browser } from '@playwright/test';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { buildRenderer, measureBundle } from './bundle-size';
import { measureCoreMemory } from './core-memory';
import { measureDayView } from './day-view';
import { launchChromium } from './lib/app';
import { formatTable, type Figure } from './lib/figures';
import { describeMachine, machineLine } from './lib/machine';
import { measurePackageSize } from './package-size';
import { measurePicker } from './picker';
import { measurePopoverOpen } from './popover-open';
import { measureQuickEntryParser } from './quick-entry-parser';
import { measureRequests } from './requests';
import { measureStartLatency } from './start-latency';

const { values } = parseArgs({ options: { smoke: { type: 'boolean', default: false }, only: { type: 'string' } } });
const smoke = values.smoke;
const judge = !smoke;
const root = path.resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(line);

interface Context {
  readonly rendererDir: string;
  browser(): Promise<Browser>;
}

interface Benchmark {
  readonly name: string;
  readonly title: string;
  run(context: Context): Promise<Figure[]>;
}

const benchmarks: Benchmark[] = [
  {
    name: 'bundle',
    title: 'renderer JS shipped (Vite build, gzip)',
    run: async ({ rendererDir }) => measureBundle(rendererDir, judge, log),
  },
  {
    name: 'package',
    title: 'what the app adds to the Linux packages (electron-builder against a stub Electron)',
    run: async () => measurePackageSize({ judge, log }),
  },
  {
    name: 'picker',
    title: 'project picker: keystroke → updated list, DOM rows, JS heap',
    run: async ({ rendererDir, browser }) => {
      const sizes = smoke ? [{ projects: 500, p95: 16, rows: 100, heapMb: 40 }] : [
        { projects: 10_000, p95: 16, rows: 100, heapMb: 40 },
        { projects: 50_000, p95: 50, rows: null, heapMb: null },
      ];
      const figures: Figure[] = [];
      for (const size of sizes) {
        figures.push(...(await measurePicker({
          rendererDir, browser: await browser(), projects: size.projects, keystrokes: smoke ? 20 : 200, judge,
          targets: { p95: size.p95, rows: size.rows, heapMb: size.heapMb }, log,
        })));
      }
      return figures;
    },
  },
  {
    name: 'open',
    title: 'popover open → interactive, warm and cold (new renderer)',
    run: async ({ rendererDir, browser }) => measurePopoverOpen({ rendererDir, browser: await browser(), reloads: smoke ? 3 : 40, coldLoads: smoke ? 2 : 10, seeds: smoke ? ['small'] : ['small', { projects: 10_000 }], judge, log }),
  },
  {
    name: 'dayview',
    title: 'day view render, a day with 60 entries',
    run: async ({ rendererDir, browser }) => measureDayView({ rendererDir, browser: await browser(), rounds: smoke ? 3 : 30, judge, log }),
  },
  {
    name: 'requests',
    title: 'requests per action (fake server log)',
    run: async ({ rendererDir, browser }) => measureRequests({ rendererDir, browser: await browser(), coldStartProjects: smoke ? 500 : 10_000, judge, log }),
  },
  {
    name: 'memory',
    title: 'main core memory over a simulated day with a running timer',
    run: async () => measureCoreMemory({ hours: smoke ? 1 : 24, judge, log }),
  },
  {
    name: 'latency',
    title: 'start latency at 50 ms RTT',
    run: async ({ rendererDir, browser }) => measureStartLatency({ rendererDir, browser: await browser(), trials: smoke ? 2 : 30, rttMs: 50, judge, log }),
  },
  {
    name: 'parser',
    title: 'quick-entry parser',
    run: async () => measureQuickEntryParser({ lines: smoke ? 1000 : 10_000, judge, log }),
  },
];

/** A benchmark that hangs counts as crashed (what it left running ends with the process). */
function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

const only = values.only?.split(',').map((name) => name.trim());
const unknown = only?.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name)) ?? [];
if (unknown.length > 0) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${benchmarks.map((b) => b.name).join(', ')}.`);
  process.exit(2);
}
const selected = benchmarks.filter((benchmark) => !only || only.includes(benchmark.name));

const started = performance.now();
const loadAtStart = loadavg()[0]!;
console.log(`Benchmarks (${smoke ? 'smoke: small sizes, nothing judged' : 'full'}): ${selected.map((b) => b.name).join(', ')}`);
if (loadAtStart > availableParallelism()) {
  console.log(`Note: the machine is busy (load average ${loadAtStart.toFixed(1)} on ${availableParallelism()} cores): the timings will be noisy.`);
}
const rendererDir = mkdtempSync(path.join(tmpdir(), 'clockify-bench-renderer-'));
const chromium: { launched: Promise<Browser> | null } = { launched: null };
const context: Context = { rendererDir, browser: () => (chromium.launched ??= launchChromium()) };
const figures: Figure[] = [];
const crashed: string[] = [];
try {
  const buildStarted = performance.now();
  await buildRenderer(rendererDir);
  console.log(`\nRenderer built (vite build) in ${((performance.now() - buildStarted) / 1000).toFixed(1)} s.`);
  for (const benchmark of selected) {
    const at = performance.now();
    console.log(`\n${benchmark.name}: ${benchmark.title}`);
    try {
      figures.push(...(await withTimeout(benchmark.run(context), smoke ? 120_000 : 600_000)));
      console.log(`  (${((performance.now() - at) / 1000).toFixed(1)} s)`);
    } catch (error) {
      crashed.push(benchmark.name);
      console.error(`  ${benchmark.name} CRASHED: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
} catch (error) {
  crashed.push('build');
  console.error(`The renderer build failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
}

let chromiumVersion = 'unknown';
try {
  const browser = await (chromium.launched ?? launchChromium());
  chromiumVersion = browser.version();
  await browser.close();
} catch (error) {
  crashed.push('chromium');
  console.error(`Chromium could not be started: ${error instanceof Error ? error.message : String(error)}`);
}
rmSync(rendererDir, { recursive: true, force: true });

const machine = describeMachine(chromiumVersion);
// The mutation scores (npm run mutation) live in the same file; a bench run keeps them.
const previous = existsSync(path.join(root, 'bench/results.json')) ? (JSON.parse(readFileSync(path.join(root, 'bench/results.json'), 'utf8')) as { mutation?: unknown }) : {};
const results = { machine, figures, ...(previous.mutation ? { mutation: previous.mutation } : {}) };
// A full run that crashed somewhere does not replace the last complete bench/results.json.
const file = smoke ? path.join(root, 'node_modules/.cache/bench/results-smoke.json') : crashed.length > 0 || only ? path.join(root, 'node_modules/.cache/bench/results-partial.json') : path.join(root, 'bench/results.json');
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, `${JSON.stringify(results, null, 2)}\n`);

console.log(`\n${formatTable(figures, judge)}\n`);
console.log(`Machine: ${machineLine(machine)}`);
console.log(`Load average (1 min): ${loadAtStart.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end.`);
console.log(`Written to ${path.relative(process.cwd(), file)}${!smoke && file.includes('partial') ? ' (not a complete run: bench/results.json was left as it was)' : ''}.`);
const missed = figures.filter((f) => f.ok === false);
if (judge) console.log(missed.length === 0 ? 'Every target was met.' : `Targets missed: ${missed.map((f) => f.name).join('; ')}.`);
console.log(`Took ${((performance.now() - started) / 1000).toFixed(0)} s.`);
if (crashed.length > 0) console.error(`Crashed: ${crashed.join(', ')}.`);
// Explicitly: a benchmark that timed out may have left a server or a browser running.
process.exit(crashed.length > 0 ? 1 : 0);
