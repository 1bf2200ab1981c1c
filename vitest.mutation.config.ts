// The unit tests Stryker runs against each mutant (npm run mutation): the tests of the folders it
// mutates. The reliability and security suites spawn processes and build the app: too slow to run
// per mutant, and they guard behaviour the unit tests cover too.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    // scripts/mutation.mjs narrows this for a run over shared/ only (MUTATION_TEST_INCLUDE).
    include: process.env.MUTATION_TEST_INCLUDE?.split(',') ?? ['{shared,electron/core,electron/clockify,e2e/fake-clockify}/**/*.test.ts'],
    // The app icon's tests guard only the painter, which is not mutated (stryker.config.mjs), and take seconds.
    exclude: ['electron/core/app-icon.test.ts', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // One module graph for all test files: re-importing the core for every file of every mutant cost
    // four times the tests themselves (electron/core's tests: 52 s isolated, 12 s not). The tests
    // share no module state that matters: each builds its own core, fake server and data directory.
    isolate: false,
    // Lets the slowest property test run fewer cases per mutant.
    env: { MUTATION_RUN: '1' },
  },
});
