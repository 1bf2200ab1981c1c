#!/usr/bin/env node
// `npm test`: the whole local/CI check in one command.
//
//   1. system dependencies present; when missing and this runs as root or with passwordless sudo
//      (as CI does), installed with apt-get; otherwise it says the one command to run
//   2. typecheck  (tsc -b)
//   3. lint       (eslint .)
//   4. security   (scripts/security-check.mjs: builds, then Electronegativity offline on the build
//                 output; fails on any finding not justified in scripts/electronegativity-exclusions.json)
//   5. unit tests (vitest run) inside a private D-Bus session with a throwaway, unlocked
//                 gnome-keyring, so the keychain code is tested against a real Secret Service
//                 and the user's own keyring is never touched
//   6. browser tests (playwright test) under xvfb-run, once playwright.config.ts exists; between
//      23:00 and 03:30 in Berlin (the seed's zone) with every clock set back 5 hours (faketime),
//      because the seed is a working day in progress (see seedClockShift below)
//   7. package    (scripts/package-check.ts: the Linux packages built offline against a stub
//                 Electron in a scratch directory, then audited: deb metadata up to fpm, icons,
//                 desktop entry, app.asar's contents and runtime import graph, fuses)
//
// Stops at the first failing step and exits non-zero. Takes no arguments: to run a subset, use
// `npm run test:unit -- <filter>` or the tools directly.

import { spawn, spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import process from 'node:process';

const root = join(import.meta.dirname, '..');
// Fonts: Chromium only recommends them, and screenshots need text.
// faketime: the browser suite's clock outside the seed's working day (seedClockShift).
const APT_PACKAGES = 'chromium xvfb xauth gnome-keyring dbus-x11 libsecret-tools fonts-liberation fonts-dejavu-core faketime';

if (process.argv.length > 2) {
  console.error(`scripts/test.mjs takes no arguments (got: ${process.argv.slice(2).join(' ')}).`);
  console.error('To run some unit tests only: npm run test:unit -- <file or name filter>');
  process.exit(2);
}

const env = {
  ...process.env,
  // Local tools first, also when this script is run as `node scripts/test.mjs` rather than via npm.
  PATH: [join(root, 'node_modules', '.bin'), process.env.PATH ?? ''].join(delimiter),
};

/** @returns {string | null} absolute path of an executable found on PATH */
function which(name) {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, name);
    if (isExecutable(candidate)) return candidate;
  }
  return null;
}

function isExecutable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** What is missing, each as "what (package …)". */
function missingSystemDependencies() {
  const missing = [];
  const chromium = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (isExecutable(chromium)) {
    env.CHROMIUM_PATH = chromium;
  } else {
    missing.push(`${chromium} (package chromium${process.env.CHROMIUM_PATH ? '; set by CHROMIUM_PATH' : ''})`);
  }
  const tools = [
    ['xvfb-run', 'xvfb'],
    ['xauth', 'xauth (xvfb-run needs it)'],
    ['dbus-run-session', 'dbus-daemon, pulled in by dbus-x11'],
    ['gnome-keyring-daemon', 'gnome-keyring'],
    ['faketime', 'faketime'],
  ];
  for (const [tool, pkg] of tools) {
    if (!which(tool)) missing.push(`${tool} (package ${pkg})`);
  }
  return missing;
}

/** Root, or sudo that needs no password: then `npm test` installs what it needs itself. */
function canInstallPackages() {
  if (!which('apt-get')) return null;
  if (process.getuid?.() === 0) return [];
  if (which('sudo') && spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' }).status === 0) return ['sudo'];
  return null;
}

function checkSystemDependencies() {
  let missing = missingSystemDependencies();
  if (missing.length === 0) return true;
  const prefix = canInstallPackages();
  if (prefix) {
    console.log(`Missing: ${missing.join(', ')}. Installing ${APT_PACKAGES} with apt-get…`);
    const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const apt = (args) => {
      const [command, ...rest] = [...prefix, 'apt-get', ...args];
      return spawnSync(command, rest, { stdio: 'inherit', env: aptEnv }).status === 0;
    };
    if (apt(['update', '-q']) && apt(['install', '-y', '-q', '--no-install-recommends', ...APT_PACKAGES.split(' ')])) missing = missingSystemDependencies();
    if (missing.length === 0) return true;
  }
  console.error('Missing system dependencies:');
  for (const item of missing) console.error(`  - ${item}`);
  console.error('Install them with (Debian/Ubuntu), then run npm test again:');
  console.error(`  sudo apt-get install -y ${APT_PACKAGES}`);
  return false;
}

let currentChild = null;
let interrupted = null;
for (const signal of ['SIGINT', 'SIGTERM']) {
  // Forward to the running step (a terminal's Ctrl-C reaches it anyway), let the temp-dir
  // cleanup run, and start no further step.
  process.on(signal, () => {
    interrupted = signal;
    currentChild?.kill(signal);
  });
}

/** Runs a command with inherited stdio; resolves to its exit code. */
function run(command, args, extraEnv = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...env, ...extraEnv }, stdio: 'inherit' });
    currentChild = child;
    child.on('error', (error) => {
      console.error(`Could not start ${command}: ${error.message}`);
      resolve(127);
    });
    child.on('exit', (code, signal) => {
      currentChild = null;
      resolve(code ?? (signal ? 128 : 1));
    });
  });
}

async function unitTests() {
  // A throwaway home for gnome-keyring: its keyrings live in $XDG_DATA_HOME/keyrings and its
  // control socket in $XDG_RUNTIME_DIR/keyring. Fresh dirs mean the user's keyring is never opened.
  const scratch = mkdtempSync(join(tmpdir(), 'clockify-tray-test-'));
  try {
    const dataHome = join(scratch, 'data');
    const runtimeDir = join(scratch, 'runtime');
    // 0700, as the XDG Base Directory spec requires of XDG_RUNTIME_DIR.
    for (const dir of [dataHome, runtimeDir]) mkdirSync(dir, { mode: 0o700 });
    const script = [
      'echo -n pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null ||',
      '  { echo "gnome-keyring-daemon did not start; the keychain tests cannot run." >&2; exit 1; }',
      'exec vitest run',
    ].join('\n');
    return await run('dbus-run-session', ['--', 'bash', '-c', script], {
      XDG_DATA_HOME: dataHome,
      XDG_RUNTIME_DIR: runtimeDir,
      // The keychain tests skip without a Secret Service when run on their own; here they must not.
      CLOCKIFY_TRAY_REQUIRE_KEYCHAIN: '1',
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

/**
 * The browser specs' seed is a working day in progress in Berlin: entries of 2 h 15 min and 45 min
 * ago count as today, yesterday's as yesterday, and a spec takes minutes. Between 23:00 and 03:30
 * there, today has not yet held that much, or ends during the run, and those specs would fail for
 * the hour alone. Then the whole suite (runner, harness, fake Clockify, Chromium) runs with its
 * clocks set 5 hours back, together, by libfaketime: time still flows, only the hour moves.
 * Returns the shift in seconds, or 0 at any other hour.
 */
function seedClockShift(now = new Date()) {
  const [hour, minute] = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(now).split(':').map(Number);
  const minutes = hour * 60 + minute;
  return minutes >= 23 * 60 || minutes < 3 * 60 + 30 ? -5 * 3600 : 0;
}

async function browserTests() {
  if (!existsSync(join(root, 'playwright.config.ts'))) return 'skipped';
  const xvfb = ['xvfb-run', '--auto-servernum', '--server-args=-screen 0 1280x1024x24', 'playwright', 'test'];
  const shift = seedClockShift();
  if (shift === 0) return run(xvfb[0], xvfb.slice(1));
  console.log(`It is ${new Date().toISOString()}, between 23:00 and 03:30 in Berlin: the browser suite runs with its clocks ${-shift / 3600} hours back (faketime ${shift}).`);
  return run('faketime', ['-f', String(shift), ...xvfb]);
}

const steps = [
  { name: 'typecheck', title: 'Typecheck (tsc -b)', run: () => run('tsc', ['-b']) },
  { name: 'lint', title: 'Lint (eslint .)', run: () => run('eslint', ['.']) },
  { name: 'security', title: 'Security (build, then Electronegativity offline on the build output)', run: () => run(process.execPath, ['scripts/security-check.mjs']) },
  { name: 'unit', title: 'Unit tests (vitest run, real Secret Service in a private D-Bus session)', run: unitTests },
  { name: 'e2e', title: 'Browser tests (playwright test under xvfb-run)', run: browserTests },
  { name: 'package', title: 'Package (Linux dir + deb + AppImage against a stub Electron, then audited)', run: () => run('tsx', ['scripts/package-check.ts']) },
];

function header(text) {
  const line = '='.repeat(Math.max(60, text.length + 4));
  console.log(`\n${line}\n  ${text}\n${line}`);
}

const started = Date.now();
const results = [];

header('System dependencies');
if (!checkSystemDependencies()) {
  console.error('\nnpm test: FAILED (system dependencies missing)');
  process.exit(1);
}
console.log('chromium, xvfb-run, xauth, dbus-run-session, gnome-keyring-daemon: found');

let failed = null;
for (const step of steps) {
  if (interrupted) {
    results.push(`stopped by ${interrupted}`);
    failed = step.name;
    break;
  }
  header(step.title);
  const t0 = Date.now();
  const outcome = await step.run();
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  if (outcome === 'skipped') {
    console.log('Skipped: no playwright.config.ts yet.');
    results.push(`${step.name} skipped`);
    continue;
  }
  if (outcome !== 0) {
    results.push(`${step.name} FAILED (exit ${outcome}, ${seconds}s)`);
    failed = step.name;
    break;
  }
  results.push(`${step.name} ok (${seconds}s)`);
}

const total = ((Date.now() - started) / 1000).toFixed(1);
console.log(`\nnpm test: ${failed ? 'FAILED' : 'PASSED'} in ${total}s — ${results.join(', ')}`);
process.exit(failed ? 1 : 0);
