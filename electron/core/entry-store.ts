// Holds the two sources of the entry view (what the server last said, and the journal of pending
// intents) and keeps the journal on disk in step with every change. Both are kept per account: the
// view is the active account's; another account's intents wait in the same journal for its own
// outbox (see AccountOutboxes), with the server entries they refer to.
import type { EntryView } from '../../shared/domain';
import { deriveEntries, type ServerEntry } from './entry-model';
import type { Intent } from './intents';
import type { Interruption, JournalData, JournalStore } from './journal';

type ServerChange = (entries: readonly ServerEntry[]) => readonly ServerEntry[];
type ServerResult = { entry: ServerEntry } | { deletedId: string };

/** Signed out: intents and entries of no account (none are made then). */
const NO_ACCOUNT = '';

/** One account's share of the store: what its outbox reads and changes. */
export interface IntentLedger {
  readonly intents: readonly Intent[];
  serverIdOf(key: string): string | null;
  claimedServerIds(): ReadonlySet<string>;
  serverEntries(): readonly ServerEntry[];
  find(key: string): EntryView | undefined;
  patchIntent(id: string, patch: Partial<Pick<Intent, 'problem' | 'uncertainSince'>>): void;
  confirm(intentId: string, result: ServerResult, at: number): void;
  applyServer(change: ServerResult): void;
}

export class EntryStore implements IntentLedger {
  private active = NO_ACCOUNT;
  private readonly servers = new Map<string, readonly ServerEntry[]>();
  private journal: JournalData;
  private cachedView: EntryView[] | null = null;
  private cachedIntents: readonly Intent[] | null = null;
  /** Server changes confirmed since a refresh began, re-applied to its (older) answer; per account. */
  private readonly confirmations = new Map<string, { at: number; change: ServerChange }[]>();
  /** Inside `atomically`: the journal is saved once, at the end. */
  private batching = false;

  constructor(
    private readonly store: JournalStore,
    initial: JournalData,
    private readonly onChange: () => void,
    /** Another account's server entries changed (its outbox confirmed a change): its cache should follow. */
    private readonly onOtherAccountServer: () => void = () => undefined,
  ) {
    this.journal = initial;
  }

  /**
   * The account whose entries are shown and changed. Intents that name no account (a journal
   * written before they did) were made by the account active when they were loaded: they become its.
   */
  setActiveAccount(accountId: string | null): void {
    this.active = accountId ?? NO_ACCOUNT;
    if (accountId && this.journal.intents.some((intent) => intent.accountId === undefined)) {
      this.writeJournal({ ...this.journal, intents: this.journal.intents.map((intent) => (intent.accountId === undefined ? { ...intent, accountId } : intent)) });
    } else {
      this.changed();
    }
  }

  /** The active account's pending intents. */
  get intents(): readonly Intent[] {
    this.cachedIntents ??= this.intentsOf(this.active);
    return this.cachedIntents;
  }

  /** Accounts other than the active one with intents waiting. */
  waitingAccounts(): string[] {
    return [...new Set(this.journal.intents.map(ownerOf))].filter((account) => account !== this.active && account !== NO_ACCOUNT);
  }

  /** One account's share, for its outbox; it stays that account's whichever is active. */
  scope(accountId: string): IntentLedger {
    const intentsOf = () => this.intentsOf(accountId);
    return {
      get intents() {
        return intentsOf();
      },
      serverIdOf: (key) => this.serverIdIn(accountId, key),
      claimedServerIds: () => this.claimedServerIds(),
      serverEntries: () => this.serverOf(accountId),
      find: (key) => this.findIn(accountId, key),
      patchIntent: (id, patch) => this.patchIntent(id, patch),
      confirm: (intentId, result, at) => this.confirmIn(accountId, intentId, result, at),
      applyServer: (change) => this.applyServerIn(accountId, change),
    };
  }

  /** The server entries known for accounts other than the active one. */
  otherAccountsServer(): [accountId: string, entries: readonly ServerEntry[]][] {
    return [...this.servers].filter(([accountId]) => accountId !== this.active && accountId !== NO_ACCOUNT);
  }

  /** An account's entries as it would see them (its server entries with its pending changes applied). */
  viewOf(accountId: string): readonly EntryView[] {
    return accountId === this.active ? this.view() : deriveEntries({ server: this.serverOf(accountId), intents: this.intentsOf(accountId), ids: this.journal.ids });
  }

  serverIdOf(key: string): string | null {
    return this.serverIdIn(this.active, key);
  }

  /** Server ids already known to be the result of a create made here. */
  claimedServerIds(): ReadonlySet<string> {
    return new Set(Object.values(this.journal.ids));
  }

  serverEntries(): readonly ServerEntry[] {
    return this.serverOf(this.active);
  }

  view(): readonly EntryView[] {
    this.cachedView ??= deriveEntries({ server: this.serverOf(this.active), intents: this.intents, ids: this.journal.ids });
    return this.cachedView;
  }

  /** Entries read apart from the recent ones (older days), with the pending changes applied the same way. */
  viewOver(server: readonly ServerEntry[]): EntryView[] {
    return deriveEntries({ server, intents: this.intents, ids: this.journal.ids });
  }

  find(key: string): EntryView | undefined {
    return this.findIn(this.active, key);
  }

  /** Appends intents (durably, before anything is sent); each belongs to the active account unless it names one. */
  enqueue(...intents: Intent[]): void {
    this.writeJournal({ ...this.journal, intents: [...this.journal.intents, ...intents.map((intent) => this.owned(intent))] });
  }

  /** Rewrites the active account's pending intents that have not been sent (coalescing, fixing, discarding). */
  rewriteIntents(change: (intents: readonly Intent[]) => readonly Intent[]): void {
    const others = this.journal.intents.filter((intent) => ownerOf(intent) !== this.active);
    this.writeJournal({ ...this.journal, intents: [...others, ...change(this.intents).map((intent) => this.owned(intent))] });
  }

  patchIntent(id: string, patch: Partial<Pick<Intent, 'problem' | 'uncertainSince'>>): void {
    this.writeJournal({ ...this.journal, intents: this.journal.intents.map((intent) => (intent.id === id ? ({ ...intent, ...patch } as Intent) : intent)) });
  }

  /** The server confirmed an intent: drop it and record what the server now holds. */
  confirm(intentId: string, result: ServerResult, at: number): void {
    const intent = this.journal.intents.find((candidate) => candidate.id === intentId);
    this.confirmIn(intent ? ownerOf(intent) : this.active, intentId, result, at);
  }

  /** Adopts what the server holds for one entry (seen by reconciliation), or that it is gone. */
  applyServer(change: ServerResult): void {
    this.applyServerIn(this.active, change);
  }

  /** Replaces the recent entries of `workspaceId` with a fresh read that began at `startedAt`. */
  replaceServer(entries: readonly ServerEntry[], startedAt: number, workspaceId: string): void {
    const confirmations = (this.confirmations.get(this.active) ?? []).filter((confirmation) => confirmation.at >= startedAt);
    this.confirmations.set(this.active, confirmations);
    this.servers.set(this.active, confirmations.reduce((list, confirmation) => confirmation.change(list), this.withRunningElsewhere(entries, workspaceId)));
    this.changed();
  }

  /** Restores another account's server entries from its cache at start-up (its running timer, what its changes refer to). */
  restoreServerOf(accountId: string, entries: readonly ServerEntry[]): void {
    if (accountId === this.active || this.servers.has(accountId)) return;
    this.servers.set(accountId, entries);
    this.changed();
  }

  /** Restores a workspace's server entries from the cache (start-up, a workspace switch), without touching the journal. */
  restoreServer(entries: readonly ServerEntry[], workspaceId: string): void {
    this.servers.set(this.active, this.withRunningElsewhere(entries, workspaceId));
    this.changed();
  }

  /**
   * A timer running in another workspace stays known when the chosen workspace's entries are
   * replaced: it is shown as running there, and starting here stops it (one timer at a time).
   */
  private withRunningElsewhere(entries: readonly ServerEntry[], workspaceId: string): readonly ServerEntry[] {
    const own = entries.filter((entry) => entry.workspaceId === workspaceId);
    const ids = new Set(own.map((entry) => entry.id));
    return [...own, ...this.serverOf(this.active).filter((entry) => entry.workspaceId !== workspaceId && entry.end === null && !ids.has(entry.id))];
  }

  /** Forgets the active account's entries and changes: used when signing out, or discarding on purpose. */
  clear(): void {
    this.servers.delete(this.active);
    this.confirmations.delete(this.active);
    this.writeJournal({ intents: this.journal.intents.filter((intent) => ownerOf(intent) !== this.active), ids: this.journal.ids });
  }

  private intentsOf(accountId: string): readonly Intent[] {
    return this.journal.intents.filter((intent) => ownerOf(intent) === accountId);
  }

  private serverOf(accountId: string): readonly ServerEntry[] {
    return this.servers.get(accountId) ?? [];
  }

  private serverIdIn(accountId: string, key: string): string | null {
    const known = this.journal.ids[key] ?? (this.serverOf(accountId).some((entry) => entry.id === key) ? key : null);
    // Another account's entries may not be loaded (after a restart): a key that is not local is the server's id.
    return known ?? (accountId !== this.active && !key.startsWith('l-') ? key : null);
  }

  private findIn(accountId: string, key: string): EntryView | undefined {
    const serverId = this.journal.ids[key] ?? key;
    return this.viewOf(accountId).find((entry) => entry.key === key || entry.serverId === serverId);
  }

  private confirmIn(accountId: string, intentId: string, result: ServerResult, at: number): void {
    const intent = this.journal.intents.find((candidate) => candidate.id === intentId);
    const ids = { ...this.journal.ids };
    if (intent && 'entry' in result && intent.key !== result.entry.id) ids[intent.key] = result.entry.id;
    const change: ServerChange =
      'entry' in result
        ? (entries) => [result.entry, ...entries.filter((entry) => entry.id !== result.entry.id)]
        : (entries) => entries.filter((entry) => entry.id !== result.deletedId);
    this.servers.set(accountId, change(this.serverOf(accountId)));
    this.confirmations.set(accountId, [...(this.confirmations.get(accountId) ?? []), { at, change }]);
    if (accountId !== this.active) this.onOtherAccountServer();
    const intents = this.journal.intents.filter((candidate) => candidate.id !== intentId);
    this.writeJournal({ ...this.journal, intents, ids: this.prunedIds(ids, intents) });
  }

  private applyServerIn(accountId: string, change: ServerResult): void {
    const server = this.serverOf(accountId);
    this.servers.set(accountId, 'entry' in change ? [change.entry, ...server.filter((e) => e.id !== change.entry.id)] : server.filter((e) => e.id !== change.deletedId));
    if (accountId !== this.active) this.onOtherAccountServer();
    this.changed();
  }

  private owned(intent: Intent): Intent {
    return intent.accountId !== undefined || this.active === NO_ACCOUNT ? intent : { ...intent, accountId: this.active };
  }

  private prunedIds(ids: Record<string, string>, intents: readonly Intent[]): Record<string, string> {
    const referenced = new Set([...this.journal.intents, ...intents].map((intent) => intent.key));
    const known = new Set([...this.servers.values()].flatMap((entries) => entries.map((entry) => entry.id)));
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
    this.cachedIntents = null;
    this.onChange();
  }
}

function ownerOf(intent: Intent): string {
  return intent.accountId ?? NO_ACCOUNT;
}
