// Idle time from the desktop over D-Bus, for sessions where Electron cannot read it (native
// Wayland: powerMonitor.getSystemIdleTime() stays 0, electron/electron#27912). GNOME offers
// org.gnome.Mutter.IdleMonitor (milliseconds); KDE Plasma org.freedesktop.ScreenSaver's
// GetSessionIdleTime (milliseconds, from KIdleTime). Called through `gdbus` (GLib's tool, present
// wherever GNOME or GTK is) so no native D-Bus binding ships with the app.
import { execFile } from 'node:child_process';

export type RunCommand = (file: string, args: readonly string[]) => Promise<string>;

const MONITORS = [
  { desktop: 'GNOME', dest: 'org.gnome.Mutter.IdleMonitor', path: '/org/gnome/Mutter/IdleMonitor/Core', method: 'org.gnome.Mutter.IdleMonitor.GetIdletime' },
  { desktop: 'KDE', dest: 'org.freedesktop.ScreenSaver', path: '/org/freedesktop/ScreenSaver', method: 'org.freedesktop.ScreenSaver.GetSessionIdleTime' },
] as const;

export interface DesktopIdleReader {
  readonly desktop: string;
  /** The last reading, in seconds; each call also asks for a fresh one (readings are every 30 s). */
  idleSeconds(): number;
}

/** The first idle monitor that answers, or null when the desktop offers none. */
export async function findDesktopIdleMonitor(run: RunCommand = runCommand): Promise<DesktopIdleReader | null> {
  for (const monitor of MONITORS) {
    const args = ['call', '--session', '--dest', monitor.dest, '--object-path', monitor.path, '--method', monitor.method];
    const read = async () => parseIdleMilliseconds(await run('gdbus', args));
    let last: number;
    try {
      last = await read();
    } catch {
      continue;
    }
    let reading = false;
    return {
      desktop: monitor.desktop,
      idleSeconds() {
        if (!reading) {
          reading = true;
          read()
            .then((milliseconds) => (last = milliseconds))
            .catch(() => undefined)
            .finally(() => (reading = false));
        }
        return Math.floor(last / 1000);
      },
    };
  }
  return null;
}

/** gdbus prints a GVariant tuple: `(uint64 12345,)`. */
export function parseIdleMilliseconds(output: string): number {
  const match = /^\(\s*(?:uint64|uint32|int64|int32)?\s*(\d+),?\s*\)\s*$/.exec(output.trim());
  if (!match) throw new Error(`Unexpected idle monitor answer: ${output.trim().slice(0, 80)}`);
  return Number(match[1]);
}

function runCommand(file: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(file, args, { timeout: 2000 }, (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}
