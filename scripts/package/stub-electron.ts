// A stand-in for Electron's Linux release directory, enough for electron-builder to package the
// app offline (`electronDist`): electron-builder copies the directory, renames the `electron`
// executable, writes resources/app.asar next to it and flips the fuses in the executable. The
// executable is a script that refuses to run; after it comes the fuse wire as Electron's binary
// carries it (sentinel, wire version 1, fuse count, one byte per fuse: '0' off, '1' on), with
// Electron's own defaults, so the fuses electron-builder writes can be read back.
import { Buffer } from 'node:buffer';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';

/** Electron's default fuse wire, in @electron/fuses' FuseV1Options order. */
const DEFAULT_FUSES = {
  RunAsNode: true,
  EnableCookieEncryption: false,
  EnableNodeOptionsEnvironmentVariable: true,
  EnableNodeCliInspectArguments: true,
  EnableEmbeddedAsarIntegrityValidation: false,
  OnlyLoadAppFromAsar: false,
  LoadBrowserProcessSpecificV8Snapshot: false,
  GrantFileProtocolExtraPrivileges: true,
};

/** Writes the stub into `dir` (created) and returns `dir`. */
export function writeStubElectron(dir: string, electronVersion: string): string {
  mkdirSync(path.join(dir, 'resources'), { recursive: true });
  mkdirSync(path.join(dir, 'locales'), { recursive: true });
  const wire = Object.values(DEFAULT_FUSES).map((on) => (on ? 0x31 : 0x30));
  const executable = Buffer.concat([
    Buffer.from('#!/bin/sh\necho "This is a stub Electron built for packaging checks; it cannot run." >&2\nexit 1\n'),
    Buffer.from(FUSE_SENTINEL, 'latin1'),
    Buffer.from([0x01, wire.length, ...wire]),
    Buffer.from('\n'),
  ]);
  writeFileSync(path.join(dir, 'electron'), executable);
  chmodSync(path.join(dir, 'electron'), 0o755);
  writeFileSync(path.join(dir, 'locales', 'en-US.pak'), '');
  writeFileSync(path.join(dir, 'LICENSE'), 'Stub Electron for packaging checks.\n');
  writeFileSync(path.join(dir, 'version'), electronVersion);
  return dir;
}
