// The journal survives a SIGKILL in the middle of a large write: the previous journal (or the new
// one, whole) still loads, never a torn file. A child process rewrites a multi-megabyte journal in a
// loop; it is killed at several moments, and the file is read back as the app would at start-up.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileJournalStore } from '../../electron/core/journal';

const root = path.resolve(import.meta.dirname, '../..');
const BASE = 8000;

/** Starts the writer, waits until its first journal is saved, lets it write for `ms`, then SIGKILLs it. */
async function killMidWrite(dataDir: string, ms: number): Promise<void> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'e2e/reliability/journal-writer.ts', dataDir, String(BASE)], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('saved')) resolve();
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`the writer exited (${code}) before saving: ${output}`)));
  });
  await new Promise((resolve) => setTimeout(resolve, ms));
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGKILL');
  await exited;
}

describe('the journal and a SIGKILL mid-write', () => {
  it.each([5, 60, 170, 333])('killed %i ms into rewriting a large journal, the last complete journal loads', async (ms) => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'clockify-journal-kill-'));
    await killMidWrite(dataDir, ms);
    const loaded = createFileJournalStore(dataDir).load();
    expect(loaded.status).toBe('ok');
    if (loaded.status !== 'ok') return;
    const count = loaded.value.intents.length;
    expect(count).toBeGreaterThanOrEqual(BASE);
    // Whole, in order: the intents of one complete write.
    expect(loaded.value.intents.map((intent) => intent.id)).toEqual(Array.from({ length: count }, (_, i) => `i${i}`));
  }, 30_000);
});
