// Who the app talks to Clockify as. The key is checked with GET /user before it is stored; it is
// stored in the OS keychain, or, where there is none, kept in memory for this run only (never in a
// file). It leaves this module only inside the Clockify client's request headers.
import type { ClockifyServer, ConnectionConfig } from '../../shared/connection';
import { CLOCKIFY_SERVERS, connectionAccount, connectionBaseUrl, normalizeBaseUrl } from '../../shared/connection';
import type { KeyStorage, Result, UserError } from '../../shared/domain';
import type { ClockifyClient } from '../clockify/client';
import { ClockifyError } from '../clockify/errors';
import type { User } from '../clockify/schemas';
import type { SecretStore } from '../platform/secret-store';
import type { SettingsStore } from '../platform/settings-store';

/** Makes a client for a connection; `quick` clients do not retry (checking a key should answer at once). */
export type ClientFactory = (connection: ConnectionConfig, secret: string, options?: { quick?: boolean }) => ClockifyClient;

export interface Session {
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

export class AccountService {
  private current: Session | null = null;
  private problem: string | null = null;

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
    const connection = this.deps.settings.get().connection;
    if (!connection) return null;
    try {
      const secret = await this.deps.secrets.get(connectionAccount(connection));
      if (secret) this.current = { connection, client: this.deps.createClient(connection, secret), keyStorage: this.deps.secrets.kind, secret };
    } catch (error) {
      this.problem = error instanceof Error ? error.message : String(error);
    }
    return this.current;
  }

  /** Checks the key with GET /user, then stores it. A rejected key is not stored. */
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
    let keyStorage: KeyStorage = this.deps.secrets.kind;
    try {
      await this.deps.secrets.set(connectionAccount(connection), key);
      this.problem = null;
    } catch (error) {
      // No keychain: keep the key for this run only. Never a file.
      keyStorage = 'memory';
      this.problem = `${error instanceof Error ? error.message : String(error)}. The key is kept in memory until the app quits.`;
    }
    this.deps.settings.update({ connection });
    this.current = { connection, client: this.deps.createClient(connection, key), keyStorage, secret: key };
    return { ok: true, value: { session: this.current, user } };
  }

  /** MATON_API_KEY from the environment, for managing connections; it never leaves main. */
  get environmentMatonKey(): string | undefined {
    return this.deps.environmentKeys.maton;
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

  /** Removes the key from the keychain and forgets the connection. */
  async signOut(): Promise<void> {
    const connection = this.current?.connection ?? this.deps.settings.get().connection;
    this.current = null;
    this.deps.settings.update({ connection: null, workspaceId: null });
    if (!connection) return;
    try {
      await this.deps.secrets.delete(connectionAccount(connection));
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

function failure(error: UserError): { ok: false; error: UserError } {
  return { ok: false, error };
}

function hostOf(connection: ConnectionConfig): string {
  try {
    return new URL(connectionBaseUrl(connection)).host;
  } catch {
    return 'the server';
  }
}
