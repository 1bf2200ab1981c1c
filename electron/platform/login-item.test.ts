import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { applyLaunchAtLogin, autostartEntry } from './login-item';

let configHome: string;
beforeEach(() => (configHome = mkdtempSync(path.join(tmpdir(), 'autostart-'))));
afterEach(() => rmSync(configHome, { recursive: true, force: true }));

const refuse = () => {
  throw new Error('app.setLoginItemSettings has no effect on Linux');
};

describe('launch at login on Linux', () => {
  it('writes and removes an XDG autostart entry', () => {
    const env = { XDG_CONFIG_HOME: configHome };
    applyLaunchAtLogin(true, { platform: 'linux', env, execPath: '/opt/Clockify Tray/clockify-tray', setLoginItemSettings: refuse });
    const file = path.join(configHome, 'autostart', 'com.clockifytray.app.desktop');
    const entry = readFileSync(file, 'utf8');
    expect(entry).toContain('[Desktop Entry]');
    expect(entry).toContain('Exec="/opt/Clockify Tray/clockify-tray"');
    expect(entry).toContain('StartupWMClass=com.clockifytray.app');
    applyLaunchAtLogin(false, { platform: 'linux', env, execPath: '/opt/x', setLoginItemSettings: refuse });
    expect(existsSync(file)).toBe(false);
  });

  it('starts an AppImage through its own file', () => {
    const env = { XDG_CONFIG_HOME: configHome, APPIMAGE: '/home/ana/Apps/Clockify-Tray.AppImage' };
    applyLaunchAtLogin(true, { platform: 'linux', env, execPath: '/tmp/.mount_Clock/clockify-tray', setLoginItemSettings: refuse });
    expect(readFileSync(path.join(configHome, 'autostart', 'com.clockifytray.app.desktop'), 'utf8')).toContain('Exec="/home/ana/Apps/Clockify-Tray.AppImage"');
  });

  it('falls back to ~/.config when XDG_CONFIG_HOME is unset or relative', () => {
    applyLaunchAtLogin(true, { platform: 'linux', env: { HOME: configHome, XDG_CONFIG_HOME: 'relative' }, execPath: '/usr/bin/clockify-tray', setLoginItemSettings: refuse });
    expect(existsSync(path.join(configHome, '.config', 'autostart', 'com.clockifytray.app.desktop'))).toBe(true);
  });

  it('quotes the characters the Desktop Entry spec reserves', () => {
    expect(autostartEntry('/opt/a "b" $c `d` \\e 100%')).toContain('Exec="/opt/a \\"b\\" \\$c \\`d\\` \\\\e 100%%"');
  });
});

describe('launch at login on macOS and Windows', () => {
  it.each(['darwin', 'win32'] as const)('%s: Electron login item settings', (platform) => {
    const calls: unknown[] = [];
    applyLaunchAtLogin(true, { platform, env: { XDG_CONFIG_HOME: configHome }, execPath: '/x', setLoginItemSettings: (settings) => calls.push(settings) });
    expect(calls).toEqual([{ openAtLogin: true, args: [] }]);
    expect(existsSync(path.join(configHome, 'autostart'))).toBe(false);
  });
});
