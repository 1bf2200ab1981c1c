// Each spec gets its own fake Clockify server and its own web harness (real core, real handler
// table, a fresh data directory), so specs run in parallel without sharing state.
import { test as base, expect, type Page } from '@playwright/test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startHarness, type Harness } from '../harness/harness';
import { FAKE_API_KEY, startFakeClockify, type FakeClockify, type FakeClockifyOptions } from '../fake-clockify/server';
import { FakePowerSource } from './fake-power';
import { ShiftedClock } from './shifted-clock';

export interface AppFixture {
  readonly harness: Harness;
  /** The app's clock: real time that a spec can move forward. */
  readonly clock: ShiftedClock;
  /** Sleep, lock and idle time, played by the spec. */
  readonly power: FakePowerSource;
  readonly dataDir: string;
  /** Restarts the harness on the same data directory (a restart of the app). */
  restart(): Promise<Harness>;
  /** Signs in with the fake key without going through the setup screen. */
  signIn(): Promise<void>;
  /** Opens the popover page and waits for the bridge's first snapshot. */
  open(page: Page, pathname?: string): Promise<void>;
}

export const test = base.extend<{ fakeOptions: FakeClockifyOptions; fake: FakeClockify; app: AppFixture }>({
  fakeOptions: [{ seed: 'small' }, { option: true }],
  fake: async ({ fakeOptions }, use) => {
    const fake = await startFakeClockify(fakeOptions);
    await use(fake);
    await fake.close();
  },
  app: async ({ fake }, use) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-tray-e2e-'));
    const clock = new ShiftedClock();
    const power = new FakePowerSource();
    const start = () =>
      startHarness({
        port: 0,
        apiUrl: fake.url,
        matonUrl: fake.matonUrl,
        dataDir,
        secrets: 'memory',
        rendererDir: path.resolve(import.meta.dirname, '../../dist/renderer'),
        timeoutMs: 3000,
        clock,
        power,
      });
    let harness = await start();
    const fixture: AppFixture = {
      get harness() {
        return harness;
      },
      dataDir,
      clock,
      power,
      restart: async () => {
        await harness.close();
        harness = await start();
        return harness;
      },
      signIn: async () => {
        const result = await harness.core.connect({ kind: 'clockify', server: 'global' }, FAKE_API_KEY);
        expect(result.ok).toBe(true);
      },
      open: async (page, pathname = '/') => {
        await page.goto(harness.url + pathname);
      },
    };
    await use(fixture);
    await harness.close();
    rmSync(dataDir, { recursive: true, force: true });
  },
});

export { expect };
