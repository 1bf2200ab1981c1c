// What every platform must show when the built main process boots against the Electron double:
// start-up order, the tray, windows loaded from app://, IPC handlers and their sender checks, links
// and navigation, and real flows from the tray and a second launch into the core and the fake Clockify.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { invokeRequests } from '../../shared/ipc/contract';
import type { Platform } from '../electron-double/world';
import { FAKE_MATON_CONNECTION_ID, FAKE_MATON_KEY } from '../fake-clockify/server';
import { boot, clean, fake, menuLabels, openPopover, popover, quickEntry, runningEntries, signIn, trayReady, useBootFixture } from './fixture';

export function commonBootTests(platform: Platform): void {
  useBootFixture();
  describe(`on ${platform}`, () => {
    it('starts in the right order: the lock, the scheme, then the tray and second-instance before any keychain or network use', async () => {
      const app = await boot(platform);
      const state = await app.until(trayReady);
      const { log } = state;
      const first = (prefix: string) => log.findIndex((event) => event.startsWith(prefix));
      expect(first('single-instance-lock')).toBeGreaterThanOrEqual(0);
      expect(first('privileged:app')).toBeGreaterThanOrEqual(0);
      expect(first('privileged:app')).toBeLessThan(first('ready'));
      const waits = log.findIndex((event) => event.startsWith('keychain:') || event.startsWith('network:'));
      expect(first('tray')).toBeGreaterThan(first('ready'));
      expect(first('app.on:second-instance')).toBeGreaterThan(first('ready'));
      if (waits >= 0) {
        expect(first('tray')).toBeLessThan(waits);
        expect(first('app.on:second-instance')).toBeLessThan(waits);
      }
      expect(state.privilegedSchemes).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
      expect(state.handledSchemes).toEqual(['app']);
      expect(state.permissionHandlers).toBe(true);
      // The forgotten-timer rescue's evidence is kept from the start, next to the settings.
      expect(JSON.parse(readFileSync(path.join(app.userData, 'activity.json'), 'utf8'))).toMatchObject({ lastActiveAt: expect.any(Number), awaySince: null });
      clean(state);
    });

    it('shows a tray with an icon at both scales, a tooltip and a complete menu', async () => {
      const app = await boot(platform);
      const state = await app.until((current) => expect(current.tray?.tooltip).toBe('Clockify Tray — not connected'));
      expect(state.tray!.image.empty).toBe(false);
      expect(state.tray!.image.scales).toEqual([1, 2]);
      expect(state.tray!.image.template).toBe(platform === 'darwin');
      if (platform === 'darwin') {
        // macOS: no context menu (a left click would open it instead of the popover); right click pops it up.
        expect(state.tray!.contextMenu).toBeNull();
        expect(await app.call({ kind: 'tray-event', event: 'right-click' })).toBe(false);
        expect((await app.state()).tray!.poppedUp).toBe(1);
      } else {
        expect(menuLabels(state)).toEqual(['Not connected', 'Start', 'Quick entry…', 'Open', 'Settings…', 'Quit']);
      }
      clean(await app.state());
    });

    it('loads every window from app:// with the renderer locked down, and every contract channel has a handler', async () => {
      const app = await boot(platform);
      await app.until(trayReady);
      await app.call({ kind: 'second-instance', argv: ['--show'] });
      await app.call({ kind: 'second-instance', argv: ['--quick-entry'] });
      const state = await app.until((current) => {
        expect(popover(current).loads).toHaveLength(1);
        expect(quickEntry(current).loads).toHaveLength(1);
      });
      for (const window of [popover(state), quickEntry(state)]) {
        expect(window.url).toMatch(/^app:\/\/clockify-tray\/(index|quick-entry)\.html/);
        expect(window.loads[0]).toEqual({ url: window.url, ok: true, problems: [] });
        expect(window.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, devTools: false });
        const preload = (window.options.webPreferences as { preload: string }).preload;
        expect(existsSync(preload) && preload.endsWith('.cjs')).toBe(true);
        expect(window.exposed).toEqual(['clockify']);
        expect(window.hasOpenHandler).toBe(true);
      }
      expect([...state.handlers].sort()).toEqual(Object.keys(invokeRequests).sort());
      // Windows and Linux: no application menu (Electron's default has Reload and Toggle DevTools).
      expect(state.applicationMenu).toBe(platform === 'darwin' ? 'set' : 'none');
      clean(state);
    });

    it('refuses IPC from unknown webContents and from frames of another origin', async () => {
      const app = await boot(platform);
      await app.until(trayReady);
      const window = await openPopover(app);
      expect(await app.call({ kind: 'invoke', window: window.id, frameUrl: 'app://clockify-tray/index.html', channel: 'app:snapshot', payload: {} })).toMatchObject({ account: { status: 'signed-out' } });
      for (const frameUrl of ['https://evil.example/', 'http://127.0.0.1:5174/index.html', 'file:///tmp/index.html', 'app://other/index.html']) {
        await expect(app.call({ kind: 'invoke', window: window.id, frameUrl, channel: 'app:snapshot', payload: {} })).rejects.toThrow(/sender is not one of this app's windows/);
      }
      // A bad payload is refused by the contract, not passed to the core.
      await expect(app.call({ kind: 'invoke', window: window.id, frameUrl: 'app://clockify-tray/index.html', channel: 'timer:continue', payload: { entryKey: 42 } })).rejects.toThrow(/Invalid payload/);
      clean(await app.state());
    });

    it('opens only the allow-listed https links in the browser and never navigates away', async () => {
      const app = await boot(platform);
      await app.until(trayReady);
      const window = await openPopover(app);
      // Electron hands the URL over normalised, with the trailing slash.
      expect(await app.call({ kind: 'window-open', window: window.id, url: 'https://maton.ai/' })).toEqual({ action: 'deny' });
      expect(await app.call({ kind: 'window-open', window: window.id, url: 'https://app.clockify.me/manage-api-keys' })).toEqual({ action: 'deny' });
      for (const url of ['https://evil.example/', 'http://maton.ai/', 'https://maton.ai.evil.example/', 'file:///etc/passwd']) {
        expect(await app.call({ kind: 'window-open', window: window.id, url })).toEqual({ action: 'deny' });
      }
      expect((await app.state()).opened).toEqual(['https://maton.ai/', 'https://app.clockify.me/manage-api-keys']);
      expect(await app.call({ kind: 'navigate', window: window.id, url: 'https://evil.example/' })).toBe(false);
      expect(await app.call({ kind: 'navigate', window: window.id, url: 'file:///tmp/x.html' })).toBe(false);
      expect(await app.call({ kind: 'navigate', window: window.id, url: 'app://clockify-tray/index.html' })).toBe(true);
      clean(await app.state());
    });

    it("starts and stops from the tray's menu, against Clockify, and the tray follows", async () => {
      const app = await boot(platform);
      await app.until(trayReady);
      await signIn(app);
      await app.until((state) => {
        if (platform !== 'darwin') expect(state.tray!.contextMenu!.find((item) => item.label === 'Start')?.enabled).toBe(true);
        expect(state.tray!.tooltip).toMatch(/^Not tracking/);
      });
      if (platform === 'darwin') await app.call({ kind: 'tray-event', event: 'right-click' });
      await app.call({ kind: 'menu-click', label: 'Start' });
      await app.until(() => expect(runningEntries()).toHaveLength(1));
      const runningState = await app.until((state) => expect(state.tray!.tooltip).toMatch(/^\(no description\).* · 0:00/));
      if (platform === 'darwin') {
        expect(runningState.tray!.title).toMatch(/^0:00/);
        await app.call({ kind: 'tray-event', event: 'right-click' });
      } else expect(menuLabels(runningState)[0]).toMatch(/^● \(no description\)/);
      await app.call({ kind: 'menu-click', label: 'Stop' });
      await app.until(() => expect(runningEntries()).toHaveLength(0));
      await app.until((state) => expect(state.tray!.tooltip).toMatch(/^Not tracking/));
      clean(await app.state());
    });

    it("shows the active account in the tray's menu and switches to another from it", async () => {
      const app = await boot(platform, { env: { CLOCKIFY_TRAY_MATON_URL: fake.matonUrl } });
      await app.until(trayReady);
      const window = await signIn(app);
      const maton = { kind: 'maton', connectionId: FAKE_MATON_CONNECTION_ID };
      expect(await app.call({ kind: 'bridge', window, method: 'connect', request: { connection: maton, secret: FAKE_MATON_KEY } })).toMatchObject({ ok: true });
      const toGlobal = 'Switch to Lena Fischer (lena.fischer@example.com) · Global';
      if (platform === 'darwin') {
        // The menu pops up on a right-click (no context menu to read): pop it until the item is there.
        for (let attempt = 0; ; attempt++) {
          await app.call({ kind: 'tray-event', event: 'right-click' });
          const clicked = await app.call({ kind: 'menu-click', label: toGlobal }).then(() => true, () => false);
          if (clicked || attempt > 50) break;
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      } else {
        const both = await app.until((state) => expect(menuLabels(state)).toContain('Account: Lena Fischer (lena.fischer@example.com) · Maton'));
        expect(menuLabels(both)).toContain(toGlobal);
        fake.clearRequests();
        await app.call({ kind: 'menu-click', label: toGlobal });
        const switched = await app.until((state) => expect(menuLabels(state)).toContain('Account: Lena Fischer (lena.fischer@example.com) · Global'));
        expect(menuLabels(switched)).toContain('Switch to Lena Fischer (lena.fischer@example.com) · Maton');
      }
      const connection = async () => (await app.call<{ account: { connection: unknown } }>({ kind: 'bridge', window, method: 'getSnapshot' })).account.connection;
      for (let attempt = 0; attempt < 100 && JSON.stringify(await connection()) !== '{"kind":"clockify","server":"global"}'; attempt++) await new Promise((resolve) => setTimeout(resolve, 100));
      expect(await connection()).toEqual({ kind: 'clockify', server: 'global' });
      fake.clearRequests();
      expect(await app.call({ kind: 'bridge', window, method: 'refreshCatalog' })).toMatchObject({ ok: true });
      expect(fake.requests.length).toBeGreaterThan(0);
      expect(fake.requests.filter((request) => request.headers.authorization !== undefined)).toEqual([]);
      clean(await app.state());
    });

    it('takes --toggle, --quick-entry and --show from a second launch', async () => {
      const app = await boot(platform);
      await app.until(trayReady);
      const window = await signIn(app);
      await app.call({ kind: 'bridge', window, method: 'startTimer', request: { draft: { description: 'Second launch', projectId: null, taskId: null, tagIds: [], billable: false } } });
      await app.until(() => expect(runningEntries()).toHaveLength(1));
      await app.call({ kind: 'second-instance', argv: ['--toggle'] });
      await app.until(() => expect(runningEntries()).toHaveLength(0));
      await app.call({ kind: 'second-instance', argv: ['--toggle'] });
      await app.until(() => expect(runningEntries().map((entry) => entry.description)).toEqual(['Second launch']));
      await app.call({ kind: 'second-instance', argv: ['--quick-entry'] });
      const state = await app.until((current) => expect(quickEntry(current).visible).toBe(true));
      clean(state);
    });

    it('keeps a shown notification until it closes, so its click still opens the app', async () => {
      const taken = platform === 'darwin' ? 'Command+Alt+E' : 'Control+Alt+E';
      const app = await boot(platform, { takenAccelerators: [taken, 'CommandOrControl+Alt+E'] });
      const state = await app.until((current) => expect(current.notifications.map((shown) => shown.title)).toContain('A shortcut could not be set'));
      await app.call({ kind: 'gc' });
      const index = state.notifications.findIndex((shown) => shown.title === 'A shortcut could not be set');
      expect(await app.call({ kind: 'notification-click', index })).toBe('clicked');
      const opened = await app.until((current) => expect(popover(current).visible).toBe(true));
      expect(popover(opened).url).toBe('app://clockify-tray/index.html?view=settings');
      clean(opened);
    });

    it('opens Settings… from the tray even before the popover page exists, and again once it does', async () => {
      const app = await boot(platform);
      await app.until(trayReady);
      if (platform === 'darwin') await app.call({ kind: 'tray-event', event: 'right-click' });
      await app.call({ kind: 'menu-click', label: 'Settings…' });
      const first = popover(await app.until((state) => expect(popover(state).visible).toBe(true)));
      expect(first.url).toBe('app://clockify-tray/index.html?view=settings');
      if (platform === 'darwin') await app.call({ kind: 'tray-event', event: 'right-click' });
      await app.call({ kind: 'menu-click', label: 'Settings…' });
      const again = popover(await app.until((state) => expect(popover(state).pushes.map((push) => push.channel)).toContain('app:open-view')));
      expect(again.pushes.find((push) => push.channel === 'app:open-view')?.payload).toEqual({ view: 'settings' });
      clean(await app.state());
    });

    it('quits cleanly: before-quit closes the core and pending changes stay in the journal on disk', async () => {
      const app = await boot(platform);
      await app.until(trayReady);
      const window = await signIn(app);
      fake.addFault({ kind: 'status', status: 503, match: { method: 'POST', path: /time-entries$/ }, count: Infinity });
      try {
        await app.call({ kind: 'bridge', window, method: 'startTimer', request: { draft: { description: 'Offline start', projectId: null, taskId: null, tagIds: [], billable: false } } });
        await app.call({ kind: 'quit' });
        const { code, state } = await app.exited;
        expect(code).toBe(0);
        expect(state.log).toContain('quit');
        clean(state);
        const journal = readFileSync(path.join(app.userData, 'journal.json'), 'utf8');
        expect(JSON.parse(journal).intents.map((intent: { kind: string }) => intent.kind)).toEqual(['create']);
        expect(journal).toContain('Offline start');
      } finally {
        fake.clearFaults();
      }
    });
  });

}
