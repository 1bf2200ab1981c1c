// The quick-entry window's state: main's snapshot (pushed on every change) and the catalog of the
// chosen workspace. Everything the user types stays in the component; this only mirrors main.
import { create } from 'zustand';
import type { AppSnapshot } from '../../../shared/domain';
import { parseQuickEntry } from '../../../shared/quick-entry';
import { deriveCatalogData, type CatalogData } from '../catalog-data';

export interface QuickEntryState {
  readonly snapshot: AppSnapshot | null;
  readonly catalog: CatalogData | null;
  /** The catalog could not be fetched, in words. */
  readonly catalogError: string | null;
  /** The bridge failed before the first snapshot. */
  readonly startupError: string | null;
}

export const useQuickEntry = create<QuickEntryState>(() => ({ snapshot: null, catalog: null, catalogError: null, startupError: null }));

const set = useQuickEntry.setState;
const get = useQuickEntry.getState;

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export async function startStore(): Promise<void> {
  try {
    let pushed = false;
    window.clockify.onState((snapshot) => {
      pushed = true;
      applySnapshot(snapshot);
    });
    const snapshot = await window.clockify.getSnapshot();
    // A push that arrived meanwhile is newer than this answer.
    if (!pushed) applySnapshot(snapshot);
  } catch (error) {
    set({ startupError: `The app's core did not answer (${messageOf(error)}). Quit and start the app again.` });
  }
}

function applySnapshot(snapshot: AppSnapshot): void {
  if (get().snapshot?.workspaceId !== snapshot.workspaceId) set({ catalog: null, catalogError: null });
  set({ snapshot });
  void syncCatalog();
}

let loaded: { workspaceId: string; version: number } | null = null;
let inFlight = false;

/** Fetches the catalog when the workspace or its version changed (a local call: no request to Clockify). */
async function syncCatalog(): Promise<void> {
  const snapshot = get().snapshot;
  const workspaceId = snapshot?.account.status === 'signed-in' ? snapshot.workspaceId : null;
  if (!snapshot || !workspaceId) {
    loaded = null;
    if (get().catalog) set({ catalog: null });
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
    if (get().snapshot?.workspaceId === workspaceId) {
      const data = deriveCatalogData(catalog, get().catalog);
      set({ catalog: data, catalogError: null });
      warmUp(data);
    }
  } catch (error) {
    set({ catalogError: `The projects and tags could not be loaded (${messageOf(error)}). Close this window and open it again.` });
  } finally {
    inFlight = false;
  }
  // Changed again while fetching (a failure waits for the next snapshot instead of looping).
  if (fetched) void syncCatalog();
}

/**
 * The parser builds its @project and #tag indexes on first use (tens of milliseconds at 10,000
 * projects): build them while nothing happens, so the first keystroke does not pay for it.
 */
function warmUp(data: CatalogData): void {
  const context = { now: new Date(), timeZone: 'UTC', projects: data.projects.sorted, tags: data.tags };
  requestIdleCallback(
    () => {
      parseQuickEntry('1m @a', context);
      parseQuickEntry('1m #a', context);
    },
    { timeout: 2000 },
  );
}

export function hideWindow(): void {
  void window.clockify.hideWindow().catch(() => undefined);
}
