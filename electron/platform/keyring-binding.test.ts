// The keychain's native binding missing or broken (a dmg of the other Mac architecture, a damaged
// install): the app must start, say the keychain is unavailable and keep the key in memory.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type AppSettings } from '../../shared/settings';
import type { ClockifyClient } from '../clockify/client';
import { AccountService } from '../core/account-service';
import { lazyKeyringBinding, type KeyringBinding } from './keyring-binding';
import { KeychainUnavailableError } from './secret-store';
import { createKeychainSecretStore } from './secret-store-keychain';
import type { SettingsStore } from './settings-store';

// What napi-rs's loader throws when no binding package for the platform is installed.
const missingBinding = () =>
  Promise.reject(new Error('Cannot find native binding. npm has a bug related to optional dependencies (https://github.com/npm/cli/issues/4828).\nPlease try `npm i` again.'));

describe('lazyKeyringBinding', () => {
  it('turns a binding that does not load into KeychainUnavailableError, saying what to do', async () => {
    const load = lazyKeyringBinding(missingBinding);
    const error = await load().catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KeychainUnavailableError);
    expect((error as KeychainUnavailableError).message).toMatch(new RegExp(`keychain module for ${process.platform}-${process.arch} did not load`));
    expect((error as KeychainUnavailableError).message).toMatch(/Reinstall the package built for this computer/);
    expect((error as KeychainUnavailableError).detail).toBe('Cannot find native binding. npm has a bug related to optional dependencies (https://github.com/npm/cli/issues/4828).');
  });

  it('treats a module without AsyncEntry as broken', async () => {
    const load = lazyKeyringBinding(() => Promise.resolve({} as KeyringBinding));
    await expect(load()).rejects.toBeInstanceOf(KeychainUnavailableError);
  });

  it('imports once, whether it worked or not', async () => {
    let imports = 0;
    const load = lazyKeyringBinding(() => {
      imports++;
      return missingBinding();
    });
    await load().catch(() => undefined);
    await load().catch(() => undefined);
    expect(imports).toBe(1);
  });
});

describe('keychain SecretStore with a binding that does not load', () => {
  const store = createKeychainSecretStore('com.clockifytray.app.test', lazyKeyringBinding(missingBinding));

  it('reports every operation as keychain unavailable', async () => {
    await expect(store.get('work')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.set('work', 'a-key')).rejects.toBeInstanceOf(KeychainUnavailableError);
    await expect(store.delete('work')).rejects.toBeInstanceOf(KeychainUnavailableError);
  });

  it('gives the designed fallback: connected, key kept in memory, the reason shown', async () => {
    let settings: AppSettings = DEFAULT_SETTINGS;
    const settingsStore: SettingsStore = {
      get: () => settings,
      update: (patch) => (settings = { ...settings, ...patch }),
      problem: null,
    };
    const client = { getUser: () => Promise.resolve({ id: 'u1', name: 'Ada', email: 'ada@example.com', activeWorkspace: 'w1', defaultWorkspace: 'w1', settings: { timeZone: 'UTC' } }) };
    const account = new AccountService({ secrets: store, settings: settingsStore, createClient: () => client as unknown as ClockifyClient, environmentKeys: {} });

    const connected = await account.connect({ kind: 'clockify', server: 'global' }, 'a-key');

    expect(connected.ok).toBe(true);
    expect(account.session?.keyStorage).toBe('memory');
    expect(account.keychainProblem).toMatch(/keychain module .* did not load.*kept in memory until the app quits/s);
    expect(account.keychainProblem).not.toContain('a-key');
  });
});
