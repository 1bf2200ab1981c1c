import react from '@vitejs/plugin-react';
import path from 'node:path';
import { defineConfig } from 'vite';

// The quick-entry window: a small, often-opened window with a tight budget (≤ 60 KB gzip of JS).
// It is written against React's API like the popover but runs on Preact's compatible runtime,
// which is a tenth of React's size; the popover keeps React.
export default defineConfig({
  root: path.resolve(import.meta.dirname, 'renderer'),
  base: './',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      // A development build and the dev server compile JSX to the dev runtime: Preact's too.
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
      { find: /^react$/, replacement: 'preact/compat' },
    ],
  },
  build: {
    outDir: path.resolve(import.meta.dirname, 'dist/renderer'),
    emptyOutDir: false,
    target: 'chrome120',
    sourcemap: true, // maps security findings to sources; left out of packages (electron-builder.yml)
    rollupOptions: { input: { quickEntry: path.resolve(import.meta.dirname, 'renderer/quick-entry.html') } },
  },
});
