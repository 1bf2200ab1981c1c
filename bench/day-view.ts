// The day view's render time for a day with 60 entries. Signed in against an empty seed, 60 entries
// are added yesterday (06:00–22:00, 12 minutes each with 4-minute gaps, over three projects' worth of
// descriptions) through the core, as the popover would. The day view opens on today (empty); in the
// page, a click on "Previous day" is timed from just before the click to the first moment the
// timeline holds all 60 blocks, with style and layout forced (getBoundingClientRect); then "Next
// day" goes back. The first round is a warm-up and is not counted.
import type { Browser } from '@playwright/test';
import { toClockifyInstant } from '../shared/time/wire-format';
import { localDayBounds } from '../shared/time/zone';
import { newPopoverPage, startApp } from './lib/app';
import { figure, percentile, type Figure } from './lib/figures';

export interface DayViewOptions {
  readonly rendererDir: string;
  readonly browser: Browser;
  readonly rounds: number;
  readonly judge: boolean;
  readonly log: (line: string) => void;
}

const ENTRIES = 60;

export async function measureDayView(options: DayViewOptions): Promise<Figure[]> {
  const app = await startApp(options.rendererDir, { seed: 'empty' });
  const { context, page } = await newPopoverPage(options.browser);
  try {
    await app.signIn();
    const zone = app.harness.core.snapshot().preferences.timeZone;
    const yesterday = localDayBounds(new Date(localDayBounds(new Date(), zone).start.getTime() - 1), zone).start.getTime();
    for (let i = 0; i < ENTRIES; i++) {
      const start = yesterday + 6 * 3_600_000 + i * 16 * 60_000;
      const draft = { description: `Task ${i % 7} of the day`, projectId: null, taskId: null, tagIds: [], billable: false };
      const result = app.harness.core.addEntry(draft, { start: toClockifyInstant(new Date(start)), end: toClockifyInstant(new Date(start + 12 * 60_000)) });
      if (!result.ok) throw new Error(`adding entry ${i} failed: ${result.error.message}`);
    }
    await app.quiet();
    await page.goto(app.harness.url);
    await page.getByRole('button', { name: 'Day view' }).click();
    await page.getByRole('dialog', { name: 'Day view' }).waitFor();
    const times: number[] = [];
    for (let round = 0; round <= options.rounds; round++) {
      const ms = await page.evaluate(
        (count) =>
          new Promise<number>((resolve) => {
            const button = document.querySelector<HTMLButtonElement>('button[aria-label="Previous day"]')!;
            const t0 = performance.now();
            const done = () => {
              if (document.querySelectorAll('.tl-block').length < count) return false;
              document.body.getBoundingClientRect();
              resolve(performance.now() - t0);
              return true;
            };
            const observer = new MutationObserver(() => done() && observer.disconnect());
            observer.observe(document.body, { subtree: true, childList: true });
            button.click();
            if (done()) observer.disconnect();
          }),
        ENTRIES,
      );
      if (round > 0) times.push(ms);
      await page.getByRole('button', { name: 'Next day' }).click();
      await page.locator('.tl-block').first().waitFor({ state: 'detached' });
    }
    options.log(`  ${ENTRIES} entries: ${times.length} renders, p50 ${percentile(times, 50).toFixed(1)} / p95 ${percentile(times, 95).toFixed(1)} / max ${Math.max(...times).toFixed(1)} ms`);
    return [
      figure({ name: `day view render, ${ENTRIES} entries p50`, value: percentile(times, 50), unit: 'ms' }, options.judge),
      figure({ name: `day view render, ${ENTRIES} entries p95`, value: percentile(times, 95), unit: 'ms' }, options.judge),
    ];
  } finally {
    await context.close();
    await app.close();
  }
}
