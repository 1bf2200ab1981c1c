// The quick-entry window's state: main's snapshot (pushed on every change) and the catalog of the
// chosen workspace. Everything the user types stays in the component; this only mirrors main.
import { create } from 'zustand';
import type { AppSnapshot } from '../../../shared/domain';
import { parseQuickEntry } from '../../../shared/quick-entry';
import type { CatalogData } from '../catalog-data';
import { createCatalogSync } from '../catalog-sync';

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

/** Fetches the catalog when the workspace or its version changed. */
const syncCatalog = createCatalogSync({
  snapshot: () => get().snapshot,
  catalog: () => get().catalog,
  loaded: (data) => {
    set({ catalog: data, catalogError: null });
    if (data) warmUp(data);
  },
  failed: (message) => set({ catalogError: `The projects and tags could not be loaded (${message}). Close this window and open it again.` }),
});

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
