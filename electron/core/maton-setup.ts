// Managing the Clockify connections of a Maton key: list them with the user behind each, add one
// (Maton answers a URL on its connect host; the person finishes OAuth in the system browser while
// this polls the connection with backoff until it is ACTIVE, fails or times out), remove one. The
// Maton key stays here, in memory, while the person manages connections; it never leaves main.
import { isMatonConnectUrl } from '../../shared/app-identity';
import type { MatonAdding, MatonConnectionOption, MatonSetupView, Notice, Result } from '../../shared/domain';
import { ClockifyError } from '../clockify/errors';
import { matonProblem, type MatonConnection } from '../clockify/maton-connections';
import type { Clock } from './clock';

/** Maton's connections API as the core needs it (MatonConnectionsClient implements it). */
export interface MatonConnectionsApi {
  list(): Promise<readonly MatonConnection[]>;
  create(): Promise<MatonConnection>;
  get(connectionId: string): Promise<MatonConnection>;
  remove(connectionId: string): Promise<void>;
}

/** Where the gateway and the connections API are (both optional: Maton's defaults). */
export type MatonPlace = Readonly<{ gatewayUrl?: string; connectionsUrl?: string }>;

export interface MatonSetupDeps {
  readonly connections: (place: MatonPlace, secret: string) => MatonConnectionsApi;
  /** The Clockify user behind a connection: GET /user through the gateway with its Maton-Connection. */
  readonly userOf: (place: MatonPlace, secret: string, connectionId: string) => Promise<{ name: string; email: string }>;
  /** Hands a URL to the system browser (the shell checks it against its allow-list again). */
  readonly openInBrowser: (url: string) => Promise<void>;
  readonly clock: Clock;
  readonly changed: () => void;
  readonly notice: (level: Notice['level'], text: string) => void;
  /** The connection the signed-in account uses, or null. */
  readonly inUse: () => string | null;
  /** How long the person has to finish OAuth (default 10 minutes). */
  readonly addTimeoutMs?: number;
  /** Host named in "cannot reach" messages. */
  readonly hostOf: (place: MatonPlace) => string;
}

const FIRST_POLL_MS = 2_000;
const MAX_POLL_MS = 15_000;
const DEFAULT_ADD_TIMEOUT_MS = 10 * 60_000;

interface Open {
  readonly place: MatonPlace;
  readonly secret: string;
  readonly api: MatonConnectionsApi;
}

interface Polling {
  readonly connectionId: string;
  readonly until: number;
  delay: number;
  cancel: (() => void) | null;
}

const ok: Result<null> = { ok: true, value: null };

function fail(kind: string, message: string): { ok: false; error: { kind: string; message: string; status: number | null } } {
  return { ok: false, error: { kind, message, status: null } };
}

export class MatonSetup {
  private open: Open | null = null;
  /** The list was read once: the view shows (until then, the key's form stays). */
  private shown = false;
  private loading = false;
  private connections: readonly MatonConnectionOption[] = [];
  private problem: string | null = null;
  private adding: MatonAdding | null = null;
  private polling: Polling | null = null;
  /** Bumped on every load and close, so an answer that arrives late is dropped. */
  private generation = 0;

  constructor(private readonly deps: MatonSetupDeps) {}

  view(): MatonSetupView | null {
    if (!this.open || !this.shown) return null;
    const inUse = this.deps.inUse();
    return { loading: this.loading, connections: this.connections.map((c) => ({ ...c, inUse: c.connectionId === inUse })), problem: this.problem, adding: this.adding };
  }

  /** The key and place being managed, for "Use this account". */
  get current(): Readonly<{ place: MatonPlace; secret: string }> | null {
    return this.open ? { place: this.open.place, secret: this.open.secret } : null;
  }

  /**
   * Starts managing the connections of this key: lists them. Shown only once the list was read: a
   * key Maton refuses, or a Maton that cannot be reached, is said where the key was typed and not kept.
   */
  async start(place: MatonPlace, secret: string): Promise<Result<null>> {
    await this.close();
    const open: Open = { place, secret, api: this.deps.connections(place, secret) };
    this.open = open;
    this.shown = false;
    const result = await this.load();
    if (this.open !== open) return result;
    if (result.ok) this.shown = true;
    else await this.close();
    this.deps.changed();
    return result;
  }

  /** Reads the active connections again, each with its user. */
  async load(): Promise<Result<null>> {
    const open = this.open;
    if (!open) return fail('closed', 'Enter your Maton key first.');
    const generation = ++this.generation;
    this.loading = true;
    this.problem = null;
    this.deps.changed();
    try {
      const listed = await open.api.list();
      const options = await Promise.all(listed.map((connection) => this.describe(open, connection.connectionId)));
      if (generation !== this.generation) return ok;
      this.connections = options;
      return ok;
    } catch (error) {
      if (generation !== this.generation) return ok;
      this.problem = matonProblem(error, this.deps.hostOf(open.place));
      return fail(error instanceof ClockifyError ? error.kind : 'unknown', this.problem);
    } finally {
      if (generation === this.generation) {
        this.loading = false;
        this.deps.changed();
      }
    }
  }

  /** Creates a connection, opens its URL in the browser and waits for the person to finish. */
  async add(): Promise<Result<null>> {
    const open = this.open;
    if (!open) return fail('closed', 'Enter your Maton key first.');
    if (this.adding?.state === 'waiting') return fail('busy', 'A connection is already waiting: finish it in your browser, or cancel it first.');
    this.adding = null;
    this.problem = null;
    let created: MatonConnection;
    try {
      created = await open.api.create();
    } catch (error) {
      return this.failAdd(matonProblem(error, this.deps.hostOf(open.place)));
    }
    if (!created.url || !isMatonConnectUrl(created.url)) {
      await this.removeQuietly(open, created.connectionId);
      return this.failAdd(`Maton answered a sign-in page the app does not open (${created.url ? `not https on connect.maton.ai` : 'no URL'}): the connection was removed. Try again, or add it at maton.ai.`);
    }
    try {
      await this.deps.openInBrowser(created.url);
    } catch (error) {
      await this.removeQuietly(open, created.connectionId);
      return this.failAdd(`The browser could not be opened (${error instanceof Error ? error.message : String(error)}): the connection was removed. Try again.`);
    }
    this.adding = { state: 'waiting', connectionId: created.connectionId };
    this.polling = { connectionId: created.connectionId, until: this.deps.clock.now() + (this.deps.addTimeoutMs ?? DEFAULT_ADD_TIMEOUT_MS), delay: FIRST_POLL_MS, cancel: null };
    this.schedulePoll(open, this.polling);
    this.deps.changed();
    return ok;
  }

  /** Stops waiting; the pending connection is deleted at Maton so none is left half-made. */
  async cancelAdd(): Promise<Result<null>> {
    const open = this.open;
    const polling = this.stopPolling();
    this.adding = null;
    this.deps.changed();
    if (open && polling) await this.removeQuietly(open, polling.connectionId);
    return ok;
  }

  /** Deletes a connection at Maton; never the one the signed-in account uses. */
  async remove(connectionId: string): Promise<Result<null>> {
    const open = this.open;
    if (!open) return fail('closed', 'Enter your Maton key first.');
    if (connectionId === this.deps.inUse()) {
      const who = this.connections.find((c) => c.connectionId === connectionId);
      return fail('in-use', `${who?.email || 'This account'} is the account in use: switch to another account first, then remove it.`);
    }
    try {
      await open.api.remove(connectionId);
    } catch (error) {
      if (!(error instanceof ClockifyError && error.kind === 'not-found')) {
        this.problem = matonProblem(error, this.deps.hostOf(open.place));
        this.deps.changed();
        return fail(error instanceof ClockifyError ? error.kind : 'unknown', this.problem);
      }
    }
    this.connections = this.connections.filter((c) => c.connectionId !== connectionId);
    this.deps.changed();
    await this.load();
    return ok;
  }

  /** Forgets the key; a connection still waiting for its OAuth is deleted. */
  async close(): Promise<void> {
    const open = this.open;
    const polling = this.stopPolling();
    this.generation++;
    this.open = null;
    this.shown = false;
    this.connections = [];
    this.problem = null;
    this.adding = null;
    this.loading = false;
    this.deps.changed();
    if (open && polling) await this.removeQuietly(open, polling.connectionId);
  }

  private async describe(open: Open, connectionId: string): Promise<MatonConnectionOption> {
    try {
      const user = await this.deps.userOf(open.place, open.secret, connectionId);
      return { connectionId, userName: user.name, email: user.email, problem: null, inUse: false };
    } catch (error) {
      const said = error instanceof ClockifyError ? error.userMessage : String(error);
      return { connectionId, userName: '', email: '', problem: `Its Clockify user could not be read: ${said}`, inUse: false };
    }
  }

  private schedulePoll(open: Open, polling: Polling): void {
    polling.cancel = this.deps.clock.setTimeout(() => void this.poll(open, polling), polling.delay);
  }

  private async poll(open: Open, polling: Polling): Promise<void> {
    if (this.polling !== polling) return;
    polling.cancel = null;
    let status: string | null = null;
    let problem: unknown = null;
    try {
      status = (await open.api.get(polling.connectionId)).status;
    } catch (error) {
      problem = error;
    }
    if (this.polling !== polling) return;
    if (status === 'ACTIVE') {
      this.stopPolling();
      this.adding = null;
      await this.load();
      const added = this.connections.find((c) => c.connectionId === polling.connectionId);
      this.deps.notice('info', `${added?.email || 'The new Clockify account'} is connected: choose "Use this account" to track time there.`);
      return;
    }
    const gone = problem instanceof ClockifyError && (problem.kind === 'not-found' || problem.kind === 'unauthorized');
    if (gone) {
      this.stopPolling();
      this.failAdd(matonProblem(problem, this.deps.hostOf(open.place)));
      return;
    }
    if (status !== null && status !== 'PENDING') {
      this.stopPolling();
      await this.removeQuietly(open, polling.connectionId);
      this.failAdd(`Connecting the Clockify account failed in the browser (Maton says ${status}): the unfinished connection was removed. Choose "Add Clockify account" to try again.`);
      return;
    }
    if (this.deps.clock.now() >= polling.until) {
      this.stopPolling();
      await this.removeQuietly(open, polling.connectionId);
      this.adding = { state: 'timed-out', message: 'Connecting timed out: the sign-in in the browser was not finished. The unfinished connection was removed; choose "Add Clockify account" to try again.' };
      this.deps.changed();
      return;
    }
    // Still PENDING, or a hiccup (network, 429, 5xx): ask again later, less often each time.
    const rateLimited = problem instanceof ClockifyError && problem.kind === 'rate-limited';
    polling.delay = Math.max(1, Math.min(MAX_POLL_MS, Math.round(polling.delay * (rateLimited ? 2 : 1.5)), polling.until - this.deps.clock.now()));
    this.schedulePoll(open, polling);
  }

  private failAdd(message: string): Result<null> {
    this.adding = { state: 'failed', message };
    this.deps.changed();
    return fail('add-failed', message);
  }

  private stopPolling(): Polling | null {
    const polling = this.polling;
    polling?.cancel?.();
    this.polling = null;
    return polling;
  }

  /** Cleaning up is best effort: a connection Maton keeps is listed as PENDING at maton.ai. */
  private async removeQuietly(open: Open, connectionId: string): Promise<void> {
    try {
      await open.api.remove(connectionId);
    } catch {
      this.problem = 'An unfinished connection could not be removed at Maton: remove it at maton.ai if it is still listed there.';
    }
  }
}
