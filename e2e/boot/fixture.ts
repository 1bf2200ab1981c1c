// What the boot tests share: the real bundles built once, one fake Clockify, a data folder per app,
// and helpers that read what the Electron double recorded. See boot-common.ts for what is tested.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { bootApp, type BootedApp, type BootOptions } from '../electron-double/boot-driver';
import type { DoubleState, WindowView } from '../electron-double/boot-child';
import type { Platform } from '../electron-double/world';
import { FAKE_API_KEY, startFakeClockify, type FakeClockify } from '../fake-clockify/server';

export let fake: FakeClockify;
export let scratch: string;
export const running: BootedApp[] = [];

/** Registers the fixture's hooks in the calling test file. */
export function useBootFixture(): void {
  // Each test boots a process: generous on a busy two-core machine (nothing here measures time).
  vi.setConfig({ testTimeout: 60_000 });
  // The bundles were built by vitest's global setup (global-setup.ts).
  beforeAll(async () => {
    fake = await startFakeClockify();
    scratch = mkdtempSync(path.join(tmpdir(), 'boot-test-'));
  });

  afterEach(() => {
    for (const app of running.splice(0)) app.kill();
    // Each test starts from a workspace with no entries (a timer left running would be adopted).
    fake.state.timeEntries.length = 0;
  });

  afterAll(async () => {
    await fake?.close();
    rmSync(scratch, { recursive: true, force: true });
  });
}

export async function boot(platform: Platform, options: Partial<BootOptions> = {}): Promise<BootedApp & { userData: string; configHome: string }> {
  const userData = mkdtempSync(path.join(scratch, `${platform}-`));
  const configHome = mkdtempSync(path.join(scratch, 'config-'));
  const app = await bootApp({
    platform,
    userData,
    ...options,
    env: { CLOCKIFY_TRAY_API_URL: fake.url, XDG_CONFIG_HOME: configHome, ...options.env },
  });
  running.push(app);
  return Object.assign(app, { userData, configHome });
}

export const menuLabels = (state: DoubleState) => (state.tray?.contextMenu ?? []).map((item) => item.label).filter(Boolean);
export const trayReady = (state: DoubleState) => {
  if (!state.handlers.includes('app:snapshot')) throw new Error('the core is not open yet');
};
export const popover = (state: DoubleState): WindowView => {
  const window = state.windows.find((candidate) => !candidate.destroyed && candidate.url.includes('/index.html'));
  if (!window) throw new Error('no popover');
  return window;
};
export const quickEntry = (state: DoubleState): WindowView => {
  const window = state.windows.find((candidate) => !candidate.destroyed && candidate.url.includes('/quick-entry.html'));
  if (!window) throw new Error('no quick-entry window');
  return window;
};
export const clean = (state: DoubleState) => {
  expect(state.failures, 'Electron API misuse').toEqual([]);
  expect(state.unhandled, 'unhandled rejections or exceptions').toEqual([]);
};

export async function openPopover(app: BootedApp): Promise<WindowView> {
  await app.call({ kind: 'second-instance', argv: ['--show'] });
  return popover(await app.until((state) => expect(popover(state).loads.length).toBe(1)));
}

export async function signIn(app: BootedApp): Promise<number> {
  const window = await openPopover(app);
  const result = await app.call<{ ok: boolean }>({ kind: 'bridge', window: window.id, method: 'connect', request: { connection: { kind: 'clockify', server: 'global' }, secret: FAKE_API_KEY } });
  expect(result).toMatchObject({ ok: true });
  return window.id;
}

export const runningEntries = () => fake.state.timeEntries.filter((entry) => entry.end === null);

