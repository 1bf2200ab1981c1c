// Whether Electron runs as a native Wayland client. Since Electron 38 the ozone platform hint
// defaults to `auto`: in a Wayland session (XDG_SESSION_TYPE=wayland, WAYLAND_DISPLAY set) it runs
// on Wayland unless told otherwise (`--ozone-platform=x11`, ELECTRON_OZONE_PLATFORM_HINT=x11).
// There, windows cannot be placed or kept on top, focus() may not focus, and
// powerMonitor.getSystemIdleTime() reads 0 (electron/electron#27912).
export function isNativeWayland(platform: NodeJS.Platform, env: NodeJS.ProcessEnv, argv: readonly string[]): boolean {
  if (platform !== 'linux') return false;
  const forced = [...argv].reverse().find((argument) => argument.startsWith('--ozone-platform=') || argument.startsWith('--ozone-platform-hint='))?.split('=')[1] ?? env.ELECTRON_OZONE_PLATFORM_HINT;
  if (forced === 'x11') return false;
  if (forced === 'wayland') return true;
  return env.XDG_SESSION_TYPE === 'wayland' || (!!env.WAYLAND_DISPLAY && env.XDG_SESSION_TYPE !== 'x11');
}
