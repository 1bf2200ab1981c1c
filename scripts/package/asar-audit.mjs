// What is inside resources/app.asar, and whether the main process can run from it.
//
// The import graph is walked by esbuild's resolver over the extracted archive (app.asar plus
// app.asar.unpacked, as Electron sees it): from dist/electron/main.js and the preload, every
// static import, dynamic import() and require() with a literal name, through package.json
// `exports`/`main` exactly as Node resolves them. A module that does not resolve inside the
// archive is missing at run time. A require() that esbuild finds inside try/catch is optional
// (napi-rs's loader tries every platform's binding package in turn) and is not counted.
import { extractAll, getRawHeader } from '@electron/asar';
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { RENDERER_ONLY_PACKAGES } from './audit.mjs';

export const ENTRY_POINTS = ['dist/electron/main.js', 'dist/electron/preload.cjs'];
/** Modules Electron provides itself. */
const PROVIDED = ['electron'];

/** Every file in the archive: path (posix, relative) → { size, unpacked }. */
export function listArchive(asarPath) {
  const files = new Map();
  const walk = (node, prefix) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, rel);
      else files.set(rel, { size: Number(child.size ?? 0), unpacked: child.unpacked === true, link: child.link });
    }
  };
  walk(getRawHeader(asarPath).header, '');
  return files;
}

/** Why a shipped file does not belong in the app, or null. */
export function junkKind(file) {
  if (file.endsWith('.map')) return 'source maps';
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || /(^|\/)(__tests__|test|tests|e2e)\//.test(file)) return 'tests';
  if (/(^|\/)(bench|docs)\//.test(file) || /(^|\/)(README|CHANGELOG|HISTORY)(\.md|\.markdown|\.txt)?$/i.test(file)) return 'docs or benchmarks';
  if (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) return 'TypeScript sources';
  return null;
}

/** The package a path inside node_modules belongs to ("@scope/name" or "name"), or null. */
export function packageOf(file) {
  const parts = file.split('/');
  const at = parts.lastIndexOf('node_modules');
  if (at < 0 || at + 1 >= parts.length) return null;
  return parts[at + 1].startsWith('@') ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/**
 * Walks the run-time import graph of the entry points inside the extracted archive.
 * @returns {Promise<{ missing: string[], reached: Set<string>, imports: Map<string, { path: string, kind: string }[]> }>}
 */
export async function walkImportGraph(extractedDir) {
  const missing = [];
  const entryPoints = ENTRY_POINTS.map((entry) => path.join(extractedDir, entry)).filter((file) => existsSync(file));
  for (const entry of ENTRY_POINTS) if (!existsSync(path.join(extractedDir, entry))) missing.push(`${entry} (an entry point) is not in the archive`);
  let metafile = { inputs: {} };
  try {
    const result = await build({
      entryPoints, absWorkingDir: extractedDir, bundle: true, write: false, metafile: true, outdir: path.join(extractedDir, '.graph'),
      platform: 'node', format: 'esm', target: 'node22', external: PROVIDED, logLevel: 'silent',
      loader: { '.node': 'file' }, nodePaths: [], preserveSymlinks: false,
    });
    metafile = result.metafile;
  } catch (error) {
    for (const message of error.errors ?? [{ text: String(error) }]) {
      const from = message.location?.file ? ` (imported by ${message.location.file})` : '';
      missing.push(`${message.text}${from}`);
    }
  }
  const reached = new Set();
  const imports = new Map();
  for (const [input, info] of Object.entries(metafile.inputs)) {
    const absolute = path.resolve(extractedDir, input);
    if (!absolute.startsWith(extractedDir + path.sep)) missing.push(`${input} resolves outside the archive`);
    reached.add(path.relative(extractedDir, absolute).split(path.sep).join('/'));
    imports.set(path.relative(extractedDir, absolute).split(path.sep).join('/'), info.imports.map((it) => ({ path: it.path, kind: it.kind, original: it.original })));
  }
  return { missing, reached, imports };
}

/**
 * The whole archive audit.
 * @returns {Promise<{ problems: string[], facts: { asarBytes: number, unpackedBytes: number, files: number, packages: string[], nativeModules: string[] } }>}
 */
export async function auditArchive({ unpackedDir, extractDir, packageJson }) {
  const problems = [];
  const resources = path.join(unpackedDir, 'resources');
  const asarPath = path.join(resources, 'app.asar');
  if (!existsSync(asarPath)) return { problems: ['resources/app.asar is missing'], facts: null };
  const files = listArchive(asarPath);
  extractAll(asarPath, extractDir);
  const graph = await walkImportGraph(extractDir);
  problems.push(...graph.missing.map((it) => `runtime module missing: ${it}`));

  // The keychain must load lazily: a static import of its native binding would kill the main
  // module before the tray exists wherever the binding is missing or broken.
  const staticKeyring = [...graph.imports.entries()].flatMap(([from, list]) =>
    list.filter((it) => /^@napi-rs\/keyring/.test(it.original ?? '') && it.kind !== 'dynamic-import').map(() => from));
  if (staticKeyring.some((from) => ENTRY_POINTS.includes(from))) problems.push(`${staticKeyring.filter((from) => ENTRY_POINTS.includes(from)).join(', ')} imports @napi-rs/keyring statically: a missing or broken native binding stops the app before the tray exists (load it with import())`);

  // Native modules: loaded by the OS from a real file, so they must sit in app.asar.unpacked.
  const nativeModules = [...files.keys()].filter((file) => file.endsWith('.node'));
  for (const file of nativeModules) {
    if (!files.get(file).unpacked) problems.push(`${file} is packed inside app.asar; native modules must be in app.asar.unpacked`);
    else if (!existsSync(path.join(resources, 'app.asar.unpacked', file))) problems.push(`${file} is marked unpacked but app.asar.unpacked/${file} does not exist`);
  }
  const keyringBinding = nativeModules.find((file) => /keyring[^/]*linux-x64-gnu/.test(file));
  if (!keyringBinding) problems.push('the keyring native binding for linux-x64-gnu (@napi-rs/keyring-linux-x64-gnu) is not in the archive');
  else if (!graph.reached.has(keyringBinding)) problems.push(`${keyringBinding} is shipped but the main process never reaches it`);

  // Nothing only the build needs.
  const packages = [...new Set([...files.keys()].map(packageOf).filter(Boolean))].sort();
  const devOnly = new Set([...Object.keys(packageJson.devDependencies ?? {}), ...RENDERER_ONLY_PACKAGES]);
  for (const name of packages.filter((it) => devOnly.has(it))) problems.push(`shipped build-only dependency: ${name} (${RENDERER_ONLY_PACKAGES.includes(name) ? 'the renderer bundle already contains it' : 'a devDependency'})`);
  for (const name of RENDERER_ONLY_PACKAGES.filter((it) => it in (packageJson.dependencies ?? {}))) problems.push(`package.json lists ${name} in dependencies: Vite bundles it into the renderer, it belongs in devDependencies`);
  const reachedPackages = new Set([...graph.reached].map(packageOf).filter(Boolean));
  for (const name of packages.filter((it) => !devOnly.has(it) && !reachedPackages.has(it))) problems.push(`shipped but never loaded by the main process or the preload: ${name}`);

  const junk = [...files.keys()].filter((file) => junkKind(file) !== null || (!file.startsWith('dist/') && !file.startsWith('node_modules/') && file !== 'package.json'));
  const groups = new Map();
  for (const file of junk) {
    const key = `${junkKind(file) ?? 'outside dist/ and node_modules/'}${packageOf(file) ? ` in ${packageOf(file)}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  for (const [key, list] of groups) problems.push(`shipped files that do not belong in the app: ${list.length} ${key} (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''})`);

  const unpackedDirPath = path.join(resources, 'app.asar.unpacked');
  const { directorySize } = await import('./audit.mjs');
  return {
    problems,
    facts: {
      asarBytes: readFileSync(asarPath).length,
      unpackedBytes: directorySize(unpackedDirPath),
      files: files.size,
      packages,
      nativeModules,
      reachedFiles: graph.reached.size,
    },
  };
}
