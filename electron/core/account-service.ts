// Who the app talks to Clockify as. The key is checked with GET /user before it is stored; it is
// stored in the OS keychain, or, where there is none, kept in memory for this run only (never in a
// file). It leaves this module only inside the Clockify client's request headers.
import type { ClockifyServer, ConnectionConfig } from '../../shared/connection';
import { CLOCKIFY_SERVERS, connectionAccount, connectionBaseUrl, normalizeBaseUrl } from '../../shared/connection';
import type { KeyStorage, Result, UserError } from '../../shared/domain';
import type { AccountRecord, AppSettings } from '../../shared/settings';
import type { ClockifyClient } from '../clockify/client';
import { ClockifyError } from '../clockify/errors';
import type { User } from '../clockify/schemas';
import type { SecretStore, SettingsStore } from './stores';

/** Makes a client for a connection; `quick` clients do not retry (checking a key should answer at once). */
export type ClientFactory = (connection: ConnectionConfig, secret: string, options?: { quick?: boolean }) => ClockifyClient;

export interface Session {
  /** The account's id: the name of its key in the keychain. */
  readonly accountId: string;
  readonly connection: ConnectionConfig;
  readonly client: ClockifyClient;
  readonly keyStorage: KeyStorage;
  /** The key, in main's memory only (managing a Maton key's connections needs it). */
  readonly secret: string;
}

export interface AccountDeps {
  readonly secrets: SecretStore;
  readonly settings: SettingsStore;
  readonly createClient: ClientFactory;
  /** Keys offered from the environment on first run (CLOCKIFY_API_KEY, MATON_API_KEY). */
  readonly environmentKeys: { readonly clockify?: string; readonly maton?: string };
}

/** Settings that are per account: saved with the account it leaves, restored with the one it enters. */
export type AccountSettings = Pick<AccountRecord, 'workspaceId' | 'defaultProject'>;

export class AccountService {
  private current: Session | null = null;
  private problem: string | null = null;
  /** Keys of accounts whose keychain save failed: kept for this run only, never in a file. */
  private readonly memoryKeys = new Map<string, string>();

  constructor(private readonly deps: AccountDeps) {}

  get session(): Session | null {
    return this.current;
  }

  /** Why the keychain could not be used, in words, or null. */
  get keychainProblem(): string | null {
    return this.problem;
  }

  /** Which environment key can be offered: only while nothing is stored and nobody is signed in. */
  get environmentKeyOffer(): 'clockify' | 'maton' | null {
    if (this.current) return null;
    if (this.deps.environmentKeys.clockify) return 'clockify';
    return this.deps.environmentKeys.maton ? 'maton' : null;
  }

  /** At start-up: the saved connection and its key from the keychain. No request is made. */
  async restore(): Promise<Session | null> {
    const settings = this.deps.settings.get();
    const connection = settings.connection;
    if (!connection) return null;
    const accountId = activeAccountIdOf(settings)!;
    try {
      const secret = await this.deps.secrets.get(accountId);
      if (secret) this.current = { accountId, connection, client: this.deps.createClient(connection, secret), keyStorage: this.deps.secrets.kind, secret };
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
    return this.current;
  }

  /** Every account signed in to, the active one included. */
  get accounts(): readonly AccountRecord[] {
    return this.deps.settings.get().accounts;
  }

  /**
   * Makes another known account the active one: its key from the keychain (or this run's memory),
   * its connection and its settings; the leaving account keeps its own settings.
   */
  async activate(accountId: string): Promise<Result<Session>> {
    const record = this.accounts.find((account) => account.id === accountId);
    if (!record) return failure({ kind: 'invalid', status: null, message: 'That account is no longer known: add it again.' });
    const read = await this.secretOf(record);
    if (!read.ok) return read;
    const secret = read.value;
    this.saveLeavingSettings();
    this.deps.settings.update({ connection: record.connection, activeAccountId: record.id, workspaceId: record.workspaceId, defaultProject: record.defaultProject });
    this.current = { accountId, connection: record.connection, client: this.deps.createClient(record.connection, secret), keyStorage: this.memoryKeys.has(accountId) ? 'memory' : this.deps.secrets.kind, secret };
    return { ok: true, value: this.current };
  }

  /**
   * A client for a known account that need not be the active one (its changes still waiting), made
   * from its own keychain entry and connection, and its user's id.
   */
  async clientOf(accountId: string): Promise<Result<{ client: ClockifyClient; userId: string }>> {
    const record = this.accounts.find((account) => account.id === accountId);
    if (!record) return failure({ kind: 'invalid', status: null, message: 'That account is no longer known: add it again.' });
    if (this.current?.accountId === accountId) return { ok: true, value: { client: this.current.client, userId: record.userId } };
    const read = await this.secretOf(record);
    return read.ok ? { ok: true, value: { client: this.deps.createClient(record.connection, read.value), userId: record.userId } } : read;
  }

  /** An account's key: this run's memory (no keychain), else its keychain entry. */
  private async secretOf(record: AccountRecord): Promise<Result<string>> {
    let secret: string | null = this.memoryKeys.get(record.id) ?? null;
    try {
      secret ??= await this.deps.secrets.get(record.id);
    } catch (error) {
      return failure({ kind: 'keychain', status: null, message: `The key of ${record.email} could not be read: ${error instanceof Error ? error.message : String(error)}` });
    }
    if (!secret) return failure({ kind: 'unauthorized', status: null, message: `The key of ${record.email} is no longer stored: add the account again with its key.` });
    return { ok: true, value: secret };
  }

  /** The account a key and connection would be: the known one for this user, or a new key name. */
  private accountIdFor(connection: ConnectionConfig, userId: string): string {
    const known = this.accounts.find((account) => account.userId === userId && connectionAccount(account.connection) === connectionAccount(connection));
    if (known) return known.id;
    const base = connectionAccount(connection);
    // The first account of a connection keeps the name keys had before several accounts.
    return this.accounts.some((account) => account.id === base) ? `${base}@${userId}` : base;
  }

  /** The active account's per-account settings go back into its record (before it is left, or its record rewritten). */
  private saveLeavingSettings(): void {
    const settings = this.deps.settings.get();
    const leaving = this.current?.accountId;
    if (!leaving) return;
    this.deps.settings.update({ accounts: settings.accounts.map((account) => (account.id === leaving ? { ...account, workspaceId: settings.workspaceId, defaultProject: settings.defaultProject } : account)) });
  }

  /**
   * Checks the key with GET /user, then stores it as an account (a known one for the same user and
   * connection, else a new one) and makes it active. A rejected key is not stored.
   */
  async connect(connection: ConnectionConfig, secret: string): Promise<Result<{ session: Session; user: User }>> {
    try {
      if (connection.kind === 'clockify' && connection.server === 'custom') normalizeBaseUrl(connection.baseUrl);
      if (connection.kind === 'maton' && connection.gatewayUrl) normalizeBaseUrl(connection.gatewayUrl);
      if (connection.kind === 'maton' && connection.connectionsUrl) normalizeBaseUrl(connection.connectionsUrl);
    } catch (error) {
      return failure({ kind: 'invalid', field: 'baseUrl', status: null, message: (error as Error).message });
    }
    const key = secret.trim();
    let user: User;
    try {
      user = await this.deps.createClient(connection, key, { quick: true }).getUser();
    } catch (error) {
      return failure(await this.explainRejectedKey(connection, key, error));
    }
    const accountId = this.accountIdFor(connection, user.id);
    let keyStorage: KeyStorage = this.deps.secrets.kind;
    try {
      await this.deps.secrets.set(accountId, key);
      this.memoryKeys.delete(accountId);
      this.problem = null;
    } catch (error) {
      // No keychain: keep the key for this run only. Never a file.
      keyStorage = 'memory';
      this.memoryKeys.set(accountId, key);
      this.problem = `${error instanceof Error ? error.message : String(error)}. The key is kept in memory until the app quits.`;
    }
    this.saveLeavingSettings();
    const known = this.accounts.find((account) => account.id === accountId);
    const record: AccountRecord = {
      id: accountId,
      connection,
      userId: user.id,
      userName: user.name,
      email: user.email,
      workspaceId: known?.workspaceId ?? null,
      defaultProject: known?.defaultProject ?? { kind: 'last-used' },
    };
    const entering = this.current?.accountId !== accountId;
    this.deps.settings.update({
      connection,
      activeAccountId: accountId,
      accounts: known ? this.accounts.map((account) => (account.id === accountId ? record : account)) : [...this.accounts, record],
      ...(entering ? { workspaceId: record.workspaceId, defaultProject: record.defaultProject } : {}),
    });
    this.current = { accountId, connection, client: this.deps.createClient(connection, key), keyStorage, secret: key };
    return { ok: true, value: { session: this.current, user } };
  }

  /** MATON_API_KEY from the environment, for managing connections; it never leaves main. */
  get environmentMatonKey(): string | undefined {
    return this.deps.environmentKeys.maton;
  }

  /** Keeps the active account's user in its record (and makes a record for settings from before several accounts). */
  remember(user: Pick<User, 'id' | 'name' | 'email'>): void {
    const session = this.current;
    if (!session) return;
    const settings = this.deps.settings.get();
    const known = settings.accounts.find((account) => account.id === session.accountId);
    if (known && known.userName === user.name && known.email === user.email && known.userId === user.id) return;
    const record: AccountRecord = known
      ? { ...known, userId: user.id, userName: user.name, email: user.email }
      : { id: session.accountId, connection: session.connection, userId: user.id, userName: user.name, email: user.email, workspaceId: settings.workspaceId, defaultProject: settings.defaultProject };
    this.deps.settings.update({ activeAccountId: session.accountId, accounts: known ? settings.accounts.map((account) => (account.id === record.id ? record : account)) : [...settings.accounts, record] });
  }

  /** Connects with the key from the environment; it never leaves main. */
  connectWithEnvironmentKey(connection: ConnectionConfig): Promise<Result<{ session: Session; user: User }>> {
    const key = connection.kind === 'maton' ? this.deps.environmentKeys.maton : this.deps.environmentKeys.clockify;
    if (!key) {
      const variable = connection.kind === 'maton' ? 'MATON_API_KEY' : 'CLOCKIFY_API_KEY';
      return Promise.resolve(failure({ kind: 'invalid', field: 'apiKey', status: null, message: `${variable} is not set: paste the key instead.` }));
    }
    return this.connect(connection, key);
  }

  /** Removes the active account's key from the keychain and forgets the account; the others stay. */
  async signOut(): Promise<void> {
    const settings = this.deps.settings.get();
    const accountId = this.current?.accountId ?? activeAccountIdOf(settings);
    this.current = null;
    this.deps.settings.update({ connection: null, workspaceId: null, activeAccountId: null, accounts: settings.accounts.filter((account) => account.id !== accountId) });
    if (!accountId) return;
    this.memoryKeys.delete(accountId);
    try {
      await this.deps.secrets.delete(accountId);
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
  }

  private async explainRejectedKey(connection: ConnectionConfig, key: string, error: unknown): Promise<UserError> {
    if (!(error instanceof ClockifyError)) return { kind: 'unknown', status: null, message: `Connecting failed: ${String(error)}` };
    const said = error.serverMessage ? ` Clockify said: "${error.serverMessage}".` : '';
    const status = error.status ?? null;
    if (error.kind === 'network' || error.kind === 'timeout') {
      return {
        kind: 'offline',
        status,
        field: connection.kind === 'clockify' && connection.server === 'custom' ? 'baseUrl' : undefined,
        message: `Cannot reach ${hostOf(connection)}: check your network connection${connection.kind === 'clockify' && connection.server === 'custom' ? ' and the server URL' : ''}, then connect again.`,
      };
    }
    if (error.kind !== 'unauthorized') return { kind: error.kind, status, message: error.userMessage };
    if (connection.kind === 'maton') {
      return { kind: 'unauthorized', status, field: 'apiKey', message: `The Maton gateway did not accept this key (${status}).${said} Copy your key again from maton.ai and connect.` };
    }
    const rightServer = connection.server === 'custom' ? null : await this.findServerFor(key, connection.server);
    if (rightServer) {
      return {
        kind: 'wrong-server',
        status,
        field: 'apiKey',
        message: `This key belongs to the ${CLOCKIFY_SERVERS[rightServer].label} server, not ${CLOCKIFY_SERVERS[connection.server as Exclude<ClockifyServer, 'custom'>].label}: choose ${CLOCKIFY_SERVERS[rightServer].label} and connect again.`,
      };
    }
    return {
      kind: 'unauthorized',
      status,
      field: 'apiKey',
      message: `Clockify did not accept this key (${status}).${said} Copy it again from Clockify (Preferences → Advanced → API keys), and check the server matches your account's region.`,
    };
  }

  /** Keys are per region: a key refused by one server may belong to another. Asks the others once. */
  private async findServerFor(key: string, tried: Exclude<ClockifyServer, 'custom'>): Promise<Exclude<ClockifyServer, 'custom'> | null> {
    const others = (Object.keys(CLOCKIFY_SERVERS) as Exclude<ClockifyServer, 'custom'>[]).filter((server) => server !== tried);
    const answers = await Promise.all(
      others.map(async (server) => {
        try {
          await this.deps.createClient({ kind: 'clockify', server }, key, { quick: true }).getUser();
          return server;
        } catch {
          return null;
        }
      }),
    );
    return answers.find((server) => server !== null) ?? null;
  }
}

/** The account the settings make active. Settings from before several accounts named none: the key is under the connection's name. */
export function activeAccountIdOf(settings: Pick<AppSettings, 'activeAccountId' | 'connection'>): string | null {
  return settings.activeAccountId ?? (settings.connection ? connectionAccount(settings.connection) : null);
}

function failure(error: UserError): { ok: false; error: UserError } {
  return { ok: false, error };
}

/** The host named in "cannot reach" messages (connect checked the URL before any request). */
function hostOf(connection: ConnectionConfig): string {
  return new URL(connectionBaseUrl(connection)).host;
}
