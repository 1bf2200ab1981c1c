// Figure 8: click Start → timer shown running (optimistic), and → server confirmation, over the
// fake Clockify at 50 ms RTT. After sign-in, a latency fault holds every request to the fake for
// 50 ms before it is answered (loopback adds well under a millisecond), so each round trip to
// "Clockify" takes the RTT. In the page, a capturing click listener takes the Start click's event
// timeStamp; a MutationObserver on the document records when the role=timer element appears
// (the running timer, shown from the core's optimistic state pushed over the bridge) and when the
// sync status, having shown "1 pending", shows "All saved" again (the core has the server's answer
// to its POST and pushed it). All three times come from the page's own clock, so Playwright's
// round trips do not count. Each trial is followed by Stop and a pause until the app is quiet.
import type { Browser } from '@playwright/test';
import { newPopoverPage, startApp } from './lib/app';
import { figure, percentile, type Figure } from './lib/figures';

export interface StartLatencyOptions {
  readonly rendererDir: string;
  readonly browser: Browser;
  readonly trials: number;
  readonly rttMs: number;
  readonly judge: boolean;
  readonly log: (line: string) => void;
}

interface Trial {
  clickAt: number;
  runningAt: number;
  pendingAt: number;
  savedAt: number;
}

declare global {
  interface Window {
    __startBench?: Trial;
  }
}

function installObserver(): void {
  const trial: Trial = { clickAt: -1, runningAt: -1, pendingAt: -1, savedAt: -1 };
  window.__startBench = trial;
  document.addEventListener(
    'click',
    (event) => {
      const button = (event.target as Element | null)?.closest('button');
      if (button?.textContent?.trim() !== 'Start') return;
      Object.assign(trial, { clickAt: event.timeStamp, runningAt: -1, pendingAt: -1, savedAt: -1 });
    },
    true,
  );
  new MutationObserver(() => {
    if (trial.clickAt < 0 || trial.savedAt >= 0) return;
    const now = performance.now();
    if (trial.runningAt < 0 && document.querySelector('[role="timer"]')) trial.runningAt = now;
    const status = document.querySelector('[role="status"]')?.textContent ?? '';
    if (trial.pendingAt < 0 && /pending/.test(status)) trial.pendingAt = now;
    if (trial.pendingAt >= 0 && trial.runningAt >= 0 && status.includes('All saved')) trial.savedAt = now;
  }).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
}

export async function measureStartLatency(options: StartLatencyOptions): Promise<Figure[]> {
  const { rttMs, judge, log } = options;
  const app = await startApp(options.rendererDir, { seed: 'small' });
  const { context, page } = await newPopoverPage(options.browser);
  try {
    await app.signIn();
    await page.goto(app.harness.url);
    const description = page.getByRole('textbox', { name: 'Description' });
    await description.waitFor();
    await page.getByRole('status').filter({ hasText: 'All saved' }).waitFor();
    await page.evaluate(installObserver);
    app.fake.addFault({ kind: 'latency', ms: rttMs, count: Infinity });

    const shown: number[] = [];
    const confirmed: number[] = [];
    // Where the confirmation's time goes: the page's clock and the fake's log share the epoch.
    const timeOrigin = await page.evaluate(() => performance.timeOrigin);
    const toServer: number[] = [];
    const fromServer: number[] = [];
    for (let trial = 0; trial < options.trials; trial++) {
      await description.fill(`Latency trial ${trial + 1}`);
      await page.getByRole('button', { name: 'Start' }).click();
      await page.waitForFunction(() => (window.__startBench?.savedAt ?? -1) >= 0, undefined, { timeout: 10_000 });
      const result = await page.evaluate(() => window.__startBench!);
      shown.push(result.runningAt - result.clickAt);
      confirmed.push(result.savedAt - result.clickAt);
      const post = app.fake.requests.findLast((request) => request.method === 'POST' && request.path.endsWith('/time-entries'));
      if (post) {
        toServer.push(post.at.getTime() - (timeOrigin + result.clickAt));
        fromServer.push(timeOrigin + result.savedAt - (post.at.getTime() + rttMs));
      }
      await page.getByRole('button', { name: 'Stop' }).click();
      await page.getByRole('timer').waitFor({ state: 'detached' });
      await app.quiet(200);
      await page.getByRole('status').filter({ hasText: 'All saved' }).waitFor();
    }
    const posts = app.fake.requests.filter((request) => request.method === 'POST').length;
    log(`  ${options.trials} starts at ${rttMs} ms RTT (${posts} POSTs): shown running p50 ${percentile(shown, 50).toFixed(1)} / p95 ${percentile(shown, 95).toFixed(1)} ms; confirmed p50 ${percentile(confirmed, 50).toFixed(1)} / p95 ${percentile(confirmed, 95).toFixed(1)} ms (click → POST reaches the fake p50 ${percentile(toServer, 50).toFixed(1)}, answer sent → "All saved" shown p50 ${percentile(fromServer, 50).toFixed(1)} ms, ±1 ms)`);
    return [
      figure({ name: `start at ${rttMs} ms RTT: click → shown running (optimistic) p50`, value: percentile(shown, 50), unit: 'ms' }, judge),
      figure({ name: `start at ${rttMs} ms RTT: click → shown running (optimistic) p95`, value: percentile(shown, 95), unit: 'ms', target: 50 }, judge),
      figure({ name: `start at ${rttMs} ms RTT: click → server confirmation shown p50`, value: percentile(confirmed, 50), unit: 'ms' }, judge),
      figure({ name: `start at ${rttMs} ms RTT: click → server confirmation shown p95`, value: percentile(confirmed, 95), unit: 'ms', target: rttMs + 30 }, judge),
    ];
  } finally {
    app.fake.clearFaults();
    await context.close();
    await app.close();
  }
}
