// The package audit's judgements, on made-up builds: each rule must see the defect it names.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { afterAll, describe, expect, it } from 'vitest';
import { appIconIcns, appIconIco, appIconPng } from '../../electron/core/app-icon';
import { keyringBindingProblem } from './after-pack.mjs';
import { junkKind, packageOf } from './asar-audit';
import type { LinuxBuild } from './build-linux';
import { appImageProblems, debProblems, fuseProblems, icnsTypes, icoSizes, identityProblems, LINUX_ICON_SIZES, macTargetProblems } from './audit';

const scratch = mkdtempSync(path.join(tmpdir(), 'clockify-tray-audit-test-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const packageJson = { productName: 'Clockify Tray', desktopName: 'com.clockifytray.app.desktop', dependencies: {}, devDependencies: {} };
const config: Configuration = { linux: { executableName: 'clockify-tray', category: 'Office', syncDesktopName: true }, afterPack: './hook.mjs', mac: { target: [{ target: 'dmg', arch: ['x64', 'arm64'] }] } };
const DEFAULT_DEPENDS = ['libgtk-3-0', 'libnss3', 'xdg-utils'];
const DESKTOP = '[Desktop Entry]\nName=Clockify Tray\nExec="/opt/Clockify Tray/clockify-tray" %U\nType=Application\nIcon=clockify-tray\nStartupWMClass=com.clockifytray.app\nCategories=Office;\n';

function iconArgs(): string[] {
  const dir = path.join(scratch, 'icons');
  mkdirSync(dir, { recursive: true });
  return LINUX_ICON_SIZES.map((size) => {
    const file = path.join(dir, `${size}x${size}.png`);
    writeFileSync(file, appIconPng(size));
    return `${file}=/usr/share/icons/hicolor/${size}x${size}/apps/clockify-tray.png`;
  });
}

function debBuild(change: (argv: string[]) => string[] = (argv) => argv): LinuxBuild {
  const unpackedDir = path.join(scratch, 'linux-unpacked');
  mkdirSync(path.join(unpackedDir, 'resources'), { recursive: true });
  writeFileSync(path.join(unpackedDir, 'resources', 'apparmor-profile'), 'profile x flags=(unconfined) {\n  userns,\n}\n');
  const argv = [
    '-d', 'libgtk-3-0', '-d', 'libnss3', '-d', 'xdg-utils', '--deb-recommends', 'gnome-keyring',
    '--maintainer', 'Clockify Tray contributors <maintainers@clockifytray.app>', '--url', 'https://clockifytray.app',
    ...iconArgs(), '/tmp/x.desktop=/usr/share/applications/com.clockifytray.app.desktop',
  ];
  return { output: scratch, errors: {}, unpackedDir, deb: { args: [], fpmArgv: change(argv), desktopEntry: DESKTOP, afterInstall: 'apparmor_parser --replace', afterRemove: '' }, appImage: null };
}

describe('deb audit', () => {
  it('accepts a deb with its metadata, the default dependencies, every icon and the desktop entry', () => {
    expect(debProblems({ build: debBuild(), packageJson, config, defaultDepends: DEFAULT_DEPENDS })).toEqual([]);
  });

  it("reports electron-builder's own refusal", () => {
    const build = { ...debBuild(), errors: { deb: 'Please specify project homepage' }, deb: null };
    expect(debProblems({ build, packageJson, config, defaultDepends: DEFAULT_DEPENDS })).toEqual(['deb: electron-builder failed before fpm: Please specify project homepage']);
  });

  it('sees a depends list that replaced the defaults', () => {
    const build = debBuild((argv) => argv.filter((arg, i) => !(argv[i - 1] === '-d' && arg !== 'libgtk-3-0') && !(arg === '-d' && argv[i + 1] !== 'libgtk-3-0')));
    expect(debProblems({ build, packageJson, config, defaultDepends: DEFAULT_DEPENDS })).toEqual([expect.stringMatching(/default dependencies are replaced, missing: libnss3, xdg-utils/)]);
  });

  it("sees a missing icon size and Electron's default icon", () => {
    const build = debBuild((argv) => argv.filter((arg) => !arg.includes('/48x48/')).map((arg) => arg.replace(/^.*(=\/usr\/share\/icons\/hicolor\/16x16\/)/, '/x/templates/icons/electron-linux/16x16.png$1')));
    const problems = debProblems({ build, packageJson, config, defaultDepends: DEFAULT_DEPENDS });
    expect(problems).toContainEqual(expect.stringMatching(/no 48x48 icon/));
    expect(problems).toContainEqual(expect.stringMatching(/16x16 icon is Electron's default/));
  });

  it('sees a maintainer without an email and a desktop entry that does not match desktopName', () => {
    const build = debBuild((argv) => argv.map((arg) => (arg.startsWith('Clockify Tray contributors') ? 'Clockify Tray contributors' : arg.replace('com.clockifytray.app.desktop', 'clockify-tray.desktop'))));
    const problems = debProblems({ build, packageJson, config, defaultDepends: DEFAULT_DEPENDS });
    expect(problems).toContainEqual(expect.stringMatching(/maintainer "Clockify Tray contributors" is not "Name <email>"/));
    expect(problems).toContainEqual(expect.stringMatching(/the desktop file is clockify-tray.desktop/));
  });
});

describe('AppImage and identity audit', () => {
  it('refuses an AppImage entry that turns the sandbox off everywhere', () => {
    const build = { ...debBuild(), appImage: { desktopFileName: 'com.clockifytray.app.desktop', desktopEntry: DESKTOP.replace(/Exec=.*/, 'Exec=AppRun --no-sandbox %U') } };
    expect(appImageProblems({ build, packageJson, config })).toEqual(['AppImage desktop entry: unexpected Exec "AppRun --no-sandbox %U"']);
  });

  it('wants desktopName to be the app id, and the .desktop file named after it', () => {
    expect(identityProblems({ packageJson, appId: 'com.clockifytray.app', config })).toEqual([]);
    expect(identityProblems({ packageJson: { ...packageJson, desktopName: undefined }, appId: 'com.clockifytray.app', config: { linux: {} } })).toHaveLength(2);
  });

  it('refuses a universal dmg and a config without the binding hook', () => {
    expect(macTargetProblems({ config })).toEqual([]);
    expect(macTargetProblems({ config: { mac: { target: [{ target: 'dmg', arch: 'universal' }] } } })).toHaveLength(2);
  });
});

describe('archive rules', () => {
  it('names the package a shipped file belongs to', () => {
    expect(packageOf('node_modules/@napi-rs/keyring/index.js')).toBe('@napi-rs/keyring');
    expect(packageOf('node_modules/a/node_modules/b/x.js')).toBe('b');
    expect(packageOf('dist/electron/main.js')).toBeNull();
  });

  it('tells junk from the app', () => {
    expect(junkKind('dist/electron/main.js.map')).toBe('source maps');
    expect(junkKind('node_modules/zod/src/v3/tests/all-errors.test.ts')).toBe('tests');
    expect(junkKind('node_modules/date-fns/docs/cdn.md')).toBe('docs or benchmarks');
    expect(junkKind('node_modules/ajv/lib/ajv.ts')).toBe('TypeScript sources');
    expect(junkKind('node_modules/@napi-rs/keyring/index.d.ts')).toBeNull();
    expect(junkKind('dist/electron/main.js')).toBeNull();
  });

  it('reads the icon containers the icon build writes', () => {
    expect(icnsTypes(appIconIcns())).toEqual(expect.arrayContaining(['icp4', 'icp5', 'ic07', 'ic08', 'ic09', 'ic10']));
    expect(icoSizes(appIconIco())).toEqual([16, 24, 32, 48, 64, 128, 256]);
    expect(icnsTypes(Buffer.from('not an icns'))).toEqual([]);
  });
});

describe('afterPack: the keyring binding for the packaged platform and architecture', () => {
  const app = (binding: string | null) => {
    const unpackedDir = mkdtempSync(path.join(scratch, 'app-'));
    if (binding) {
      mkdirSync(path.join(unpackedDir, 'node_modules', '@napi-rs', binding), { recursive: true });
      writeFileSync(path.join(unpackedDir, 'node_modules', '@napi-rs', binding, `${binding.replace('keyring-', 'keyring.')}.node`), '');
    }
    return unpackedDir;
  };

  it('passes when the binding is inside the app', () => {
    expect(keyringBindingProblem({ platform: 'linux', arch: 'x64', unpackedDir: app('keyring-linux-x64-gnu') })).toBeNull();
    expect(keyringBindingProblem({ platform: 'darwin', arch: 'arm64', unpackedDir: app('keyring-darwin-arm64') })).toBeNull();
  });

  it("stops an arm64 dmg built with the x64 Mac's binding", () => {
    expect(keyringBindingProblem({ platform: 'darwin', arch: 'arm64', unpackedDir: app('keyring-darwin-x64') })).toMatch(/no keychain binding for darwin-arm64.*build darwin-arm64 packages on a darwin-arm64 machine/);
  });

  it('stops a universal build and an app without any binding', () => {
    expect(keyringBindingProblem({ platform: 'darwin', arch: 'universal', unpackedDir: app('keyring-darwin-x64') })).toMatch(/universal/);
    expect(keyringBindingProblem({ platform: 'win32', arch: 'x64', unpackedDir: app(null) })).toMatch(/no keychain binding for win32-x64/);
  });
});

describe('fuse audit: windows and grantFileProtocolExtraPrivileges', () => {
  const fuses = { runAsNode: false, enableCookieEncryption: true, enableNodeOptionsEnvironmentVariable: false, enableNodeCliInspectArguments: false, enableEmbeddedAsarIntegrityValidation: true, onlyLoadAppFromAsar: true, loadBrowserProcessSpecificV8Snapshot: false, grantFileProtocolExtraPrivileges: false };
  const executable = () => {
    const unpackedDir = mkdtempSync(path.join(scratch, 'fuses-'));
    const wire = [0x30, 0x31, 0x30, 0x30, 0x31, 0x31, 0x30, 0x30];
    writeFileSync(path.join(unpackedDir, 'clockify-tray'), Buffer.concat([Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX', 'latin1'), Buffer.from([1, wire.length, ...wire])]));
    return { unpackedDir };
  };
  const config: Configuration = { linux: { executableName: 'clockify-tray' }, electronFuses: fuses };

  it('accepts windows served from the app protocol', async () => {
    expect(await fuseProblems({ build: executable(), config, mainSource: "protocol.handle('app', handler); window.loadURL('app://bundle/index.html');" })).toEqual([]);
  });

  it('refuses windows loaded from file:// with the fuse off', async () => {
    for (const mainSource of ['window.loadFile(path.join(dir, page))', "win.loadURL('file:///x/index.html')", 'w.loadURL(pathToFileURL(file).href)']) {
      expect(await fuseProblems({ build: executable(), config, mainSource })).toEqual([expect.stringMatching(/loads windows from file:\/\//)]);
    }
  });

  it('reads back a fuse that differs from the config', async () => {
    const problems = await fuseProblems({ build: executable(), config: { ...config, electronFuses: { ...fuses, runAsNode: true } }, mainSource: '' });
    expect(problems).toEqual(['fuses: runAsNode is false in the packaged executable, true in electron-builder.yml']);
  });
});
