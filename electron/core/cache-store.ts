// What was last read from Clockify, kept so that opening the popover or restarting needs no
// request: the user, the workspaces, each workspace's catalog and recent entries. A cache: losing
// it costs a refresh, nothing else.
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

export interface CacheStore {
  load(): AppCache;
  save(cache: AppCache): void;
}

export function createFileCacheStore(dataDir: string): CacheStore {
  const file = path.join(dataDir, 'cache.json');
  return {
    load: () => {
      const read = readJsonOrSetAside(file, (raw) =>
        raw && typeof raw === 'object' && (raw as { version?: unknown }).version === 1 ? ({ ...EMPTY_CACHE, ...(raw as object) } as AppCache) : 'not a cache of this version',
      );
      return read.status === 'ok' ? read.value : EMPTY_CACHE;
    },
    save: (cache) => writeJsonDurably(file, { version: 1, ...cache }),
  };
}
