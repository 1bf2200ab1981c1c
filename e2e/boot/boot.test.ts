// The boot test: the built main process (dist/electron/main.js) and preload (preload.cjs) run in
// Node with `electron` resolved to a strict recording double (e2e/electron-double), once per
// platform, against the fake Clockify. What Electron would show is asserted: start-up order, the
// tray, the windows and their pages, the IPC handlers and their sender checks, and real flows from
// the tray and a second launch into the core and the server.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { invokeRequests } from '../../shared/ipc/contract';
import { bootApp, type BootedApp, type BootOptions } from '../electron-double/boot-driver';
import type { DoubleState, WindowView } from '../electron-double/boot-child';
import type { Platform } from '../electron-double/world';
import { FAKE_API_KEY, startFakeClockify, type FakeClockify } from '../fake-clockify/server';

const root = path.resolve(import.meta.dirname, '../..');
let fake: FakeClockify;
let scratch: string;
const running: BootedApp[] = [];

beforeAll(async () => {
  // The real bundles: the main process and preload are rebuilt (esbuild, a second); the renderer
  // only when missing (`npm test` has just built it in its security step).
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(path.join(root, 'dist/renderer/index.html')) || !existsSync(path.join(root, 'dist/renderer/quick-entry.html'))) {
    execFileSync('npm', ['run', 'build:renderer', '--silent'], { cwd: root, stdio: 'inherit' });
  }
  fake = await startFakeClockify();
  scratch = mkdtempSync(path.join(tmpdir(), 'boot-test-'));
}, 180_000);

afterEach(() => {
  for (const app of running.splice(0)) app.kill();
});

afterAll(async () => {
  await fake?.close();
  rmSync(scratch, { recursive: true, force: true });
});

async function boot(platform: Platform, options: Partial<BootOptions> = {}): Promise<BootedApp & { userData: string; configHome: string }> {
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

const menuLabels = (state: DoubleState) => (state.tray?.contextMenu ?? []).map((item) => item.label).filter(Boolean);
const trayReady = (state: DoubleState) => {
  if (!state.handlers.includes('app:snapshot')) throw new Error('the core is not open yet');
};
const popover = (state: DoubleState): WindowView => {
  const window = state.windows.find((candidate) => !candidate.destroyed && candidate.url.includes('/index.html'));
  if (!window) throw new Error('no popover');
  return window;
};
const quickEntry = (state: DoubleState): WindowView => {
  const window = state.windows.find((candidate) => !candidate.destroyed && candidate.url.includes('/quick-entry.html'));
  if (!window) throw new Error('no quick-entry window');
  return window;
};
const clean = (state: DoubleState) => {
  expect(state.failures, 'Electron API misuse').toEqual([]);
  expect(state.unhandled, 'unhandled rejections or exceptions').toEqual([]);
};

async function openPopover(app: BootedApp): Promise<WindowView> {
  await app.call({ kind: 'second-instance', argv: ['--show'] });
  return popover(await app.until((state) => expect(popover(state).loads.length).toBe(1)));
}

async function signIn(app: BootedApp): Promise<number> {
  const window = await openPopover(app);
  const result = await app.call<{ ok: boolean }>({ kind: 'bridge', window: window.id, method: 'connect', request: { connection: { kind: 'clockify', server: 'global' }, secret: FAKE_API_KEY } });
  expect(result).toMatchObject({ ok: true });
  return window.id;
}

const runningEntries = () => fake.state.timeEntries.filter((entry) => entry.end === null);

describe.each(['linux', 'darwin', 'win32'] as const)('on %s', (platform) => {
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
      const journal = JSON.parse(readFileSync(path.join(app.userData, 'journal.json'), 'utf8')) as { intents: { kind: string }[] };
      expect(journal.intents.map((intent) => intent.kind)).toEqual(['start']);
    } finally {
      fake.clearFaults();
    }
  });
});

describe('platform behaviour', () => {
  it('macOS: a left click toggles the popover and never opens the menu as well', async () => {
    const app = await boot('darwin');
    await app.until(trayReady);
    expect(await app.call({ kind: 'tray-event', event: 'click' })).toBe(false);
    let state = await app.until((current) => expect(popover(current).visible).toBe(true));
    expect(state.tray!.poppedUp).toBe(0);
    expect(state.log).toContain('dock:hide');
    await app.call({ kind: 'tray-event', event: 'click' });
    state = await app.until((current) => expect(popover(current).visible).toBe(false));
    clean(state);
  });

  it('Windows: the click that closes the popover (blur, then click) does not open it again', async () => {
    const app = await boot('win32');
    await app.until(trayReady);
    await app.call({ kind: 'tray-event', event: 'click' });
    const window = popover(await app.until((current) => expect(popover(current).visible).toBe(true)));
    await app.call({ kind: 'blur', window: window.id });
    await app.call({ kind: 'tray-event', event: 'click' });
    const state = await app.state();
    expect(popover(state).visible).toBe(false);
    expect(state.log).toContain('app-user-model-id:com.clockifytray.app');
    clean(state);
  });

  it('Linux: the menu carries everything, since a click may never arrive', async () => {
    const app = await boot('linux');
    await app.until(trayReady);
    await app.call({ kind: 'menu-click', label: 'Open' });
    const state = await app.until((current) => expect(popover(current).visible).toBe(true));
    expect(popover(state).options).toMatchObject({ frame: false, alwaysOnTop: true });
    clean(state);
  });

  it('Wayland: an ordinary framed window, never placed by hand, and Settings says idle time is not available', async () => {
    const app = await boot('linux', { env: { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0', PATH: '/nonexistent' } });
    await app.until(trayReady);
    const window = await openPopover(app);
    expect(window.options.frame).not.toBe(false);
    expect(window.options.alwaysOnTop).not.toBe(true);
    expect(window.calls.filter((call) => /^(setPosition|center|setAlwaysOnTop)/.test(call))).toEqual([]);
    await app.call({ kind: 'blur', window: window.id });
    expect(popover(await app.state()).visible).toBe(true);
    const settings = await app.call<{ idleUnavailable: string | null }>({ kind: 'bridge', window: window.id, method: 'getSettings', request: {} });
    expect(settings.idleUnavailable).toMatch(/idle time is not noticed; sleep and the screen lock still are/);
    await app.call({ kind: 'second-instance', argv: ['--quick-entry'] });
    const state = await app.until((current) => expect(quickEntry(current).visible).toBe(true));
    expect(quickEntry(state).calls).not.toContain('center');
    clean(state);
  });

  it('Linux: launch at login writes an XDG autostart entry (Electron has no login items there)', async () => {
    const app = await boot('linux');
    await app.until(trayReady);
    const window = await openPopover(app);
    await app.call({ kind: 'bridge', window: window.id, method: 'updateSettings', request: { patch: { launchAtLogin: true } } });
    const file = path.join(app.configHome, 'autostart', 'clockify-tray.desktop');
    await app.until(() => expect(existsSync(file)).toBe(true));
    expect(readFileSync(file, 'utf8')).toContain(`Exec="${process.execPath}"`);
    await app.call({ kind: 'bridge', window: window.id, method: 'updateSettings', request: { patch: { launchAtLogin: false } } });
    await app.until(() => expect(existsSync(file)).toBe(false));
    clean(await app.state());
  });

  it.each(['darwin', 'win32'] as const)('%s: launch at login is an Electron login item', async (platform) => {
    const app = await boot(platform);
    await app.until(trayReady);
    const window = await openPopover(app);
    await app.call({ kind: 'bridge', window: window.id, method: 'updateSettings', request: { patch: { launchAtLogin: true } } });
    const state = await app.until((current) => expect(current.loginItem).toEqual({ openAtLogin: true, args: [] }));
    clean(state);
  });

  it('a second instance hands over and leaves without a tray', async () => {
    const app = await boot('linux', { lockAvailable: false });
    const { code, state } = await app.exited;
    expect(code).toBe(0);
    expect(state.tray).toBeNull();
    clean(state);
  });

  it('a failed start-up says why in a dialog and exits instead of holding the lock invisibly', async () => {
    const blocked = path.join(scratch, 'not-a-folder');
    writeFileSync(blocked, 'a file where the data folder should be');
    const app = await bootApp({ platform: 'linux', userData: blocked, env: { CLOCKIFY_TRAY_API_URL: fake.url } });
    running.push(app);
    const { code, state } = await app.exited;
    expect(code).toBe(1);
    expect(state.errorBoxes).toHaveLength(1);
    expect(state.errorBoxes[0]!.title).toBe('Clockify Tray could not start');
    expect(state.unhandled).toEqual([]);
  });
});
