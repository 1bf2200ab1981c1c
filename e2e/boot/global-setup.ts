// Vitest's global setup: the boot tests run the real bundles, so build them once before any test
// file starts (the test files run in parallel and must not write dist/ while another reads it).
// The main process and preload take a second with esbuild; the renderer is built only when missing
// (`npm test` has just built it, in its security step).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';

export default function buildBundles(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, ['scripts/build-electron.mjs'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(path.join(root, 'dist/renderer/index.html')) || !existsSync(path.join(root, 'dist/renderer/quick-entry.html'))) {
    execFileSync('npm', ['run', 'build:renderer', '--silent'], { cwd: root, stdio: 'inherit' });
  }
}
