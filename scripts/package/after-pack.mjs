// electron-builder's afterPack hook (electron-builder.yml): stops a build whose app lacks the
// keyring's native binding for the platform and architecture being packaged. npm installs only
// the host's @napi-rs/keyring-<platform>-<arch> package, so a dmg for the other Mac architecture
// (or a universal one) would ship without it and could never use the Keychain.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** electron-builder's Arch enum, by value. */
const ARCH_NAMES = ['ia32', 'x64', 'armv7l', 'arm64', 'universal'];

/**
 * The problem with the binding in an app's app.asar.unpacked, or null.
 * @param {{ platform: string, arch: string, unpackedDir: string }} app
 */
export function keyringBindingProblem({ platform, arch, unpackedDir }) {
  if (arch === 'universal') {
    return 'a universal build cannot carry the keychain: @napi-rs/keyring has no universal binding. Build x64 and arm64 apart (npm run package -- --mac --x64 on an Intel Mac, --arm64 on Apple silicon).';
  }
  const scopeDir = path.join(unpackedDir, 'node_modules', '@napi-rs');
  const prefix = `keyring-${platform}-${arch}`;
  const candidates = existsSync(scopeDir) ? readdirSync(scopeDir).filter((name) => name === prefix || name.startsWith(`${prefix}-`)) : [];
  const found = candidates.some((name) => readdirSync(path.join(scopeDir, name)).some((file) => file.endsWith('.node')));
  if (found) return null;
  return (
    `the app has no keychain binding for ${platform}-${arch} (app.asar.unpacked/node_modules/@napi-rs/${prefix}*/*.node): it would start without the keychain. ` +
    `npm installs the binding for the machine it runs on: build ${platform}-${arch} packages on a ${platform}-${arch} machine, after npm ci.`
  );
}

/** @param {{ appOutDir: string, arch: number, electronPlatformName: string, packager: { getResourcesDir(appOutDir: string): string } }} context */
export default async function afterPack(context) {
  const unpackedDir = path.join(context.packager.getResourcesDir(context.appOutDir), 'app.asar.unpacked');
  const platform = context.electronPlatformName === 'mas' ? 'darwin' : context.electronPlatformName;
  const problem = keyringBindingProblem({ platform, arch: ARCH_NAMES[context.arch] ?? String(context.arch), unpackedDir });
  if (problem) throw new Error(`Packaging stopped: ${problem}`);
}
