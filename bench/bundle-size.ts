// Figure 1: the renderer JS each window loads, gzip. The renderer is built with the project's own
// Vite configs (vite.config.ts for the popover, vite.<window>.config.ts for the others, as
// `npm run build:renderer` does) into a temporary directory (dist/ is left alone), each with a
// manifest. For each HTML entry, the JS it loads at start is its entry chunk plus every chunk
// reachable through static imports (shared chunks included, each counted once per entry). Chunks
// only reachable through a dynamic import() are logged apart: they are not loaded when the window
// opens. Each file is gzipped with zlib at level 9 and the sizes summed (1 KB = 1,024 bytes).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type Manifest } from 'vite';
import { figure, type Figure } from './lib/figures';

const root = path.resolve(import.meta.dirname, '..');

/** The renderer's Vite configs: vite.config.ts (the popover) and any vite.<window>.config.ts. */
function rendererConfigs(): string[] {
  return ['vite.config.ts', ...readdirSync(root).filter((file) => /^vite\..+\.config\.ts$/.test(file)).sort()];
}

/** Builds every renderer config into `outDir`, as `npm run build:renderer` does, each with its own manifest. */
export async function buildRenderer(outDir: string): Promise<void> {
  for (const [i, config] of rendererConfigs().entries()) {
    await build({
      configFile: path.join(root, config),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: i === 0, manifest: `manifest-${i}.json` },
    });
  }
}

interface EntrySize {
  /** Each JS file loaded at start with its gzip size. */
  readonly files: { readonly file: string; readonly gzip: number }[];
  readonly gzip: number;
  readonly raw: number;
  readonly lazyGzip: number;
}

function entrySize(manifest: Manifest, outDir: string, key: string): EntrySize {
  const statics = new Set<string>();
  const visit = (chunkKey: string) => {
    const chunk = manifest[chunkKey];
    if (!chunk || statics.has(chunk.file)) return;
    statics.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  visit(key);
  const lazy = new Set<string>();
  const visitLazy = (chunkKey: string) => {
    const chunk = manifest[chunkKey];
    if (!chunk || statics.has(chunk.file) || lazy.has(chunk.file)) return;
    lazy.add(chunk.file);
    for (const imported of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) visitLazy(imported);
  };
  for (const file of [key, ...[...statics].map((f) => Object.keys(manifest).find((k) => manifest[k]!.file === f)!)]) {
    for (const dynamic of manifest[file]?.dynamicImports ?? []) visitLazy(dynamic);
  }
  const sizes = (files: Iterable<string>) => {
    const each: { file: string; gzip: number }[] = [];
    let raw = 0;
    for (const file of files) {
      if (!file.endsWith('.js')) continue;
      const bytes = readFileSync(path.join(outDir, file));
      raw += bytes.length;
      each.push({ file, gzip: gzipSync(bytes, { level: 9 }).length });
    }
    return { each, gzip: each.reduce((sum, { gzip }) => sum + gzip, 0), raw };
  };
  const loaded = sizes(statics);
  return { files: loaded.each, gzip: loaded.gzip, raw: loaded.raw, lazyGzip: sizes(lazy).gzip };
}

const WINDOWS: Record<string, { readonly label: string; readonly target: number }> = {
  'index.html': { label: 'popover', target: 120 },
  'quick-entry.html': { label: 'quick entry', target: 60 },
};

export function measureBundle(outDir: string, judge: boolean, log: (line: string) => void): Figure[] {
  const figures: Figure[] = [];
  const seen = new Set<string>();
  for (const file of readdirSync(outDir).filter((name) => /^manifest-\d+\.json$/.test(name)).sort()) {
    const manifest = JSON.parse(readFileSync(path.join(outDir, file), 'utf8')) as Manifest;
    for (const [key, chunk] of Object.entries(manifest)) {
      if (!chunk.isEntry || !key.endsWith('.html')) continue;
      seen.add(key);
      const window = WINDOWS[key] ?? { label: key, target: null };
      const size = entrySize(manifest, outDir, key);
      log(`  ${window.label}: ${size.files.map(({ file, gzip }) => `${path.basename(file)} ${(gzip / 1024).toFixed(1)}`).join(' + ')} = ${(size.gzip / 1024).toFixed(1)} KB gz (${(size.raw / 1024).toFixed(1)} KB minified), lazy chunks ${(size.lazyGzip / 1024).toFixed(1)} KB gz`);
      figures.push(figure({ name: `renderer JS shipped, ${window.label} (gzip)`, value: size.gzip / 1024, unit: 'KB', target: window.target }, judge));
      figures.push(figure({ name: `renderer JS shipped, ${window.label} (minified, not compressed)`, value: size.raw / 1024, unit: 'KB' }, judge));
    }
  }
  const missing = Object.keys(WINDOWS).filter((html) => !seen.has(html));
  if (missing.length > 0) throw new Error(`no Vite build has the entry ${missing.join(', ')}`);
  return figures;
}
