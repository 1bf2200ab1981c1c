// What was last read from Clockify, kept so that opening the popover, switching accounts or
// restarting needs no request: per account, the user, the workspaces, each workspace's catalog and
// recent entries. A cache: losing it costs a refresh, nothing else.
import path from 'node:path';
import type { Catalog, WorkspaceOption } from '../../shared/domain';
import { readJsonOrSetAside, writeJsonDurably } from './durable-file';
import type { ServerEntry } from './entry-model';

export interface CachedUser {
  readonly id: string;
  readonly name: string;
  readonly email: string;
  readonly timeZone: string | null;
  readonly timeFormat: string | null;
  readonly weekStart: string | null;
  /** Missing in caches written before it was kept. */
  readonly dateFormat?: string | null;
  readonly defaultWorkspace: string | null;
}

export interface AppCache {
  readonly user: CachedUser | null;
  readonly workspaces: readonly WorkspaceOption[];
  readonly catalogs: Readonly<Record<string, Catalog>>;
  readonly entries: Readonly<Record<string, readonly ServerEntry[]>>;
  /** Per workspace: each description the app has seen, with its fields (description-history.ts). */
  readonly history?: Readonly<Record<string, readonly ServerEntry[]>>;
}

export const EMPTY_CACHE: AppCache = { user: null, workspaces: [], catalogs: {}, entries: {} };

/** Each account's cache by its id; `unowned`: a cache written before there was one per account. */
export interface CacheFile {
  readonly accounts: Readonly<Record<string, AppCache>>;
  readonly unowned?: AppCache;
}

export interface CacheStore {
  load(): CacheFile;
  save(file: CacheFile): void;
}

export function createFileCacheStore(dataDir: string): CacheStore {
  const file = path.join(dataDir, 'cache.json');
  return {
    load: () => {
      const read = readJsonOrSetAside(file, (raw): CacheFile | string => {
        // JSON gives null, a primitive (whose version reads as undefined), a list or an object.
        const data = raw as { version?: unknown; accounts?: unknown } | null;
        if (data?.version === 2 && data.accounts && typeof data.accounts === 'object') {
          return { accounts: Object.fromEntries(Object.entries(data.accounts as Record<string, object>).map(([id, cache]) => [id, { ...EMPTY_CACHE, ...cache }])) };
        }
        if (data?.version === 1) {
          const { version: _version, ...cache } = data;
          return { accounts: {}, unowned: { ...EMPTY_CACHE, ...cache } as AppCache };
        }
        return 'not a cache of this version';
      });
      return read.status === 'ok' ? read.value : { accounts: {} };
    },
    save: (caches) => writeJsonDurably(file, { version: 2, accounts: caches.accounts }),
  };
}

/** The caches of every account in memory; a cache from before there was one per account is the account's active at load. */
export class AccountCaches {
  private accounts: Record<string, AppCache>;

  constructor(
    private readonly store: CacheStore,
    activeAtLoad: string | null,
  ) {
    const loaded = store.load();
    this.accounts = { ...loaded.accounts };
    if (loaded.unowned && activeAtLoad && !this.accounts[activeAtLoad]) this.accounts[activeAtLoad] = loaded.unowned;
  }

  of(accountId: string | null): AppCache {
    return (accountId && this.accounts[accountId]) || EMPTY_CACHE;
  }

  /** Keeps an account's cache (written with the next `write`). */
  keep(accountId: string | null, cache: AppCache): void {
    if (accountId) this.accounts = { ...this.accounts, [accountId]: cache };
  }

  write(): void {
    this.store.save({ accounts: this.accounts });
  }

  /** Forgets an account's cache (signed out of it). */
  drop(accountId: string): void {
    const { [accountId]: _dropped, ...rest } = this.accounts;
    this.accounts = rest;
    this.store.save({ accounts: this.accounts });
  }
}
