// Electron's powerMonitor as the idle policy's PowerSource: the five power events and the system
// idle time. Nothing else: IdleWatcher (core/idle-policy.ts) decides when to read the idle time
// (every 30 s, only while a timer runs) and what the events mean.
//
// Platform notes (Electron 45 docs, api/power-monitor): 'lock-screen' and 'unlock-screen' are
// emitted on macOS and Windows only, 'shutdown' on Linux and macOS only; the policy copes without
// them (idle readings, resume). getSystemIdleTime() stays at 0 on native Wayland
// (electron/electron#27912): there the desktop's idle monitor is read instead (desktop-idle.ts), and
// where there is none, Settings says that only sleep and lock are noticed.
// Must be created after app 'ready'.
import { powerMonitor, type PowerMonitor } from 'electron';
import type { PowerEventKind, PowerSource } from '../core/idle-policy';
import type { DesktopIdleReader } from './desktop-idle';

/**
 * `desktopIdle`: undefined where Electron's idle time works; on native Wayland the desktop's idle
 * monitor, or null when the desktop offers none.
 */
export function electronPowerSource(monitor: PowerMonitor = powerMonitor, desktopIdle?: DesktopIdleReader | null): PowerSource {
  return {
    ...(desktopIdle === null ? { idleUnavailable: 'This desktop session (Wayland) does not tell apps how long you have been idle, so idle time is not noticed; sleep and the screen lock still are.' } : {}),
    onPowerEvent(listener) {
      const on = (kind: PowerEventKind) => () => listener(kind);
      const handlers = {
        suspend: on('suspend'),
        resume: on('resume'),
        lockScreen: on('lock-screen'),
        unlockScreen: on('unlock-screen'),
        shutdown: on('shutdown'),
      };
      monitor.on('suspend', handlers.suspend);
      monitor.on('resume', handlers.resume);
      monitor.on('lock-screen', handlers.lockScreen);
      monitor.on('unlock-screen', handlers.unlockScreen);
      monitor.on('shutdown', handlers.shutdown);
      return () => {
        monitor.removeListener('suspend', handlers.suspend);
        monitor.removeListener('resume', handlers.resume);
        monitor.removeListener('lock-screen', handlers.lockScreen);
        monitor.removeListener('unlock-screen', handlers.unlockScreen);
        monitor.removeListener('shutdown', handlers.shutdown);
      };
    },
    systemIdleSeconds: () => (desktopIdle ? desktopIdle.idleSeconds() : monitor.getSystemIdleTime()),
  };
}
