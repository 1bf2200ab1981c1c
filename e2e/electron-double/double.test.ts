// The double must be as strict as Electron: these checks keep it from drifting into leniency.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { app, BrowserWindow, globalShortcut, protocol, screen, session, Tray, nativeImage } from './electron';
import { world } from './world';

beforeEach(() => {
  world.config = { platform: 'linux', userData: '/nonexistent', isPackaged: true, lockAvailable: true, idleSeconds: 0, takenAccelerators: [] };
  world.ready = false;
  world.failures.length = 0;
});
afterEach(() => {
  world.failures.length = 0;
});

describe('the Electron double', () => {
  it('fails by name on an API it does not model', () => {
    expect(() => (app as unknown as { relaunch(): void }).relaunch()).toThrow('app.relaunch is not modelled');
    expect(() => (screen as unknown as { getCursorScreenPoint(): void }).getCursorScreenPoint()).toThrow('screen.getCursorScreenPoint is not modelled');
    expect(world.failures).toHaveLength(2);
  });

  it("refuses what Electron refuses before 'ready'", () => {
    expect(() => new BrowserWindow({})).toThrow("new BrowserWindow used before app 'ready'");
    expect(() => new Tray(nativeImage.createFromBuffer(Buffer.alloc(0)) as unknown as Electron.NativeImage)).toThrow("new Tray used before app 'ready'");
    expect(() => screen.getPrimaryDisplay()).toThrow(/before app 'ready'/);
    expect(() => globalShortcut.register('Control+Alt+T', () => undefined)).toThrow(/before app 'ready'/);
    expect(() => session.defaultSession).toThrow(/before app 'ready'/);
    expect(() => protocol.handle('app', () => new Response(''))).toThrow(/before app 'ready'/);
  });

  it("refuses privileged schemes after 'ready'", () => {
    world.ready = true;
    expect(() => protocol.registerSchemesAsPrivileged([{ scheme: 'late' }])).toThrow(/after ready/);
  });

  it('refuses a Linux login item (Electron documents it for macOS and Windows only)', () => {
    expect(() => app.setLoginItemSettings({ openAtLogin: true })).toThrow(/no effect on Linux/);
  });

  it('blocks module scripts from file:// as the packaged fuses do', async () => {
    world.ready = true;
    const { mkdtempSync, writeFileSync, mkdirSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'double-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'assets', 'a.js'), '');
    writeFileSync(path.join(dir, 'index.html'), '<script type="module" crossorigin src="./assets/a.js"></script>');
    const window = new BrowserWindow({});
    await expect(window.loadFile(path.join(dir, 'index.html'))).rejects.toThrow(/ERR_FAILED/);
    expect((window as unknown as { loads: { problems: string[] }[] }).loads[0]!.problems[0]).toMatch(/blocked by CORS policy/);
  });
});
