// Electron's powerMonitor as the idle policy's PowerSource: the five power events and the system
// idle time. Nothing else: IdleWatcher (core/idle-policy.ts) decides when to read the idle time
// (every 30 s, only while a timer runs) and what the events mean.
//
// Platform notes (Electron 45 docs, api/power-monitor): 'lock-screen' and 'unlock-screen' are
// emitted on macOS and Windows only, 'shutdown' on Linux and macOS only; the policy copes without
// them (idle readings, resume). getSystemIdleTime() may stay at 0 where the desktop offers no idle
// time (some Wayland sessions): then only sleep and lock are detected.
// Must be created after app 'ready'.
import { powerMonitor, type PowerMonitor } from 'electron';
import type { PowerEventKind, PowerSource } from '../core/idle-policy';

export function electronPowerSource(monitor: PowerMonitor = powerMonitor): PowerSource {
  return {
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
    systemIdleSeconds: () => monitor.getSystemIdleTime(),
  };
}
