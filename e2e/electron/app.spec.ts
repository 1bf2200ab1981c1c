// The packaged shape of the app, end to end: Electron's main process, the preload and the real
// windows, against the fake Clockify server. Tray and shortcut commands are given the way the
// desktop gives them: as a second launch with --show / --toggle / --quick-entry.
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FAKE_API_KEY, startFakeClockify, type FakeClockify } from '../fake-clockify/server';

let fake: FakeClockify;
let app: ElectronApplication;
let userData: string;

test.beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small' });
  userData = mkdtempSync(path.join(tmpdir(), 'clockify-electron-'));
  app = await electron.launch({
    args: [path.resolve(import.meta.dirname, '../..'), `--user-data-dir=${userData}`],
    env: { ...process.env, CLOCKIFY_TRAY_API_URL: fake.url, CLOCKIFY_API_KEY: '' },
  });
});
test.afterEach(async () => {
  await app.close().catch(() => undefined);
  await fake.close();
});

/** What the desktop does for `clockify-tray <flag>` while the app runs: the single-instance hand-over. */
async function secondLaunch(flag: '--show' | '--toggle' | '--quick-entry'): Promise<void> {
  await app.evaluate(({ app: electronApp }, argv) => electronApp.emit('second-instance', {}, argv, process.cwd()), ['clockify-tray', flag]);
}

async function windowAt(file: string): Promise<Page> {
  for (;;) {
    const found = app.windows().find((window) => window.url().endsWith(file));
    if (found) return found;
    await app.waitForEvent('window');
  }
}

test('connects, starts and stops from the popover, toggles from a second launch, and adds from quick entry', async () => {
  await secondLaunch('--show');
  const popover = await windowAt('index.html');
  await popover.getByRole('textbox', { name: 'API key' }).fill(FAKE_API_KEY);
  await popover.getByRole('button', { name: 'Connect' }).click();
  await popover.getByRole('textbox', { name: 'Description' }).fill('From Electron');
  await popover.getByRole('button', { name: 'Start' }).click();
  await expect(popover.getByRole('timer')).toContainText('From Electron');
  await expect.poll(() => fake.state.timeEntries.filter((e) => e.end === null).map((e) => e.description)).toEqual(['From Electron']);

  await secondLaunch('--toggle'); // stops the running timer
  await expect.poll(() => fake.state.timeEntries.filter((e) => e.end === null)).toEqual([]);

  await secondLaunch('--quick-entry');
  const quick = await windowAt('quick-entry.html');
  await quick.getByRole('textbox', { name: 'Quick entry' }).fill('yesterday 9-10 Planning from quick entry');
  await quick.getByRole('textbox', { name: 'Quick entry' }).press('Enter');
  await expect.poll(() => fake.state.timeEntries.some((e) => e.description === 'Planning from quick entry')).toBe(true);
});

test('windows are hardened: isolated, sandboxed, no Node, no navigation away', async () => {
  await secondLaunch('--show');
  const popover = await windowAt('index.html');
  // Served from the privileged app:// scheme (file:// under the packaged fuses would be blank).
  expect(popover.url()).toBe('app://clockify-tray/index.html');
  expect(await popover.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
  expect(await popover.evaluate(() => typeof (window as unknown as { process?: unknown }).process)).toBe('undefined');
  expect(await popover.evaluate(() => Object.keys((window as unknown as { clockify: object }).clockify).length)).toBeGreaterThan(20);
  await popover.evaluate(() => window.location.assign('https://example.com/'));
  await expect.poll(() => popover.url()).toMatch(/index\.html$/);
});

test('quitting leaves unsent changes in the journal on disk', async () => {
  await secondLaunch('--show');
  const popover = await windowAt('index.html');
  await popover.getByRole('textbox', { name: 'API key' }).fill(FAKE_API_KEY);
  await popover.getByRole('button', { name: 'Connect' }).click();
  fake.addFault({ kind: 'status', status: 503, match: { method: 'POST', path: /time-entries$/ }, count: Infinity });
  await popover.getByRole('textbox', { name: 'Description' }).fill('Offline start');
  await popover.getByRole('button', { name: 'Start' }).click();
  await app.evaluate(({ app: electronApp }) => electronApp.quit());
  await app.waitForEvent('close');
  expect(readFileSync(path.join(userData, 'journal.json'), 'utf8')).toContain('Offline start');
});
