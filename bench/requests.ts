// Figure 5: requests per action, read from the fake Clockify's request log. Each action is done
// the way a user does it, in Chromium through the harness (Description + Start, Stop, a recent
// entry's Continue), and counts every request that reached the fake from the click until the
// core's outbox is idle and nothing arrived for 500 ms. The actions follow each other within a few
// seconds of the sign-in, so the reconciler's own schedule (every 30 s at the fastest, while a
// window shows) does not fall inside a measured window; a window opening reconciles only when the
// last check is 30 s old or more, so "popover open, warm" is a reload of the page within that time.
//
// Cold start, two ways, each over a workspace of N projects (the client reads 5,000 per page):
//   - first sign-in: the signed-out popover, the key typed in and Connect clicked, until the popover
//     shows the workspace and everything went quiet;
//   - launch with a saved key and no cache: the core opened (as main does at start-up) on a data
//     directory whose cache was deleted, until quiet (the popover, opened then, adds none).
import type { Browser, Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { systemClock } from '../electron/core/clock';
import { createMemorySecretStore } from '../electron/platform/secret-store';
import { FAKE_API_KEY, startFakeClockify, type FakeClockify, type RecordedRequest } from '../e2e/fake-clockify/server';
import { newPopoverPage, sleep, startApp, type BenchApp } from './lib/app';
import { openBenchCore } from './lib/core';
import { figure, type Figure } from './lib/figures';

const PAGE_SIZE = 5000;

export interface RequestsOptions {
  readonly rendererDir: string;
  readonly browser: Browser;
  readonly coldStartProjects: number;
  readonly judge: boolean;
  readonly log: (line: string) => void;
}

function describe(requests: readonly RecordedRequest[]): string {
  if (requests.length === 0) return 'none';
  return requests.map((r) => `${r.method} ${r.path.replace(/\/api\/v1/, '').replace(/[0-9a-f]{24}/g, ':id')}${r.query['in-progress'] ? '?in-progress' : r.query.page ? `?page=${r.query.page}` : ''}`).join(', ');
}

/** Runs an action and returns the requests it caused. */
async function requestsOf(app: BenchApp, action: () => Promise<void>): Promise<RecordedRequest[]> {
  await app.quiet();
  app.fake.clearRequests();
  await action();
  await app.quiet(500);
  return [...app.fake.requests];
}

async function openPopover(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('textbox', { name: 'Description' }).waitFor();
  await page.locator('ul[aria-label="Recent entries"] li:not([role="presentation"])').first().waitFor();
}

export async function measureRequests(options: RequestsOptions): Promise<Figure[]> {
  const { judge, log } = options;
  const figures: Figure[] = [];
  const record = (name: string, requests: readonly RecordedRequest[], target: number, compare: 'at-most' | 'exactly' = 'exactly', note = '') => {
    log(`  ${name}: ${requests.length} (${describe(requests)})${note}`);
    figures.push(figure({ name: `requests: ${name}`, value: requests.length, unit: 'requests', target, compare }, judge));
  };

  // Actions, on the small seed.
  {
    const app = await startApp(options.rendererDir, { seed: 'small' });
    const { context, page } = await newPopoverPage(options.browser);
    try {
      await app.signIn();
      await openPopover(page, app.harness.url);
      record('popover open, warm cache', await requestsOf(app, () => openPopover(page, app.harness.url)), 0);
      const timer = page.getByRole('timer');
      record('start', await requestsOf(app, async () => {
        await page.getByRole('textbox', { name: 'Description' }).fill('Benchmark entry');
        await page.getByRole('button', { name: 'Start' }).click();
        await timer.waitFor();
      }), 1);
      record('stop', await requestsOf(app, async () => {
        await page.getByRole('button', { name: 'Stop' }).click();
        await timer.waitFor({ state: 'detached' });
      }), 1);
      const continueButtons = page.getByRole('list', { name: 'Recent entries' }).getByRole('button', { name: 'Continue' });
      const runningNow = async () => ` — now running: ${(await timer.locator('.timer-what').textContent())?.trim()}`;
      record('continue (none running)', await requestsOf(app, async () => {
        await continueButtons.nth(1).click();
        await timer.waitFor();
      }), 1, 'exactly', await runningNow());
      const runningKey = () => {
        const timer = app.harness.core.snapshot().timer;
        return timer.status === 'running' ? timer.entry.key : null;
      };
      const before = runningKey();
      record('continue (one running: +1 stop)', await requestsOf(app, async () => {
        await continueButtons.nth(2).click();
        for (const deadline = Date.now() + 10_000; runningKey() === before || runningKey() === null; await sleep(10)) {
          if (Date.now() > deadline) throw new Error('Continue did not start another timer');
        }
      }), 2, 'exactly', await runningNow());
      await page.getByRole('button', { name: 'Stop' }).click();
      await app.quiet();
    } finally {
      await context.close();
      await app.close();
    }
  }

  const pages = Math.max(1, Math.ceil(options.coldStartProjects / PAGE_SIZE));
  const size = `${options.coldStartProjects.toLocaleString('en')} projects = ${pages} page${pages === 1 ? '' : 's'}`;

  // Cold start 1: the first sign-in, through the popover.
  {
    const app = await startApp(options.rendererDir, { seed: { projects: options.coldStartProjects } });
    const { context, page } = await newPopoverPage(options.browser);
    try {
      await page.goto(app.harness.url);
      await page.getByRole('textbox', { name: 'API key' }).fill(FAKE_API_KEY);
      const requests = await requestsOf(app, async () => {
        await page.getByRole('button', { name: 'Connect' }).click();
        await page.getByRole('textbox', { name: 'Description' }).waitFor({ timeout: 20_000 });
      });
      record(`cold start, first sign-in (${size})`, requests, 6 + pages, 'at-most');
    } finally {
      await context.close();
      await app.close();
    }
  }

  // Cold start 2: a launch with the key saved and the cache gone.
  {
    const fake = await startFakeClockify({ seed: { projects: options.coldStartProjects } });
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-bench-cold-'));
    const secrets = createMemorySecretStore();
    try {
      const first = await openBenchCore({ apiUrl: fake.url, dataDir, secrets, clock: systemClock });
      const result = await first.connect({ kind: 'clockify', server: 'global' }, FAKE_API_KEY);
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
      await quietCore(fake, () => first.settled());
      first.close();
      rmSync(path.join(dataDir, 'cache.json'), { force: true });
      fake.clearRequests();
      const core = await openBenchCore({ apiUrl: fake.url, dataDir, secrets, clock: systemClock });
      await quietCore(fake, () => core.settled());
      if (core.snapshot().account.status !== 'signed-in') throw new Error('the saved key was not restored');
      core.close();
      record(`cold start, launch with saved key (${size})`, [...fake.requests], 6 + pages, 'at-most');
    } finally {
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return figures;
}

async function quietCore(fake: FakeClockify, settled: () => Promise<void>): Promise<void> {
  for (let seen = -1; seen !== fake.requests.length; ) {
    seen = fake.requests.length;
    await settled();
    await sleep(500);
  }
}
