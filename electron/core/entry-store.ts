// Holds the two sources of the entry view (what the server last said, and the journal of pending
// intents) and keeps the journal on disk in step with every change.
import type { EntryView } from '../../shared/domain';
import { deriveEntries, type ServerEntry } from './entry-model';
import type { Intent } from './intents';
import type { Interruption, JournalData, JournalStore } from './journal';

type ServerChange = (entries: readonly ServerEntry[]) => readonly ServerEntry[];

export class EntryStore {
  private server: readonly ServerEntry[] = [];
  private journal: JournalData;
  private cachedView: EntryView[] | null = null;
  /** Inside `atomically`: the journal is saved once, at the end. */
  private batching = false;
  /** Server changes confirmed since a refresh began, re-applied to its (older) answer. */
  private confirmations: { at: number; change: ServerChange }[] = [];

  constructor(
    private readonly store: JournalStore,
    initial: JournalData,
    private readonly onChange: () => void,
  ) {
    this.journal = initial;
  }

  get intents(): readonly Intent[] {
    return this.journal.intents;
  }

  serverIdOf(key: string): string | null {
    return this.journal.ids[key] ?? (this.server.some((entry) => entry.id === key) ? key : null);
  }

  /** Server ids already known to be the result of a create made here. */
  claimedServerIds(): ReadonlySet<string> {
    return new Set(Object.values(this.journal.ids));
  }

  serverEntries(): readonly ServerEntry[] {
    return this.server;
  }

  view(): readonly EntryView[] {
    this.cachedView ??= deriveEntries({ server: this.server, intents: this.journal.intents, ids: this.journal.ids });
    return this.cachedView;
  }

  /** Entries read apart from the recent ones (older days), with the pending changes applied the same way. */
  viewOver(server: readonly ServerEntry[]): EntryView[] {
    return deriveEntries({ server, intents: this.journal.intents, ids: this.journal.ids });
  }

  find(key: string): EntryView | undefined {
    const serverId = this.journal.ids[key] ?? key;
    return this.view().find((entry) => entry.key === key || entry.serverId === serverId);
  }

  /** Appends intents (durably, before anything is sent). */
  enqueue(...intents: Intent[]): void {
    this.writeJournal({ ...this.journal, intents: [...this.journal.intents, ...intents] });
  }

  /** Rewrites pending intents that have not been sent (coalescing, fixing, discarding). */
  rewriteIntents(change: (intents: readonly Intent[]) => readonly Intent[]): void {
    this.writeJournal({ ...this.journal, intents: change(this.journal.intents) });
  }

  patchIntent(id: string, patch: Partial<Pick<Intent, 'problem' | 'uncertainSince'>>): void {
    this.rewriteIntents((intents) => intents.map((intent) => (intent.id === id ? ({ ...intent, ...patch } as Intent) : intent)));
  }

  /** The server confirmed an intent: drop it and record what the server now holds. */
  confirm(intentId: string, result: { entry: ServerEntry } | { deletedId: string }, at: number): void {
    const intent = this.journal.intents.find((candidate) => candidate.id === intentId);
    const ids = { ...this.journal.ids };
    if (intent && 'entry' in result && intent.key !== result.entry.id) ids[intent.key] = result.entry.id;
    const change: ServerChange =
      'entry' in result
        ? (entries) => [result.entry, ...entries.filter((entry) => entry.id !== result.entry.id)]
        : (entries) => entries.filter((entry) => entry.id !== result.deletedId);
    this.server = change(this.server);
    this.confirmations.push({ at, change });
    this.writeJournal({ ...this.journal, intents: this.journal.intents.filter((candidate) => candidate.id !== intentId), ids: this.prunedIds(ids) });
  }

  /** Adopts what the server holds for one entry (seen by reconciliation), or that it is gone. */
  applyServer(change: { entry: ServerEntry } | { deletedId: string }): void {
    this.server = 'entry' in change ? [change.entry, ...this.server.filter((e) => e.id !== change.entry.id)] : this.server.filter((e) => e.id !== change.deletedId);
    this.changed();
  }

  /** Replaces the recent entries of `workspaceId` with a fresh read that began at `startedAt`. */
  replaceServer(entries: readonly ServerEntry[], startedAt: number, workspaceId: string): void {
    this.confirmations = this.confirmations.filter((confirmation) => confirmation.at >= startedAt);
    this.server = this.confirmations.reduce((list, confirmation) => confirmation.change(list), this.withRunningElsewhere(entries, workspaceId));
    this.changed();
  }

  /** Restores a workspace's server entries from the cache (start-up, a workspace switch), without touching the journal. */
  restoreServer(entries: readonly ServerEntry[], workspaceId: string): void {
    this.server = this.withRunningElsewhere(entries, workspaceId);
    this.changed();
  }

  /**
   * A timer running in another workspace stays known when the chosen workspace's entries are
   * replaced: it is shown as running there, and starting here stops it (one timer at a time).
   */
  private withRunningElsewhere(entries: readonly ServerEntry[], workspaceId: string): readonly ServerEntry[] {
    const own = entries.filter((entry) => entry.workspaceId === workspaceId);
    const ids = new Set(own.map((entry) => entry.id));
    return [...own, ...this.server.filter((entry) => entry.workspaceId !== workspaceId && entry.end === null && !ids.has(entry.id))];
  }

  /** Forgets everything: used when signing out with nothing pending, or discarding on purpose. */
  clear(): void {
    this.server = [];
    this.confirmations = [];
    this.writeJournal({ intents: [], ids: {} });
  }

  private prunedIds(ids: Record<string, string>): Record<string, string> {
    const referenced = new Set(this.journal.intents.map((intent) => intent.key));
    const known = new Set(this.server.map((entry) => entry.id));
    return Object.fromEntries(Object.entries(ids).filter(([key, id]) => referenced.has(key) || known.has(id)));
  }

  /** The interruption whose stop returns to the work it interrupted (switch and return), if any. */
  get interruption(): Interruption | null {
    return this.journal.interruption ?? null;
  }

  setInterruption(interruption: Interruption | null): void {
    const { interruption: _dropped, ...rest } = this.journal;
    this.writeJournal(interruption ? { ...rest, interruption } : rest);
  }

  /**
   * Runs `change` as one journal write: several intents (a split's two halves, a stop and the start
   * that returns) reach the disk together or not at all. A change that fails leaves the journal as it was.
   */
  atomically<T extends { readonly ok: boolean }>(change: () => T): T {
    if (this.batching) return change();
    const before = this.journal;
    this.batching = true;
    let result: T | undefined;
    try {
      result = change();
    } finally {
      this.batching = false;
      if (!result?.ok) this.journal = before;
      else if (this.journal !== before) this.store.save(this.journal);
      this.changed();
    }
    return result;
  }

  private writeJournal(next: JournalData): void {
    if (!this.batching) this.store.save(next);
    this.journal = next;
    this.changed();
  }

  private changed(): void {
    this.cachedView = null;
    this.onChange();
  }
}
