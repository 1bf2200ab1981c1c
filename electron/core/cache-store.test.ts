// The cache file (version 2: one cache per account) and the caches in memory: what a read makes of
// each version, what is written, and which account a cache from before version 2 belongs to.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AccountCaches, createFileCacheStore, EMPTY_CACHE, type AppCache, type CacheFile, type CacheStore } from './cache-store';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'cache-store-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const workspaces = [{ id: 'w', name: 'Studio' }] as unknown as AppCache['workspaces'];
const lena: AppCache = { ...EMPTY_CACHE, workspaces };
const write = (content: unknown) => writeFileSync(path.join(dir, 'cache.json'), JSON.stringify(content));

describe('the cache file', () => {
  it('reads version 2 per account, filling what an older writer left out, and writes version 2 back', () => {
    const store = createFileCacheStore(dir);
    expect(store.load()).toEqual({ accounts: {} });
    write({ version: 2, accounts: { lena: { workspaces } } });
    expect(store.load()).toEqual({ accounts: { lena } });
    store.save({ accounts: { jonas: lena }, unowned: lena });
    expect(JSON.parse(readFileSync(path.join(dir, 'cache.json'), 'utf8'))).toEqual({ version: 2, accounts: { jonas: lena } });
  });

  it('reads a version 1 cache as belonging to no account yet', () => {
    write({ version: 1, workspaces });
    expect(createFileCacheStore(dir).load()).toEqual({ accounts: {}, unowned: lena });
  });

  it('sets aside what is not a cache it knows, and starts empty', () => {
    for (const content of [null, 2, 'cache', [], { version: 3, accounts: {} }, { version: 2 }, { version: 2, accounts: 'lena' }, { accounts: {} }]) {
      write(content);
      expect(createFileCacheStore(dir).load(), JSON.stringify(content)).toEqual({ accounts: {} });
      expect(readdirSync(dir), JSON.stringify(content)).toEqual([expect.stringMatching(/^cache\.json\.corrupt-/)]);
      for (const name of readdirSync(dir)) rmSync(path.join(dir, name));
    }
  });
});

describe('AccountCaches', () => {
  function caches(file: CacheFile, activeAtLoad: string | null) {
    const saved: CacheFile[] = [];
    const store: CacheStore = { load: () => file, save: (next) => void saved.push(next) };
    return { caches: new AccountCaches(store, activeAtLoad), saved };
  }

  it('gives a cache of no account to the account active at load, unless it has its own', () => {
    const own: AppCache = { ...EMPTY_CACHE, workspaces: [] };
    expect(caches({ accounts: {}, unowned: lena }, 'lena').caches.of('lena')).toBe(lena);
    expect(caches({ accounts: { lena: own }, unowned: lena }, 'lena').caches.of('lena')).toBe(own);
    const signedOut = caches({ accounts: {}, unowned: lena }, null).caches;
    expect(signedOut.of(null)).toBe(EMPTY_CACHE);
    expect(signedOut.of('lena')).toBe(EMPTY_CACHE);
  });

  it('keeps, writes and drops each account’s cache; a signed-out cache is not kept', () => {
    const { caches: all, saved } = caches({ accounts: { lena } }, 'lena');
    const jonas: AppCache = { ...EMPTY_CACHE, user: null, workspaces: [] };
    all.keep('jonas', jonas);
    all.keep(null, lena);
    expect(saved).toEqual([]);
    all.write();
    expect(saved).toEqual([{ accounts: { lena, jonas } }]);
    all.drop('lena');
    expect(all.of('lena')).toBe(EMPTY_CACHE);
    expect(saved.at(-1)).toEqual({ accounts: { jonas } });
  });
});
