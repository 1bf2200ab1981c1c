import js from '@eslint/js';
import tseslint from 'typescript-eslint';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'http', 'https', 'net', 'child_process', 'crypto', 'url', 'events', 'stream', 'util'];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'release/**', 'test-results/**', 'playwright-report/**', 'bench/results.json', '.stryker-tmp*/**', 'reports/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': ['error', {
        paths: [{ name: 'electron', importNames: ['ipcMain', 'ipcRenderer'], message: 'Use the typed IPC wrappers in electron/ipc/ and electron/preload.ts.' }],
      }],
    },
  },
  {
    // shared/ is pure: no Electron, no Node, no DOM. It runs in main, the preload, the renderer and tests.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'shared/ must not import Electron.' },
          { group: nodeBuiltins, message: 'shared/ must not import Node built-ins.' },
          { group: ['react', 'react-dom', 'react/*', 'react-dom/*'], message: 'shared/ must not import the UI.' },
        ],
      }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'fetch', 'require', 'process', 'Buffer'],
    },
  },
  {
    // core/ is free of Electron and of the adapters: the interfaces it needs live in core/, platform/ implements them, main.ts wires.
    files: ['electron/core/**/*.ts'],
    ignores: ['electron/core/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'electron/core/ must not import Electron.' },
          { group: ['../platform/*', '**/electron/platform/*', '../ipc/*', '../main'], message: 'electron/core/ must not import the adapters: put the interface in core/ and implement it in platform/.' },
        ],
      }],
    },
  },
  {
    // The IPC wrappers are the only places allowed to touch ipcMain / ipcRenderer.
    // So is the Electron double, which plays them (types only) for the boot test.
    files: ['electron/ipc/electron-transport.ts', 'electron/preload.ts', 'e2e/electron-double/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  {
    // The renderer talks to main only through window.clockify.
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['electron', 'electron/*'], message: 'The renderer must not import Electron; use window.clockify.' },
          { group: ['**/electron/**'], message: 'The renderer must not import main-process code.' },
          { group: nodeBuiltins, message: 'The renderer has no Node.' },
        ],
      }],
    },
  },
);
