import { defineConfig } from '@playwright/test';

// Chromium comes from Debian (/usr/bin/chromium); Playwright cannot download its own here.
export default defineConfig({
  testDir: 'e2e/specs',
  globalSetup: './e2e/support/global-setup.ts',
  fullyParallel: true,
  workers: 2,
  // No retries: a spec that fails once under load has found a race, in the app or in the spec.
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      // No GPU under Xvfb (flaky screenshots otherwise); no background traffic on a closed network.
      args: ['--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
    viewport: { width: 380, height: 640 },
    trace: 'retain-on-failure',
  },
});
