// Figures 2, 3 and 6: the project picker over a large workspace, in Chromium through the harness.
//
// Keystroke → updated list (figure 2), measured inside the page so that Playwright's round trips
// do not count: Playwright presses real keys (CDP key events, so Blink's own editing runs too), and
// the page times each one from the keydown event's timeStamp (when the browser took the key) to the
// moment the picker's DOM stopped changing for it, with style and layout forced at each mutation.
// A MutationObserver on the combobox records the time after each batch of mutations (forcing
// layout there); once three animation frames pass without a mutation the keystroke is over, and its
// time is the last mutation's (or, when the list did not change, the end of the first task after
// the input event, by which React's synchronous update has run). Waiting for quiet frames also
// catches an update that React defers to a later task. The time to the next frame (a
// requestAnimationFrame queued by the input event, then one task, so the frame has been produced)
// is reported too, without a target: it includes waiting for the display's next frame.
//
// The keystrokes are a realistic mix: queries built from the seeded project and client names
// (a word prefix, a full name, two words in reverse order, client and project words, a number,
// a query that matches nothing) typed letter by letter, a Backspace or two, and Ctrl+A Backspace
// to clear (the clear redraws the whole list). Only keys that change the input are timed.
//
// DOM rows (figure 3): options and client headers in the document, after opening the picker,
// after scrolling to the middle and to the end, and after every keystroke; the largest count.
//
// Renderer JS heap (figure 6): after the keystrokes (picker open, search index built), garbage
// collected with HeapProfiler.collectGarbage, then Performance.getMetrics JSHeapUsedSize.
import type { Browser, CDPSession, Page } from '@playwright/test';
import { newPopoverPage, sleep, startApp } from './lib/app';
import { figure, percentile, type Figure } from './lib/figures';

export interface PickerOptions {
  readonly rendererDir: string;
  readonly browser: Browser;
  readonly projects: number;
  readonly keystrokes: number;
  readonly judge: boolean;
  /** Targets: keystroke p95 (ms), rows, heap (MB); null to report without one. */
  readonly targets: { readonly p95: number | null; readonly rows: number | null; readonly heapMb: number | null };
  readonly log: (line: string) => void;
}

/** What a timed key does to the query, for the breakdown in the log. */
type KeyRole = 'first letter' | 'next letter' | 'backspace' | 'clear';
type Key = { readonly kind: 'type'; readonly text: string; readonly role: KeyRole } | { readonly kind: 'press'; readonly key: string; readonly role: KeyRole | null };

/** A small deterministic generator, so every run types the same keys. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Keys to press: at least `count` of them change the input. */
export function keystrokePlan(projects: readonly { name: string; clientName: string }[], count: number): Key[] {
  const next = random(7);
  const pick = () => projects[Math.floor(next() * projects.length)]!;
  const queries: (() => string)[] = [
    () => pick().name.split(' ')[0]!.slice(0, 4).toLowerCase(),
    () => pick().name.toLowerCase(),
    () => pick().name.split(' ').reverse().join(' ').toLowerCase(),
    () => {
      const project = pick();
      return `${project.clientName.split(' ').at(-1)} ${project.name.split(' ')[0]!.slice(0, 3)}`.toLowerCase();
    },
    () => pick().name.split(' ').at(-1)!.replace(/^0+/, ''),
    () => 'zqx',
  ];
  const keys: Key[] = [];
  let timed = 0;
  while (timed < count) {
    const query = queries[Math.floor(next() * queries.length)]!();
    for (const [i, char] of [...query].entries()) {
      if (timed >= count) break;
      keys.push({ kind: 'type', text: char, role: i === 0 ? 'first letter' : 'next letter' });
      timed++;
    }
    for (let i = 0; i < 1 + Math.floor(next() * 2) && timed < count; i++, timed++) keys.push({ kind: 'press', key: 'Backspace', role: 'backspace' });
    if (timed >= count) break;
    keys.push({ kind: 'press', key: 'Control+a', role: null });
    keys.push({ kind: 'press', key: 'Backspace', role: 'clear' });
    timed++;
  }
  return keys;
}

interface KeystrokeResult {
  readonly list: number;
  readonly frame: number;
  readonly rows: number;
}

declare global {
  interface Window {
    __pickerBench?: { settle(): Promise<KeystrokeResult | null> };
  }
}

/** Installs the in-page timing around the Project combobox (see the top of this file). */
function installTiming(page: Page): Promise<void> {
  return page.evaluate(() => {
    const input = document.querySelector<HTMLInputElement>('input[role="combobox"][aria-label="Project"]');
    if (!input?.parentElement) throw new Error('no Project combobox');
    const combo = input.parentElement;
    const countRows = () => document.querySelectorAll('[role="option"], .combo-header').length;
    const nextTask = (run: () => void) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => run();
      channel.port2.postMessage(null);
    };
    const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
    let keydownAt = -1;
    let current: { keyAt: number; inputAt: number; afterTask: number; frameAt: number; lastMutation: number } | null = null;
    window.addEventListener('keydown', (event) => (keydownAt = event.timeStamp), true);
    window.addEventListener(
      'input',
      (event) => {
        if (event.target !== input) return;
        const keystroke = { keyAt: keydownAt, inputAt: performance.now(), afterTask: -1, frameAt: -1, lastMutation: -1 };
        current = keystroke;
        nextTask(() => {
          void document.body.offsetHeight;
          keystroke.afterTask = performance.now();
        });
        requestAnimationFrame(() => nextTask(() => (keystroke.frameAt = performance.now())));
      },
      true,
    );
    new MutationObserver(() => {
      if (!current) return;
      void document.body.offsetHeight;
      current.lastMutation = performance.now();
    }).observe(combo, { subtree: true, childList: true, attributes: true, characterData: true });

    window.__pickerBench = {
      async settle() {
        const keystroke = current;
        if (!keystroke) return null;
        // Wait for the keystroke's first task and frame, then for three frames without a change.
        while (keystroke.afterTask < 0 || keystroke.frameAt < 0) await frame();
        let seen = keystroke.lastMutation;
        for (let quiet = 0; quiet < 3; ) {
          await frame();
          if (keystroke.lastMutation !== seen) {
            seen = keystroke.lastMutation;
            quiet = 0;
          } else quiet++;
        }
        if (current === keystroke) current = null;
        const done = keystroke.lastMutation > 0 ? keystroke.lastMutation : keystroke.afterTask;
        return { list: done - keystroke.keyAt, frame: Math.max(keystroke.frameAt, done) - keystroke.keyAt, rows: countRows() };
      },
    };
  });
}

const rowsInDom = (page: Page) => page.evaluate(() => document.querySelectorAll('[role="option"], .combo-header').length);

async function jsHeapMb(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const used = metrics.find((metric) => metric.name === 'JSHeapUsedSize')?.value;
  if (used === undefined) throw new Error('Performance.getMetrics has no JSHeapUsedSize');
  return used / 1024 / 1024;
}

export async function measurePicker(options: PickerOptions): Promise<Figure[]> {
  const { projects, judge, targets, log } = options;
  const size = projects >= 1000 ? `${projects / 1000}k` : String(projects);
  const app = await startApp(options.rendererDir, { seed: { projects } });
  const { context, page } = await newPopoverPage(options.browser);
  try {
    await app.signIn();
    const workspaceId = app.harness.core.snapshot().workspaceId;
    const clientOf = new Map(app.fake.state.clients.map((client) => [client.id, client.name]));
    const active = app.fake.state.projects
      .filter((project) => !project.archived && project.workspaceId === workspaceId)
      .map((project) => ({ name: project.name, clientName: project.clientId ? (clientOf.get(project.clientId) ?? '') : '' }));

    await page.goto(app.harness.url);
    await page.getByRole('textbox', { name: 'Description' }).waitFor();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const combobox = page.getByRole('combobox', { name: 'Project' });
    await combobox.click();
    // The whole catalog is in the list (header rows included: at least one row per project).
    await page.waitForFunction((count) => {
      const canvas = document.querySelector<HTMLElement>('.combo-canvas');
      return canvas !== null && Number.parseFloat(canvas.style.height) / 30 >= count;
    }, active.length);
    // The popover indexes the projects when idle after loading; a user's first keystroke comes later.
    await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 3000 })));
    await sleep(200);
    let maxRows = await rowsInDom(page);
    await page.getByRole('listbox', { name: 'Projects' }).evaluate((list) => (list.scrollTop = list.scrollHeight / 2));
    await sleep(100);
    maxRows = Math.max(maxRows, await rowsInDom(page));
    await page.getByRole('listbox', { name: 'Projects' }).evaluate((list) => (list.scrollTop = list.scrollHeight));
    await sleep(100);
    maxRows = Math.max(maxRows, await rowsInDom(page));

    await installTiming(page);
    const list: number[] = [];
    const frame: number[] = [];
    const byRole = new Map<KeyRole, number[]>();
    const slowest: { ms: number; what: string }[] = [];
    for (const key of keystrokePlan(active, options.keystrokes)) {
      if (key.kind === 'type') await page.keyboard.type(key.text);
      else await page.keyboard.press(key.key);
      if (key.role === null) continue;
      const result = await page.evaluate(() => window.__pickerBench!.settle());
      if (!result) continue;
      list.push(result.list);
      frame.push(result.frame);
      maxRows = Math.max(maxRows, result.rows);
      byRole.set(key.role, [...(byRole.get(key.role) ?? []), result.list]);
      slowest.push({ ms: result.list, what: `${key.role} → "${await combobox.inputValue()}"` });
    }
    const heap = await jsHeapMb(cdp);
    const p = (samples: number[], q: number) => percentile(samples, q);
    log(`  ${size} projects: ${list.length} keystrokes, to updated list p50 ${p(list, 50).toFixed(1)} / p95 ${p(list, 95).toFixed(1)} / max ${Math.max(...list).toFixed(1)} ms; to next frame p50 ${p(frame, 50).toFixed(1)} / p95 ${p(frame, 95).toFixed(1)} ms; rows ≤ ${maxRows}; JS heap ${heap.toFixed(1)} MB`);
    log(`    by key: ${[...byRole].map(([role, times]) => `${role} n=${times.length} p50 ${p(times, 50).toFixed(1)} p95 ${p(times, 95).toFixed(1)}`).join('; ')}`);
    log(`    slowest: ${slowest.sort((a, b) => b.ms - a.ms).slice(0, 5).map(({ ms, what }) => `${ms.toFixed(1)} ms ${what}`).join(', ')}`);
    if (list.length < options.keystrokes) throw new Error(`only ${list.length} of ${options.keystrokes} keystrokes changed the input`);
    return [
      figure({ name: `project search ${size}: keystroke → updated list p50`, value: p(list, 50), unit: 'ms' }, judge),
      figure({ name: `project search ${size}: keystroke → updated list p95`, value: p(list, 95), unit: 'ms', target: targets.p95 }, judge),
      figure({ name: `project search ${size}: keystroke → next frame p95`, value: p(frame, 95), unit: 'ms' }, judge),
      figure({ name: `DOM rows, ${size} projects, picker open`, value: maxRows, unit: 'rows', target: targets.rows }, judge),
      figure({ name: `renderer JS heap, ${size} projects`, value: heap, unit: 'MB', target: targets.heapMb }, judge),
    ];
  } finally {
    await context.close();
    await app.close();
  }
}
