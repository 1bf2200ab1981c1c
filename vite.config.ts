import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

// One config for the popover's build and the unit tests.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true, // maps security findings to sources; left out of packages (electron-builder.yml)
    rollupOptions: {
      // The quick-entry window is built on its own (vite.quick-entry.config.ts).
      input: { popover: path.resolve(import.meta.dirname, 'renderer/index.html') },
    },
  },
  test: {
    root: import.meta.dirname,
    include: ['{shared,electron,e2e,renderer,scripts}/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // Tests run real local HTTP servers and keychains; separate processes keep them apart.
    pool: 'forks',
    // The boot tests run the built main process and preload: built once, before any file runs.
    globalSetup: ['e2e/boot/global-setup.ts'],
  },
});
