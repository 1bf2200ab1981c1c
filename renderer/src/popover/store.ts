// The popover's state: a projection of main's (a snapshot at start, then pushed snapshots), the
// catalog of the chosen workspace, and what only this window holds (the draft being typed, toasts).
// It calls main through window.clockify only; it never talks to Clockify and never sees the key.
import { create } from 'zustand';
import type { AppSnapshot, Attention, EntryDraft, EntryView, Notice, Result, TaskOption, UserError } from '../../../shared/domain';
import { defaultDraft as defaultDraftFor } from '../../../shared/entry-rules';
import type { AppSettingsView } from '../../../shared/settings';
import type { CatalogData } from '../catalog-data';
import { createCatalogSync } from '../catalog-sync';

export interface Toast {
  readonly id: number;
  readonly level: Notice['level'];
  readonly text: string;
  /** A deleted entry that "Undo" brings back. */
  readonly undoKey?: string;
}

export type TrackerMode = 'timer' | 'manual';

export interface PopoverState {
  readonly snapshot: AppSnapshot | null;
  readonly settings: AppSettingsView | null;
  readonly catalog: CatalogData | null;
  /** Tasks fetched for projects whose tasks the catalog did not hold yet. */
  readonly tasks: Readonly<Record<string, readonly TaskOption[] | 'loading'>>;
  /** Main's clock, from the 1-second tick while a timer runs. */
  readonly now: number;
  /** The timer form: the running entry's fields while one runs, else what the next one will be. */
  readonly draft: EntryDraft;
  /** The user has not touched the idle draft: it may still take the default project. */
  readonly draftPristine: boolean;
  readonly boundKey: string | null;
  readonly mode: TrackerMode;
  readonly editingKey: string | null;
  readonly toasts: readonly Toast[];
  /** The bridge failed before the first snapshot. */
  readonly startupError: string | null;
  /** Signed in, but entering the key again (Clockify stopped accepting the saved one). */
  readonly reconnecting: boolean;
  /** Signed in, and adding another account from the account menu (the setup form, with Cancel). */
  readonly addingAccount: boolean;
  /** Bumped to move focus to Description (the popover was shown again, a form was sent). */
  readonly focusToken: number;
  readonly settingsOpen: boolean;
}

export const EMPTY_DRAFT: EntryDraft = { description: '', projectId: null, taskId: null, tagIds: [], billable: false };

export const usePopover = create<PopoverState>(() => ({
  snapshot: null,
  settings: null,
  catalog: null,
  tasks: {},
  now: Date.now(),
  draft: EMPTY_DRAFT,
  draftPristine: true,
  boundKey: null,
  mode: 'timer',
  editingKey: null,
  toasts: [],
  reconnecting: false,
  addingAccount: false,
  startupError: null,
  focusToken: 0,
  settingsOpen: false,
}));

const bridge = () => window.clockify;
const set = usePopover.setState;
const get = usePopover.getState;

// --- calling main ----------------------------------------------------------------------------------

/** A bridge call whose transport failed reads like any other error the user can act on. */
export async function call<T>(run: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await run();
  } catch (error) {
    return { ok: false, error: { kind: 'bridge', status: null, message: `The app could not do that (${error instanceof Error ? error.message : String(error)}). Try again.` } };
  }
}

// --- start-up and pushes ---------------------------------------------------------------------------

let pushed = false;
let stopTicks: (() => void) | null = null;

export async function startStore(): Promise<void> {
  try {
    await connectStore();
  } catch (error) {
    set({ startupError: `The app's core did not answer (${error instanceof Error ? error.message : String(error)}). Quit and start the app again.` });
  }
}

async function connectStore(): Promise<void> {
  const api = bridge();
  api.onState((snapshot) => {
    pushed = true;
    applySnapshot(snapshot);
  });
  api.onNotice((notice) => showToast(notice.level, notice.text));
  api.onOpenView(() => void openSettings());
  const [snapshot, settings] = await Promise.all([api.getSnapshot({}), api.getSettings({}).catch(() => null)]);
  set({ settings });
  // A push that arrived meanwhile is newer than this answer.
  if (!pushed) applySnapshot(snapshot);
  else refreshDraft();
  // Opened for a view ("Settings…" in the tray before this page existed): main puts it in the URL.
  if (new URLSearchParams(location.search).get('view') === 'settings') void openSettings();
}

function applySnapshot(snapshot: AppSnapshot): void {
  const previous = get().snapshot;
  set({ snapshot, now: Date.now() });
  if (previous?.workspaceId !== snapshot.workspaceId) set({ tasks: {}, catalog: null, draft: EMPTY_DRAFT, draftPristine: true, boundKey: null });
  if (previous?.account.status === 'signed-in' && snapshot.account.status !== 'signed-in') set({ mode: 'timer', editingKey: null, reconnecting: false, addingAccount: false });
  void syncCatalog();
  refreshDraft();
  const running = snapshot.timer.status === 'running';
  if (running && !stopTicks) stopTicks = bridge().onTick(({ now }) => set({ now: Date.parse(now) }));
  if (!running && stopTicks) {
    stopTicks();
    stopTicks = null;
  }
}

/** Fetches the catalog when the workspace or its version changed. */
const syncCatalog = createCatalogSync({
  snapshot: () => get().snapshot,
  catalog: () => get().catalog,
  loaded: (data) => {
    set({ catalog: data });
    if (!data) return;
    refreshDraft();
    // Index the projects while nothing else happens, so that the first keystroke in the
    // picker does not pay for it (tens of milliseconds at 10,000 projects).
    requestIdleCallback(() => data.projects.index(), { timeout: 2000 });
  },
  failed: (message) => showToast('error', `The projects and tags could not be loaded (${message}). Reopen the window to try again.`),
});

// --- the timer form --------------------------------------------------------------------------------

/** A draft as the contract takes it (a fresh tag list, not the store's read-only one). */
export function wire(draft: EntryDraft) {
  return { ...draft, tagIds: [...draft.tagIds] };
}

export function draftOf(entry: EntryView): EntryDraft {
  return { description: entry.description, projectId: entry.projectId, taskId: entry.taskId, tagIds: entry.tagIds, billable: entry.billable };
}

/** A stop Clockify refused (a required field is missing): the entry waits to be completed. */
export function refusedStop(snapshot: AppSnapshot | null): Attention | null {
  if (!snapshot || snapshot.timer.status !== 'stopping') return null;
  const key = snapshot.timer.entry.key;
  return snapshot.sync.attention.find((item) => item.what === 'stop' && item.entryKey === key) ?? null;
}

/** The entry the timer form edits: the running one, or one whose stop must be completed (in the chosen workspace). */
export function boundEntry(snapshot: AppSnapshot | null): EntryView | null {
  if (!snapshot) return null;
  if (snapshot.timer.status === 'running') return snapshot.timer.entry.workspaceId === snapshot.workspaceId ? snapshot.timer.entry : null;
  return refusedStop(snapshot) && snapshot.timer.status === 'stopping' ? snapshot.timer.entry : null;
}

/** A timer running in another workspace than the chosen one (starting here stops it). */
export function runningElsewhere(snapshot: AppSnapshot | null): { entry: EntryView; workspaceName: string } | null {
  if (!snapshot || snapshot.timer.status !== 'running' || snapshot.timer.entry.workspaceId === snapshot.workspaceId) return null;
  const { entry } = snapshot.timer;
  return { entry, workspaceName: snapshot.workspaces.find((workspace) => workspace.id === entry.workspaceId)?.name ?? 'another workspace' };
}

let boundSignature = '';

function refreshDraft(): void {
  const { snapshot, boundKey, draftPristine } = get();
  const entry = boundEntry(snapshot);
  if (entry) {
    const draft = draftOf(entry);
    const signature = `${entry.key}|${JSON.stringify(draft)}`;
    if (signature !== boundSignature || boundKey !== entry.key) {
      boundSignature = signature;
      set({ draft, boundKey: entry.key, draftPristine: false });
    }
    return;
  }
  boundSignature = '';
  if (boundKey !== null) set({ boundKey: null, draft: defaultDraft(), draftPristine: true });
  else if (draftPristine) set({ draft: defaultDraft() });
}

/** An empty draft with the default project (the fixed one, or the last used, as set in Settings). */
function defaultDraft(): EntryDraft {
  const { snapshot, settings, catalog } = get();
  return defaultDraftFor(settings?.defaultProject, snapshot?.recent ?? [], (id) => catalog?.projects.byId.get(id));
}

export function setDraft(draft: EntryDraft): void {
  set({ draft, draftPristine: false });
}

/** Sends the timer form's fields to the running entry (or the entry whose stop was refused). */
export async function saveRunning(draft: EntryDraft): Promise<Result<null>> {
  return call(() => bridge().updateRunningEntry({ draft: wire(draft) }));
}

export async function startTimer(): Promise<Result<null>> {
  return call(() => bridge().startTimer({ draft: wire(get().draft) }));
}

export async function stopTimer(): Promise<Result<null>> {
  return call(() => bridge().stopTimer({}));
}

export async function loadTasks(projectId: string): Promise<void> {
  const { catalog, tasks, snapshot } = get();
  const workspaceId = snapshot?.workspaceId;
  if (!workspaceId || catalog?.catalog.tasks[projectId] || tasks[projectId]) return;
  set({ tasks: { ...tasks, [projectId]: 'loading' } });
  const result = await call(() => bridge().getTasks({ workspaceId, projectId }));
  const { [projectId]: _loading, ...rest } = get().tasks;
  set({ tasks: result.ok ? { ...rest, [projectId]: result.value } : rest });
}

/** The active tasks of a project, or null while unknown. */
export function tasksOf(state: PopoverState, projectId: string | null): readonly TaskOption[] | 'loading' | null {
  if (!projectId) return null;
  return state.catalog?.catalog.tasks[projectId] ?? state.tasks[projectId] ?? null;
}

// --- window-wide -----------------------------------------------------------------------------------

let nextToastId = 1;

export function showToast(level: Toast['level'], text: string, undoKey?: string): void {
  const toast: Toast = { id: nextToastId++, level, text, ...(undoKey ? { undoKey } : {}) };
  set({ toasts: [...get().toasts.slice(-2), toast] });
  if (level !== 'error') setTimeout(() => dismissToast(toast.id), undoKey ? 10_000 : 6_000);
}

export function dismissToast(id: number): void {
  set({ toasts: get().toasts.filter((toast) => toast.id !== id) });
}

export function setMode(mode: TrackerMode): void {
  set({ mode, focusToken: get().focusToken + 1 });
}

export function setReconnecting(reconnecting: boolean): void {
  set({ reconnecting, editingKey: null });
}

export function setAddingAccount(addingAccount: boolean): void {
  set({ addingAccount, reconnecting: false, editingKey: null });
}

/** Opens the settings with what main holds now (shortcut trouble included). */
export async function openSettings(): Promise<void> {
  const settings = await call(() => window.clockify.getSettings({}).then((value): Result<AppSettingsView> => ({ ok: true, value })));
  if (settings.ok) set({ settings: settings.value, settingsOpen: true, editingKey: null });
}

export function closeSettings(): void {
  set({ settingsOpen: false });
}

export function setSettings(settings: AppSettingsView): void {
  set({ settings });
}

export function setEditing(key: string | null): void {
  set({ editingKey: key });
  if (key === null) focusDescription();
}

export function focusDescription(): void {
  set({ focusToken: get().focusToken + 1 });
}

export function hideWindow(): void {
  void bridge().hideWindow({}).catch(() => undefined);
}

export function errorOf(result: Result<unknown>): UserError | null {
  return result.ok ? null : result.error;
}
