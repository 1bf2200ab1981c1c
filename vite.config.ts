import { defineConfig } from 'vitest/config';

// One config for the renderer build (added with the popover) and for the unit tests.
export default defineConfig({
  test: {
    include: ['{shared,electron,e2e}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Tests run against real local HTTP servers; keep them off each other's ports and clocks.
    pool: 'forks',
  },
});
