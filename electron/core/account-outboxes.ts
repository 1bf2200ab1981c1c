// One outbox per account: each account's pending changes go out with that account's own client
// (its keychain entry and connection), whichever account is active. An account that is not active
// keeps its outbox working after a switch, or holds its changes (offline, key refused, key gone)
// until it can send them; the popover says so per account.
import type { Result } from '../../shared/domain';
import type { Clock } from './clock';
import type { EntryStore } from './entry-store';
import { Outbox, type EntriesApi, type OutboxStatus } from './outbox';

export interface AccountLink {
  readonly api: EntriesApi;
  readonly userId: string;
}

export interface AccountOutboxesDeps {
  readonly entries: EntryStore;
  readonly clock: Clock;
  /** The account being shown, or null when signed out. */
  readonly activeAccount: () => string | null;
  /** The active account's client and user (null until its user is known). */
  readonly activeLink: () => AccountLink | null;
  /** Another account's client, made from its own key and connection, or why there is none. */
  readonly linkOf: (accountId: string) => Promise<Result<AccountLink>>;
  readonly onStatus: (accountId: string, status: OutboxStatus) => void;
  readonly random?: () => number;
  readonly uncertainGraceMs?: number;
}

/** Another account's changes still waiting, for the popover. */
export interface WaitingAccount {
  readonly accountId: string;
  readonly pending: number;
  readonly refused: number;
  readonly online: boolean;
  readonly lastError: string | null;
}

export class AccountOutboxes {
  private readonly outboxes = new Map<string, Outbox>();
  /** Clients of accounts that are not active, made once per run (forgotten when the key changes). */
  private readonly links = new Map<string, Result<AccountLink>>();
  private readonly linking = new Map<string, Promise<void>>();
  private closed = false;

  constructor(private readonly deps: AccountOutboxesDeps) {}

  /** Sends what waits now, for the active account and every other account with changes waiting. */
  async kick(): Promise<void> {
    const active = this.deps.activeAccount();
    const accounts = new Set(this.deps.entries.waitingAccounts());
    if (active) accounts.add(active);
    await Promise.all(
      [...accounts].map(async (accountId) => {
        if (accountId !== active) await this.link(accountId);
        if (!this.closed) await this.outboxOf(accountId).kick();
      }),
    );
  }

  /** Resolves once no outbox is sending. */
  async idle(): Promise<void> {
    await Promise.all([...this.linking.values()]);
    await Promise.all([...this.outboxes.values()].map((outbox) => outbox.idle()));
  }

  /** Sends nothing more (the app quits). */
  close(): void {
    this.closed = true;
    for (const outbox of this.outboxes.values()) outbox.close();
  }

  /** The account's key or connection changed (or it signed out): its client is made again when needed. */
  forget(accountId: string): void {
    this.links.delete(accountId);
  }

  statusOf(accountId: string | null): OutboxStatus | null {
    return accountId ? (this.outboxes.get(accountId)?.current ?? null) : null;
  }

  /** Accounts other than the active one whose changes still wait, with why. */
  waiting(): WaitingAccount[] {
    return this.deps.entries.waitingAccounts().map((accountId) => {
      const intents = this.deps.entries.scope(accountId).intents;
      const link = this.links.get(accountId);
      const status = this.statusOf(accountId);
      return {
        accountId,
        pending: intents.filter((intent) => !intent.problem).length,
        refused: intents.filter((intent) => intent.problem).length,
        online: status?.online ?? true,
        lastError: link && !link.ok ? link.error.message : (status?.lastError ?? null),
      };
    });
  }

  /** Counters over every account's outbox, for the benchmarks and the fault suite. */
  get stats(): Outbox['stats'] {
    const total = { sent: 0, retries: 0, adopted: 0, refused: 0 };
    for (const outbox of this.outboxes.values()) for (const key of Object.keys(total) as (keyof typeof total)[]) total[key] += outbox.stats[key];
    return total;
  }

  private outboxOf(accountId: string): Outbox {
    let outbox = this.outboxes.get(accountId);
    if (!outbox) {
      outbox = new Outbox({
        entries: this.deps.entries.scope(accountId),
        clock: this.deps.clock,
        connection: () => this.connectionOf(accountId),
        onStatus: (status) => this.deps.onStatus(accountId, status),
        uncertainGraceMs: this.deps.uncertainGraceMs,
        random: this.deps.random,
      });
      this.outboxes.set(accountId, outbox);
    }
    return outbox;
  }

  private connectionOf(accountId: string): AccountLink | null {
    if (accountId === this.deps.activeAccount()) return this.deps.activeLink();
    const link = this.links.get(accountId);
    return link?.ok ? link.value : null;
  }

  private link(accountId: string): Promise<void> {
    if (this.links.get(accountId)?.ok) return Promise.resolve();
    let linking = this.linking.get(accountId);
    if (!linking) {
      linking = this.deps.linkOf(accountId).then(
        (link) => {
          this.links.set(accountId, link);
          this.linking.delete(accountId);
        },
        (error: unknown) => {
          this.links.set(accountId, { ok: false, error: { kind: 'unknown', status: null, message: String(error) } });
          this.linking.delete(accountId);
        },
      );
      this.linking.set(accountId, linking);
    }
    return linking;
  }
}
