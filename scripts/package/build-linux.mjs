// Packages the app for Linux the way `npm run package -- --linux` would, offline, against a stub
// Electron (stub-electron.mjs), into a scratch directory. electron-builder's programmatic API with
// the project's own electron-builder.yml; only where the Electron zip comes from and where the
// output goes are overridden.
//
//   1. `--linux dir`: the unpacked app (resources/app.asar, app.asar.unpacked, the executable with
//      its fuses flipped).
//   2. deb and AppImage from that directory (`prepackaged`), stopped where electron-builder would
//      run its own tools, which it downloads from its release host: the AppImage target through
//      the `effectiveOptionComputed` packager option (it receives the desktop entry and may end
//      the target there); the deb target runs to fpm, and fpm is a recorder (CUSTOM_FPM_PATH) that
//      writes the command line it was given and builds nothing. The same callback receives the
//      fpm arguments and the desktop file first; the desktop file and the install scripts are read
//      there, while they exist.
// A failure of one target is recorded, not thrown, so the audit can report everything at once.
import { chmodSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { writeStubElectron } from './stub-electron.mjs';

const require = createRequire(import.meta.url);

/**
 * @param {{ root: string, workDir: string, log?: (line: string) => void }} options
 * @returns {Promise<import('./types').LinuxBuild>}
 */
export async function buildLinux({ root, workDir, log = () => {} }) {
  const { build, Platform, Arch } = require(require.resolve('electron-builder', { paths: [root] }));
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json', { paths: [root] }), 'utf8')).version;
  const electronDist = writeStubElectron(path.join(workDir, 'electron-stub'), electronVersion);
  const output = path.join(workDir, 'release');
  const config = { electronDist, electronVersion, directories: { output }, publish: null };
  const result = { output, unpackedDir: path.join(output, 'linux-unpacked'), errors: {}, deb: null, appImage: null };

  log('electron-builder --linux dir (stub Electron)…');
  try {
    await build({ projectDir: root, targets: Platform.LINUX.createTarget(['dir'], Arch.x64), config, publish: 'never' });
  } catch (error) {
    result.errors.dir = message(error);
    return result;
  }

  const recorder = path.join(workDir, 'fpm-recorder.cjs');
  const record = path.join(workDir, 'fpm-argv.json');
  writeFileSync(recorder, `#!${process.execPath}\nrequire('node:fs').writeFileSync(${JSON.stringify(record)}, JSON.stringify(process.argv.slice(2)));\n`);
  chmodSync(recorder, 0o755);
  const savedFpm = process.env.CUSTOM_FPM_PATH;
  process.env.CUSTOM_FPM_PATH = recorder;
  const effectiveOptionComputed = async (options) => {
    if (Array.isArray(options)) {
      // FpmTarget: [fpm arguments, desktop file path]. Read the files now: they are temporary.
      const [args, desktopFile] = options;
      const scriptOf = (flag) => {
        const at = args.indexOf(flag);
        return at >= 0 ? readFileSync(args[at + 1], 'utf8') : null;
      };
      result.deb = { args: [...args], desktopEntry: readFileSync(desktopFile, 'utf8'), afterInstall: scriptOf('--after-install'), afterRemove: scriptOf('--after-remove'), fpmArgv: null };
      return false; // go on to fpm, which is the recorder
    }
    if (options && typeof options === 'object' && 'desktop' in options) {
      result.appImage = { desktopEntry: options.desktop, desktopFileName: options.desktopFileName };
      return true; // stop before the AppImage tools are downloaded
    }
    return false;
  };
  for (const target of ['deb', 'AppImage']) {
    log(`electron-builder --linux ${target} (prepackaged, stopped before ${target === 'deb' ? 'fpm runs' : 'the AppImage tools'})…`);
    try {
      await build({ projectDir: root, targets: Platform.LINUX.createTarget([target], Arch.x64), config, publish: 'never', prepackaged: result.unpackedDir, effectiveOptionComputed });
    } catch (error) {
      result.errors[target] = message(error);
    }
  }
  if (savedFpm === undefined) delete process.env.CUSTOM_FPM_PATH;
  else process.env.CUSTOM_FPM_PATH = savedFpm;
  if (result.deb) {
    try {
      result.deb.fpmArgv = JSON.parse(readFileSync(record, 'utf8'));
    } catch {
      result.errors.deb ??= 'electron-builder did not run fpm';
    }
  }
  return result;
}

function message(error) {
  return error instanceof Error ? error.message : String(error);
}
