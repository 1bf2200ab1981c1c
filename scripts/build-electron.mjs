// Bundles the main process (ESM) and the preload (CommonJS: sandboxed preloads cannot be ESM).
// The main bundle carries its dependencies (date-fns, zod, electron-store…), tree-shaken, so the
// package ships them once and in the form main runs, not as whole npm packages in app.asar. Two
// stay outside: `electron` (Electron provides it) and @napi-rs/keyring, whose platform binding is
// a native .node file that must stay a real file (app.asar.unpacked) and is loaded lazily.
// The bundled CommonJS packages (ajv, under conf) call require(); the banner gives them one.
// Class private members (conf uses them) are lowered to WeakMaps: Electronegativity's parser
// (scripts/security-check.mjs) cannot read them, and a bundle it cannot read is not checked.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node22', sourcemap: true, logLevel: 'warning' };
await build({
  ...common,
  entryPoints: ['electron/main.ts'],
  outfile: 'dist/electron/main.js',
  format: 'esm',
  external: ['electron', '@napi-rs/keyring'],
  supported: Object.fromEntries(
    ['field', 'method', 'accessor', 'static-field', 'static-method', 'static-accessor', 'brand-check'].map((feature) => [`class-private-${feature}`, false]),
  ),
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
});
await build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs', external: ['electron'] });
