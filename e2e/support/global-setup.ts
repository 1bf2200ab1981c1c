import { execFileSync } from 'node:child_process';
import path from 'node:path';

/** The harness serves the built renderer: build it once before the specs. */
export default function globalSetup(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
}
