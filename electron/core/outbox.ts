// The single worker that sends pending intents to Clockify, in order. It never repeats a create
// blindly: a create that may have reached the server is looked for there first. A change the server
// refuses stays in the journal with its reason until the user fixes or discards it.
import { localDayKey, paddedWallClockWindow } from '../../shared/time/zone';
import type { ClockifyClient } from '../clockify/client';
import { ClockifyError } from '../clockify/errors';
import type { TimeEntry } from '../clockify/schemas';
import type { Clock } from './clock';
import type { IntentLedger } from './entry-store';
import type { EntryFields, Intent } from './intents';
import { describeIntent } from './intents';
import { fromClockify } from './server-entry';
import { isListed, readServerEntry, type ServerState } from './server-lookup';

export type EntriesApi = Pick<
  ClockifyClient,
  'createTimeEntry' | 'stopRunningEntry' | 'updateTimeEntry' | 'deleteTimeEntry' | 'getTimeEntry' | 'listMyTimeEntries'
>;

export interface OutboxStatus {
  readonly online: boolean;
  readonly lastError: string | null;
  /** The server no longer accepts the key: nothing is sent until the user signs in again. */
  readonly unauthorized: boolean;
}

export interface OutboxDeps {
  /** The intents of one account (and the server entries they refer to). */
  readonly entries: IntentLedger;
  readonly connection: () => { api: EntriesApi; userId: string } | null;
  readonly clock: Clock;
  readonly onStatus: (status: OutboxStatus) => void;
  readonly random?: () => number;
  /** How long a write whose answer was lost may still land before it is looked for (default 30 s). */
  readonly uncertainGraceMs?: number;
}

type Outcome = 'sent' | 'refused' | 'retry' | 'unauthorized' | { readonly retryIn: number };

/** How close a server entry's start must be to a create's to be taken as its result. */
const SAME_START_MS = 60_000;

/** How long a create whose answer was lost may still land on the server before it is looked for. */
const UNCERTAIN_GRACE_MS = 30_000;
/** The longest Retry-After kept to: a stray header of hours does not hold every change back that long. */
const MAX_SERVER_WAIT_MS = 15 * 60_000;

/**
 * The first intent that may go now: not refused, not behind a refused intent for the same entry,
 * and no new timer behind a refused stop in its workspace (Clockify refuses a second running entry:
 * "There is already a running time entry"; it goes once the user completed the stopped one).
 */
function nextSendable(intents: readonly Intent[]): Intent | undefined {
  const blocked = new Set<string>();
  const stopRefusedIn = new Set<string>();
  for (const intent of intents) {
    if (intent.problem) {
      blocked.add(intent.key);
      if (intent.kind === 'stop') stopRefusedIn.add(intent.workspaceId);
    } else if (!blocked.has(intent.key) && !(intent.kind === 'create' && intent.fields.end === null && stopRefusedIn.has(intent.workspaceId))) {
      return intent;
    }
  }
  return undefined;
}

export class Outbox {
  private active: Promise<void> | null = null;
  private retryAttempt = 0;
  private cancelRetry: (() => void) | null = null;
  private status: OutboxStatus = { online: true, lastError: null, unauthorized: false };
  private closed = false;
  /** Counts for benchmarks and the fault suite. */
  readonly stats = { sent: 0, retries: 0, adopted: 0, refused: 0 };

  constructor(private readonly deps: OutboxDeps) {}

  get current(): OutboxStatus {
    return this.status;
  }

  /** Sends nothing more (the app quits): a pending retry is cancelled; the journal keeps what waits. */
  close(): void {
    this.closed = true;
    this.cancelRetry?.();
    this.cancelRetry = null;
  }

  /** Sends what is pending now, cancelling any backoff wait. Resolves when the worker pauses. */
  kick(): Promise<void> {
    this.cancelRetry?.();
    this.cancelRetry = null;
    this.active ??= this.run().finally(() => {
      this.active = null;
    });
    return this.active;
  }

  /** Resolves once the worker is idle (nothing sendable, waiting for a retry, or paused). */
  async idle(): Promise<void> {
    while (this.active) await this.active;
  }

  private async run(): Promise<void> {
    for (;;) {
      const connection = this.deps.connection();
      const intent = nextSendable(this.deps.entries.intents);
      if (this.closed || !connection || !intent) return;
      const outcome = await this.send(intent, connection.api, connection.userId);
      if (outcome === 'retry' || typeof outcome === 'object') {
        this.scheduleRetry(typeof outcome === 'object' ? outcome.retryIn : undefined);
        return;
      }
      if (outcome === 'unauthorized') return;
      this.retryAttempt = 0;
      if (outcome === 'sent') this.setStatus({ online: true, lastError: null, unauthorized: false });
    }
  }

  private scheduleRetry(after?: number): void {
    const ceiling = Math.min(60_000, 1000 * 2 ** this.retryAttempt);
    const delay = after ?? Math.round(ceiling / 2 + (this.deps.random ?? Math.random)() * (ceiling / 2));
    if (after === undefined) {
      this.retryAttempt = Math.min(this.retryAttempt + 1, 10);
      this.stats.retries++;
    }
    this.cancelRetry = this.deps.clock.setTimeout(() => {
      this.cancelRetry = null;
      void this.kick();
    }, delay);
  }

  private async send(intent: Intent, api: EntriesApi, userId: string): Promise<Outcome> {
    const { entries } = this.deps;
    try {
      switch (intent.kind) {
        case 'create': {
          if (intent.uncertainSince !== undefined) {
            const wait = this.graceLeft(intent);
            if (wait > 0) return { retryIn: wait };
            const found = await this.findCreated(intent.fields, api, userId);
            if (found) {
              this.stats.adopted++;
              return this.confirmed(intent, { entry: fromClockify(found) });
            }
          }
          const created = await this.sendUncertain(intent, () => api.createTimeEntry(intent.workspaceId, entryRequest(intent.fields)));
          return this.confirmed(intent, { entry: fromClockify(created) });
        }
        case 'stop': {
          const serverId = entries.serverIdOf(intent.key);
          if (!serverId) return this.confirmed(intent, { deletedId: intent.key });
          if (intent.uncertainSince !== undefined) {
            // A stop stops whatever runs: one that may still land must not meet the next timer.
            const wait = this.graceLeft(intent);
            if (wait > 0) return { retryIn: wait };
            const current = await this.readEntry(api, intent, userId, serverId);
            if ('deletedId' in current || current.entry.end !== null) {
              this.stats.adopted++;
              return this.confirmed(intent, current);
            }
          }
          try {
            const stopped = await this.sendUncertain(intent, () => api.stopRunningEntry(intent.workspaceId, userId, new Date(intent.end)));
            if (stopped.id === serverId) return this.confirmed(intent, { entry: fromClockify(stopped) });
            entries.applyServer({ entry: fromClockify(stopped) });
          } catch (error) {
            if (!(error instanceof ClockifyError && error.kind === 'not-found')) throw error;
          }
          // Nothing (or something else) was running: ours was stopped elsewhere. Take the server's word.
          return this.confirmed(intent, await this.readEntry(api, intent, userId, serverId));
        }
        case 'update': {
          const serverId = entries.serverIdOf(intent.key);
          if (!serverId) return this.confirmed(intent, { deletedId: intent.key });
          const updated = await api.updateTimeEntry(intent.workspaceId, serverId, { ...entryRequest(intent.fields), end: intent.fields.end ? new Date(intent.fields.end) : null });
          return this.confirmed(intent, { entry: fromClockify(updated) });
        }
        case 'delete': {
          const serverId = entries.serverIdOf(intent.key);
          if (serverId) {
            try {
              await api.deleteTimeEntry(intent.workspaceId, serverId);
            } catch (error) {
              // 400 "doesn't belong to Workspace" means it is already gone (deleted elsewhere, or by an
              // earlier try), but a 400 also says "Access Denied": gone only if the list agrees.
              if (!(error instanceof ClockifyError && error.kind === 'rejected')) throw error;
              const start = this.knownStart(intent.key, serverId);
              if (start === undefined || (await isListed(api, { workspaceId: intent.workspaceId, userId, serverId, start }))) throw error;
            }
          }
          return this.confirmed(intent, { deletedId: serverId ?? intent.key });
        }
      }
    } catch (error) {
      return this.failed(intent, error);
    }
  }

  /** Time left before a write whose answer was lost may be looked for: a slow request can still land. */
  private graceLeft(intent: Intent): number {
    return (intent.uncertainSince ?? 0) + (this.deps.uncertainGraceMs ?? UNCERTAIN_GRACE_MS) - this.deps.clock.now();
  }

  /**
   * Sends a write that must not be repeated blindly. It is marked uncertain (durably) first, so a
   * crash mid-send is looked after on the next run; only its own answer can clear the mark.
   */
  private async sendUncertain<T>(intent: Intent, write: () => Promise<T>): Promise<T> {
    this.deps.entries.patchIntent(intent.id, { uncertainSince: this.deps.clock.now() });
    try {
      return await write();
    } catch (error) {
      if (error instanceof ClockifyError && !error.outcomeUnknown) this.deps.entries.patchIntent(intent.id, { uncertainSince: undefined });
      throw error;
    }
  }

  private confirmed(intent: Intent, result: Parameters<IntentLedger['confirm']>[1]): Outcome {
    this.stats.sent++;
    this.deps.entries.confirm(intent.id, result, this.deps.clock.now());
    return 'sent';
  }

  private failed(intent: Intent, error: unknown): Outcome {
    const { entries } = this.deps;
    if (!(error instanceof ClockifyError)) {
      this.stats.refused++;
      entries.patchIntent(intent.id, { problem: { reason: `${describeIntent(intent)} failed: ${String(error)}`, status: null } });
      return 'refused';
    }
    switch (error.kind) {
      case 'network':
      case 'timeout':
        this.setStatus({ online: false, lastError: error.userMessage, unauthorized: false });
        return 'retry';
      case 'server':
      case 'rate-limited':
      case 'malformed':
        this.setStatus({ online: true, lastError: error.userMessage, unauthorized: false });
        // A wait Clockify asked for (Retry-After) longer than the client waits by itself is kept to,
        // up to a quarter of an hour; Retry sends at once anyway.
        return error.retryAfterMs === undefined ? 'retry' : { retryIn: Math.min(error.retryAfterMs, MAX_SERVER_WAIT_MS) };
      case 'unauthorized':
        this.setStatus({ online: true, lastError: error.userMessage, unauthorized: true });
        return 'unauthorized';
      case 'rejected':
      case 'forbidden':
      case 'locked':
      case 'not-found':
        this.stats.refused++;
        entries.patchIntent(intent.id, { problem: { reason: refusal(intent, error), status: error.status ?? null } });
        return 'refused';
    }
  }

  /** What the server holds for an entry; a refused read is a deletion only once the list confirms it. */
  private async readEntry(api: EntriesApi, intent: Intent, userId: string, serverId: string): Promise<ServerState> {
    const start = this.knownStart(intent.key, serverId);
    if (start === undefined) return { entry: fromClockify(await api.getTimeEntry(intent.workspaceId, serverId)) };
    return readServerEntry(api, { workspaceId: intent.workspaceId, userId, serverId, start });
  }

  /** The entry's start as last known here (the server's copy first), to find it in the entries list. */
  private knownStart(key: string, serverId: string): string | undefined {
    const { entries } = this.deps;
    return entries.serverEntries().find((entry) => entry.id === serverId)?.start ?? entries.find(key)?.start;
  }

  /** A server entry matching a create whose answer never came: same start (±1 min), description and end. */
  private async findCreated(fields: EntryFields, api: EntriesApi, userId: string): Promise<TimeEntry | undefined> {
    const day = localDayKey(fields.start, 'Etc/UTC');
    const window = paddedWallClockWindow(day, day);
    const candidates = await api.listMyTimeEntries(fields.workspaceId, userId, { ...window, description: fields.description || undefined });
    // An entry already mapped to another create made here is not this one's result.
    const claimed = this.deps.entries.claimedServerIds();
    const start = Date.parse(fields.start);
    return candidates.find(
      (entry) =>
        !claimed.has(entry.id) &&
        Math.abs(Date.parse(entry.timeInterval.start) - start) <= SAME_START_MS &&
        entry.description === fields.description &&
        (fields.end === null ? entry.timeInterval.end === null : entry.timeInterval.end !== null),
    );
  }

  private setStatus(status: OutboxStatus): void {
    if (status.online === this.status.online && status.lastError === this.status.lastError && status.unauthorized === this.status.unauthorized) return;
    this.status = status;
    this.deps.onStatus(status);
  }
}

function entryRequest(fields: EntryFields) {
  return {
    start: new Date(fields.start),
    end: fields.end === null ? null : new Date(fields.end),
    description: fields.description,
    projectId: fields.projectId,
    taskId: fields.taskId,
    tagIds: fields.tagIds,
    billable: fields.billable,
    // Only REGULAR and BREAK can be written; the core never replaces entries of other types.
    type: fields.type === 'BREAK' ? ('BREAK' as const) : ('REGULAR' as const),
    customFields: fields.customFields,
  };
}

function refusal(intent: Intent, error: ClockifyError): string {
  const said = error.serverMessage ? `: ${error.serverMessage}` : '';
  switch (error.kind) {
    case 'locked':
      return `${describeIntent(intent)} refused: the entry is locked (${error.status})${said}. Ask an admin to unlock it, or discard the change.`;
    case 'forbidden':
      return `${describeIntent(intent)} refused: no permission (${error.status})${said}. Discard the change or ask an admin.`;
    default:
      return `${describeIntent(intent)} refused by Clockify (${error.status ?? '?'})${said}. Fix the entry and it is sent again, or discard the change.`;
  }
}
