// Keeps a window's catalog in step with main: fetched when the workspace or its catalog version
// changes, once at a time. A local call to main, never a request to Clockify.
import type { AppSnapshot } from '../../shared/domain';
import { deriveCatalogData, type CatalogData } from './catalog-data';

export interface CatalogSyncTarget {
  snapshot(): AppSnapshot | null;
  catalog(): CatalogData | null;
  /** The catalog to show; null when nobody is signed in or no workspace is chosen. */
  loaded(catalog: CatalogData | null): void;
  failed(message: string): void;
}

/** Returns the function to call after every snapshot. */
export function createCatalogSync(target: CatalogSyncTarget): () => Promise<void> {
  let loaded: { workspaceId: string; version: number } | null = null;
  let inFlight = false;

  const sync = async (): Promise<void> => {
    const snapshot = target.snapshot();
    const workspaceId = snapshot?.account.status === 'signed-in' ? snapshot.workspaceId : null;
    if (!snapshot || !workspaceId) {
      loaded = null;
      if (target.catalog()) target.loaded(null);
      return;
    }
    if (inFlight || (loaded?.workspaceId === workspaceId && loaded.version === snapshot.catalogVersion)) return;
    inFlight = true;
    const version = snapshot.catalogVersion;
    let fetched = false;
    try {
      const catalog = await window.clockify.getCatalog({ workspaceId });
      fetched = true;
      loaded = { workspaceId, version };
      if (target.snapshot()?.workspaceId === workspaceId) target.loaded(deriveCatalogData(catalog, target.catalog()));
    } catch (error) {
      target.failed(error instanceof Error ? error.message : String(error));
    } finally {
      inFlight = false;
    }
    // Changed again while fetching (a failure waits for the next snapshot instead of looping).
    if (fetched) void sync();
  };
  return sync;
}
