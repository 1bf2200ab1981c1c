// The project facts the package check compares: package.json, electron-builder.yml, the app id.
import type { Configuration } from 'app-builder-lib';
import { getConfig } from 'app-builder-lib/out/util/config/config.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';

export interface PackageJson {
  readonly productName?: string;
  readonly desktopName?: string;
  readonly scripts?: Readonly<Record<string, string>>;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
}

export interface Project {
  readonly packageJson: PackageJson;
  readonly config: Configuration;
  readonly appId: string;
}

/** package.json, the app id, and electron-builder.yml as electron-builder itself reads it. */
export async function loadProject(root: string): Promise<Project> {
  const packageJson = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as PackageJson;
  const config = await getConfig(root, null, null);
  const identity = readFileSync(path.join(root, 'shared/app-identity.ts'), 'utf8');
  const appId = /export const APP_ID = '([^']+)'/.exec(identity)?.[1];
  if (!appId) throw new Error('shared/app-identity.ts no longer declares APP_ID as a string literal');
  return { packageJson, config, appId };
}

/** What `npm run package` runs before electron-builder, e.g. "npm run build && npm run build:icons". */
export function prePackageCommand(packageJson: PackageJson): string {
  const script = packageJson.scripts?.package ?? '';
  const steps = script.split('&&').map((step) => step.trim());
  const at = steps.findIndex((step) => step.startsWith('electron-builder'));
  if (at < 0) throw new Error(`package.json's "package" script does not run electron-builder: ${script}`);
  return steps.slice(0, at).join(' && ') || 'true';
}
