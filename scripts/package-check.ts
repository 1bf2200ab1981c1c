// `npm run package:check`: builds the Linux packages the way `npm run package -- --linux` would,
// offline, against a stub Electron, and audits them. A step of `npm test`.
//
//   1. runs what `npm run package` runs before electron-builder (the build, the icons)
//   2. electron-builder --linux dir, then deb and AppImage up to their external tools, into a
//      scratch directory that is removed afterwards (scripts/package/build-linux.ts)
//   3. audits (scripts/package/audit.ts, asar-audit.ts): the deb's fpm command line (maintainer,
//      homepage, dependencies, icons, desktop entry, AppArmor), the AppImage's desktop entry, the
//      app identity (desktopName, StartupWMClass, .desktop name), app.asar (runtime import graph,
//      native modules unpacked, no build-only packages or junk files), the fuses, the mac and
//      Windows icons and targets
//   4. prints the asar size and what the deb got; exits 1 if any problem was found.
//
// Takes no arguments. PACKAGE_CHECK_KEEP=1 keeps the scratch directory for inspection.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { auditArchive, type ArchiveFacts } from './package/asar-audit';
import { appImageProblems, debProblems, flagValues, fuseProblems, iconSourceProblems, identityProblems, macTargetProblems } from './package/audit';
import { buildLinux, type LinuxBuild } from './package/build-linux';
import { loadProject, prePackageCommand } from './package/project';

const root = path.join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);

if (process.argv.length > 2) {
  console.error(`scripts/package-check.ts takes no arguments (got: ${process.argv.slice(2).join(' ')})`);
  process.exit(2);
}

const project = await loadProject(root);
const prePackage = prePackageCommand(project.packageJson);
console.log(`Before packaging, as npm run package does: ${prePackage}`);
const prepared = spawnSync(prePackage, { cwd: root, shell: true, stdio: 'inherit' });
if (prepared.status !== 0) {
  console.error(`package-check: "${prePackage}" failed (exit ${prepared.status ?? prepared.signal}); nothing was packaged.`);
  process.exit(1);
}

const workDir = mkdtempSync(path.join(tmpdir(), 'clockify-tray-package-'));
const cleanUp = () => {
  if (process.env.PACKAGE_CHECK_KEEP) console.log(`Kept ${workDir}`);
  else rmSync(workDir, { recursive: true, force: true });
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

const problems: string[] = [];
let facts: ArchiveFacts | null = null;
let summary: string[] = [];
try {
  const build = await buildLinux({ root, workDir, log: (line) => console.log(`\n${line}`) });
  const { packageJson, config, appId } = project;
  problems.push(...identityProblems({ packageJson, appId, config }));
  if (build.errors.dir) {
    problems.push(`electron-builder --linux dir failed: ${build.errors.dir}`);
  } else {
    const extractDir = path.join(workDir, 'extracted');
    mkdirSync(extractDir);
    const archive = await auditArchive({ unpackedDir: build.unpackedDir, extractDir, packageJson });
    problems.push(...archive.problems);
    facts = archive.facts;
    // electron-builder's own default Depends for deb, to check they were kept.
    const fpmTarget = require(require.resolve('app-builder-lib/out/targets/FpmTarget.js', { paths: [root] })) as { default: { prototype: { getDefaultDepends(target: string): string[] } } };
    problems.push(...debProblems({ build, packageJson, config, defaultDepends: fpmTarget.default.prototype.getDefaultDepends('deb') }));
    problems.push(...appImageProblems({ build, packageJson, config }));
    problems.push(...(await fuseProblems({ build, config, mainSource: readFileSync(path.join(root, 'dist/electron/main.js'), 'utf8') })));
    summary = describeBuild(build);
  }
  problems.push(...iconSourceProblems({ root, config }));
  problems.push(...macTargetProblems({ config }));
} catch (error) {
  problems.push(`package-check crashed: ${error instanceof Error ? error.stack : String(error)}`);
} finally {
  cleanUp();
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;
console.log('\n=== Package audit ===');
if (facts) {
  console.log(`app.asar ${mb(facts.asarBytes)} (${facts.files} files, ${facts.reachedFiles} loaded by main and preload), app.asar.unpacked ${mb(facts.unpackedBytes)}`);
  console.log(`packages shipped: ${facts.packages.join(', ') || 'none'}`);
}
for (const line of summary) console.log(line);
if (problems.length === 0) {
  console.log('No problems: every runtime module resolves inside app.asar, no build-only dependency is shipped, the deb reaches fpm with the right arguments.');
  process.exit(0);
}
console.log(`${problems.length} problem(s):`);
for (const problem of problems) console.log(`  ✗ ${problem}`);
process.exit(1);

/** What the deb and the AppImage got, for the log. */
function describeBuild(build: LinuxBuild): string[] {
  const lines: string[] = [];
  const argv = build.deb?.fpmArgv;
  if (build.deb && argv) {
    const files = argv.filter((arg) => /^[^-].*=\/usr\/share\//.test(arg)).map((arg) => arg.split('=').at(-1));
    lines.push('deb, as handed to fpm:');
    lines.push(`  maintainer ${flagValues(argv, '--maintainer')[0]}; homepage ${flagValues(argv, '--url')[0]}`);
    lines.push(`  depends ${flagValues(argv, '-d').join(', ')}`);
    lines.push(`  recommends ${flagValues(argv, '--deb-recommends').join(', ')}`);
    lines.push(`  installs ${files.join(', ')}`);
    lines.push(`  desktop entry: ${build.deb.desktopEntry.trim().split('\n').slice(1).join('; ')}`);
  }
  if (build.appImage) lines.push(`AppImage ${build.appImage.desktopFileName}: ${build.appImage.desktopEntry.trim().split('\n').slice(1).join('; ')}`);
  return lines;
}
