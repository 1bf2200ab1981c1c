// Durable JSON files: what a write leaves on disk, and what a read makes of a file that is missing,
// valid, or not readable (moved aside under a dated name, never overwritten).
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readJsonOrSetAside, writeJsonDurably } from './durable-file';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'durable-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const NOW = Date.parse('2026-11-30T10:05:09.123Z');
const numbers = (raw: unknown) => (Array.isArray(raw) ? raw : 'not a list');

describe('writeJsonDurably', () => {
  it('writes the JSON (creating the folder), readable by the owner only, and leaves no temporary file', () => {
    const file = path.join(dir, 'nested', 'state.json');
    writeJsonDurably(file, { a: 1 });
    writeJsonDurably(file, { a: 2 });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ a: 2 });
    expect(readdirSync(path.dirname(file))).toEqual(['state.json']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  // Linux lists a process's open files in /proc: a write that left its file open would show there.
  it.skipIf(!existsSync('/proc/self/fd'))('closes the file it wrote, so a long session does not run out of file handles', () => {
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for (let i = 0; i < 20; i++) writeJsonDurably(path.join(dir, 'state.json'), { i });
    expect(open()).toBe(before);
  });
});

describe('readJsonOrSetAside', () => {
  it('says a missing file is missing, and gives a valid one as validated', () => {
    const file = path.join(dir, 'list.json');
    expect(readJsonOrSetAside(file, numbers, NOW)).toEqual({ status: 'missing' });
    writeFileSync(file, '[1,2]');
    expect(readJsonOrSetAside(file, numbers, NOW)).toEqual({ status: 'ok', value: [1, 2] });
  });

  it('moves a file it cannot use aside under a dated name, with the reason, and keeps its content', () => {
    const cases: { content: string; validate: (raw: unknown) => unknown; reason: string | RegExp }[] = [
      { content: '{"a":1}', validate: numbers, reason: 'not a list' },
      { content: '[1,', validate: numbers, reason: /JSON/ },
      {
        content: '[]',
        validate: () => {
          throw 'refused'; // a validator may throw anything
        },
        reason: 'refused',
      },
    ];
    for (const c of cases) {
      const file = path.join(dir, 'list.json');
      writeFileSync(file, c.content);
      const read = readJsonOrSetAside(file, c.validate, NOW);
      const keptAt = `${file}.corrupt-2026-11-30T10-05-09-123Z`;
      expect(read).toEqual({ status: 'corrupt', keptAt, reason: expect.stringMatching(c.reason) });
      expect(readdirSync(dir)).toEqual(['list.json.corrupt-2026-11-30T10-05-09-123Z']);
      expect(readFileSync(keptAt, 'utf8')).toBe(c.content);
      rmSync(keptAt);
    }
  });
});
