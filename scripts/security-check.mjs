#!/usr/bin/env node
// `node scripts/security-check.mjs [--no-build]`: Electronegativity on what ships.
//
//   1. builds (npm run build) unless --no-build: dist/electron/main.js, dist/electron/preload.cjs,
//      dist/renderer/*
//   2. copies that output to a scratch directory (the preload as .js: Electronegativity only reads
//      .js/.ts/.html files) and runs @doyensec/electronegativity on it, offline: its two network
//      calls (translations from S3, Electron's release list from GitHub) are replaced by a stub
//      that answers "not available", and the check that needs the release list is skipped (listed
//      in the exclusions file with its reason); the Electron version is the one package.json pins
//   3. maps each finding in the bundles back to its source file with the bundle's source map
//   4. fails on any finding not listed in scripts/electronegativity-exclusions.json, and on any file
//      it could not parse; lists the accepted ones with their reasons and warns about exclusions
//      that no longer match anything (remove them).

import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire, SourceMap } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';

const root = path.join(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const exclusionsFile = path.join(import.meta.dirname, 'electronegativity-exclusions.json');
const require = createRequire(import.meta.url);

const args = process.argv.slice(2);
if (args.some((arg) => arg !== '--no-build')) {
  console.error(`usage: node scripts/security-check.mjs [--no-build] (got: ${args.join(' ')})`);
  process.exit(2);
}

// --- 1. build --------------------------------------------------------------------------------

if (!args.includes('--no-build')) {
  console.log('Building (npm run build)…');
  const built = spawnSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) {
    console.error(`security-check: the build failed (exit ${built.status ?? built.signal}); nothing was scanned.`);
    process.exit(1);
  }
}

const shipped = {
  main: path.join(dist, 'electron', 'main.js'),
  preload: path.join(dist, 'electron', 'preload.cjs'),
  renderer: path.join(dist, 'renderer'),
};
const pages = ['index.html', 'quick-entry.html'].map((page) => path.join(shipped.renderer, page));
const missing = [shipped.main, shipped.preload, ...pages].filter((file) => !existsSync(file));
if (missing.length > 0) {
  console.error(`security-check: the build output is incomplete, missing: ${missing.map((file) => path.relative(root, file)).join(', ')}`);
  process.exit(1);
}

// --- 2. scan ---------------------------------------------------------------------------------

/** @type {{ skipChecks: { check: string, reason: string }[], findings: { check: string, file: string, reason: string }[] }} */
const exclusions = JSON.parse(readFileSync(exclusionsFile, 'utf8'));
for (const entry of [...exclusions.skipChecks, ...exclusions.findings]) {
  if (!entry.check || !entry.reason?.trim()) {
    console.error(`security-check: every exclusion needs a check and a reason: ${JSON.stringify(entry)}`);
    process.exit(1);
  }
}

const scratch = mkdtempSync(path.join(tmpdir(), 'clockify-tray-electronegativity-'));
/** Scanned file (relative to the scratch dir) → the built file it is a copy of. */
const copies = new Map([
  ['electron/main.js', shipped.main],
  ['electron/preload.js', shipped.preload],
]);
let result;
try {
  mkdirSync(path.join(scratch, 'electron'));
  for (const [copy, original] of copies) cpSync(original, path.join(scratch, copy));
  cpSync(shipped.renderer, path.join(scratch, 'renderer'), { recursive: true, filter: (source) => !source.endsWith('.map') });

  offlineNetwork();
  process.env.LANG = 'en-US'; // its messages in English, whatever the machine's locale
  const run = require('@doyensec/electronegativity');
  result = await run({
    input: scratch,
    isRelative: true,
    electronVersionOverride: pinnedElectronVersion(),
    excludeFromScan: exclusions.skipChecks.map((skip) => skip.check),
  });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

// --- 3. report -------------------------------------------------------------------------------

const findings = result.issues.map((issue) => ({
  check: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  description: issue.description,
  sample: String(issue.sample ?? '').trim().slice(0, 160),
  ...sourceLocation(issue.file, issue.location),
}));
const used = new Set();
const accepted = [];
const rejected = [];
for (const finding of findings) {
  const index = exclusions.findings.findIndex((entry) => entry.check === finding.check && entry.file === finding.file);
  if (index === -1) rejected.push(finding);
  else {
    used.add(index);
    accepted.push({ ...finding, reason: exclusions.findings[index].reason });
  }
}

console.log(`Electronegativity ${require('@doyensec/electronegativity/package.json').version}: ${result.globalChecks} global and ${result.atomicChecks} atomic checks on the build output (Electron ${pinnedElectronVersion()}).`);
for (const skip of exclusions.skipChecks) console.log(`  skipped ${skip.check}: ${skip.reason}`);
for (const finding of accepted) console.log(`  accepted ${finding.check} in ${finding.file}:${finding.line}: ${finding.reason}`);
exclusions.findings.forEach((entry, index) => {
  if (!used.has(index)) console.warn(`  warning: the exclusion for ${entry.check} in ${entry.file} matches nothing any more; remove it from ${path.relative(root, exclusionsFile)}.`);
});

let failed = false;
for (const error of result.errors ?? []) {
  const where = path.relative(root, path.join(dist, String(error.file ?? '?')));
  if (error.tolerable) console.warn(`  warning: ${where} parsed with a recoverable problem: ${error.message}`);
  else {
    failed = true;
    console.error(`  could not scan ${where}: ${error.message}`);
  }
}
for (const finding of rejected) {
  failed = true;
  console.error(`  FINDING ${finding.check} (${finding.severity}, ${finding.confidence}) in ${finding.file}:${finding.line}: ${finding.description}`);
  if (finding.sample) console.error(`      ${finding.sample}`);
}
if (failed) {
  console.error(`security-check: FAILED. Fix each finding, or add it to ${path.relative(root, exclusionsFile)} with a one-line reason why it is safe.`);
  process.exit(1);
}
console.log(`security-check: passed (${accepted.length} accepted with reasons, 0 open).`);

// --- helpers ---------------------------------------------------------------------------------

/** Electronegativity asks S3 for translations and GitHub for Electron's releases; here nothing leaves the machine. */
function offlineNetwork() {
  const engineRequire = createRequire(require.resolve('@doyensec/electronegativity'));
  const gotPath = engineRequire.resolve('got');
  const unavailable = async () => ({ statusCode: 503, body: '{}', headers: {} });
  unavailable.head = unavailable;
  unavailable.get = unavailable;
  unavailable.default = unavailable;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: unavailable };
}

function pinnedElectronVersion() {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const spec = pkg.devDependencies?.electron ?? pkg.dependencies?.electron;
  const version = /\d+\.\d+\.\d+/.exec(spec ?? '')?.[0];
  if (!version) throw new Error(`package.json pins no Electron version (found ${JSON.stringify(spec)})`);
  return version;
}

/**
 * Where a finding is in our sources: through the bundle's source map for main, preload and the
 * renderer bundles (`electron/platform/app-windows.ts:66`), else the file in dist (`dist/renderer/index.html:5`).
 * Global findings with no file stay `N/A`.
 */
function sourceLocation(file, location) {
  const line = location?.line ?? 0;
  if (!file || file === 'N/A') return { file: 'N/A', line };
  const scanned = file.split(path.sep).join('/');
  const original = copies.get(scanned) ?? (scanned.startsWith('renderer/') ? path.join(shipped.renderer, scanned.slice('renderer/'.length)) : undefined);
  if (original && existsSync(`${original}.map`) && line > 0) {
    const map = new SourceMap(JSON.parse(readFileSync(`${original}.map`, 'utf8')));
    const entry = map.findEntry(line - 1, location.column ?? 0);
    if (entry?.originalSource) {
      const source = path.resolve(path.dirname(original), entry.originalSource.replace(/^file:\/\//, ''));
      return { file: path.relative(root, source).split(path.sep).join('/'), line: entry.originalLine + 1 };
    }
  }
  return { file: path.relative(root, original ?? path.join(dist, scanned)).split(path.sep).join('/'), line };
}
