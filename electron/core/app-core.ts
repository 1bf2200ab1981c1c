// The app's brain, Electron-free: one instance in main (and one in the web harness) owns the
// account, the catalog cache, the entries with their journal, the outbox and reconciliation, and
// publishes a snapshot of it all whenever something changes.
import { CLOCKIFY_SERVERS, matonConnectionsUrl, type ConnectionConfig } from '../../shared/connection';
import type { AppSnapshot, Catalog, ClientOption, EntryDraft, EntryView, IdleAnswer, IdlePrompt, Notice, Preferences, ProjectOption, Result, TagOption, TaskOption, TimerState, UserError, WorkspaceOption } from '../../shared/domain';
import { shortcutClashes, type ShortcutName } from '../../shared/accelerator';
import type { AppSettings, AppSettingsView, SettingsPatch, TimeZoneOverride } from '../../shared/settings';
import { toClockifyInstant } from '../../shared/time/wire-format';
import { isValidTimeZone, localDayBounds, localDaysSpan, localDayKey, paddedWallClockWindow, resolveTimeZone, zoneSuggestions } from '../../shared/time/zone';
import { ClockifyError } from '../clockify/errors';
import type { User, Workspace } from '../clockify/schemas';
import { AccountOutboxes } from './account-outboxes';
import { AccountService, activeAccountIdOf, type ClientFactory } from './account-service';
import { AccountCaches, EMPTY_CACHE, type AppCache, type CacheStore } from './cache-store';
import { emptyCatalog, fetchCatalog, fetchTasks } from './catalog-service';
import { CatalogEdits } from './catalog-edits';
import type { Clock } from './clock';
import { EntryStore } from './entry-store';
import type { ServerEntry } from './entry-model';
import type { ActivityEvidence } from './activity-log';
import { applyIdleOperations, draftOf, IdleWatcher, resolveIdlePrompt, type IdleCommand, type PowerSource } from './idle-policy';
import { formatClockTime } from '../../shared/time/clock-format';
import { TimerRescue } from './timer-rescue';
import { daysProblem, overlapping, readEntriesOfDays } from './day-history';
import type { JournalStore } from './journal';
import type { OutboxStatus } from './outbox';
import { Reconciler } from './reconciler';
import { fromClockify } from './server-entry';
import { EntryCopies } from './entry-copies';
import { projectsWithTasksToRead } from './task-prefetch';
import { rememberEntries, suggestionViews } from './description-history';
import { SwitchReturn } from './switch-return';
import { TimerService } from './timer-service';
import { MatonSetup, type MatonConnectionsApi, type MatonPlace } from './maton-setup';
import { timersInOtherAccounts } from './other-account-timers';
import type { SecretStore, SettingsStore } from './stores';
import { Favourites } from './favourites';
import { Pomodoro } from './pomodoro';
import type { FocusAction } from '../../shared/pomodoro';

export interface AppCoreOptions {
  readonly secrets: SecretStore;
  readonly settings: SettingsStore;
  readonly journal: JournalStore;
  readonly cache: CacheStore;
  readonly clock: Clock;
  readonly createClient: ClientFactory;
  readonly systemTimeZone: string;
  readonly environment: { readonly clockifyKey?: string; readonly matonKey?: string; readonly offsetHours?: number };
  readonly newId: () => string;
  /** How many days of entries the recent list holds (today included). */
  readonly recentDays?: number;
  /** See Outbox: how long a write whose answer was lost may still land (tests shorten it). */
  readonly uncertainGraceMs?: number;
  /** Sleep, lock, shutdown and idle time: with it the core asks about time spent away. */
  readonly power?: PowerSource;
  /** When the computer was last used, kept durably: with it the core asks about a forgotten timer. */
  readonly activity?: ActivityEvidence;
  /** The backoff's jitter (default Math.random); the fault suite seeds it so a run can be replayed. */
  readonly random?: () => number;
  /** Maton's connections API for a key (managing a Maton key's Clockify connections). */
  readonly matonConnections?: (place: MatonPlace, secret: string) => MatonConnectionsApi;
  /** Hands a URL to the system browser: the desktop's shell.openExternal; the web harness records it. */
  readonly openInBrowser?: (url: string) => Promise<void>;
  /** How long the person has to finish a Maton connection's OAuth in the browser (default 10 minutes). */
  readonly matonAddTimeoutMs?: number;
}

type Listener<T> = (value: T) => void;
const ok: Result<null> = { ok: true, value: null };

export class AppCore {
  private readonly account: AccountService;
  private readonly entries: EntryStore;
  private readonly outbox: AccountOutboxes;
  private readonly reconciler: Reconciler;
  private readonly timer: TimerService;
  private readonly switchReturn: SwitchReturn;
  private readonly copies: EntryCopies;
  private readonly idle: IdleWatcher | null;
  private readonly maton: MatonSetup;
  private readonly favourites: Favourites;
  private readonly edits: CatalogEdits;
  private readonly pomodoro: Pomodoro;
  private idlePrompt: IdlePrompt | null = null;
  private readonly rescue: TimerRescue | null;
  private readonly stopActivity: () => void;
  /** The active account's cache (what it last read from Clockify); every account's is in `caches`. */
  private cache: AppCache;
  private readonly caches: AccountCaches;
  /** The account `cache` belongs to. */
  private cacheOwner: string | null;
  private readonly stateListeners = new Set<Listener<AppSnapshot>>();
  private readonly noticeListeners = new Set<Listener<Notice>>();
  /** Notices raised before anyone listened (a corrupt file found while opening), kept for the first listener. */
  private unheardNotices: Notice[] = [];
  private readonly tickListeners = new Set<Listener<{ now: string }>>();
  private readonly settingsListeners = new Set<Listener<AppSettings>>();
  private shortcutProblems: Partial<Record<ShortcutName, string>> = {};
  private cancelTick: (() => void) | null = null;
  private emitQueued = false;
  private catalogVersion = 0;
  private refreshError: string | null = null;
  private online = true;
  private startupProblems: string[] = [];
  private cacheWrite: (() => void) | null = null;

  private constructor(private readonly options: AppCoreOptions) {
    this.account = new AccountService({
      secrets: options.secrets,
      settings: options.settings,
      createClient: options.createClient,
      environmentKeys: { clockify: options.environment.clockifyKey, maton: options.environment.matonKey },
    });
    this.cacheOwner = activeAccountIdOf(options.settings.get());
    this.caches = new AccountCaches(options.cache, this.cacheOwner);
    this.cache = this.caches.of(this.cacheOwner);
    const loaded = options.journal.load();
    if (loaded.status === 'corrupt') this.startupProblems.push(`The journal of unsent changes could not be read (${loaded.reason}); it was kept at ${loaded.keptAt}.`);
    if (options.settings.problem) this.startupProblems.push(options.settings.problem);
    this.entries = new EntryStore(options.journal, loaded.status === 'ok' ? loaded.value : { intents: [], ids: {} }, () => this.changed(), () => this.saveCache());
    this.outbox = new AccountOutboxes({
      entries: this.entries,
      clock: options.clock,
      activeAccount: () => this.account.session?.accountId ?? null,
      activeLink: () => this.apiContext(),
      linkOf: async (accountId) => {
        const linked = await this.account.clientOf(accountId);
        return linked.ok ? { ok: true, value: { api: linked.value.client, userId: linked.value.userId } } : linked;
      },
      onStatus: (accountId, status) => (accountId === this.account.session?.accountId ? this.outboxStatus(status) : this.changed()),
      uncertainGraceMs: options.uncertainGraceMs,
      random: options.random,
    });
    this.reconciler = new Reconciler({
      entries: this.entries,
      clock: options.clock,
      connection: () => {
        const context = this.apiContext();
        const workspaceId = this.workspaceId();
        return context && workspaceId ? { ...context, workspaceId } : null;
      },
      notify: (text) => this.notice('info', text),
      elsewhere: () => this.findTimersElsewhere(),
    });
    // An instant as the user reads times ("09:10", "9:10 AM"), for messages.
    const formatTime = (at: string) => formatClockTime(at, this.preferences().timeZone, this.preferences().timeFormat);
    this.timer = new TimerService({
      entries: this.entries,
      clock: options.clock,
      workspace: () => this.workspace(),
      send: () => void this.outbox.kick(),
      newId: options.newId,
      formatTime,
    });
    this.switchReturn = new SwitchReturn({
      entries: this.entries,
      timer: this.timer,
      clock: options.clock,
      workspaceId: () => this.workspaceId(),
      formatTime,
      tell: (level, text) => this.notice(level, text),
    });
    this.copies = new EntryCopies({
      entries: this.entries,
      timer: this.timer,
      clock: options.clock,
      timeZone: () => this.timeZone(),
      formatTime,
    });
    this.maton = new MatonSetup({
      connections: options.matonConnections ?? (() => unavailableMatonConnections),
      userOf: async (place, secret, connectionId) => {
        const user = await options.createClient({ kind: 'maton', ...place, connectionId }, secret, { quick: true }).getUser();
        return { name: user.name, email: user.email };
      },
      openInBrowser: options.openInBrowser ?? (() => Promise.reject(new Error('this build cannot open a browser'))),
      clock: options.clock,
      changed: () => this.changed(),
      notice: (level, text) => this.notice(level, text),
      inUse: () => {
        const connection = this.account.session?.connection;
        return connection?.kind === 'maton' ? (connection.connectionId ?? null) : null;
      },
      addTimeoutMs: options.matonAddTimeoutMs,
      hostOf: (place) => {
        try {
          return new URL(matonConnectionsUrl(place)).host;
        } catch {
          return 'Maton';
        }
      },
    });
    this.favourites = new Favourites({
      settings: options.settings,
      accountId: () => this.account.session?.accountId ?? null,
      workspaceId: () => this.workspaceId(),
      catalog: (workspaceId) => this.catalog(workspaceId),
      newId: options.newId,
      changed: () => this.changed(),
    });
    this.edits = new CatalogEdits({
      place: () => {
        const session = this.account.session;
        const workspace = this.workspace();
        return session && workspace ? { api: session.client, workspace } : null;
      },
      catalog: (workspaceId) => this.catalog(workspaceId),
      setCatalog: (catalog) => this.setCatalog(catalog),
      createFailed: (what, error) => this.createFailure(what, error),
      readFailed: (error) => this.clockifyFailure(error),
    });
    this.pomodoro = new Pomodoro({
      clock: options.clock,
      settings: () => options.settings.get().pomodoro,
      timer: () => this.timer.timer(),
      startTimer: (draft) => this.startTimer(draft),
      stopTimer: () => this.stopTimer(),
      projectActive: (projectId) => {
        const workspaceId = this.workspaceId();
        return workspaceId !== null && this.catalog(workspaceId).projects.some((project) => project.id === projectId);
      },
      notice: (level, text) => this.notice(level, text),
      changed: () => this.changed(),
    });
    this.idle = options.power
      ? new IdleWatcher({ source: options.power, clock: options.clock, settings: () => options.settings.get().idle, run: (command) => this.runIdleCommand(command), awayChanged: () => this.changed() })
      : null;
    this.rescue = options.activity ? new TimerRescue(options.activity) : null;
    this.stopActivity = options.activity?.onChange(() => this.changed()) ?? (() => undefined);
  }

  /** Opens the core from its stores: shows the cache at once, then refreshes in the background. */
  static async open(options: AppCoreOptions): Promise<AppCore> {
    const core = new AppCore(options);
    // Changes in a journal from before each named its account belong to the account active now.
    core.entries.setActiveAccount(activeAccountIdOf(options.settings.get()));
    const workspaceId = core.workspaceId();
    if (workspaceId) core.entries.restoreServer(core.cache.entries[workspaceId] ?? [], workspaceId);
    // The other accounts' entries as last read: a timer left running there stays known (one timer for the person).
    for (const other of options.settings.get().accounts) core.entries.restoreServerOf(other.id, Object.values(core.caches.of(other.id).entries).flat());
    await core.account.restore();
    for (const problem of core.startupProblems) core.notice('error', problem);
    if (core.account.session) void core.refreshAll();
    else void core.outbox.kick();
    return core;
  }

  // --- reading ---------------------------------------------------------------------------------

  snapshot(): AppSnapshot {
    const session = this.account.session;
    const workspaceId = this.workspaceId();
    const timer = this.timer.timer();
    const since = toClockifyInstant(this.recentSince(this.options.clock.now()));
    const record = session ? this.account.accounts.find((account) => account.id === session.accountId) : undefined;
    return {
      account: session
        ? {
            status: 'signed-in',
            // The account's record until its user is read (a switch while offline).
            userName: this.cache.user?.name ?? record?.userName ?? '',
            email: this.cache.user?.email ?? record?.email ?? '',
            connection: session.connection,
            keyStorage: session.keyStorage,
            keychainProblem: this.account.keychainProblem,
          }
        : { status: 'signed-out', envKeyAvailable: this.account.environmentKeyOffer, keychainProblem: this.account.keychainProblem },
      preferences: this.preferences(),
      workspaces: session ? this.cache.workspaces : [],
      workspaceId,
      timer,
      lastAway: this.lastAway(timer),
      recent: this.entries
        .view()
        .filter((entry) => entry.workspaceId === workspaceId && entry.end !== null && entry.start >= since),
      sync: {
        pending: this.entries.intents.filter((intent) => !intent.problem).length,
        online: this.online,
        attention: this.entries.intents
          .filter((intent) => intent.problem)
          .map((intent) => ({ intentId: intent.id, entryKey: intent.key, what: intent.kind, reason: intent.problem!.reason, status: intent.problem!.status })),
        lastError: this.outbox.statusOf(session?.accountId ?? null)?.lastError ?? this.refreshError,
        otherAccounts: this.outbox.waiting().flatMap((waiting) => {
          const record = this.account.accounts.find((account) => account.id === waiting.accountId);
          return [{ ...waiting, userName: record?.userName ?? '', email: record?.email ?? waiting.accountId }];
        }),
      },
      catalogVersion: this.catalogVersion,
      idlePrompt: this.idlePrompt,
      interruption: this.switchReturn.view(),
      suggestions: workspaceId ? suggestionViews(this.cache.history?.[workspaceId] ?? []) : [],
      matonSetup: this.maton.view(),
      accounts: this.account.accounts.map((account) => ({
        id: account.id,
        userName: account.userName,
        email: account.email,
        via: accountVia(account.connection),
        active: account.id === session?.accountId,
      })),
      favourites: session ? this.favourites.views() : [],
      pomodoro: session ? this.pomodoro.view() : null,
      otherAccountTimers: timersInOtherAccounts(this.entries, this.account.accounts, session?.accountId ?? null),
    };
  }

  /** The latest moment the user went away while the timer ran: seen by the idle watcher, or a long unused stretch. */
  private lastAway(timer: TimerState): string | null {
    if (timer.status !== 'running') return null;
    const seen = [this.idle?.lastAway ?? null, this.options.activity?.current.lastBreak?.from ?? null].filter((at): at is number => at !== null && at > Date.parse(timer.entry.start) && at < this.options.clock.now());
    return seen.length > 0 ? toClockifyInstant(new Date(Math.max(...seen))) : null;
  }

  catalog(workspaceId: string): Catalog {
    return this.cache.catalogs[workspaceId] ?? emptyCatalog(workspaceId);
  }

  settingsView(): AppSettingsView {
    const settings = this.options.settings.get();
    return { ...settings, effectiveTimeZone: this.timeZone(), idleUnavailable: this.options.power?.idleUnavailable ?? null, shortcutProblems: { ...this.shortcutProblems, ...shortcutClashes(settings.shortcuts) } };
  }

  /** The shell reports shortcuts the system refused (taken by another app, or not allowed here). */
  setShortcutProblems(problems: Partial<Record<ShortcutName, string>>): void {
    this.shortcutProblems = problems;
  }

  onSettings(listener: Listener<AppSettings>): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  onState(listener: Listener<AppSnapshot>): () => void {
    this.stateListeners.add(listener);
    return () => this.stateListeners.delete(listener);
  }

  onNotice(listener: Listener<Notice>): () => void {
    this.noticeListeners.add(listener);
    for (const notice of this.unheardNotices.splice(0)) listener(notice);
    return () => this.noticeListeners.delete(listener);
  }

  /**
   * A tick once a second for whoever shows seconds (the popover while it is open, a macOS tray
   * title); nothing runs while nobody listens or no timer runs.
   */
  onTick(listener: Listener<{ now: string }>): () => void {
    this.tickListeners.add(listener);
    this.scheduleTick();
    return () => {
      this.tickListeners.delete(listener);
      if (this.tickListeners.size === 0) this.stopTick();
    };
  }

  /** Counters for the benchmarks and the fault suite. */
  get outboxStats() {
    return this.outbox.stats;
  }

  /** Resolves when the outbox has nothing it can send right now. */
  settled(): Promise<void> {
    return this.outbox.idle();
  }

  // --- account ---------------------------------------------------------------------------------

  /** Signs in: the same account again (a new key), or another one, which becomes the active account. */
  async connect(connection: ConnectionConfig, secret: string): Promise<Result<{ userName: string }>> {
    const before = this.account.session?.accountId ?? null;
    this.saveCache(true);
    return this.afterConnect(await this.account.connect(connection, secret), before);
  }

  async connectWithEnvironmentKey(connection: ConnectionConfig): Promise<Result<{ userName: string }>> {
    const before = this.account.session?.accountId ?? null;
    this.saveCache(true);
    return this.afterConnect(await this.account.connectWithEnvironmentKey(connection), before);
  }

  /**
   * Makes another signed-in account the active one, online or not. The leaving account's pending
   * changes stay its own: its outbox sends them with its key, or holds them (visibly) until it can.
   * A timer running there keeps running (shown as such); starting one here stops it.
   */
  async switchAccount(accountId: string): Promise<Result<{ userName: string }>> {
    const session = this.account.session;
    const record = this.account.accounts.find((account) => account.id === accountId);
    if (!record) return fail('invalid', 'That account is no longer known: add it again.');
    if (session?.accountId === accountId) return { ok: true, value: { userName: record.userName } };
    this.saveCache(true);
    const activated = await this.account.activate(accountId);
    if (!activated.ok) {
      this.changed();
      return activated;
    }
    await this.enteredAnotherAccount(accountId);
    void this.refreshAll();
    return { ok: true, value: { userName: record.userName } };
  }

  /**
   * Signs out of the active account: its key leaves the keychain. Its pending changes are discarded
   * only when asked. Another signed-in account, if any, becomes the active one.
   */
  async signOut(discardPending: boolean): Promise<Result<null>> {
    const waiting = this.entries.intents.length;
    if (waiting > 0 && !discardPending) {
      return fail('pending', `${waiting} ${waiting === 1 ? 'change is' : 'changes are'} still waiting for Clockify. Wait until they are saved, or sign out and discard them.`);
    }
    this.reconciler.stop();
    await this.maton.close();
    const leaving = this.account.session?.accountId;
    await this.account.signOut();
    this.entries.clear();
    if (leaving) {
      this.outbox.forget(leaving);
      this.caches.drop(leaving);
    }
    this.entries.setActiveAccount(null);
    this.cancelCacheWrite();
    this.cacheOwner = null;
    this.cache = EMPTY_CACHE;
    this.changed();
    const next = this.account.accounts[0];
    if (next && (await this.account.activate(next.id)).ok) {
      await this.enteredAnotherAccount(next.id);
      void this.refreshAll();
    }
    return ok;
  }

  /**
   * Another account is active: nothing of the last one's cache or entries is shown; its own cache
   * shows at once (until the refresh), and the last one's changes wait for that account's outbox.
   */
  private async enteredAnotherAccount(accountId: string): Promise<void> {
    this.reconciler.stop();
    await this.maton.close();
    this.cancelCacheWrite();
    this.entries.setActiveAccount(accountId);
    this.cacheOwner = accountId;
    this.cache = this.caches.of(accountId);
    const workspaceId = this.workspaceId();
    if (workspaceId) this.entries.restoreServer(this.cache.entries[workspaceId] ?? [], workspaceId);
    this.online = this.outbox.statusOf(accountId)?.online ?? true;
    this.refreshError = null;
    this.catalogVersion++;
    this.saveCache(true);
    this.changed();
    void this.outbox.kick();
  }

  // --- Maton's connections ----------------------------------------------------------------------

  /**
   * Shows a Maton key's Clockify connections: the key typed in setup, else the signed-in Maton
   * account's key, else MATON_API_KEY. A key Maton refuses is said so and not kept.
   */
  async openMatonConnections(input: { secret?: string; gatewayUrl?: string; connectionsUrl?: string }): Promise<Result<null>> {
    const session = this.account.session;
    const signedInMaton = session?.connection.kind === 'maton' ? session.connection : null;
    const place: MatonPlace = input.secret || !signedInMaton
      ? { ...(input.gatewayUrl ? { gatewayUrl: input.gatewayUrl } : {}), ...(input.connectionsUrl ? { connectionsUrl: input.connectionsUrl } : {}) }
      : { ...(signedInMaton.gatewayUrl ? { gatewayUrl: signedInMaton.gatewayUrl } : {}), ...(signedInMaton.connectionsUrl ? { connectionsUrl: signedInMaton.connectionsUrl } : {}) };
    try {
      matonConnectionsUrl(place);
    } catch (error) {
      return { ok: false, error: { kind: 'invalid', field: 'baseUrl', message: (error as Error).message, status: null } };
    }
    const secret = input.secret?.trim() || (signedInMaton ? session!.secret : this.account.environmentMatonKey);
    if (!secret) return { ok: false, error: { kind: 'invalid', field: 'apiKey', message: 'Paste your Maton API key first.', status: null } };
    const result = await this.maton.start(place, secret);
    return !result.ok && result.error.kind === 'unauthorized' ? { ok: false, error: { ...result.error, field: 'apiKey' } } : result;
  }

  refreshMatonConnections(): Promise<Result<null>> {
    return this.maton.load();
  }

  addMatonConnection(): Promise<Result<null>> {
    return this.maton.add();
  }

  cancelMatonConnection(): Promise<Result<null>> {
    return this.maton.cancelAdd();
  }

  removeMatonConnection(connectionId: string): Promise<Result<null>> {
    return this.maton.remove(connectionId);
  }

  /**
   * Signs in with one of the listed connections: every gateway request then carries its
   * Maton-Connection. Changes still waiting for the current account hold the switch: they must not
   * go out through another account.
   */
  async useMatonConnection(connectionId: string): Promise<Result<{ userName: string }>> {
    const current = this.maton.current;
    if (!current) return fail('closed', 'Enter your Maton key first.');
    if (!this.maton.view()?.connections.some((c) => c.connectionId === connectionId)) return fail('invalid', 'That connection is not in the list any more: the list was read again.');
    const result = await this.connect({ kind: 'maton', ...current.place, connectionId }, current.secret);
    if (result.ok) await this.maton.close();
    return result;
  }

  closeMatonConnections(): Promise<void> {
    return this.maton.close();
  }

  // --- workspace and catalog -------------------------------------------------------------------

  async selectWorkspace(workspaceId: string): Promise<Result<null>> {
    if (!this.cache.workspaces.some((workspace) => workspace.id === workspaceId)) return fail('invalid', 'That workspace is not available to this account.');
    this.options.settings.update({ workspaceId });
    this.entries.restoreServer(this.cache.entries[workspaceId] ?? [], workspaceId);
    this.catalogVersion++;
    this.changed();
    const results = await Promise.all([this.refreshCatalog(), this.refreshEntries()]);
    void this.readTasksAhead();
    return results.find((result) => !result.ok) ?? ok;
  }

  /**
   * The tasks of the projects the recent entries use, read once in the background so that Continue
   * (which shows the entry's task) costs no lookup on the click. A failure here costs nothing: the
   * form asks again when it needs them.
   */
  private async readTasksAhead(): Promise<void> {
    const session = this.account.session;
    const workspaceId = this.workspaceId();
    if (!session || !workspaceId) return;
    for (const projectId of projectsWithTasksToRead(this.entries.view(), this.catalog(workspaceId))) {
      try {
        const tasks = await fetchTasks(session.client, workspaceId, projectId);
        if (this.workspaceId() !== workspaceId || this.account.session !== session) return;
        this.keepTasks(workspaceId, projectId, tasks);
      } catch {
        return;
      }
    }
  }

  private keepTasks(workspaceId: string, projectId: string, tasks: readonly TaskOption[]): void {
    const catalog = this.catalog(workspaceId);
    this.setCatalog({ ...catalog, tasks: { ...catalog.tasks, [projectId]: tasks } });
  }

  async tasks(workspaceId: string, projectId: string): Promise<Result<readonly TaskOption[]>> {
    const cached = this.cache.catalogs[workspaceId]?.tasks[projectId];
    if (cached) return { ok: true, value: cached };
    const session = this.account.session;
    if (!session) return fail('signed-out', 'Sign in first.');
    try {
      const tasks = await fetchTasks(session.client, workspaceId, projectId);
      this.keepTasks(workspaceId, projectId, tasks);
      return { ok: true, value: tasks };
    } catch (error) {
      return this.clockifyFailure(error);
    }
  }

  async refreshCatalog(): Promise<Result<null>> {
    const session = this.account.session;
    const workspaceId = this.workspaceId();
    if (!session || !workspaceId) return ok;
    try {
      this.setCatalog(await fetchCatalog(session.client, workspaceId, this.catalog(workspaceId), new Date(this.options.clock.now())));
      this.reachable();
      return ok;
    } catch (error) {
      return this.clockifyFailure(error);
    }
  }

  /** The workspace's active clients, for the Create project form. */
  clients(): Promise<Result<readonly ClientOption[]>> {
    return this.edits.clients();
  }

  createProject(input: { name: string; clientId: string | null; newClientName?: string; isPublic?: boolean }): Promise<Result<ProjectOption>> {
    return this.edits.createProject(input);
  }

  createTask(projectId: string, name: string): Promise<Result<TaskOption>> {
    return this.edits.createTask(projectId, name);
  }

  createTag(name: string): Promise<Result<TagOption>> {
    return this.edits.createTag(name);
  }

  unarchiveTag(tagId: string): Promise<Result<TagOption>> {
    return this.edits.unarchiveTag(tagId);
  }

  // --- the timer and entries -------------------------------------------------------------------

  /** Starts a timer now, or at `at` in the past (time away resumed from the moment the user came back). */
  startTimer(draft: EntryDraft, at?: string): Result<null> {
    return this.sayingWhatStopped(() => this.timer.start(draft, at));
  }

  /** Stops the running timer; an interruption's work comes back (switch and return). */
  stopTimer(): Result<null> {
    return this.switchReturn.stop();
  }

  /** Stops the running work and starts an interruption whose stop brings the work back. */
  startInterruption(draft: EntryDraft): Result<null> {
    return this.switchReturn.interrupt(draft);
  }

  /** "Switched to X at 10:30": the running entry ends at `at`, X runs from `at`. */
  switchTimerAt(draft: EntryDraft, at: string): Result<null> {
    return this.switchReturn.switchAt(draft, at);
  }

  continueEntry(key: string): Result<null> {
    return this.sayingWhatStopped(() => this.timer.continueEntry(key));
  }

  /** Stops the timer left running in another account, with that account's key. */
  stopTimerIn(accountId: string): Result<null> {
    const running = timersInOtherAccounts(this.entries, this.account.accounts, this.account.session?.accountId ?? null).find((timer) => timer.accountId === accountId);
    if (!running) return fail('invalid', `No timer is running in ${this.account.accounts.find((account) => account.id === accountId)?.email ?? 'that account'}.`);
    return this.timer.stopIn(accountId, running.entry);
  }

  /**
   * Starting stops the running timer; one in another workspace, or in another account (with its
   * own key), is stopped too, and the user is told: one timer runs at a time for the person.
   */
  private sayingWhatStopped(start: () => Result<null>): Result<null> {
    const before = this.timer.timer();
    const elsewhere = timersInOtherAccounts(this.entries, this.account.accounts, this.account.session?.accountId ?? null);
    const result = start();
    for (const other of result.ok ? elsewhere : []) {
      const stopped = this.timer.stopIn(other.accountId, other.entry);
      this.notice(stopped.ok ? 'info' : 'error', stopped.ok ? `The timer in ${other.email} (“${other.entry.description || 'no description'}”) was stopped: one timer runs at a time.` : `The timer in ${other.email} could not be stopped: ${stopped.error.message}`);
    }
    if (result.ok && before.status === 'running' && before.entry.workspaceId !== this.workspaceId()) {
      const name = this.cache.workspaces.find((workspace) => workspace.id === before.entry.workspaceId)?.name ?? 'another workspace';
      this.notice('info', `The timer in ${name} was stopped (“${before.entry.description || 'no description'}”): one timer runs at a time.`);
    }
    return result;
  }

  // --- favourites and the focus mode (electron/core/favourites.ts, pomodoro.ts) ---------------------

  /** Pins what an entry (the running one or one in the list) is about as a favourite. */
  addFavourite(entryKey: string): Result<null> {
    const entry = this.entries.find(entryKey);
    if (!entry) return fail('invalid', 'That entry is no longer in the recent list.');
    const added = this.favourites.add(entry);
    return added.ok ? ok : added;
  }

  /** Starts a favourite (by id, or its 1-based position); a running timer is stopped first, as with Continue. */
  startFavourite(which: string | number): Result<null> {
    const draft = this.favourites.draft(which);
    return draft.ok ? this.startTimer(draft.value) : draft;
  }

  moveFavourite(favouriteId: string, direction: 'up' | 'down'): Result<null> {
    return this.favourites.move(favouriteId, direction);
  }

  removeFavourite(favouriteId: string): Result<null> {
    return this.favourites.remove(favouriteId);
  }

  setFavouriteShortcut(favouriteId: string, shortcut: string): Result<null> {
    const result = this.favourites.setShortcut(favouriteId, shortcut);
    if (result.ok) for (const listener of this.settingsListeners) listener(this.options.settings.get());
    return result;
  }

  /** The active account's favourite shortcuts, for the shell to register. */
  favouriteShortcuts() {
    return this.favourites.shortcuts();
  }

  /** The shell reports the favourite shortcuts the system refused, by favourite id. */
  setFavouriteShortcutProblems(problems: Readonly<Record<string, string>>): void {
    this.favourites.setShortcutProblems(problems);
    this.changed();
  }

  /** Take a break, keep working, back to work, pause focus for this timer (a meeting), resume it. */
  focus(action: FocusAction): Result<null> {
    return this.pomodoro.act(action);
  }

  discardTimer(): Result<null> {
    return this.switchReturn.discard();
  }

  updateRunningEntry(draft: EntryDraft): Result<null> {
    return this.timer.updateRunning(draft);
  }

  /** Moves the running timer's start (a past instant, or the end of the entry before it). */
  moveRunningStart(at: string | 'last-entry-end'): Result<null> {
    const timer = this.timer.timer();
    const previous = timer.status === 'running' ? this.timer.previousEntry(timer.entry) : undefined;
    const result = this.timer.moveStart(at);
    const start = this.timer.timer();
    if (result.ok && previous?.end && start.status === 'running' && Date.parse(previous.end) > Date.parse(start.entry.start)) {
      const { timeZone, timeFormat } = this.preferences();
      this.notice('info', `“${previous.description || 'The previous entry'}” now ends at ${formatClockTime(start.entry.start, timeZone, timeFormat)}, where this timer starts: no overlap.`);
    }
    return result;
  }

  /** Stops the running timer at a moment that has passed. */
  stopTimerAt(at: string): Result<null> {
    return this.switchReturn.stop(at);
  }

  /** Runs the entry stopped last again (within a few minutes of its end): one entry, not two. */
  resumeEntry(key: string): Result<null> {
    return this.sayingWhatStopped(() => this.timer.resume(key));
  }

  addEntry(draft: EntryDraft, times: { start: string; end: string }): Result<null> {
    return this.timer.add(draft, times);
  }

  updateEntry(key: string, draft: EntryDraft, times: { start: string; end: string }): Result<null> {
    return this.timer.update(key, draft, times);
  }

  /** Two entries with the same fields, the first ending and the second beginning at `at`. */
  splitEntry(key: string, at: string): Result<null> {
    return this.copies.split(key, at);
  }

  /** A copy of a finished entry on another local day, at the same times of day. */
  duplicateEntry(key: string, dayKey: string): Result<null> {
    return this.copies.duplicate(key, dayKey);
  }

  deleteEntry(key: string): Result<null> {
    return this.timer.delete(key);
  }

  undoDeleteEntry(key: string): Result<null> {
    return this.timer.undoDelete(key);
  }

  endEntryAt(key: string, at: string): Result<null> {
    return this.timer.endEntryAt(key, at);
  }

  /** The user's answer to the question about time spent away (or about a forgotten timer). */
  answerIdlePrompt(promptId: string, answer: IdleAnswer): Result<null> {
    const prompt = this.idlePrompt;
    if (prompt?.id !== promptId) return fail('invalid', 'That question was already answered.');
    if (answer.kind === 'end-at') {
      const at = Date.parse(answer.at);
      const { timeZone, timeFormat } = this.preferences();
      if (at <= Date.parse(prompt.entryStart) || at > this.options.clock.now()) {
        return fail('invalid', `Choose an end after the entry began (${formatClockTime(prompt.entryStart, timeZone, timeFormat)}) and not later than now; nothing was changed.`);
      }
    }
    if (prompt.cause !== 'unused') {
      this.idle?.answer(promptId, answer);
      return ok;
    }
    const timer = this.timer.timer();
    if (timer.status !== 'running' || timer.entry.key !== prompt.entryKey) return fail('invalid', 'That timer is no longer running: nothing was changed.');
    const result = applyIdleOperations(this, resolveIdlePrompt(prompt, answer, this.options.clock.now(), draftOf(timer.entry)));
    if (!result.ok) return result;
    this.rescue?.answered(prompt.id);
    this.idlePrompt = null;
    this.changed();
    return ok;
  }

  /**
   * The entries of local days `fromDayKey`..`toDayKey` (both included) in the app's zone, read from
   * Clockify page by page, pending changes applied: the day view's older days, and any history.
   */
  async entriesOfDays(fromDayKey: string, toDayKey: string): Promise<Result<readonly EntryView[]>> {
    const problem = daysProblem(fromDayKey, toDayKey);
    if (problem) return fail('invalid', problem);
    const context = this.apiContext();
    const workspaceId = this.workspaceId();
    if (!context || !workspaceId) return fail('signed-out', 'Sign in and choose a workspace first.');
    const zone = this.timeZone();
    try {
      const server = await readEntriesOfDays(context.api, { workspaceId, userId: context.userId, fromDayKey, toDayKey, zone });
      this.reachable();
      this.remember(workspaceId, server);
      this.saveCache();
      // Changes made here and not yet sent count too (an entry added on that day a moment ago).
      const within = overlapping(localDaysSpan(fromDayKey, toDayKey, zone));
      return { ok: true, value: this.entries.viewOver(server).filter((entry) => entry.workspaceId === workspaceId && within(entry)) };
    } catch (error) {
      return { ok: false, error: toUserError(error) };
    }
  }

  discardChange(intentId: string): Result<null> {
    return this.timer.discardChange(intentId);
  }

  /** Sends what waits now and reads the server again. */
  async retrySync(): Promise<Result<null>> {
    // An account entered while offline has not loaded its user and workspaces yet: load it whole.
    if (this.account.session && (!this.cache.user || this.cache.workspaces.length === 0)) {
      await Promise.all([this.outbox.kick(), this.refreshAll()]);
      return this.refreshError ? fail('offline', this.refreshError) : ok;
    }
    await this.outbox.kick();
    const results = await Promise.all([this.refreshCatalog(), this.refreshEntries()]);
    return results.find((result) => !result.ok) ?? ok;
  }

  // --- the rest of the app tells the core what happens -------------------------------------------

  /** A window showed or hid: reconcile when one opens (at most every 15 s). */
  setWindowVisible(visible: boolean): void {
    this.reconciler.setVisible(visible);
  }

  /** Back from sleep or the network came back: send and reconcile now. */
  resumed(): void {
    // The focus mode's phase may have ended while the computer slept.
    this.changed();
    void this.outbox.kick();
    void this.reconciler.reconcile();
  }

  setTimeZone(timeZone: TimeZoneOverride): Result<null> {
    const result = this.updateSettings({ timeZone });
    return result.ok ? ok : result;
  }

  /** Changes settings; shortcuts that clash with each other are refused with the reason. */
  updateSettings(patch: SettingsPatch): Result<AppSettingsView> {
    if (patch.timeZone?.kind === 'zone' && !isValidTimeZone(patch.timeZone.zone)) {
      const suggestions = zoneSuggestions(patch.timeZone.zone);
      const hint = suggestions.length > 0 ? ` Did you mean ${suggestions.slice(0, -1).join(', ')}${suggestions.length > 1 ? ' or ' : ''}${suggestions.at(-1)}?` : ' Write a zone such as Europe/Berlin or America/New_York.';
      return { ok: false, error: { kind: 'invalid', message: `“${patch.timeZone.zone}” is not a time zone.${hint}`, status: null } };
    }
    if (patch.shortcuts) {
      // Said from the side of the shortcut being changed: "Same keys as <the other one>".
      const clashes = shortcutClashes(patch.shortcuts);
      const current = this.options.settings.get().shortcuts;
      const changed = (Object.keys(clashes) as ShortcutName[]).find((name) => patch.shortcuts![name] !== current[name]);
      const clash = changed ? clashes[changed] : Object.values(clashes)[0];
      if (clash) return fail('invalid', clash);
    }
    const settings = this.options.settings.update(patch);
    for (const listener of this.settingsListeners) listener(settings);
    this.changed();
    return { ok: true, value: this.settingsView() };
  }

  close(): void {
    void this.maton.close();
    this.outbox.close();
    this.reconciler.stop();
    this.idle?.dispose();
    this.pomodoro.dispose();
    this.stopActivity();
    this.stopTick();
    this.cacheWrite?.();
    this.saveCache(true);
  }

  // --- internals -------------------------------------------------------------------------------

  private async afterConnect(result: Awaited<ReturnType<AccountService['connect']>>, before: string | null): Promise<Result<{ userName: string }>> {
    if (!result.ok) return result;
    const { user, session } = result.value;
    // Another account (its own workspace and settings came with it), or the same one with a new key.
    this.outbox.forget(session.accountId);
    if (before !== session.accountId) await this.enteredAnotherAccount(session.accountId);
    else if (this.cache.user && this.cache.user.id !== user.id) this.cache = { ...EMPTY_CACHE };
    this.setUser(user);
    this.changed();
    await this.refreshAll(user);
    return { ok: true, value: { userName: user.name } };
  }

  /** User, workspaces, then the chosen workspace's catalog and entries; then keeps reconciling. */
  private async refreshAll(knownUser?: User): Promise<void> {
    const session = this.account.session;
    if (!session) return;
    try {
      const [user, workspaces] = await Promise.all([knownUser ?? session.client.getUser(), session.client.listWorkspaces()]);
      this.setUser(user);
      const admin = await workspaceAdminships(session.client, workspaces, user.email);
      this.cache = { ...this.cache, workspaces: workspaces.map((workspace) => toWorkspaceOption(workspace, admin.get(workspace.id) ?? false)) };
      const saved = this.options.settings.get().workspaceId;
      const chosen = [saved, user.defaultWorkspace, user.activeWorkspace, workspaces[0]?.id].find((id) => id && workspaces.some((w) => w.id === id));
      if (chosen && chosen !== saved) {
        this.options.settings.update({ workspaceId: chosen });
        this.entries.restoreServer(this.cache.entries[chosen] ?? [], chosen);
      }
      this.reachable();
      this.saveCache();
      this.changed();
    } catch (error) {
      this.clockifyFailure(error);
      this.reconciler.start();
      // Other accounts' changes do not wait for this one's load (their outboxes back off on their own).
      void this.outbox.kick();
      return;
    }
    await Promise.all([this.refreshCatalog(), this.refreshEntries(), this.findTimersElsewhere()]);
    void this.readTasksAhead();
    void this.outbox.kick();
    this.reconciler.start();
  }

  /**
   * A timer running in another workspace (left there, or started on the web): read per other
   * workspace when the account is loaded and then on the reconciler's schedule, so the popover and the tray can say so.
   */
  private async findTimersElsewhere(): Promise<void> {
    const session = this.account.session;
    const userId = this.cache.user?.id;
    const here = this.workspaceId();
    if (!session || !userId) return;
    const others = this.cache.workspaces.filter((workspace) => workspace.id !== here);
    await Promise.all(
      others.map(async (workspace) => {
        try {
          const running = await session.client.getRunningEntry(workspace.id, userId);
          const known = this.entries.serverEntries().find((entry) => entry.workspaceId === workspace.id && entry.end === null);
          if (running) this.entries.applyServer({ entry: fromClockify(running) });
          if (known && known.id !== running?.id) this.entries.applyServer({ deletedId: known.id });
        } catch {
          // Not knowing about another workspace's timer changes nothing here; the next load asks again.
        }
      }),
    );
  }

  /** Re-reads the recent entries (the running one among them). */
  private async refreshEntries(): Promise<Result<null>> {
    const session = this.account.session;
    const workspaceId = this.workspaceId();
    const userId = this.cache.user?.id;
    if (!session || !workspaceId || !userId) return ok;
    const startedAt = this.options.clock.now();
    const zone = this.timeZone();
    const first = this.recentSince(startedAt);
    try {
      const window = paddedWallClockWindow(localDayKey(first, zone), localDayKey(new Date(startedAt), zone));
      const entries = (await session.client.listMyTimeEntries(workspaceId, userId, window)).map(fromClockify).filter((entry) => entry.end === null || Date.parse(entry.end) >= first.getTime());
      if (this.workspaceId() !== workspaceId) return ok;
      this.entries.replaceServer(entries, startedAt, workspaceId);
      this.reachable();
      this.saveCache();
      return ok;
    } catch (error) {
      return this.clockifyFailure(error);
    }
  }

  /** Where the recent list begins: local midnight, `recentDays` days back (today included). */
  private recentSince(now: number): Date {
    return localDayBounds(new Date(now - ((this.options.recentDays ?? 7) - 1) * 86_400_000), this.timeZone()).start;
  }

  private apiContext() {
    const session = this.account.session;
    const userId = this.cache.user?.id;
    return session && userId ? { api: session.client, userId } : null;
  }

  private workspaceId(): string | null {
    return this.options.settings.get().workspaceId;
  }

  private workspace(): WorkspaceOption | null {
    const id = this.workspaceId();
    return this.cache.workspaces.find((workspace) => workspace.id === id) ?? null;
  }

  private timeZone(): string {
    return resolveTimeZone(this.options.settings.get().timeZone, this.options.systemTimeZone, this.options.environment.offsetHours);
  }

  private preferences(): Preferences {
    const user = this.cache.user;
    return {
      timeZone: this.timeZone(),
      timeFormat: user?.timeFormat === 'HOUR12' ? 'HOUR12' : 'HOUR24',
      weekStart: (user?.weekStart as Preferences['weekStart'] | null) ?? 'MONDAY',
      dateOrder: dateOrderOf(user?.dateFormat),
    };
  }

  private setUser(user: User): void {
    this.account.remember(user);
    this.cache = {
      ...this.cache,
      user: {
        id: user.id,
        name: user.name,
        email: user.email,
        timeZone: user.settings?.timeZone ?? null,
        timeFormat: user.settings?.timeFormat ?? null,
        weekStart: user.settings?.weekStart ?? null,
        dateFormat: user.settings?.dateFormat ?? null,
        defaultWorkspace: user.defaultWorkspace ?? user.activeWorkspace,
      },
    };
  }

  private setCatalog(catalog: Catalog): void {
    this.cache = { ...this.cache, catalogs: { ...this.cache.catalogs, [catalog.workspaceId]: catalog } };
    if (catalog.workspaceId === this.workspaceId()) this.catalogVersion++;
    this.saveCache();
    this.changed();
  }

  private outboxStatus(status: OutboxStatus): void {
    this.online = status.online;
    if (status.unauthorized) this.notice('error', 'Clockify no longer accepts the saved key: choose "Change key" and connect with a new one. Unsent changes are kept and sent then.');
    this.changed();
  }

  private reachable(): void {
    if (this.online && this.refreshError === null) return;
    this.online = true;
    this.refreshError = null;
    this.changed();
  }

  /**
   * A create (project, client, task, tag) the user asked for failed: said in the form that asked, in
   * Clockify's words, never left behind as the sync banner (nothing is waiting to be sent).
   */
  private createFailure(what: string, error: unknown): { ok: false; error: UserError } {
    if (!(error instanceof ClockifyError) || (error.kind !== 'rejected' && error.kind !== 'forbidden')) {
      if (error instanceof ClockifyError && (error.kind === 'network' || error.kind === 'timeout')) {
        this.online = false;
        this.changed();
      }
      return { ok: false, error: toUserError(error) };
    }
    const said = error.serverMessage ? `: ${error.serverMessage.replace(/\.?$/, '.')}` : '.';
    return { ok: false, error: { kind: error.kind, message: `Clockify did not ${what}${said}`, status: error.status ?? null } };
  }

  private clockifyFailure(error: unknown): { ok: false; error: UserError } {
    const result = toUserError(error);
    if (error instanceof ClockifyError && (error.kind === 'network' || error.kind === 'timeout')) this.online = false;
    this.refreshError = result.message;
    this.changed();
    return { ok: false, error: result };
  }

  /** Writes the active account's cache soon after a change, once for a burst of changes. */
  private saveCache(now = false): void {
    const write = () => {
      this.cancelCacheWrite();
      const workspaceId = this.workspaceId();
      const own = this.entries.serverEntries().filter((entry) => entry.workspaceId === workspaceId);
      const entries = workspaceId ? { ...this.cache.entries, [workspaceId]: own } : this.cache.entries;
      this.cache = { ...this.cache, entries };
      if (workspaceId) this.remember(workspaceId, own);
      this.caches.keep(this.cacheOwner, this.cache);
      // Other accounts' entries change too (their outboxes confirm changes): their caches follow.
      for (const [accountId, server] of this.entries.otherAccountsServer()) {
        const cache = this.caches.of(accountId);
        if (cache !== EMPTY_CACHE) this.caches.keep(accountId, { ...cache, entries: byWorkspace(server) });
      }
      this.caches.write();
    };
    if (now) return write();
    if (this.cacheWrite) return;
    this.cacheWrite = this.options.clock.setTimeout(write, 500);
  }

  private cancelCacheWrite(): void {
    this.cacheWrite?.();
    this.cacheWrite = null;
  }

  /** Keeps the descriptions of entries read from the server for suggestions (the whole known history). */
  private remember(workspaceId: string, seen: readonly ServerEntry[]): void {
    const before = this.cache.history?.[workspaceId] ?? [];
    const after = rememberEntries(before, seen);
    if (JSON.stringify(after) === JSON.stringify(before)) return;
    this.cache = { ...this.cache, history: { ...this.cache.history, [workspaceId]: after } };
    this.changed();
  }

  private notice(level: Notice['level'], text: string): void {
    const notice: Notice = { id: this.options.newId(), level, text };
    if (this.noticeListeners.size === 0) this.unheardNotices.push(notice);
    for (const listener of this.noticeListeners) listener(notice);
  }

  private runIdleCommand(command: IdleCommand): void {
    switch (command.kind) {
      case 'prompt':
        if (this.idlePrompt?.id !== command.prompt.id) {
          this.notice('warning', `You were away while "${command.prompt.entryDescription || 'your timer'}" ran: open the app to keep or discard that time.`);
        }
        // One prompt: the watcher's replaces a rescue question, which comes back afterwards unless this covers it.
        this.idlePrompt = command.prompt;
        this.rescue?.awayAsked(command.prompt);
        break;
      case 'close-prompt':
        if (this.idlePrompt?.id === command.promptId) this.idlePrompt = null;
        break;
      case 'stop': {
        const result = this.timer.endEntryAt(command.entryKey, command.at);
        const why = { sleep: 'the computer went to sleep', lock: 'the screen was locked', shutdown: 'the computer shut down' }[command.reason];
        this.notice(result.ok ? 'info' : 'error', result.ok ? `The timer was stopped when ${why}.` : `The timer could not be stopped when ${why}: ${result.error.message}`);
        break;
      }
      case 'apply': {
        const result = applyIdleOperations(this, command.operations);
        if (!result.ok) this.notice('error', `Your answer could not be carried out completely: ${result.error.message}`);
        break;
      }
    }
    this.changed();
  }

  /** The rescue question in the shared prompt: only when no other question is on the screen. */
  private askAboutForgottenTimer(running: EntryView | null): void {
    if (!this.rescue) return;
    const { timeZone, timeFormat } = this.preferences();
    const found = this.rescue.question(running, (at) => formatClockTime(at, timeZone, timeFormat));
    const shown = this.idlePrompt;
    // The timer was stopped or changed elsewhere: the question about it is gone.
    if (shown?.cause === 'unused' && shown.id !== found?.prompt.id) this.idlePrompt = null;
    if (!found) return;
    if (this.idlePrompt === null) this.notice('warning', `${found.text} Open the app to answer.`);
    if (this.idlePrompt === null || this.idlePrompt.id === found.prompt.id) this.idlePrompt = found.prompt;
  }

  private scheduleTick(): void {
    if (this.cancelTick || this.tickListeners.size === 0 || this.timer.timer().status !== 'running') return;
    const now = this.options.clock.now();
    this.cancelTick = this.options.clock.setTimeout(() => {
      this.cancelTick = null;
      const tick = { now: new Date(this.options.clock.now()).toISOString() };
      for (const listener of this.tickListeners) listener(tick);
      this.scheduleTick();
    }, 1000 - (now % 1000));
  }

  private stopTick(): void {
    this.cancelTick?.();
    this.cancelTick = null;
  }

  /** Publishes one snapshot for a burst of changes. */
  private changed(): void {
    this.scheduleTick();
    if (this.emitQueued) return;
    this.emitQueued = true;
    queueMicrotask(() => {
      this.emitQueued = false;
      const timer = this.timer.timer();
      const running = timer.status === 'running' ? timer.entry : null;
      this.idle?.timerChanged(running);
      this.pomodoro.timerChanged();
      this.askAboutForgottenTimer(running);
      if (this.stateListeners.size === 0) return;
      const snapshot = this.snapshot();
      for (const listener of this.stateListeners) listener(snapshot);
    });
  }
}

/** How an account reaches Clockify, in a word or two: "Maton", "Global", "EU", a custom host. */
function accountVia(connection: ConnectionConfig): string {
  if (connection.kind === 'maton') return 'Maton';
  if (connection.server !== 'custom') return CLOCKIFY_SERVERS[connection.server].label;
  try {
    return new URL(connection.baseUrl).host;
  } catch {
    return 'custom server';
  }
}

function byWorkspace(entries: readonly ServerEntry[]): Record<string, ServerEntry[]> {
  const groups: Record<string, ServerEntry[]> = {};
  for (const entry of entries) (groups[entry.workspaceId] ??= []).push(entry);
  return groups;
}

/** Where no connections API is wired (benchmarks): every call says so. */
const unavailableMatonConnections: MatonConnectionsApi = {
  list: () => Promise.reject(new Error("Maton's connections cannot be managed in this build")),
  create: () => Promise.reject(new Error("Maton's connections cannot be managed in this build")),
  get: () => Promise.reject(new Error("Maton's connections cannot be managed in this build")),
  remove: () => Promise.reject(new Error("Maton's connections cannot be managed in this build")),
};

function fail(kind: string, message: string): { ok: false; error: UserError } {
  return { ok: false, error: { kind, message, status: null } };
}

export function toUserError(error: unknown): UserError {
  if (error instanceof ClockifyError) return { kind: error.kind, message: error.userMessage, status: error.status ?? null };
  return { kind: 'unknown', message: `Something went wrong: ${error instanceof Error ? error.message : String(error)}`, status: null };
}

/**
 * Which workspaces this user administers, asked only of those that keep creating for admins (no
 * request otherwise). A failed answer counts as "not an admin": the create action is hidden, which
 * Clockify would refuse anyway if that were wrong the other way.
 */
async function workspaceAdminships(client: { isWorkspaceAdmin(workspaceId: string, email: string): Promise<boolean> }, workspaces: readonly Workspace[], email: string): Promise<Map<string, boolean>> {
  const restricted = workspaces.filter(({ workspaceSettings: s }) => s.onlyAdminsCreateProject || s.onlyAdminsCreateTag || s.onlyAdminsCreateTask);
  const answers = await Promise.all(restricted.map((workspace) => client.isWorkspaceAdmin(workspace.id, email).catch(() => false)));
  return new Map(restricted.map((workspace, i) => [workspace.id, answers[i]!]));
}

function toWorkspaceOption(workspace: Workspace, admin: boolean): WorkspaceOption {
  const settings = workspace.workspaceSettings;
  return {
    id: workspace.id,
    name: workspace.name,
    rules: {
      forceProjects: settings.forceProjects,
      forceTasks: settings.forceTasks,
      forceTags: settings.forceTags,
      forceDescription: settings.forceDescription,
      onlyAdminsCreateProject: settings.onlyAdminsCreateProject,
      onlyAdminsCreateTag: settings.onlyAdminsCreateTag,
      onlyAdminsCreateTask: settings.onlyAdminsCreateTask,
    },
    mayCreate: {
      project: admin || !settings.onlyAdminsCreateProject,
      tag: admin || !settings.onlyAdminsCreateTag,
      task: admin || !settings.onlyAdminsCreateTask,
    },
  };
}

/** Clockify's `dateFormat` (DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY, YYYY-MM-DD …) → whether 30/11 is day first. Clockify's default is month first. */
export function dateOrderOf(dateFormat: string | null | undefined): Preferences['dateOrder'] {
  const format = (dateFormat ?? '').toUpperCase();
  const day = format.indexOf('D');
  const month = format.indexOf('M');
  return day >= 0 && month >= 0 && day < month ? 'day-first' : 'month-first';
}
