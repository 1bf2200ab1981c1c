// Packages the app for Linux the way `npm run package -- --linux` would, offline, against a stub
// Electron (stub-electron.ts), into a scratch directory. electron-builder's programmatic API with
// the project's own electron-builder.yml; only where Electron comes from and where the output
// goes are overridden.
//
//   1. `--linux dir`: the unpacked app (resources/app.asar, app.asar.unpacked, the executable with
//      its fuses flipped).
//   2. deb and AppImage from that directory (`prepackaged`), stopped where electron-builder would
//      run its own tools, which it downloads from its release host: the AppImage target through
//      the `effectiveOptionComputed` packager option (it receives the desktop entry and may end
//      the target there); the deb target runs to fpm, and fpm is a recorder (CUSTOM_FPM_PATH) that
//      writes the command line it was given (dependencies included, which the callback does not
//      see) and builds nothing. The same callback receives the fpm arguments and the desktop file
//      first; the desktop file and the install scripts are read there, while they exist.
// A failure of one target is recorded, not thrown, so the audit can report everything at once.
import { Arch, build, Platform, type Configuration } from 'electron-builder';
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeStubElectron } from './stub-electron';

const require = createRequire(import.meta.url);

export interface DebCapture {
  /** The arguments electron-builder computed for fpm (without dependencies). */
  readonly args: readonly string[];
  readonly desktopEntry: string;
  readonly afterInstall: string | null;
  readonly afterRemove: string | null;
  /** fpm's whole command line, as the recorder received it; null when fpm was not reached. */
  fpmArgv: string[] | null;
}

export interface AppImageCapture {
  readonly desktopEntry: string;
  readonly desktopFileName: string;
}

export interface LinuxBuild {
  readonly output: string;
  readonly unpackedDir: string;
  readonly errors: Partial<Record<'dir' | 'deb' | 'AppImage', string>>;
  deb: DebCapture | null;
  appImage: AppImageCapture | null;
}

export interface BuildLinuxOptions {
  readonly root: string;
  /** A scratch directory; the caller removes it. */
  readonly workDir: string;
  readonly log?: (line: string) => void;
  /** false: stop after the unpacked directory (no deb, no AppImage). */
  readonly packages?: boolean;
}

export async function buildLinux({ root, workDir, log = () => {}, packages = true }: BuildLinuxOptions): Promise<LinuxBuild> {
  const electronVersion = (JSON.parse(readFileSync(require.resolve('electron/package.json', { paths: [root] }), 'utf8')) as { version: string }).version;
  const electronDist = writeStubElectron(path.join(workDir, 'electron-stub'), electronVersion);
  const output = path.join(workDir, 'release');
  const config: Configuration = { electronDist, electronVersion, directories: { output }, publish: null };
  const result: LinuxBuild = { output, unpackedDir: path.join(output, 'linux-unpacked'), errors: {}, deb: null, appImage: null };

  log('electron-builder --linux dir (stub Electron)…');
  try {
    await build({ projectDir: root, targets: Platform.LINUX.createTarget(['dir'], Arch.x64), config, publish: 'never' });
  } catch (error) {
    result.errors.dir = message(error);
    return result;
  }
  if (!packages) return result;

  const recorder = path.join(workDir, 'fpm-recorder.cjs');
  const record = path.join(workDir, 'fpm-argv.json');
  writeFileSync(recorder, `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`);
  chmodSync(recorder, 0o755);
  const savedFpm = process.env.CUSTOM_FPM_PATH;
  process.env.CUSTOM_FPM_PATH = recorder;
  const effectiveOptionComputed = async (options: unknown): Promise<boolean> => {
    if (Array.isArray(options)) {
      // FpmTarget: [fpm arguments, desktop file path]. Read the files now: they are temporary.
      const [args, desktopFile] = options as [string[], string];
      const scriptOf = (flag: string) => {
        const at = args.indexOf(flag);
        return at >= 0 && args[at + 1] ? readFileSync(args[at + 1]!, 'utf8') : null;
      };
      result.deb = { args: [...args], desktopEntry: readFileSync(desktopFile, 'utf8'), afterInstall: scriptOf('--after-install'), afterRemove: scriptOf('--after-remove'), fpmArgv: null };
      return false; // go on to fpm, which is the recorder
    }
    if (options && typeof options === 'object' && 'desktop' in options) {
      const { desktop, desktopFileName } = options as { desktop: string; desktopFileName: string };
      result.appImage = { desktopEntry: desktop, desktopFileName };
      return true; // stop before the AppImage tools are downloaded
    }
    return false;
  };
  try {
    for (const target of ['deb', 'AppImage'] as const) {
      log(`electron-builder --linux ${target} (prepackaged, stopped before ${target === 'deb' ? 'fpm runs' : 'the AppImage tools'})…`);
      try {
        await build({ projectDir: root, targets: Platform.LINUX.createTarget([target], Arch.x64), config, publish: 'never', prepackaged: result.unpackedDir, effectiveOptionComputed });
      } catch (error) {
        result.errors[target] = message(error);
      }
    }
  } finally {
    if (savedFpm === undefined) delete process.env.CUSTOM_FPM_PATH;
    else process.env.CUSTOM_FPM_PATH = savedFpm;
  }
  if (result.deb) {
    try {
      result.deb.fpmArgv = JSON.parse(readFileSync(record, 'utf8')) as string[];
    } catch {
      result.errors.deb ??= 'electron-builder did not run fpm';
    }
  }
  return result;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
