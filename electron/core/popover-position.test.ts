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
});
