// The app as the browser benchmarks see it: a fake Clockify over real HTTP, the web harness (the
// real core and handler table) serving the renderer built for this run, and Chromium.
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../../e2e/harness/harness';
import { FAKE_API_KEY, startFakeClockify, type FakeClockify, type FakeClockifyOptions } from '../../e2e/fake-clockify/server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

/** The popover's size in the tray (as in playwright.config.ts). */
export async function newPopoverPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 380, height: 640 } });
  // tsx compiles this code with esbuild's keepNames, which wraps functions in a `__name` helper;
  // functions handed to the page (page.evaluate, addInitScript) need it defined there too.
  await context.addInitScript({ content: 'globalThis.__name = (target) => target;' });
  return { context, page: await context.newPage() };
}

export interface BenchApp {
  readonly fake: FakeClockify;
  readonly harness: Harness;
  readonly dataDir: string;
  signIn(): Promise<void>;
  /** Waits until the outbox is idle and no request reached the fake for `quietMs`. */
  quiet(quietMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startApp(rendererDir: string, fakeOptions: FakeClockifyOptions): Promise<BenchApp> {
  const fake = await startFakeClockify(fakeOptions);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-bench-'));
  const harness = await startHarness({ port: 0, apiUrl: fake.url, matonUrl: fake.matonUrl, dataDir, secrets: 'memory', rendererDir, timeoutMs: 10_000 });
  const app: BenchApp = {
    fake,
    harness,
    dataDir,
    signIn: async () => {
      const result = await harness.core.connect({ kind: 'clockify', server: 'global' }, FAKE_API_KEY);
      if (!result.ok) throw new Error(`sign-in failed: ${result.error.message}`);
      await app.quiet();
    },
    quiet: (quietMs = 300) => waitForQuiet(fake, harness, quietMs),
    close: async () => {
      await harness.close();
      await fake.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  return app;
}

async function waitForQuiet(fake: FakeClockify, harness: Harness, quietMs: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    await harness.core.settled();
    const seen = fake.requests.length;
    // A request still waiting for its answer (a dropped one stays null for ever, so it does not count).
    const pending = fake.requests.some((request) => request.status === null && (request.fault === undefined || request.fault === 'latency'));
    await sleep(quietMs);
    if (!pending && fake.requests.length === seen) return;
    if (Date.now() > deadline) throw new Error('the app did not go quiet within 30 s');
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
