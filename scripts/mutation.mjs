// npm run mutation [-- folder … | --mutate 'glob' …]: runs Stryker (stryker.config.mjs) and prints the mutation
// score per folder. The figures go into bench/results.json under "mutation", folder by folder, each
// with the command and scope it was measured with, so a scoped run updates only what it measured.
// Not part of `npm test` or CI: over electron/core, electron/clockify and shared it takes hours on two cores.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import config from '../stryker.config.mjs';

const root = path.resolve(import.meta.dirname, '..');
// A folder given alone (npm run mutation -- shared/quick-entry) mutates that folder's sources, not its tests.
const folders = process.argv.slice(2).filter((arg) => !arg.startsWith('-') && existsSync(path.join(root, arg)));
const args = process.argv.slice(2).filter((arg) => !folders.includes(arg));
// Each scope keeps its own incremental state, so a re-run tests only mutants whose code or tests changed.
if (folders.length) args.push('--incrementalFile', `reports/stryker-incremental-${folders.join('+').replaceAll('/', '_')}.json`);
const excluded = config.mutate.filter((pattern) => pattern.startsWith('!'));
if (folders.length) args.push('--mutate', [...folders.map((folder) => `${folder.replace(/\/$/, '')}/**/*.ts`), ...excluded].join(','));
const report = path.join(root, 'reports/mutation/mutation.json');
const FOLDERS = ['electron/core', 'electron/clockify', 'shared/quick-entry', 'shared'];
const TARGETS = { 'electron/core': 85, 'shared/quick-entry': 85 };

const run = spawnSync('npx', ['stryker', 'run', ...args], { cwd: root, stdio: 'inherit' });
if (run.status !== 0 || !existsSync(report)) {
  console.error(`Stryker did not finish (exit ${run.status}); no scores written.`);
  process.exit(run.status ?? 1);
}

const { files } = JSON.parse(readFileSync(report, 'utf8'));
const DETECTED = new Set(['Killed', 'Timeout']);
const UNDETECTED = new Set(['Survived', 'NoCoverage']);
/** Stryker's mutation score: detected / (detected + undetected); compile and runtime errors and ignored mutants do not count. */
function score(prefix) {
  let detected = 0;
  let undetected = 0;
  const survivors = [];
  for (const [file, { mutants }] of Object.entries(files)) {
    if (!(file === prefix || file.startsWith(`${prefix}/`))) continue;
    for (const mutant of mutants) {
      if (DETECTED.has(mutant.status)) detected++;
      else if (UNDETECTED.has(mutant.status)) {
        undetected++;
        survivors.push(`${file}:${mutant.location.start.line} ${mutant.mutatorName} ${mutant.status}${mutant.replacement ? ` → ${JSON.stringify(mutant.replacement).slice(0, 60)}` : ''}`);
      }
    }
  }
  const total = detected + undetected;
  return total === 0 ? null : { score: Math.round((1000 * detected) / total) / 10, detected, undetected, survivors };
}

const command = `npm run mutation${process.argv.length > 2 ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
const measuredAt = new Date().toISOString();
const resultsFile = path.join(root, 'bench/results.json');
const results = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : {};
// Folder scores only: a measured folder replaces any earlier note about partial runs.
const mutation = Object.fromEntries(Object.entries(results.mutation ?? {}).filter(([key]) => FOLDERS.includes(key)));
console.log('\nMutation score per folder:');
// A folder's score is kept only when this run mutated all of it: a run scoped to shared/quick-entry says nothing of shared.
const scopes = folders.length ? folders.map((folder) => folder.replace(/\/$/, '')) : args.includes('--mutate') ? [] : FOLDERS;
const wholeIn = (folder) => scopes.some((scope) => folder === scope || folder.startsWith(`${scope}/`));
for (const folder of FOLDERS) {
  const result = score(folder);
  if (!result || !wholeIn(folder)) continue;
  const target = TARGETS[folder];
  console.log(`  ${folder.padEnd(20)} ${String(result.score).padStart(5)} %  (${result.detected} detected, ${result.undetected} undetected)${target ? `  target ${target} %: ${result.score >= target ? 'met' : 'NOT met'}` : ''}`);
  mutation[folder] = { score: result.score, detected: result.detected, undetected: result.undetected, target: target ?? null, command, measuredAt };
  if (process.env.MUTATION_SURVIVORS) for (const line of result.survivors) console.log(`      ${line}`);
}
results.mutation = mutation;
writeFileSync(resultsFile, `${JSON.stringify(results, null, 2)}\n`);
console.log(`Written to bench/results.json (mutation). Survivors: MUTATION_SURVIVORS=1, or reports/mutation/mutation.html.`);
