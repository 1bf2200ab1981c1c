#!/usr/bin/env node
// `npm start`: builds, then starts the tray app in Electron. Electron downloads its binary on first
// use; where it cannot, this says so in a few lines and points to `npm run demo`.
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { downloadElectron, installedElectron, NO_BINARY_HELP } from './electron-binary.mjs';

const root = path.join(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

let binary = installedElectron();
if (!binary) {
  const download = downloadElectron();
  binary = installedElectron();
  if (!download.ok || !binary) {
    console.error(`\nnpm start: ${NO_BINARY_HELP}`);
    if (process.env.DEBUG) console.error(`\nThe download said:\n${download.output}`);
    else console.error('\n(Run with DEBUG=1 to see what the download said.)');
    process.exit(1);
  }
}
if (spawnSync(npm, ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' }).status !== 0) process.exit(1);
const child = spawn(binary, ['.', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
