// AppWindows against the Electron double (the same one the boot tests use), with fake timers: the
// hidden popover gives back its renderer after the configured time and comes back on demand.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { world } from '../../e2e/electron-double/world';

vi.mock('electron', () => import('../../e2e/electron-double/electron'));
const { BrowserWindow } = await import('../../e2e/electron-double/electron');
const { AppWindows } = await import('./app-windows');

type WindowDouble = InstanceType<typeof BrowserWindow>;
const popovers = () => (BrowserWindow as unknown as { everCreated(): readonly WindowDouble[] }).everCreated();

beforeEach(() => {
  world.config = { platform: 'linux', userData: '/nonexistent', isPackaged: true, lockAvailable: true, idleSeconds: 0, takenAccelerators: [] };
  world.ready = true;
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
  expect(world.failures).toEqual([]);
});

function windows(unloadAfterMs: number, now = () => Date.now()) {
  return new AppWindows({ preload: '/nonexistent/preload.cjs', devTools: false, framed: false, unloadAfterMs: () => unloadAfterMs, onVisibilityChange: () => undefined, openView: () => undefined, now });
}

describe('AppWindows', () => {
  it('unloads a popover hidden for the configured time, and builds a new one on the next open', () => {
    const app = windows(10 * 60_000);
    const before = popovers().length;
    app.showPopover(null);
    const first = popovers().at(-1)!;
    expect(popovers().length).toBe(before + 1);
    first.hide();
    vi.advanceTimersByTime(9 * 60_000);
    expect(first.isDestroyed()).toBe(false);
    app.showPopover(null); // shown again before the time: kept, and the clock starts over
    first.hide();
    vi.advanceTimersByTime(9 * 60_000);
    expect(first.isDestroyed()).toBe(false);
    vi.advanceTimersByTime(60_000);
    expect(first.isDestroyed()).toBe(true);
    expect(app.ids().size).toBe(0);
    app.showPopover(null);
    expect(popovers().length).toBe(before + 2);
    expect(popovers().at(-1)!.isVisible()).toBe(true);
  });

  it('keeps the popover for ever when the setting is 0', () => {
    const app = windows(0);
    app.showPopover(null);
    const popover = popovers().at(-1)!;
    popover.hide();
    vi.advanceTimersByTime(24 * 60 * 60_000);
    expect(popover.isDestroyed()).toBe(false);
  });

  it('ignores the tray click that follows the blur-hide it caused, but not a later one', () => {
    let now = 1_000_000;
    const app = windows(0, () => now);
    app.togglePopover(null);
    const popover = popovers().at(-1)!;
    popover.loseFocus();
    expect(popover.isVisible()).toBe(false);
    now += 120;
    app.togglePopover(null);
    expect(popover.isVisible()).toBe(false);
    now += 1000;
    app.togglePopover(null);
    expect(popover.isVisible()).toBe(true);
  });
});
