// Behaviour that differs per platform and desktop, and start-up that must not go wrong, with the
// built app booted against the Electron double.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bootApp } from '../electron-double/boot-driver';
import { boot, clean, fake, openPopover, popover, quickEntry, running, scratch, trayReady, useBootFixture } from './fixture';

useBootFixture();

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
    const file = path.join(app.configHome, 'autostart', 'com.clockifytray.app.desktop');
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
