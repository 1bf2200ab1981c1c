#!/usr/bin/env node
// `npm run test:electron`: the Electron end-to-end suite, where Electron's binary is installed.
// The binary comes from Electron's release host; where it could not be downloaded, say so and skip.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { installedElectron } from './electron-binary.mjs';

const root = path.join(import.meta.dirname, '..');
if (!installedElectron()) {
  console.log("test:electron skipped: Electron's binary is not installed. `npm start` (or `npx install-electron`) downloads it from Electron's release host where that can be reached.");
  console.log('Where the binary cannot be had, `npm test` boots the built app against a strict double of Electron instead (e2e/boot).');
  process.exit(0);
}
const run = (command, args) => spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env }).status ?? 1;
const built = run('npm', ['run', 'build']);
if (built !== 0) process.exit(built);
process.exit(run(path.join(root, 'node_modules', '.bin', 'playwright'), ['test', '-c', 'playwright.electron.config.ts']));
