// Small JSON files that survive a crash at any moment: write a temporary file, flush it to disk,
// then rename it over the old one (rename is atomic on the same file system). A file that cannot
// be read is moved aside, never overwritten, so nothing the user had is destroyed.
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import path from 'node:path';

export type ReadResult<T> =
  | { readonly status: 'missing' }
  | { readonly status: 'ok'; readonly value: T }
  | { readonly status: 'corrupt'; readonly keptAt: string; readonly reason: string };

export function writeJsonDurably(file: string, value: unknown): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const fd = openSync(temporary, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(value));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(temporary, file);
}

/** Reads and validates a JSON file; an unreadable one is renamed to `<name>.corrupt-<time>` and reported. */
export function readJsonOrSetAside<T>(file: string, validate: (raw: unknown) => T | string, now = Date.now()): ReadResult<T> {
  if (!existsSync(file)) return { status: 'missing' };
  let reason: string;
  try {
    const result = validate(JSON.parse(readFileSync(file, 'utf8')));
    if (typeof result !== 'string') return { status: 'ok', value: result };
    reason = result;
  } catch (error) {
    reason = error instanceof Error ? error.message : String(error);
  }
  const keptAt = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
  renameSync(file, keptAt);
  return { status: 'corrupt', keptAt, reason };
}
