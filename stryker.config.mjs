// Mutation testing (npm run mutation; not in CI: it is slow on two cores). Small realistic bugs are
// planted in the source one at a time; a mutant that no test notices "survives".
// A scoped run while improving tests: npm run mutation -- shared/quick-entry
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts', related: true },
  coverageAnalysis: 'perTest',
  // Not mutated: the app icon's painter and PNG encoder. Instrumented, their per-pixel loops take
  // over 20 s per test run; their tests compare the bytes drawn, and the package check looks at the icons.
  mutate: ['electron/core/**/*.ts', 'electron/clockify/**/*.ts', 'shared/**/*.ts', '!**/*.test.ts', '!**/*.d.ts', '!electron/core/app-icon.ts', '!electron/core/png.ts'],
  // Two cores shared with everything else on the machine.
  concurrency: 1,
  timeoutMS: 20_000,
  // The first run of all the core's tests, instrumented, takes over the default 5 minutes on a busy machine.
  dryRunTimeoutMinutes: 30,
  reporters: ['clear-text', 'progress', 'json', 'html'],
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  // Re-runs test only the mutants whose code or tests changed since the last run.
  incremental: true,
  incrementalFile: 'reports/stryker-incremental.json',
  tempDirName: '.stryker-tmp',
  // Not copied into the sandbox: another run's sandbox (two pieces may run at once), builds and reports.
  ignorePatterns: ['.stryker-tmp*', 'dist', 'release', 'reports', 'test-results', 'playwright-report'],
  cleanTempDir: 'always',
  thresholds: { high: 85, low: 70, break: null },
};
