// Adopts what happened elsewhere: a timer started or stopped on the web or the phone. Runs at
// start-up, on resume, when a window opens and on an adaptive schedule: every 30 s while a window
// shows, 2 min otherwise, doubling up to 10 min while nothing changes. Timers in the other
// workspaces (started on the web while the app runs) are looked for on the same schedule, at most
// every 5 minutes, since that costs a request per workspace.
import type { ClockifyClient } from '../clockify/client';
import { ClockifyError } from '../clockify/errors';
import { readServerEntry } from './server-lookup';
import type { Clock } from './clock';
import type { EntryStore } from './entry-store';
import { fromClockify } from './server-entry';

export type ReconcileApi = Pick<ClockifyClient, 'getRunningEntry' | 'getTimeEntry' | 'listMyTimeEntries'>;

export interface ReconcilerDeps {
  readonly entries: EntryStore;
  readonly clock: Clock;
  readonly connection: () => { api: ReconcileApi; userId: string; workspaceId: string } | null;
  readonly notify: (text: string) => void;
  /** Looks for timers running in the other workspaces. */
  readonly elsewhere?: () => Promise<void>;
}

export type ReconcileOutcome = 'skipped' | 'unchanged' | 'changed' | 'failed';

const VISIBLE_MS = 30_000;
const HIDDEN_MS = 120_000;
const MAX_MS = 600_000;
const ELSEWHERE_MS = 300_000;

export class Reconciler {
  private visible = false;
  private delay = HIDDEN_MS;
  private cancel: (() => void) | null = null;
  private running: Promise<ReconcileOutcome> | null = null;
  private lastCheckedAt = Number.NEGATIVE_INFINITY;
  private elsewhereAt = Number.NEGATIVE_INFINITY;
  private readonly refusalsTold = new Set<string>();

  constructor(private readonly deps: ReconcilerDeps) {}

  /** Starts (or restarts) the schedule, reconciling now; the account's load has just looked elsewhere itself. */
  start(): void {
    this.stop();
    this.elsewhereAt = this.deps.clock.now();
    void this.runAndReschedule();
  }

  stop(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /**
   * A window opened (reconcile now unless that was done in the last 30 s, so reopening the popover
   * costs no request; then every 30 s) or closed (back to the slow pace).
   */
  setVisible(visible: boolean): void {
    const opened = visible && !this.visible;
    this.visible = visible;
    if (opened && this.cancel && this.deps.clock.now() - this.lastCheckedAt >= VISIBLE_MS) {
      this.delay = VISIBLE_MS;
      this.stop();
      void this.runAndReschedule();
    }
  }

  /** Reads the server's running entry once and adopts it. Pending local changes win: then it skips. */
  reconcile(): Promise<ReconcileOutcome> {
    this.running ??= this.compare().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async runAndReschedule(): Promise<void> {
    const outcome = await this.reconcile();
    if (this.deps.elsewhere && outcome !== 'failed' && this.deps.clock.now() - this.elsewhereAt >= ELSEWHERE_MS) {
      this.elsewhereAt = this.deps.clock.now();
      await this.deps.elsewhere();
    }
    const base = this.visible ? VISIBLE_MS : HIDDEN_MS;
    this.delay = outcome === 'changed' ? base : Math.min(MAX_MS, Math.max(base, this.delay * 2));
    this.cancel = this.deps.clock.setTimeout(() => void this.runAndReschedule(), this.delay);
  }

  private async compare(): Promise<ReconcileOutcome> {
    const connection = this.deps.connection();
    const { entries } = this.deps;
    if (!connection || entries.intents.some((intent) => !intent.problem)) return 'skipped';
    const { api, userId, workspaceId } = connection;
    try {
      const remote = await api.getRunningEntry(workspaceId, userId);
      this.lastCheckedAt = this.deps.clock.now();
      if (entries.intents.some((intent) => !intent.problem)) return 'skipped'; // the user acted meanwhile
      const local = entries.view().find((entry) => entry.end === null && entry.workspaceId === workspaceId);
      if (remote && local?.serverId === remote.id) {
        const before = entries.serverEntries().find((entry) => entry.id === remote.id);
        const after = fromClockify(remote);
        if (JSON.stringify(before) === JSON.stringify(after)) return 'unchanged';
        entries.applyServer({ entry: after });
        return 'changed';
      }
      if (local?.serverId) {
        // Ours is no longer the running one: it was stopped (or deleted) elsewhere.
        entries.applyServer(await this.read(api, { workspaceId, userId, serverId: local.serverId, start: local.start }, local.description));
        if (!remote) this.deps.notify(`"${local.description || 'Timer'}" was stopped in Clockify; the app shows it stopped too.`);
      }
      if (remote) {
        entries.applyServer({ entry: fromClockify(remote) });
        this.deps.notify(`A timer started elsewhere is now shown here: "${remote.description || 'no description'}".`);
      }
      return local?.serverId || remote ? 'changed' : 'unchanged';
    } catch {
      return 'failed';
    }
  }

  /** A refusal that the entries list cannot settle keeps the local copy and says why, once per entry. */
  private async read(api: ReconcileApi, ref: Parameters<typeof readServerEntry>[1], description: string) {
    try {
      return await readServerEntry(api, ref);
    } catch (error) {
      if (error instanceof ClockifyError && !this.refusalsTold.has(ref.serverId) && ['rejected', 'forbidden', 'not-found'].includes(error.kind)) {
        this.refusalsTold.add(ref.serverId);
        this.deps.notify(`Clockify would not show “${description || 'the timer'}” (${error.status ?? '?'}${error.serverMessage ? `: ${error.serverMessage}` : ''}); the app keeps it as it was.`);
      }
      throw error;
    }
  }
}
