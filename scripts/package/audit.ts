// What a Linux package must contain, checked on the output of build-linux.mjs. Each check returns
// the problems it found as sentences (empty: fine), so that one run reports all of them.
import { getCurrentFuseWire } from '@electron/fuses';
import type { Configuration } from 'app-builder-lib';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { LinuxBuild } from './build-linux';
import type { PackageJson } from './project';

/** Packages the renderer needs at build time only: Vite bundles them into dist/renderer. */
export const RENDERER_ONLY_PACKAGES: readonly string[] = ['react', 'react-dom', 'preact', 'zustand', 'scheduler'];
/** The Linux icon sizes a desktop looks for under /usr/share/icons/hicolor. */
export const LINUX_ICON_SIZES: readonly number[] = [16, 24, 32, 48, 64, 128, 256, 512];
type FuseName = keyof NonNullable<Configuration['electronFuses']>;
/** Electron's fuses, as electron-builder's `electronFuses` names them, in fuse-wire order. */
export const FUSE_NAMES: readonly FuseName[] = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
];

/** Parses a desktop entry's `[Desktop Entry]` group into key → value. */
export function parseDesktopEntry(text: string): Record<string, string> {
  const entry: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf('=');
    if (at > 0 && !line.startsWith('#')) entry[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return entry;
}

/** The values that follow `flag` in an argument list, in order. */
export function flagValues(argv: readonly string[], flag: string): string[] {
  return argv.flatMap((arg, i) => (arg === flag && i + 1 < argv.length ? [argv[i + 1]!] : []));
}

/** Width and height of a PNG (from its IHDR chunk), or null when `bytes` is not a PNG. */
export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.length < 24 || bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('latin1', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** The identity every Linux integration point must agree on (see shared/app-identity.ts). */
export function identityProblems({ packageJson, appId, config }: { packageJson: PackageJson; appId: string; config: Configuration }): string[] {
  const problems: string[] = [];
  const desktopName = packageJson.desktopName;
  if (!desktopName) problems.push('package.json has no desktopName: Electron derives the Wayland app_id / WM_CLASS from it, so windows are not matched to the .desktop entry');
  else if (desktopName !== `${appId}.desktop`) problems.push(`package.json desktopName is "${desktopName}", expected "${appId}.desktop" (APP_ID in shared/app-identity.ts)`);
  if (config.linux?.syncDesktopName !== true) problems.push('electron-builder.yml linux.syncDesktopName is not true: the installed .desktop file would be named after the executable, not desktopName');
  return problems;
}

/** The installed desktop entry (deb) and the AppImage's one. */
interface DesktopEntryCheck {
  readonly entryText: string;
  readonly fileName: string;
  readonly packageJson: PackageJson;
  readonly config: Configuration;
  readonly where: string;
  readonly exec: (exec: string) => boolean;
}

export function desktopEntryProblems({ entryText, fileName, packageJson, config, where, exec }: DesktopEntryCheck): string[] {
  const problems: string[] = [];
  const entry = parseDesktopEntry(entryText);
  const wmClass = (packageJson.desktopName ?? '').replace(/\.desktop$/, '');
  if (fileName !== packageJson.desktopName) problems.push(`${where}: the desktop file is ${fileName}, not package.json's desktopName (${packageJson.desktopName ?? 'unset'})`);
  if (entry.StartupWMClass !== wmClass) problems.push(`${where}: StartupWMClass is "${entry.StartupWMClass}", expected "${wmClass}" (desktopName without .desktop)`);
  if (entry.Name !== packageJson.productName) problems.push(`${where}: Name is "${entry.Name}", expected "${packageJson.productName}"`);
  if (entry.Icon !== config.linux?.executableName) problems.push(`${where}: Icon is "${entry.Icon}", expected the installed icon name "${config.linux?.executableName}"`);
  if (!(entry.Categories ?? '').split(';').includes(config.linux?.category ?? '')) problems.push(`${where}: Categories "${entry.Categories}" lacks ${config.linux?.category}`);
  if (!exec(entry.Exec ?? '')) problems.push(`${where}: unexpected Exec "${entry.Exec}"`);
  return problems;
}

/**
 * The deb as electron-builder hands it to fpm: metadata, dependencies, icons, desktop entry,
 * install scripts. `defaultDepends` is electron-builder's own default list for deb.
 */
interface TargetCheck {
  readonly build: Pick<LinuxBuild, 'errors' | 'deb' | 'appImage' | 'unpackedDir'>;
  readonly packageJson: PackageJson;
  readonly config: Configuration;
}

export function debProblems({ build, packageJson, config, defaultDepends }: TargetCheck & { defaultDepends: readonly string[] }): string[] {
  if (build.errors.deb) return [`deb: electron-builder failed before fpm: ${build.errors.deb.trim().replace(/\s*\n\s*/g, ' ')}`];
  if (!build.deb?.fpmArgv) return ['deb: electron-builder never reached fpm'];
  const problems: string[] = [];
  const argv = build.deb.fpmArgv;
  const [maintainer] = flagValues(argv, '--maintainer');
  if (!/^[^<>]+ <[^<>@\s]+@[^<>@\s]+>$/.test(maintainer ?? '')) problems.push(`deb: maintainer "${maintainer}" is not "Name <email>"`);
  const [url] = flagValues(argv, '--url');
  if (!/^https:\/\//.test(url ?? '')) problems.push(`deb: homepage (--url) "${url}" is not an https URL`);
  const depends = flagValues(argv, '-d');
  const dropped = defaultDepends.filter((dependency) => !depends.includes(dependency));
  if (dropped.length > 0) problems.push(`deb: electron-builder's default dependencies are replaced, missing: ${dropped.join(', ')} (got: ${depends.join(', ') || 'none'})`);
  const recommends = flagValues(argv, '--deb-recommends');
  if (!recommends.some((it) => /\bgnome-keyring\b/.test(it))) problems.push(`deb: gnome-keyring (a Secret Service for the keychain) is not recommended (recommends: ${recommends.join(', ') || 'none'})`);

  const executable = config.linux?.executableName;
  const iconArgs = argv.filter((arg) => arg.includes('=/usr/share/icons/hicolor/'));
  for (const size of LINUX_ICON_SIZES) {
    const target = `=/usr/share/icons/hicolor/${size}x${size}/apps/${executable}.png`;
    const arg = iconArgs.find((it) => it.endsWith(target));
    if (!arg) {
      problems.push(`deb: no ${size}x${size} icon installed as ${target.slice(1)}`);
      continue;
    }
    const source = arg.slice(0, -target.length);
    if (source.includes(`${path.sep}templates${path.sep}icons${path.sep}electron-linux`)) {
      problems.push(`deb: the ${size}x${size} icon is Electron's default (${source}): the app's icons are missing`);
      continue;
    }
    const actual = existsSync(source) ? pngSize(readFileSync(source)) : null;
    if (!actual || actual.width !== size || actual.height !== size) problems.push(`deb: ${source} is not a ${size}x${size} PNG`);
  }

  const desktopTarget = argv.find((arg) => arg.includes('=/usr/share/applications/'));
  const fileName = desktopTarget ? path.posix.basename(desktopTarget.split('=').at(-1)!) : '(none)';
  const installDir = `/opt/${packageJson.productName}`;
  problems.push(...desktopEntryProblems({
    entryText: build.deb.desktopEntry, fileName, packageJson, config, where: 'deb desktop entry',
    exec: (exec) => exec.startsWith(`"${installDir}/${executable}"`) || exec.startsWith(`${installDir}/${executable}`),
  }));
  if (!/apparmor_parser/.test(build.deb.afterInstall ?? '')) problems.push('deb: the after-install script does not install an AppArmor profile (Ubuntu 24.04+ blocks the sandbox without one)');
  const profile = path.join(build.unpackedDir, 'resources', 'apparmor-profile');
  if (!existsSync(profile) || !readFileSync(profile, 'utf8').includes('userns,')) problems.push('deb: resources/apparmor-profile granting userns is missing');
  return problems;
}

export function appImageProblems({ build, packageJson, config }: TargetCheck): string[] {
  if (build.errors.AppImage) return [`AppImage: electron-builder failed: ${build.errors.AppImage.trim()}`];
  if (!build.appImage) return ['AppImage: electron-builder never computed the desktop entry'];
  return desktopEntryProblems({
    entryText: build.appImage.desktopEntry, fileName: build.appImage.desktopFileName, packageJson, config, where: 'AppImage desktop entry',
    // AppRun itself adds --no-sandbox only where user namespaces are blocked (Ubuntu 24.04+):
    // the entry must not switch the sandbox off everywhere.
    exec: (exec) => exec.startsWith('AppRun') && !exec.includes('--no-sandbox'),
  });
}

/**
 * The icon sources: the PNG set for Linux (the deb's fpm arguments are checked too, when the deb
 * gets that far), an .icns for mac, an .ico for Windows.
 */
export function iconSourceProblems({ root, config }: { root: string; config: Configuration }): string[] {
  const problems: string[] = [];
  const resources = path.join(root, config.directories?.buildResources ?? 'build');
  const linuxIcons = path.join(root, config.linux?.icon ?? path.join(path.relative(root, resources), 'icons'));
  if (!existsSync(linuxIcons)) problems.push(`linux: ${path.relative(root, linuxIcons)} does not exist: every package would carry Electron's default icon`);
  else {
    for (const size of LINUX_ICON_SIZES) {
      const file = path.join(linuxIcons, `${size}x${size}.png`);
      const actual = existsSync(file) ? pngSize(readFileSync(file)) : null;
      if (!actual || actual.width !== size || actual.height !== size) problems.push(`linux: ${path.relative(root, file)} is not a ${size}x${size} PNG`);
    }
  }
  const macIcon = path.join(root, config.mac?.icon ?? path.join(path.relative(root, resources), 'icon.icns'));
  if (!existsSync(macIcon)) problems.push(`mac: no icon at ${path.relative(root, macIcon)}`);
  else {
    const icns = readFileSync(macIcon);
    const types = icnsTypes(icns);
    for (const type of ['icp4', 'icp5', 'ic07', 'ic08', 'ic09', 'ic10']) if (!types.includes(type)) problems.push(`mac: ${path.relative(root, macIcon)} lacks the ${type} image`);
  }
  const winIcon = path.join(root, config.win?.icon ?? path.join(path.relative(root, resources), 'icon.ico'));
  if (!existsSync(winIcon)) problems.push(`win: no icon at ${path.relative(root, winIcon)}`);
  else {
    const sizes = icoSizes(readFileSync(winIcon));
    for (const size of [16, 32, 48, 256]) if (!sizes.includes(size)) problems.push(`win: ${path.relative(root, winIcon)} lacks a ${size}x${size} image`);
  }
  return problems;
}

/** The element types in an .icns file (empty when it is not one). */
export function icnsTypes(bytes: Buffer): string[] {
  if (bytes.toString('latin1', 0, 4) !== 'icns' || bytes.readUInt32BE(4) !== bytes.length) return [];
  const types: string[] = [];
  for (let at = 8; at + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(at + 4);
    if (length < 8) break;
    types.push(bytes.toString('latin1', at, at + 4));
    at += length;
  }
  return types;
}

/** The square sizes in an .ico file (0 in a directory entry means 256). */
export function icoSizes(bytes: Buffer): number[] {
  if (bytes.length < 6 || bytes.readUInt16LE(0) !== 0 || bytes.readUInt16LE(2) !== 1) return [];
  const count = bytes.readUInt16LE(4);
  const sizes: number[] = [];
  for (let i = 0; i < count && 6 + 16 * (i + 1) <= bytes.length; i++) sizes.push(bytes[6 + 16 * i]! || 256);
  return sizes;
}

/** macOS: one dmg per architecture, never universal (npm installs one keyring binding, the host's). */
export function macTargetProblems({ config }: { config: Configuration }): string[] {
  const problems: string[] = [];
  const targets = [config.mac?.target ?? []].flat().map((it) => (typeof it === 'string' ? { target: it, arch: undefined } : it));
  for (const target of targets) {
    const arches: string[] = [target.arch ?? []].flat();
    if (arches.includes('universal')) problems.push(`mac: the ${target.target} target is universal, but there is no universal keyring binding (npm installs the host's @napi-rs/keyring-darwin-* only): build x64 and arm64 apart`);
  }
  if (!config.afterPack) problems.push('electron-builder.yml has no afterPack hook checking that the keyring binding for the packaged platform and architecture is inside the app');
  return problems;
}

/** The fuses as written into the packaged executable, compared with electron-builder.yml. */
export async function fuseProblems({ build, config, mainSource }: { build: Pick<LinuxBuild, 'unpackedDir'>; config: Configuration; mainSource: string }): Promise<string[]> {
  const problems: string[] = [];
  const executable = path.join(build.unpackedDir, config.linux?.executableName ?? 'electron');
  const wire = await getCurrentFuseWire(executable); // FuseV1Options index → '0' / '1' byte
  const wanted = config.electronFuses ?? {};
  for (const [i, name] of FUSE_NAMES.entries()) {
    if (wanted[name] === undefined) {
      problems.push(`fuses: ${name} is not set in electron-builder.yml (Electron's default stays)`);
      continue;
    }
    const state = (wire as unknown as Record<number, number | undefined>)[i];
    const actual = state === 0x31 ? true : state === 0x30 ? false : `byte ${String(state)}`;
    if (actual !== wanted[name]) problems.push(`fuses: ${name} is ${actual} in the packaged executable, ${wanted[name]} in electron-builder.yml`);
  }
  // With this fuse off, file:// pages follow browser rules and Vite's module scripts are blocked:
  // windows must come from the app's own protocol (design.md, Security).
  if (wanted.grantFileProtocolExtraPrivileges === false && /\.loadFile\(|\.loadURL\(\s*(["'`]file:|[^)]*pathToFileURL)/.test(mainSource)) {
    problems.push('fuses: grantFileProtocolExtraPrivileges is off but dist/electron/main.js loads windows from file:// (loadFile): they would open blank');
  }
  if (wanted.onlyLoadAppFromAsar === true && config.asar === false) problems.push('fuses: onlyLoadAppFromAsar is on but asar is off: the app would not start');
  return problems;
}

/** Sums the sizes of the files under `dir`. */
export function directorySize(dir: string): number {
  if (!existsSync(dir)) return 0;
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += statSync(path.join(entry.parentPath, entry.name)).size;
  }
  return total;
}
