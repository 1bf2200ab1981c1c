import { describe, expect, it } from 'vitest';
import { isNativeWayland } from './display-session';

describe('isNativeWayland', () => {
  it.each([
    ['a Wayland session', 'linux', { XDG_SESSION_TYPE: 'wayland' }, [], true],
    ['only WAYLAND_DISPLAY', 'linux', { WAYLAND_DISPLAY: 'wayland-0' }, [], true],
    ['an X11 session', 'linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, [], false],
    ['X11 forced by a switch', 'linux', { XDG_SESSION_TYPE: 'wayland' }, ['--ozone-platform=x11'], false],
    ['X11 forced by the environment', 'linux', { XDG_SESSION_TYPE: 'wayland', ELECTRON_OZONE_PLATFORM_HINT: 'x11' }, [], false],
    ['Wayland forced in an X11 session', 'linux', { XDG_SESSION_TYPE: 'x11' }, ['--ozone-platform-hint=wayland'], true],
    ['macOS', 'darwin', { XDG_SESSION_TYPE: 'wayland' }, [], false],
  ] as const)('%s', (_label, platform, env, argv, expected) => {
    expect(isNativeWayland(platform, env, argv)).toBe(expected);
  });
});
