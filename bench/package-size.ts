// Figures: what the app adds to each Linux package. The project is built as `npm run package`
// builds it (npm run build && npm run build:icons: this rewrites dist/ and build/), then packaged
// with electron-builder `--linux dir` against a stub Electron into a temporary directory
// (scripts/package/build-linux.mjs, the same build `npm run package:check` audits). Reported:
// resources/app.asar, resources/app.asar.unpacked (the keyring's native binding), and both as
// the deb carries them: a tar of the two compressed with `xz -6` (fpm's default compression for
// deb is xz). Electron itself (about 100 MB unpacked) is the rest of every package, the same for
// any app, and is not counted: the stub stands in for it.
import { execSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { auditArchive } from '../scripts/package/asar-audit';
import { directorySize } from '../scripts/package/audit';
import { buildLinux } from '../scripts/package/build-linux';
import { loadProject, prePackageCommand } from '../scripts/package/project';
import { figure, type Figure } from './lib/figures';

const root = path.resolve(import.meta.dirname, '..');
const MB = 1024 * 1024;

/** Targets: see bench/README.md ("Package size"). */
const TARGETS = { asarMb: 2, payloadXzMb: 2.5 };

export async function measurePackageSize({ judge, log }: { judge: boolean; log: (line: string) => void }): Promise<Figure[]> {
  const { packageJson } = await loadProject(root);
  const prepare = prePackageCommand(packageJson);
  const prepared = spawnSync(prepare, { cwd: root, shell: true, stdio: ['ignore', 'ignore', 'inherit'] });
  if (prepared.status !== 0) throw new Error(`"${prepare}" failed (exit ${prepared.status ?? prepared.signal})`);
  const workDir = mkdtempSync(path.join(tmpdir(), 'clockify-bench-package-'));
  try {
    const build = await buildLinux({ root, workDir, packages: false });
    if (build.errors.dir) throw new Error(`electron-builder --linux dir failed: ${build.errors.dir}`);
    const resources = path.join(build.unpackedDir, 'resources');
    const asar = statSync(path.join(resources, 'app.asar')).size;
    const unpacked = directorySize(path.join(resources, 'app.asar.unpacked'));
    const audit = await auditArchive({ unpackedDir: build.unpackedDir, extractDir: mkdtempSync(path.join(workDir, 'extracted-')), packageJson: JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) });
    const xz = Number(execSync('tar -cf - app.asar app.asar.unpacked | xz -6 -T1 | wc -c', { cwd: resources, encoding: 'utf8' }).trim());
    log(`  app.asar ${(asar / MB).toFixed(2)} MB, ${audit.facts?.files ?? '?'} files; packages shipped: ${audit.facts?.packages.join(', ') ?? '?'}`);
    log(`  app.asar.unpacked ${(unpacked / MB).toFixed(2)} MB (${audit.facts?.nativeModules.join(', ') ?? '?'}); both, tar | xz -6: ${(xz / MB).toFixed(2)} MB`);
    if (audit.problems.length > 0) log(`  the package audit finds ${audit.problems.length} problem(s): run npm run package:check`);
    return [
      figure({ name: 'package: resources/app.asar', value: asar / MB, unit: 'MB', target: TARGETS.asarMb }, judge),
      figure({ name: 'package: resources/app.asar.unpacked (native keyring binding)', value: unpacked / MB, unit: 'MB' }, judge),
      figure({ name: 'package: the app in the deb (app.asar + unpacked, xz -6)', value: xz / MB, unit: 'MB', target: TARGETS.payloadXzMb }, judge),
    ];
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}
