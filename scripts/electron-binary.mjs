// Where Electron's binary is, if installed. Electron 45 downloads it from its release host on first
// use (`electron .` or `npx install-electron`), not at `npm install`; where that host cannot be
// reached, there is none, and the scripts say so instead of showing @electron/get's stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const electronDir = path.join(import.meta.dirname, '..', 'node_modules', 'electron');

/** @returns {string | null} the installed binary's path */
export function installedElectron() {
  const pathFile = path.join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH
    ? path.join(process.env.ELECTRON_OVERRIDE_DIST_PATH, readFileSync(pathFile, 'utf8').trim())
    : path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Downloads the binary (Electron's own install script) once; its output is shown only on failure. */
export function downloadElectron() {
  if (!existsSync(path.join(electronDir, 'install.js'))) return { ok: false, output: 'node_modules/electron is missing: run npm install first.' };
  console.log("Downloading Electron's binary (once, about 100 MB)…");
  const result = spawnSync(process.execPath, [path.join(electronDir, 'install.js')], { encoding: 'utf8', env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' } });
  return { ok: result.status === 0 && installedElectron() !== null, output: `${result.stdout ?? ''}${result.stderr ?? ''}` };
}

export const NO_BINARY_HELP = [
  "Electron's binary is not installed, and it could not be downloaded from Electron's release host",
  '(github.com/electron/electron/releases) from this machine.',
  '  - With network access, `npm start` downloads it once by itself.',
  '  - Behind a mirror: set ELECTRON_MIRROR (https://www.electronjs.org/docs/latest/tutorial/installation#mirror).',
  '  - To try the app without Electron: `npm run demo` (the popover in a browser, against a fake Clockify with sample data).',
].join('\n');
