import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createMemorySecretStore, KeychainUnavailableError, type SecretStore } from './secret-store';
import { createKeychainSecretStore, probeKeychain } from './secret-store-keychain';

// A service name of its own per run, so a run never sees (or deletes) anything else's entries.
const TEST_SERVICE = `com.clockifytray.app.test-${randomUUID()}`;
// secret-tool (libsecret-tools) reads the Secret Service directly: proof that entries really land there.
const hasSecretTool = process.platform === 'linux' && !spawnSync('secret-tool', ['--version']).error;
const UNICODE_SECRET = 'clé-🔑-ключ-鍵-\u00e9\u0301-' + 'x'.repeat(64);

function contractTests(makeStore: () => SecretStore, accounts: { a: string; b: string }) {
  it('returns null for an account with no secret', async () => {
    expect(await makeStore().get(`${accounts.a}-missing`)).toBeNull();
  });

  it('stores, reads back, overwrites and deletes a secret', async () => {
    const store = makeStore();
    await store.set(accounts.a, 'first-key');
    expect(await store.get(accounts.a)).toBe('first-key');
    await store.set(accounts.a, 'second-key');
    expect(await store.get(accounts.a)).toBe('second-key');
    expect(await store.delete(accounts.a)).toBe(true);
    expect(await store.get(accounts.a)).toBeNull();
  });

  it('reports false when deleting a secret that is not there', async () => {
    expect(await makeStore().delete(`${accounts.a}-never-set`)).toBe(false);
  });

  it('keeps a unicode secret intact', async () => {
    const store = makeStore();
    await store.set(accounts.a, UNICODE_SECRET);
    expect(await store.get(accounts.a)).toBe(UNICODE_SECRET);
    await store.delete(accounts.a);
  });

  it('keeps two accounts independent', async () => {
    const store = makeStore();
    await store.set(accounts.a, 'key-a');
    await store.set(accounts.b, 'key-b');
    expect(await store.get(accounts.a)).toBe('key-a');
    expect(await store.get(accounts.b)).toBe('key-b');
    expect(await store.delete(accounts.a)).toBe(true);
    expect(await store.get(accounts.a)).toBeNull();
    expect(await store.get(accounts.b)).toBe('key-b');
    await store.delete(accounts.b);
  });

  it('rejects an empty account or secret without echoing the value', async () => {
    const store = makeStore();
    await expect(store.get('')).rejects.toThrow(TypeError);
    await expect(store.set(accounts.a, '')).rejects.toThrow(/non-empty/);
  });
}

describe('memory SecretStore', () => {
  const store = createMemorySecretStore();
  it('says it is the memory store', () => {
    expect(store.kind).toBe('memory');
  });
  contractTests(() => store, { a: 'work', b: 'personal' });

  it('does not share secrets between instances', async () => {
    const one = createMemorySecretStore();
    await one.set('work', 'key');
    expect(await createMemorySecretStore().get('work')).toBeNull();
  });
});

// ---- The real OS keychain -------------------------------------------------------------------
// `npm test` runs these inside a private D-Bus session with a throwaway gnome-keyring and sets
// CLOCKIFY_TRAY_REQUIRE_KEYCHAIN=1, so they cannot be skipped there. Run on their own (plain
// `vitest`), they skip with a warning when there is no Secret Service to talk to.

const requireKeychain = process.env.CLOCKIFY_TRAY_REQUIRE_KEYCHAIN === '1';
const probe = process.env.DBUS_SESSION_BUS_ADDRESS
  ? await probeKeychain(TEST_SERVICE)
  : ({ available: false, reason: 'DBUS_SESSION_BUS_ADDRESS is not set, so there is no Secret Service to talk to' } as const);
const skipKeychain = !probe.available && !requireKeychain;
if (skipKeychain) {
  console.warn(
    `Skipping the OS keychain tests: ${probe.available ? '' : probe.reason}. ` +
      'Run them with `npm test`, which starts a private D-Bus session and gnome-keyring.',
  );
}

describe.runIf(requireKeychain)('OS keychain required (CLOCKIFY_TRAY_REQUIRE_KEYCHAIN=1)', () => {
  it('is available', () => {
    // On failure, the reason says what is missing; scripts/test.mjs should have started it.
    expect(probe).toEqual({ available: true });
  });
});

describe.skipIf(skipKeychain)('keychain SecretStore (real Secret Service)', () => {
  const store = createKeychainSecretStore(TEST_SERVICE);
  const accounts = { a: `work-${randomUUID()}`, b: `personal-${randomUUID()}` };

  afterAll(async () => {
    await Promise.all([store.delete(accounts.a), store.delete(accounts.b)]).catch(() => undefined);
  });

  it('says it is the keychain store', () => {
    expect(store.kind).toBe('keychain');
  });

  contractTests(() => store, accounts);

  it('is visible to other Secret Service clients (not a silent in-memory fallback)', async (ctx) => {
    if (!hasSecretTool) ctx.skip();
    await store.set(accounts.a, 'seen-by-secret-tool');
    const lookup = spawnSync('secret-tool', ['lookup', 'service', TEST_SERVICE, 'username', accounts.a], {
      encoding: 'utf8',
    });
    expect(lookup.stdout).toBe('seen-by-secret-tool');
    await store.delete(accounts.a);
  });

  it('probe leaves no entry behind', async (ctx) => {
    expect(await probeKeychain(TEST_SERVICE)).toEqual({ available: true });
    if (!hasSecretTool) ctx.skip();
    const search = spawnSync('secret-tool', ['search', '--all', 'service', TEST_SERVICE], { encoding: 'utf8' });
    expect(`${search.stdout}${search.stderr}`).not.toMatch(/probe-/);
  });
});

describe('keychain SecretStore without a Secret Service', () => {
  it('reports KeychainUnavailableError, never the secret, and no silent fallback', () => {
    const secret = `SECRET-${randomUUID()}`;
    const child = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(import.meta.dirname, 'secret-store-keychain.child.ts'), TEST_SERVICE, secret],
      {
        cwd: join(import.meta.dirname, '..', '..'),
        encoding: 'utf8',
        timeout: 15_000,
        env: { ...process.env, DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/clockify-tray-test/bus' },
      },
    );
    expect(child.status, child.stderr).toBe(0);
    const report = JSON.parse(child.stdout) as Record<
      'set' | 'get' | 'delete',
      { ok: boolean; name?: string; isKeychainUnavailable?: boolean; text?: string }
    > & { probe: { available: boolean; reason?: string } };

    for (const op of ['set', 'get', 'delete'] as const) {
      expect(report[op], op).toMatchObject({ ok: false, name: 'KeychainUnavailableError', isKeychainUnavailable: true });
      expect(report[op].text).toMatch(/No OS keychain is available/);
      expect(report[op].text).toMatch(/gnome-keyring/);
    }
    expect(report.probe.available).toBe(false);
    expect(report.probe.reason).toMatch(/No OS keychain is available/);
    // Nothing the child printed (errors, stacks, JSON) contains the secret.
    expect(child.stdout).not.toContain(secret);
    expect(child.stderr).not.toContain(secret);
  });

  it('KeychainUnavailableError says what is missing and what to do', () => {
    const error = new KeychainUnavailableError('Platform failure: no D-Bus');
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('KeychainUnavailableError');
    expect(error.detail).toBe('Platform failure: no D-Bus');
    if (process.platform === 'linux') {
      expect(error.message).toMatch(/Secret Service/);
      expect(error.message).toMatch(/apt-get install gnome-keyring/);
    }
  });
});
