// The unit tests Stryker runs against each mutant (npm run mutation): the tests of the folders it
// mutates. The reliability and security suites spawn processes and build the app: too slow to run
// per mutant, and they guard behaviour the unit tests cover too.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['{shared,electron/core,electron/clockify,e2e/fake-clockify}/**/*.test.ts'],
    // The app icon's tests guard only the painter, which is not mutated (stryker.config.mjs), and take seconds.
    exclude: ['electron/core/app-icon.test.ts', '**/node_modules/**'],
    environment: 'node',
    testTimeout: 20_000,
    pool: 'forks',
    // Lets the slowest property test run fewer cases per mutant.
    env: { MUTATION_RUN: '1' },
  },
});
