// Launch at login. macOS and Windows: Electron's app.setLoginItemSettings. Linux has no such API
// (Electron documents it for macOS and Windows only): an XDG autostart entry,
// $XDG_CONFIG_HOME/autostart/com.clockifytray.app.desktop, started by every freedesktop desktop at login.
// An AppImage is started through its own file ($APPIMAGE), not the binary mounted from it.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { APP_ID } from '../../shared/app-identity';

/** Named like the installed desktop file (package.json desktopName), so the desktop sees one app. */
export const AUTOSTART_FILE_NAME = `${APP_ID}.desktop`;

export interface LoginItemTarget {
  readonly platform: NodeJS.Platform;
  readonly env: NodeJS.ProcessEnv;
  /** The running executable (process.execPath). */
  readonly execPath: string;
  /** Electron's app.setLoginItemSettings, for macOS and Windows. */
  readonly setLoginItemSettings: (settings: { openAtLogin: boolean; args: string[] }) => void;
}

export function applyLaunchAtLogin(enabled: boolean, target: LoginItemTarget): void {
  if (target.platform !== 'linux') return target.setLoginItemSettings({ openAtLogin: enabled, args: [] });
  const file = autostartFile(target.env);
  if (!enabled) return rmSync(file, { force: true });
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, autostartEntry(target.env.APPIMAGE || target.execPath));
  renameSync(temporary, file);
}


export function autostartFile(env: NodeJS.ProcessEnv): string {
  const configHome = env.XDG_CONFIG_HOME && path.isAbsolute(env.XDG_CONFIG_HOME) ? env.XDG_CONFIG_HOME : path.join(env.HOME || homedir(), '.config');
  return path.join(configHome, 'autostart', AUTOSTART_FILE_NAME);
}

/** A desktop entry (freedesktop Desktop Entry spec 1.5; Exec quoted per its rules). */
export function autostartEntry(executable: string): string {
  const quoted = `"${executable.replace(/["`$\\]/g, (character) => `\\${character}`)}"`;
  return [
    '[Desktop Entry]',
    'Type=Application',
    'Version=1.5',
    'Name=Clockify Tray',
    'Comment=A tray timer for Clockify',
    `Exec=${quoted.replace(/%/g, '%%')}`,
    'Icon=clockify-tray',
    'Terminal=false',
    // Electron takes the window's app id / WM_CLASS from desktopName (electron-builder.yml: syncDesktopName).
    `StartupWMClass=${APP_ID}`,
    'X-GNOME-Autostart-enabled=true',
    '',
  ].join('\n');
}
