// The account service on its own: which key is checked, stored and used for which account, what the
// settings keep per account, and what the person reads when a key is refused, the keychain fails or
// an account is gone. The keychain, the settings file and Clockify are in-memory stand-ins here; the
// whole app over the fake server is in accounts.test.ts and app-core.test.ts.
import { describe, expect, it } from 'vitest';
import { connectionAccount, type ConnectionConfig } from '../../shared/connection';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import type { ClockifyClient } from '../clockify/client';
import { ClockifyError, type ClockifyErrorInit } from '../clockify/errors';
import type { User } from '../clockify/schemas';
import { AccountService, activeAccountIdOf } from './account-service';
import type { SecretStore, SettingsStore } from './stores';

const GLOBAL: ConnectionConfig = { kind: 'clockify', server: 'global' };
const EU: ConnectionConfig = { kind: 'clockify', server: 'eu' };
const CUSTOM: ConnectionConfig = { kind: 'clockify', server: 'custom', baseUrl: 'https://clockify.example.com/api/v1' };
const MATON: ConnectionConfig = { kind: 'maton', connectionId: 'conn-1' };
const GLOBAL_ID = connectionAccount(GLOBAL);

const LENA = { id: 'u-lena', name: 'Lena Fischer', email: 'lena@example.com' } as User;
const JONAS = { id: 'u-jonas', name: 'Jonas Weber', email: 'jonas@example.com' } as User;

const refusal = (init: Partial<ClockifyErrorInit>) => new ClockifyError({ kind: 'unauthorized', method: 'GET', path: '/user', status: 401, ...init });

/**
 * A keychain in memory; `fail` makes one operation throw, as a locked or missing keychain does (a
 * string is thrown as an Error with that message, anything else as it is).
 */
function keychain(fail: Partial<Record<'get' | 'set' | 'delete', unknown>> = {}) {
  const stored = new Map<string, string>();
  const refuse = (reason: unknown) => Promise.reject(typeof reason === 'string' ? new Error(reason) : reason);
  const store: SecretStore & { stored: Map<string, string>; fail: typeof fail } = {
    kind: 'keychain',
    stored,
    fail,
    get: (account) => (store.fail.get ? refuse(store.fail.get) : Promise.resolve(stored.get(account) ?? null)),
    set: (account, secret) => {
      if (store.fail.set) return refuse(store.fail.set);
      stored.set(account, secret);
      return Promise.resolve();
    },
    delete: (account) => (store.fail.delete ? refuse(store.fail.delete) : Promise.resolve(stored.delete(account))),
  };
  return store;
}

function settingsFile(initial: Partial<AppSettings> = {}) {
  let current: AppSettings = { ...DEFAULT_SETTINGS, ...initial };
  const store: SettingsStore & { updates: number } = {
    problem: null,
    updates: 0,
    get: () => current,
    update: (patch) => {
      store.updates++;
      current = { ...current, ...patch };
      return current;
    },
  };
  return store;
}

/** Clockify: which user each key is on each server (by base URL); any other key is refused there. */
function clockify(users: Record<string, Record<string, User>>, refuse: (connection: ConnectionConfig) => Error = () => refusal({})) {
  const made: { connection: ConnectionConfig; secret: string; quick: boolean }[] = [];
  const createClient = (connection: ConnectionConfig, secret: string, options?: { quick?: boolean }) => {
    made.push({ connection, secret, quick: options?.quick ?? false });
    const place = connectionAccount(connection);
    return {
      place,
      secret,
      getUser: () => {
        const user = users[place]?.[secret];
        return user ? Promise.resolve(user) : Promise.reject(refuse(connection));
      },
    } as unknown as ClockifyClient;
  };
  return { made, createClient };
}

function setUp(
  options: { users?: Record<string, Record<string, User>>; refuse?: (connection: ConnectionConfig) => Error; secrets?: ReturnType<typeof keychain>; settings?: ReturnType<typeof settingsFile>; environmentKeys?: { clockify?: string; maton?: string } } = {},
) {
  const secrets = options.secrets ?? keychain();
  const settings = options.settings ?? settingsFile();
  const server = clockify(options.users ?? { [GLOBAL_ID]: { 'lena-key': LENA, 'jonas-key': JONAS } }, options.refuse);
  const service = new AccountService({ secrets, settings, createClient: server.createClient, environmentKeys: options.environmentKeys ?? {} });
  return { service, secrets, settings, made: server.made };
}

const clientSecret = (client: ClockifyClient | undefined) => (client as unknown as { secret: string } | undefined)?.secret;

describe('which environment key is offered', () => {
  it.each([
    [{}, null],
    [{ clockify: 'c' }, 'clockify'],
    [{ maton: 'm' }, 'maton'],
    [{ clockify: 'c', maton: 'm' }, 'clockify'],
  ] as const)('with %o set: %s', (environmentKeys, offered) => {
    expect(setUp({ environmentKeys }).service.environmentKeyOffer).toBe(offered);
  });

  it('none once signed in', async () => {
    const { service } = setUp({ environmentKeys: { clockify: 'lena-key' } });
    expect((await service.connectWithEnvironmentKey(GLOBAL)).ok).toBe(true);
    expect(service.environmentKeyOffer).toBeNull();
  });

  it.each([
    [GLOBAL, 'CLOCKIFY_API_KEY is not set: paste the key instead.'],
    [MATON, 'MATON_API_KEY is not set: paste the key instead.'],
  ] as const)('connecting to %o with no key in the environment names the variable', async (connection, message) => {
    const { service, made } = setUp({ environmentKeys: connection.kind === 'maton' ? { clockify: 'lena-key' } : { maton: 'm' } });
    expect(await service.connectWithEnvironmentKey(connection)).toEqual({ ok: false, error: { kind: 'invalid', field: 'apiKey', status: null, message } });
    expect(made).toEqual([]);
  });

  it('the Maton key from the environment is used for a Maton connection', async () => {
    const { service, made } = setUp({ users: { [connectionAccount(MATON)]: { 'maton-key': LENA } }, environmentKeys: { clockify: 'lena-key', maton: 'maton-key' } });
    expect((await service.connectWithEnvironmentKey(MATON)).ok).toBe(true);
    expect(made[0]).toEqual({ connection: MATON, secret: 'maton-key', quick: true });
    expect(service.environmentMatonKey).toBe('maton-key');
  });
});

describe('restoring the saved account at start-up', () => {
  it('nothing saved: no session, and the keychain is not asked', async () => {
    const secrets = keychain({ get: 'must not be asked' });
    const { service } = setUp({ secrets });
    expect(await service.restore()).toBeNull();
    expect(service.keychainProblem).toBeNull();
  });

  it('the active account with its key from the keychain, without a request', async () => {
    const secrets = keychain();
    secrets.stored.set('lena-account', 'lena-key');
    const { service, made } = setUp({ secrets, settings: settingsFile({ connection: GLOBAL, activeAccountId: 'lena-account' }) });
    const session = await service.restore();
    expect(session).toMatchObject({ accountId: 'lena-account', connection: GLOBAL, keyStorage: 'keychain', secret: 'lena-key' });
    expect(made).toEqual([{ connection: GLOBAL, secret: 'lena-key', quick: false }]);
    expect(service.session).toBe(session);
  });

  it('settings from before several accounts: the key under the connection’s name', async () => {
    const secrets = keychain();
    secrets.stored.set(GLOBAL_ID, 'lena-key');
    const { service } = setUp({ secrets, settings: settingsFile({ connection: GLOBAL }) });
    expect(await service.restore()).toMatchObject({ accountId: GLOBAL_ID, secret: 'lena-key' });
  });

  it('no key in the keychain: signed out, no problem', async () => {
    const { service } = setUp({ settings: settingsFile({ connection: GLOBAL }) });
    expect(await service.restore()).toBeNull();
    expect(service.keychainProblem).toBeNull();
  });

  it('a keychain that cannot be read: signed out, and the reason is kept to show', async () => {
    const { service } = setUp({ secrets: keychain({ get: 'The keychain is locked' }), settings: settingsFile({ connection: GLOBAL }) });
    expect(await service.restore()).toBeNull();
    expect(service.keychainProblem).toBe('The keychain is locked');
  });
});

describe('connecting with a key', () => {
  it.each([
    ['a custom server', { kind: 'clockify', server: 'custom', baseUrl: 'not a url' }],
    ['a Maton gateway', { kind: 'maton', gatewayUrl: 'not a url' }],
    ['Maton connections', { kind: 'maton', connectionsUrl: 'not a url' }],
  ] as const)('refuses a bad URL for %s before any request', async (_, connection) => {
    const { service, made } = setUp();
    const result = await service.connect(connection, 'lena-key');
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid', field: 'baseUrl', status: null, message: expect.any(String) } });
    expect(made).toEqual([]);
  });

  it('checks the key (trimmed, without retries), stores it and the account, and makes it active', async () => {
    const { service, secrets, settings, made } = setUp();
    const result = await service.connect(GLOBAL, '  lena-key\n');
    expect(result).toMatchObject({ ok: true, value: { user: LENA, session: { accountId: GLOBAL_ID, connection: GLOBAL, keyStorage: 'keychain', secret: 'lena-key' } } });
    expect(made).toEqual([
      { connection: GLOBAL, secret: 'lena-key', quick: true },
      { connection: GLOBAL, secret: 'lena-key', quick: false },
    ]);
    expect(clientSecret(service.session?.client)).toBe('lena-key');
    expect(secrets.stored).toEqual(new Map([[GLOBAL_ID, 'lena-key']]));
    expect(settings.get()).toMatchObject({
      connection: GLOBAL,
      activeAccountId: GLOBAL_ID,
      accounts: [{ id: GLOBAL_ID, connection: GLOBAL, userId: LENA.id, userName: LENA.name, email: LENA.email, workspaceId: null, defaultProject: { kind: 'last-used' } }],
    });
  });

  it('a second person on the same server gets a key of their own; the same person again keeps theirs', async () => {
    const { service, secrets, settings } = setUp();
    await service.connect(GLOBAL, 'lena-key');
    await service.connect(GLOBAL, 'jonas-key');
    const jonasId = `${GLOBAL_ID}@${JONAS.id}`;
    expect(service.session?.accountId).toBe(jonasId);
    expect(await service.connect(GLOBAL, 'lena-key')).toMatchObject({ ok: true, value: { session: { accountId: GLOBAL_ID } } });
    expect(secrets.stored).toEqual(new Map([[GLOBAL_ID, 'lena-key'], [jonasId, 'jonas-key']]));
    expect(settings.get().accounts.map((account) => [account.id, account.email])).toEqual([
      [GLOBAL_ID, LENA.email],
      [jonasId, JONAS.email],
    ]);
  });

  it('the same person on another server is another account', async () => {
    const { service } = setUp({ users: { [GLOBAL_ID]: { 'lena-key': LENA }, [connectionAccount(EU)]: { 'lena-eu-key': LENA } } });
    await service.connect(GLOBAL, 'lena-key');
    expect(await service.connect(EU, 'lena-eu-key')).toMatchObject({ ok: true, value: { session: { accountId: connectionAccount(EU) } } });
    expect(service.accounts.map((account) => account.id)).toEqual([GLOBAL_ID, connectionAccount(EU)]);
  });

  it('reconnecting the account in use keeps its workspace and default project; a new user’s name is taken', async () => {
    const { service, settings } = setUp({ users: { [GLOBAL_ID]: { 'lena-key': LENA, 'lena-new-key': { ...LENA, name: 'Lena F.' } as User } } });
    await service.connect(GLOBAL, 'lena-key');
    settings.update({ workspaceId: 'ws-1', defaultProject: { kind: 'fixed', projectId: 'p-1' } });
    await service.connect(GLOBAL, 'lena-new-key');
    expect(settings.get()).toMatchObject({ workspaceId: 'ws-1', defaultProject: { kind: 'fixed', projectId: 'p-1' } });
    expect(settings.get().accounts).toEqual([expect.objectContaining({ id: GLOBAL_ID, userName: 'Lena F.' })]);
  });

  it('no keychain: the key is kept for this run only, said so, and still opens the account later', async () => {
    const secrets = keychain({ set: 'No keychain on this system' });
    const { service } = setUp({ secrets });
    expect(await service.connect(GLOBAL, 'lena-key')).toMatchObject({ ok: true, value: { session: { keyStorage: 'memory', secret: 'lena-key' } } });
    expect(service.keychainProblem).toBe('No keychain on this system. The key is kept in memory until the app quits.');
    expect(secrets.stored.size).toBe(0);
    await service.connect(GLOBAL, 'jonas-key');
    expect(await service.activate(GLOBAL_ID)).toMatchObject({ ok: true, value: { keyStorage: 'memory', secret: 'lena-key' } });
  });

  it('once the keychain works again, the key goes there and the problem is gone', async () => {
    const secrets = keychain({ set: 'No keychain on this system' });
    const { service } = setUp({ secrets });
    await service.connect(GLOBAL, 'lena-key');
    secrets.fail = {};
    await service.connect(GLOBAL, 'jonas-key');
    await service.connect(GLOBAL, 'lena-key');
    expect(service.keychainProblem).toBeNull();
    expect(service.session?.keyStorage).toBe('keychain');
    await service.activate(`${GLOBAL_ID}@${JONAS.id}`);
    secrets.stored.delete(GLOBAL_ID);
    // Not kept in memory any more: the keychain is the only place, and it no longer has it.
    expect(await service.activate(GLOBAL_ID)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });
});

describe('what a refused key says', () => {
  const cases: [string, ConnectionConfig, Error, object][] = [
    ['not a Clockify error', GLOBAL, new Error('boom'), { kind: 'unknown', status: null, message: 'Connecting failed: Error: boom' }],
    [
      'no network',
      GLOBAL,
      refusal({ kind: 'network', status: undefined }),
      { kind: 'offline', status: null, field: undefined, message: 'Cannot reach api.clockify.me: check your network connection, then connect again.' },
    ],
    [
      'a custom server timing out',
      CUSTOM,
      refusal({ kind: 'timeout', status: undefined }),
      { kind: 'offline', status: null, field: 'baseUrl', message: 'Cannot reach clockify.example.com: check your network connection and the server URL, then connect again.' },
    ],
    ['Maton out of reach', MATON, refusal({ kind: 'network', status: undefined }), { kind: 'offline', status: null, field: undefined, message: expect.stringMatching(/^Cannot reach api\.maton\.ai: check your network connection, then/) }],
    ['a server error', GLOBAL, refusal({ kind: 'server', status: 503 }), { kind: 'server', status: 503, message: refusal({ kind: 'server', status: 503 }).userMessage }],
    [
      'Maton refusing',
      MATON,
      refusal({ serverMessage: 'Invalid API key' }),
      { kind: 'unauthorized', status: 401, field: 'apiKey', message: 'The Maton gateway did not accept this key (401). Clockify said: "Invalid API key". Copy your key again from maton.ai and connect.' },
    ],
    [
      'Clockify refusing a key no server knows',
      GLOBAL,
      refusal({}),
      {
        kind: 'unauthorized',
        status: 401,
        field: 'apiKey',
        message: "Clockify did not accept this key (401). Copy it again from Clockify (Preferences → Advanced → API keys), and check the server matches your account's region.",
      },
    ],
    ['a custom server refusing', CUSTOM, refusal({ serverMessage: 'Nope' }), { kind: 'unauthorized', status: 401, field: 'apiKey', message: expect.stringMatching(/^Clockify did not accept this key \(401\)\. Clockify said: "Nope"\. Copy it again/) }],
  ];
  it.each(cases)('%s', async (_, connection, error, expected) => {
    const { service, secrets, settings } = setUp({ users: { [connectionAccount(EU)]: { 'eu-key': LENA } }, refuse: () => error });
    expect(await service.connect(connection, 'some-key')).toEqual({ ok: false, error: expected });
    expect(secrets.stored.size).toBe(0);
    expect(settings.get().accounts).toEqual([]);
    expect(service.session).toBeNull();
  });

  it('a key of another region names the server it belongs to', async () => {
    const { service, made } = setUp({ users: { [connectionAccount(EU)]: { 'eu-key': LENA } } });
    expect(await service.connect(GLOBAL, 'eu-key')).toEqual({
      ok: false,
      error: { kind: 'wrong-server', status: 401, field: 'apiKey', message: 'This key belongs to the EU server, not Global: choose EU and connect again.' },
    });
    // Every other region asked once, quickly; never the one that refused it.
    expect(made.filter((client) => client.connection.kind === 'clockify' && client.connection.server !== 'global').map((client) => [client.connection, client.quick])).toEqual(
      ['eu', 'us', 'uk', 'au'].map((server) => [{ kind: 'clockify', server }, true]),
    );
    expect(made.filter((client) => client.connection === GLOBAL)).toHaveLength(1);
  });

  it('a custom server refusing a key: no other server is asked', async () => {
    const { service, made } = setUp({ users: { [connectionAccount(EU)]: { 'eu-key': LENA } } });
    expect(await service.connect(CUSTOM, 'eu-key')).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
    expect(made).toHaveLength(1);
  });
});

describe('switching accounts', () => {
  it('an account no longer known, or whose key is gone or unreadable, is said so and nothing changes', async () => {
    const secrets = keychain();
    const { service, settings } = setUp({ secrets });
    await service.connect(GLOBAL, 'lena-key');
    await service.connect(GLOBAL, 'jonas-key');
    const before = settings.get();
    expect(await service.activate('nobody')).toEqual({ ok: false, error: { kind: 'invalid', status: null, message: 'That account is no longer known: add it again.' } });
    secrets.stored.delete(GLOBAL_ID);
    expect(await service.activate(GLOBAL_ID)).toEqual({
      ok: false,
      error: { kind: 'unauthorized', status: null, message: 'The key of lena@example.com is no longer stored: add the account again with its key.' },
    });
    secrets.fail.get = 'The keychain is locked';
    expect(await service.activate(GLOBAL_ID)).toEqual({ ok: false, error: { kind: 'keychain', status: null, message: 'The key of lena@example.com could not be read: The keychain is locked' } });
    expect(settings.get()).toBe(before);
    expect(service.session?.accountId).toBe(`${GLOBAL_ID}@${JONAS.id}`);
  });

  it('each account keeps its own workspace and default project', async () => {
    const { service, settings } = setUp();
    await service.connect(GLOBAL, 'lena-key');
    settings.update({ workspaceId: 'ws-lena', defaultProject: { kind: 'fixed', projectId: 'p-lena' } });
    await service.connect(GLOBAL, 'jonas-key');
    const jonasId = `${GLOBAL_ID}@${JONAS.id}`;
    expect(settings.get()).toMatchObject({ activeAccountId: jonasId, workspaceId: null, defaultProject: { kind: 'last-used' } });
    settings.update({ workspaceId: 'ws-jonas' });

    const lena = await service.activate(GLOBAL_ID);
    expect(lena).toMatchObject({ ok: true, value: { accountId: GLOBAL_ID, connection: GLOBAL, keyStorage: 'keychain', secret: 'lena-key' } });
    expect(clientSecret(service.session?.client)).toBe('lena-key');
    expect(settings.get()).toMatchObject({ connection: GLOBAL, activeAccountId: GLOBAL_ID, workspaceId: 'ws-lena', defaultProject: { kind: 'fixed', projectId: 'p-lena' } });
    expect(settings.get().accounts.find((account) => account.id === jonasId)).toMatchObject({ workspaceId: 'ws-jonas', defaultProject: { kind: 'last-used' } });

    // Reconnecting Jonas (a known account, not active) brings back his settings, not Lena's.
    await service.connect(GLOBAL, 'jonas-key');
    expect(settings.get()).toMatchObject({ activeAccountId: jonasId, workspaceId: 'ws-jonas', defaultProject: { kind: 'last-used' } });
    expect(settings.get().accounts.find((account) => account.id === GLOBAL_ID)).toMatchObject({ workspaceId: 'ws-lena' });
  });

  it('a client for any known account: the active one’s own, another made from its own key', async () => {
    const { service } = setUp();
    await service.connect(GLOBAL, 'lena-key');
    await service.connect(GLOBAL, 'jonas-key');
    const active = await service.clientOf(`${GLOBAL_ID}@${JONAS.id}`);
    expect(active).toEqual({ ok: true, value: { client: service.session!.client, userId: JONAS.id } });
    const other = await service.clientOf(GLOBAL_ID);
    expect(other).toMatchObject({ ok: true, value: { userId: LENA.id } });
    expect(other.ok && other.value.client).not.toBe(service.session!.client);
    expect(clientSecret(other.ok ? other.value.client : undefined)).toBe('lena-key');
    expect(await service.clientOf('nobody')).toMatchObject({ ok: false, error: { kind: 'invalid' } });
  });

  it('a client for another account whose key is gone says so', async () => {
    const { service, secrets } = setUp();
    await service.connect(GLOBAL, 'lena-key');
    await service.connect(GLOBAL, 'jonas-key');
    secrets.stored.delete(GLOBAL_ID);
    expect(await service.clientOf(GLOBAL_ID)).toMatchObject({ ok: false, error: { kind: 'unauthorized', message: expect.stringContaining('lena@example.com is no longer stored') } });
  });
});

describe('remembering the active account’s user', () => {
  it('does nothing while signed out', () => {
    const { service, settings } = setUp();
    service.remember(LENA);
    expect(settings.updates).toBe(0);
  });

  it('writes nothing when the record already says it; updates a changed name', async () => {
    const { service, settings } = setUp();
    await service.connect(GLOBAL, 'lena-key');
    const updates = settings.updates;
    service.remember(LENA);
    expect(settings.updates).toBe(updates);
    for (const changed of [{ ...LENA, name: 'Lena F.' }, { ...LENA, email: 'lf@example.com' }, { ...LENA, id: 'u-lena-2' }]) {
      service.remember(changed);
      expect(settings.get().accounts).toEqual([expect.objectContaining({ id: GLOBAL_ID, userId: changed.id, userName: changed.name, email: changed.email })]);
    }
  });

  it('settings from before several accounts get a record with the current workspace', async () => {
    const secrets = keychain();
    secrets.stored.set(GLOBAL_ID, 'lena-key');
    const other = { id: 'other', connection: EU, userId: 'u-x', userName: 'X', email: 'x@example.com', workspaceId: null, defaultProject: { kind: 'last-used' } } as const;
    const settings = settingsFile({ connection: GLOBAL, workspaceId: 'ws-1', accounts: [other] });
    const { service } = setUp({ secrets, settings });
    await service.restore();
    service.remember(LENA);
    expect(settings.get()).toMatchObject({
      activeAccountId: GLOBAL_ID,
      accounts: [other, { id: GLOBAL_ID, connection: GLOBAL, userId: LENA.id, userName: LENA.name, email: LENA.email, workspaceId: 'ws-1', defaultProject: { kind: 'last-used' } }],
    });
  });
});

describe('signing out', () => {
  it('removes the active account and its key; the other account and its key stay', async () => {
    const { service, secrets, settings } = setUp();
    await service.connect(GLOBAL, 'lena-key');
    settings.update({ workspaceId: 'ws-lena' });
    await service.connect(GLOBAL, 'jonas-key');
    await service.activate(GLOBAL_ID);
    await service.signOut();
    expect(service.session).toBeNull();
    expect(secrets.stored).toEqual(new Map([[`${GLOBAL_ID}@${JONAS.id}`, 'jonas-key']]));
    expect(settings.get()).toMatchObject({ connection: null, workspaceId: null, activeAccountId: null, accounts: [expect.objectContaining({ email: JONAS.email })] });
  });

  it('a key kept in memory is forgotten too', async () => {
    const secrets = keychain({ set: 'No keychain' });
    const { service, settings } = setUp({ secrets });
    await service.connect(GLOBAL, 'lena-key');
    const record = settings.get().accounts[0]!;
    await service.signOut();
    // Were the account added back by hand, its key is gone from memory as well.
    settings.update({ accounts: [record] });
    expect(await service.activate(GLOBAL_ID)).toMatchObject({ ok: false, error: { kind: 'unauthorized' } });
  });

  it('with no session, the saved account’s key is removed; with none saved, the keychain is not touched', async () => {
    const secrets = keychain();
    secrets.stored.set('lena-account', 'lena-key');
    const { service, settings } = setUp({ secrets, settings: settingsFile({ connection: GLOBAL, activeAccountId: 'lena-account' }) });
    await service.signOut();
    expect(secrets.stored.size).toBe(0);
    secrets.fail.delete = 'must not be asked';
    await service.signOut();
    expect(service.keychainProblem).toBeNull();
    expect(settings.get().connection).toBeNull();
  });

  it('a keychain that cannot delete: signed out anyway, and the reason is kept to show', async () => {
    const secrets = keychain();
    const { service } = setUp({ secrets });
    await service.connect(GLOBAL, 'lena-key');
    secrets.fail.delete = 'The keychain is locked';
    await service.signOut();
    expect(service.session).toBeNull();
    expect(service.keychainProblem).toBe('The keychain is locked');
  });
});

describe('a keychain failing with something that is not an Error', () => {
  // Native keychain bindings may reject with a bare value: its text is still what the person reads.
  const odd = { toString: () => 'secret service gone' };

  it('at start-up, on switching, on connecting and on signing out', async () => {
    const secrets = keychain({ get: odd });
    const { service } = setUp({ secrets, settings: settingsFile({ connection: GLOBAL }) });
    await service.restore();
    expect(service.keychainProblem).toBe('secret service gone');

    secrets.fail = { set: odd };
    await service.connect(GLOBAL, 'lena-key');
    expect(service.keychainProblem).toBe('secret service gone. The key is kept in memory until the app quits.');

    secrets.fail = {};
    await service.connect(GLOBAL, 'jonas-key');
    secrets.fail = { get: odd };
    const other = service.accounts.find((account) => account.userId === JONAS.id)!;
    await service.activate(GLOBAL_ID);
    expect(await service.activate(other.id)).toMatchObject({ ok: false, error: { kind: 'keychain', message: 'The key of jonas@example.com could not be read: secret service gone' } });

    secrets.fail = { delete: odd };
    await service.signOut();
    expect(service.keychainProblem).toBe('secret service gone');
  });
});

describe('the account the settings make active', () => {
  it.each([
    [{ activeAccountId: 'a-1', connection: GLOBAL }, 'a-1'],
    [{ activeAccountId: null, connection: GLOBAL }, GLOBAL_ID],
    [{ activeAccountId: null, connection: null }, null],
  ] as const)('%o → %s', (settings, expected) => {
    expect(activeAccountIdOf(settings)).toBe(expected);
  });
});
