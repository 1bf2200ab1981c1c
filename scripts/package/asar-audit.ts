// What is inside resources/app.asar, and whether the main process can run from it.
//
// The import graph is walked by esbuild's resolver over the extracted archive (app.asar plus
// app.asar.unpacked, as Electron sees it): from dist/electron/main.js and the preload, every
// static import, dynamic import() and require() with a literal name, through package.json
// `exports`/`main` as Node resolves them. A module that does not resolve inside the archive is
// missing at run time. A require() that esbuild finds inside try/catch is optional (napi-rs's
// loader tries every platform's binding package in turn) and is not counted.
import { extractAll, getRawHeader } from '@electron/asar';
import { build, type BuildFailure, type Metafile } from 'esbuild';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { directorySize, RENDERER_ONLY_PACKAGES } from './audit';
import type { PackageJson } from './project';

export const ENTRY_POINTS = ['dist/electron/main.js', 'dist/electron/preload.cjs'];
/** Modules Electron provides itself. */
const PROVIDED = ['electron'];

interface ArchiveNode {
  readonly files?: Record<string, ArchiveNode>;
  readonly size?: number;
  readonly unpacked?: boolean;
}

/** Every file in the archive: posix path relative to its root → size and whether it is unpacked. */
export function listArchive(asarPath: string): Map<string, { size: number; unpacked: boolean }> {
  const files = new Map<string, { size: number; unpacked: boolean }>();
  const walk = (node: ArchiveNode, prefix: string) => {
    for (const [name, child] of Object.entries(node.files ?? {})) {
      const rel = prefix ? `${prefix}/${name}` : name;
      if (child.files) walk(child, rel);
      else files.set(rel, { size: Number(child.size ?? 0), unpacked: child.unpacked === true });
    }
  };
  walk(getRawHeader(asarPath).header as ArchiveNode, '');
  return files;
}

/** Why a shipped file does not belong in the app, or null. */
export function junkKind(file: string): string | null {
  if (file.endsWith('.map')) return 'source maps';
  if (/\.(test|spec)\.[cm]?[jt]sx?$/.test(file) || /(^|\/)(__tests__|test|tests|e2e)\//.test(file)) return 'tests';
  if (/(^|\/)(bench|docs)\//.test(file) || /(^|\/)(README|CHANGELOG|HISTORY)(\.md|\.markdown|\.txt)?$/i.test(file)) return 'docs or benchmarks';
  if (/\.[cm]?tsx?$/.test(file) && !/\.d\.[cm]?ts$/.test(file)) return 'TypeScript sources';
  return null;
}

/** The package a path inside node_modules belongs to ("@scope/name" or "name"), or null. */
export function packageOf(file: string): string | null {
  const parts = file.split('/');
  const at = parts.lastIndexOf('node_modules');
  const name = parts[at + 1];
  if (at < 0 || !name) return null;
  return name.startsWith('@') ? `${name}/${parts[at + 2] ?? ''}` : name;
}

export interface ImportGraph {
  /** Sentences: what could not be resolved, from where. */
  readonly missing: string[];
  /** Every file reached, relative to the archive root. */
  readonly reached: Set<string>;
  /** Each reached file's imports, as esbuild saw them. */
  readonly imports: Map<string, { path: string; kind: string; original?: string }[]>;
}

/** Walks the run-time import graph of the entry points inside the extracted archive. */
export async function walkImportGraph(extractedDir: string): Promise<ImportGraph> {
  const missing: string[] = [];
  const entryPoints = ENTRY_POINTS.map((entry) => path.join(extractedDir, entry)).filter((file) => existsSync(file));
  for (const entry of ENTRY_POINTS) if (!existsSync(path.join(extractedDir, entry))) missing.push(`${entry} (an entry point) is not in the archive`);
  let metafile: Metafile = { inputs: {}, outputs: {} };
  try {
    const result = await build({
      entryPoints, absWorkingDir: extractedDir, bundle: true, write: false, metafile: true, outdir: path.join(extractedDir, '.graph'),
      platform: 'node', format: 'esm', target: 'node22', external: PROVIDED, logLevel: 'silent',
      loader: { '.node': 'file' }, nodePaths: [],
    });
    metafile = result.metafile;
  } catch (error) {
    for (const message of (error as BuildFailure).errors ?? [{ text: String(error), location: null }]) {
      const from = message.location?.file ? ` (imported by ${message.location.file})` : '';
      missing.push(`${message.text}${from}`);
    }
  }
  const reached = new Set<string>();
  const imports = new Map<string, { path: string; kind: string; original?: string }[]>();
  for (const [input, info] of Object.entries(metafile.inputs)) {
    const absolute = path.resolve(extractedDir, input);
    if (!absolute.startsWith(extractedDir + path.sep)) missing.push(`${input} resolves outside the archive`);
    const relative = path.relative(extractedDir, absolute).split(path.sep).join('/');
    reached.add(relative);
    imports.set(relative, info.imports.map((it) => ({ path: it.path, kind: it.kind, ...(it.original ? { original: it.original } : {}) })));
  }
  return { missing, reached, imports };
}

export interface ArchiveFacts {
  readonly asarBytes: number;
  readonly unpackedBytes: number;
  readonly files: number;
  readonly reachedFiles: number;
  readonly packages: string[];
  readonly nativeModules: string[];
}

/** The whole archive audit. `extractDir` is an empty scratch directory. */
export async function auditArchive({ unpackedDir, extractDir, packageJson }: { unpackedDir: string; extractDir: string; packageJson: PackageJson }): Promise<{ problems: string[]; facts: ArchiveFacts | null }> {
  const problems: string[] = [];
  const resources = path.join(unpackedDir, 'resources');
  const asarPath = path.join(resources, 'app.asar');
  if (!existsSync(asarPath)) return { problems: ['resources/app.asar is missing'], facts: null };
  const files = listArchive(asarPath);
  extractAll(asarPath, extractDir);
  const graph = await walkImportGraph(extractDir);
  problems.push(...graph.missing.map((it) => `runtime module missing: ${it}`));

  // Electron reads desktopName from the shipped package.json (the window's app_id / WM_CLASS).
  const shipped = JSON.parse(readFileSync(path.join(extractDir, 'package.json'), 'utf8')) as PackageJson;
  if (shipped.desktopName !== packageJson.desktopName) problems.push(`the package.json in app.asar has desktopName "${shipped.desktopName}", the project's is "${packageJson.desktopName}"`);

  // The keychain must load lazily: a static import of its native binding would kill the main
  // module before the tray exists wherever the binding is missing or broken.
  const staticKeyring = ENTRY_POINTS.filter((entry) => (graph.imports.get(entry) ?? []).some((it) => /^@napi-rs\/keyring/.test(it.original ?? '') && it.kind !== 'dynamic-import'));
  if (staticKeyring.length > 0) problems.push(`${staticKeyring.join(', ')} imports @napi-rs/keyring statically: a missing or broken native binding stops the app before the tray exists (load it with import())`);

  // Native modules: loaded by the OS from a real file, so they must sit in app.asar.unpacked.
  const nativeModules = [...files.keys()].filter((file) => file.endsWith('.node'));
  for (const file of nativeModules) {
    if (!files.get(file)?.unpacked) problems.push(`${file} is packed inside app.asar; native modules must be in app.asar.unpacked`);
    else if (!existsSync(path.join(resources, 'app.asar.unpacked', file))) problems.push(`${file} is marked unpacked but app.asar.unpacked/${file} does not exist`);
  }
  const keyringBinding = nativeModules.find((file) => /keyring[^/]*linux-x64-gnu/.test(file));
  if (!keyringBinding) problems.push('the keyring native binding for linux-x64-gnu (@napi-rs/keyring-linux-x64-gnu) is not in the archive');
  else if (graph.missing.length === 0 && !graph.reached.has(keyringBinding)) problems.push(`${keyringBinding} is shipped but the main process never reaches it`);

  // Nothing only the build needs.
  const packages = [...new Set([...files.keys()].map(packageOf).filter((name): name is string => name !== null))].sort();
  const devOnly = new Set([...Object.keys(packageJson.devDependencies ?? {}), ...RENDERER_ONLY_PACKAGES]);
  for (const name of packages.filter((it) => devOnly.has(it))) problems.push(`shipped build-only dependency: ${name} (${RENDERER_ONLY_PACKAGES.includes(name) ? 'the renderer bundle already contains it' : 'a devDependency'})`);
  for (const name of RENDERER_ONLY_PACKAGES.filter((it) => it in (packageJson.dependencies ?? {}))) problems.push(`package.json lists ${name} in dependencies: Vite bundles it into the renderer, it belongs in devDependencies`);
  // (Only from a complete walk: when a module is missing, esbuild reports nothing it reached.)
  const reachedPackages = new Set([...graph.reached].map(packageOf).filter(Boolean));
  if (graph.missing.length === 0) for (const name of packages.filter((it) => !devOnly.has(it) && !reachedPackages.has(it))) problems.push(`shipped but never loaded by the main process or the preload: ${name}`);

  const junk = [...files.keys()].filter((file) => junkKind(file) !== null || (!file.startsWith('dist/') && !file.startsWith('node_modules/') && file !== 'package.json'));
  const groups = new Map<string, string[]>();
  for (const file of junk) {
    const owner = packageOf(file);
    const key = `${junkKind(file) ?? 'outside dist/ and node_modules/'}${owner ? ` in ${owner}` : ''}`;
    groups.set(key, [...(groups.get(key) ?? []), file]);
  }
  for (const [key, list] of groups) problems.push(`shipped files that do not belong in the app: ${list.length} ${key} (${list.slice(0, 3).join(', ')}${list.length > 3 ? ', …' : ''})`);

  return {
    problems,
    facts: {
      asarBytes: statSync(asarPath).size,
      unpackedBytes: directorySize(path.join(resources, 'app.asar.unpacked')),
      files: files.size,
      reachedFiles: graph.reached.size,
      packages,
      nativeModules,
    },
  };
}
