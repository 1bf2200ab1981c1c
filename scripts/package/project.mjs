// The project facts the package check compares: package.json, electron-builder.yml, the app id.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function loadProject(root) {
  const { load } = require('js-yaml');
  const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const config = load(readFileSync(path.join(root, 'electron-builder.yml'), 'utf8'));
  const identity = readFileSync(path.join(root, 'shared/app-identity.ts'), 'utf8');
  const appId = /export const APP_ID = '([^']+)'/.exec(identity)?.[1];
  if (!appId) throw new Error('shared/app-identity.ts no longer declares APP_ID as a string literal');
  return { packageJson, config, appId };
}

/** What `npm run package` runs before electron-builder, e.g. "npm run build && npm run build:icons". */
export function prePackageCommand(packageJson) {
  const script = packageJson.scripts?.package ?? '';
  const steps = script.split('&&').map((step) => step.trim());
  const at = steps.findIndex((step) => step.startsWith('electron-builder'));
  if (at < 0) throw new Error(`package.json's "package" script does not run electron-builder: ${script}`);
  return steps.slice(0, at).join(' && ') || 'true';
}
