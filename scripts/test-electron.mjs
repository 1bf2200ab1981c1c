#!/usr/bin/env node
// `npm run test:electron`: the Electron end-to-end suite, where Electron's binary is installed.
// The binary comes from Electron's release host; where it could not be downloaded, say so and skip.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.join(import.meta.dirname, '..');
const electronDir = path.join(root, 'node_modules', 'electron');
const pathFile = path.join(electronDir, 'path.txt');
const binary = existsSync(pathFile) ? path.join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()) : null;
if (!binary || !existsSync(binary)) {
  console.log('test:electron skipped: the Electron binary is not installed (node_modules/electron/dist is missing).');
  console.log('On a machine that can reach Electron\'s release host: `npx install-electron --no` (or reinstall without ELECTRON_SKIP_BINARY_DOWNLOAD), then run this again.');
  process.exit(0);
}
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
const built = run('npm', ['run', 'build']);
if (built !== 0) process.exit(built);
process.exit(run(path.join(root, 'node_modules', '.bin', 'playwright'), ['test', '-c', 'playwright.electron.config.ts']));
