import { defineConfig } from '@playwright/test';

// The Electron end-to-end suite: the real app (main, preload, windows) against the fake Clockify.
// Run by `npm run test:electron`, which skips it where Electron's binary is missing.
export default defineConfig({
  testDir: 'e2e/electron',
  workers: 1,
  timeout: 60_000,
  reporter: [['list']],
});
