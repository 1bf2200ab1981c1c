// Figure 4: popover open → interactive. The harness is signed in and has gone quiet (the core's
// cache is warm: a window opening costs no request). An init script in the page records
// performance.now() (whose origin is the start of the navigation) at the first moment the
// Description textbox has focus and the recent entries are listed, checked on every DOM mutation
// and focus change.
// - warm: the page loaded again and again in one browser context, after a first load that is not
//   counted (Chromium has compiled the bundle and cached the code, as Electron does on disk): the
//   popover rebuilt in a running app after it was unloaded for being hidden (Settings, "Free the
//   popover's memory after…").
// - cold: each load in a new browser context (a new renderer, no code cache): the first open
//   after the app starts. Showing a popover that is still loaded costs neither: it is only shown.
import type { Browser } from '@playwright/test';
import type { SeedSpec } from '../e2e/fake-clockify/server';
import { newPopoverPage, startApp } from './lib/app';
import { figure, percentile, type Figure } from './lib/figures';

export interface PopoverOpenOptions {
  readonly rendererDir: string;
  readonly browser: Browser;
  readonly reloads: number;
  /** Loads in new browser contexts (cold). */
  readonly coldLoads: number;
  readonly seeds: readonly SeedSpec[];
  readonly judge: boolean;
  readonly log: (line: string) => void;
}

declare global {
  interface Window {
    __interactiveAt?: number;
  }
}

/** Runs in the page before its own scripts. */
function watchForInteractive(): void {
  const check = () => {
    if (window.__interactiveAt !== undefined) return;
    const focused = document.activeElement;
    const ready =
      focused instanceof HTMLInputElement &&
      focused.getAttribute('aria-label') === 'Description' &&
      document.querySelector('ul[aria-label="Recent entries"] li:not([role="presentation"])') !== null;
    if (!ready) return;
    window.__interactiveAt = performance.now();
    observer.disconnect();
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  document.addEventListener('focusin', check, true);
}

export async function measurePopoverOpen(options: PopoverOpenOptions): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const seed of options.seeds) {
    const label = typeof seed === 'string' ? `${seed} seed` : `${seed.projects / 1000}k projects`;
    const app = await startApp(options.rendererDir, { seed });
    const { context, page } = await newPopoverPage(options.browser);
    try {
      await app.signIn();
      await page.addInitScript(watchForInteractive);
      const times: number[] = [];
      for (let load = 0; load <= options.reloads; load++) {
        await page.goto(app.harness.url);
        await page.waitForFunction(() => window.__interactiveAt !== undefined, undefined, { timeout: 10_000 });
        const at = await page.evaluate(() => window.__interactiveAt!);
        if (load > 0) times.push(at);
      }
      options.log(`  ${label}, warm: ${times.length} loads, p50 ${percentile(times, 50).toFixed(1)} / p95 ${percentile(times, 95).toFixed(1)} / max ${Math.max(...times).toFixed(1)} ms (in load order: ${times.map((t) => t.toFixed(0)).join(' ')})`);
      figures.push(figure({ name: `popover open → interactive, warm, ${label} p50`, value: percentile(times, 50), unit: 'ms' }, options.judge));
      figures.push(figure({ name: `popover open → interactive, warm, ${label} p95`, value: percentile(times, 95), unit: 'ms', target: 150 }, options.judge));
      const cold: number[] = [];
      for (let load = 0; load < options.coldLoads; load++) {
        const fresh = await newPopoverPage(options.browser);
        try {
          await fresh.page.addInitScript(watchForInteractive);
          await fresh.page.goto(app.harness.url);
          await fresh.page.waitForFunction(() => window.__interactiveAt !== undefined, undefined, { timeout: 10_000 });
          cold.push(await fresh.page.evaluate(() => window.__interactiveAt!));
        } finally {
          await fresh.context.close();
        }
      }
      options.log(`  ${label}, cold: ${cold.length} new renderers, p50 ${percentile(cold, 50).toFixed(1)} / max ${Math.max(...cold).toFixed(1)} ms`);
      figures.push(figure({ name: `popover open → interactive, cold (new renderer), ${label} p50`, value: percentile(cold, 50), unit: 'ms', target: 400 }, options.judge));
    } finally {
      await context.close();
      await app.close();
    }
  }
  return figures;
}
