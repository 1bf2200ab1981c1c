// The quick-entry window runs on Preact: a development build (or the Vite dev server) compiles JSX
// to react/jsx-dev-runtime, which must be Preact's too. Mixing in React's runtime renders a blank
// window. Builds the window in development mode (in memory) and checks no React module is in it.
import path from 'node:path';
import { build, type Rollup } from 'vite';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');

describe('quick-entry build', () => {
  it('uses only Preact in a development build, jsx-dev-runtime included', async () => {
    const result = await build({
      configFile: path.join(root, 'vite.quick-entry.config.ts'),
      mode: 'development',
      logLevel: 'silent',
      build: { write: false, minify: false, sourcemap: false },
    });
    const outputs = (Array.isArray(result) ? result : [result]) as Rollup.RollupOutput[];
    const modules = outputs.flatMap((output) => output.output.flatMap((chunk) => (chunk.type === 'chunk' ? Object.keys(chunk.modules) : [])));
    expect(modules.some((id) => id.includes('/node_modules/preact/'))).toBe(true);
    expect(modules.filter((id) => /\/node_modules\/react(-dom)?\//.test(id))).toEqual([]);
  }, 60_000);
});
