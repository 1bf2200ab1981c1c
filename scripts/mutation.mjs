// npm run mutation [-- path … ] [--concurrency N]: runs Stryker (stryker.config.mjs) over the given
// folders or files (default: all of electron/core, electron/clockify and shared) and prints the
// mutation score per folder.
//
// Scores are kept per source file in bench/results.json (`mutation.files`), each with the hash of the
// file it was measured on, so a long measurement can be done in pieces (one folder or file at a
// time) and a run cut off loses only its own piece. A folder's score is written when every source
// file in it has a score measured on its current content; otherwise the run says which are missing.
// `npm run mutation -- --report` runs nothing: it prints the folder scores from the stored file scores
// (after pieces measured on several branches were merged).
// Not part of `npm test` or CI: over everything it takes hours on two cores.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import config from '../stryker.config.mjs';

const root = path.resolve(import.meta.dirname, '..');
const FOLDERS = ['electron/core', 'electron/clockify', 'shared/quick-entry', 'shared'];
const TARGETS = { 'electron/core': 85, 'shared/quick-entry': 85 };
const excluded = new Set(config.mutate.filter((pattern) => pattern.startsWith('!') && !pattern.includes('*')).map((pattern) => pattern.slice(1)));

/** The files Stryker mutates under a folder: TypeScript sources, not tests, declarations or excluded files. */
function sourcesUnder(folder) {
  const found = [];
  for (const name of readdirSync(path.join(root, folder))) {
    const relative = `${folder}/${name}`;
    if (statSync(path.join(root, relative)).isDirectory()) found.push(...sourcesUnder(relative));
    else if (name.endsWith('.ts') && !name.endsWith('.test.ts') && !name.endsWith('.d.ts') && !excluded.has(relative)) found.push(relative);
  }
  return found.sort();
}

const hashOf = (file) => createHash('sha256').update(readFileSync(path.join(root, file))).digest('hex').slice(0, 16);

const argv = process.argv.slice(2);
const reportOnly = argv.includes('--report');
const targets = argv.filter((arg) => !arg.startsWith('-') && existsSync(path.join(root, arg))).map((arg) => arg.replace(/\/$/, ''));
const passed = argv.filter((arg) => !targets.includes(arg.replace(/\/$/, '')));
const scopes = targets.length ? targets : ['electron/core', 'electron/clockify', 'shared'];
const args = [...passed];
args.push('--mutate', [...scopes.map((scope) => (statSync(path.join(root, scope)).isDirectory() ? `${scope}/**/*.ts` : scope)), ...config.mutate.filter((pattern) => pattern.startsWith('!'))].join(','));
// Each scope keeps its own incremental state, so a re-run tests only mutants whose code or tests changed.
const scopeName = scopes.join('+').replaceAll('/', '_');
args.push('--incrementalFile', `reports/stryker-incremental-${scopeName.length > 80 ? createHash('sha256').update(scopeName).digest('hex').slice(0, 12) : scopeName}.json`);

const report = path.join(root, 'reports/mutation/mutation.json');
// Stryker copies the sources when it starts: the scores belong to the files as they are now, not
// as they may be when a long run ends.
const hashes = new Map(scopes.flatMap((scope) => (statSync(path.join(root, scope)).isDirectory() ? sourcesUnder(scope) : [scope])).map((file) => [file, hashOf(file)]));
// The core's tests write their journals with fsync; on a RAM disk that costs nothing, and the
// tests run twice as fast. Only the mutation run does this: npm test keeps the real disk.
const tmp = existsSync('/dev/shm') ? { TMPDIR: '/dev/shm' } : {};
// shared/ and electron/clockify/ are measured by their own tests. The core's tests reach their code
// too (the calendar, the client), and would run whole (a minute) for each mutant of a module-level
// constant there.
const within = (folder) => scopes.every((scope) => scope === folder || scope.startsWith(`${folder}/`));
const ownTests = within('shared') ? { MUTATION_TEST_INCLUDE: 'shared/**/*.test.ts' } : within('electron/clockify') ? { MUTATION_TEST_INCLUDE: 'electron/clockify/**/*.test.ts' } : {};
if (!reportOnly) {
  const run = spawnSync('npx', ['stryker', 'run', ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, ...tmp, ...ownTests } });
  if (run.status !== 0 || !existsSync(report)) {
    console.error(`Stryker did not finish (exit ${run.status}); no scores written.`);
    process.exit(run.status ?? 1);
  }
}

const command = `npm run mutation${argv.length ? ` -- ${argv.join(' ')}` : ''}`;
const measuredAt = new Date().toISOString();
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
const resultsFile = path.join(root, 'bench/results.json');
const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
const mutation = { ...(results.mutation ?? {}) };
const files = { ...(mutation.files ?? {}) };
const survivors = [];

// Stryker's mutation score per file: detected / (detected + undetected); compile and runtime errors and ignored mutants do not count.
for (const [file, { mutants }] of reportOnly ? [] : Object.entries(JSON.parse(readFileSync(report, 'utf8')).files)) {
  let detected = 0;
  let undetected = 0;
  for (const mutant of mutants) {
    if (DETECTED.has(mutant.status)) detected++;
    else if (UNDETECTED.has(mutant.status)) {
      undetected++;
      survivors.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName} ${mutant.status}${mutant.replacement ? ` → ${JSON.stringify(mutant.replacement).slice(0, 60)}` : ''}`);
    }
  }
  files[file] = { detected, undetected, sha: hashes.get(file) ?? hashOf(file), measuredAt, command };
}

// A source with nothing to mutate (types only) has no entry in Stryker's report: it is measured, at 0 of 0.
if (!reportOnly) for (const [file, sha] of hashes) if (files[file]?.measuredAt !== measuredAt) files[file] = { detected: 0, undetected: 0, sha, measuredAt, command };

console.log('\nMutation score per folder:');
for (const folder of FOLDERS) {
  const sources = sourcesUnder(folder);
  const current = sources.filter((file) => files[file]?.sha === hashOf(file));
  if (current.length < sources.length) {
    const missing = sources.filter((file) => !current.includes(file));
    console.log(`  ${folder.padEnd(20)} not complete: ${current.length} of ${sources.length} files measured on their current code (missing: ${missing.slice(0, 6).join(', ')}${missing.length > 6 ? ', …' : ''})`);
    // A folder score of older code would read as today's.
    delete mutation[folder];
    continue;
  }
  const detected = sources.reduce((sum, file) => sum + files[file].detected, 0);
  const undetected = sources.reduce((sum, file) => sum + files[file].undetected, 0);
  if (detected + undetected === 0) continue;
  const score = Math.round((1000 * detected) / (detected + undetected)) / 10;
  const target = TARGETS[folder];
  const dates = sources.map((file) => files[file].measuredAt).sort();
  console.log(`  ${folder.padEnd(20)} ${String(score).padStart(5)} %  (${detected} detected, ${undetected} undetected)${target ? `  target ${target} %: ${score >= target ? 'met' : 'NOT met'}` : ''}`);
  mutation[folder] = { score, detected, undetected, target: target ?? null, files: sources.length, measured: dates[0] === dates.at(-1) ? dates[0] : `${dates[0]} to ${dates.at(-1)}`, commands: [...new Set(sources.map((file) => files[file].command))] };
}
mutation.files = Object.fromEntries(Object.entries(files).sort(([a], [b]) => a.localeCompare(b)));
results.mutation = mutation;
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
if (!reportOnly) writeFileSync(path.join(root, 'reports/mutation/survivors.txt'), `${survivors.join('\n')}\n`);
console.log(`Per-file scores in bench/results.json (mutation.files); this run's survivors in reports/mutation/survivors.txt and reports/mutation/mutation.html.`);
if (process.env.MUTATION_SURVIVORS) for (const line of survivors) console.log(`      ${line}`);
