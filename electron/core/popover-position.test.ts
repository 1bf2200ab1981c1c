import { describe, expect, it } from 'vitest';
import { popoverPosition } from './popover-position';

const size = { width: 380, height: 600 };
const screen = { x: 0, y: 0, width: 1920, height: 1080 };

describe('popoverPosition', () => {
  it('opens under a tray at the top (macOS, GNOME), centred on it', () => {
    expect(popoverPosition({ x: 1500, y: 0, width: 24, height: 24 }, size, { ...screen, y: 24, height: 1056 })).toEqual({ x: 1322, y: 30 });
  });
  it('opens above a tray at the bottom (Windows), kept inside the screen', () => {
    expect(popoverPosition({ x: 1880, y: 1040, width: 24, height: 40 }, size, { ...screen, height: 1040 })).toEqual({ x: 1534, y: 434 });
  });
  it('opens beside a tray on a side taskbar', () => {
    expect(popoverPosition({ x: 1880, y: 500, width: 40, height: 24 }, size, { ...screen, width: 1880 })).toEqual({ x: 1494, y: 212 });
  });
  it('uses the top-right corner when the tray has no bounds (Linux AppIndicator)', () => {
    expect(popoverPosition(null, size, screen)).toEqual({ x: 1534, y: 6 });
    expect(popoverPosition({ x: 0, y: 0, width: 0, height: 0 }, size, screen)).toEqual({ x: 1534, y: 6 });
  });
  it('stays on a second display to the left', () => {
    const left = { x: -1280, y: 0, width: 1280, height: 1024 };
    expect(popoverPosition({ x: -1270, y: 0, width: 24, height: 24 }, size, { ...left, y: 24, height: 1000 })).toEqual({ x: -1274, y: 30 });
  });
  it.each([
    // A panel the work area does not leave out (an auto-hiding bar): the tray sits inside the work area.
    ['under a tray at the top of a work area that starts at 0', { x: 1500, y: 0, width: 24, height: 24 }, screen, { x: 1322, y: 30 }],
    ['above a tray at the bottom of a work area that runs to the screen’s edge', { x: 1880, y: 1040, width: 24, height: 40 }, screen, { x: 1534, y: 434 }],
    ['above a tray at the left end of a bottom bar, kept inside the work area', { x: 8, y: 1040, width: 24, height: 40 }, screen, { x: 6, y: 434 }],
    // Another bar (a dock) under the one with the tray: the popover opens below both.
    ['under a tray at the top, below a dock under the tray’s bar', { x: 1500, y: 0, width: 24, height: 24 }, { ...screen, y: 72, height: 1008 }, { x: 1322, y: 78 }],
    ['above a tray low on the screen but not at its edge, kept inside the top of the work area', { x: 1500, y: 600, width: 24, height: 24 }, screen, { x: 1322, y: 6 }],
    // A second display below the first: "top" and "bottom" are of that display's work area.
    ['under a tray at the top of a display below another', { x: 1500, y: 1080, width: 24, height: 24 }, { ...screen, y: 1080 }, { x: 1322, y: 1110 }],
    ['above a tray at the bottom of a display below another', { x: 1500, y: 2120, width: 24, height: 40 }, { ...screen, y: 1080 }, { x: 1322, y: 1514 }],
    ['beside a tray at the bottom of a right-hand taskbar, kept on screen', { x: 1880, y: 1050, width: 40, height: 24 }, { ...screen, width: 1880 }, { x: 1494, y: 474 }],
    ['beside a tray at the top of a left-hand taskbar', { x: 0, y: 10, width: 40, height: 24 }, { ...screen, x: 40, width: 1880 }, { x: 46, y: 6 }],
    ['beside a tray in the middle of a left-hand taskbar on a display to the right', { x: 1920, y: 500, width: 40, height: 24 }, { x: 1960, y: 100, width: 1880, height: 980 }, { x: 1966, y: 212 }],
  ] as const)('opens %s', (_where, tray, workArea, expected) => {
    expect(popoverPosition(tray, size, workArea)).toEqual(expected);
  });
});
