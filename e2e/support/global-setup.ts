import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The harness serves the built renderer: build it once before the specs. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  execFileSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [vite, 'build', '-c', 'vite.quick-entry.config.ts', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
