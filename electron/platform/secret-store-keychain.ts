// The OS keychain behind SecretStore, via @napi-rs/keyring (keyring-rs): macOS Keychain, Windows
// Credential Manager, and on Linux the Secret Service (gnome-keyring, KWallet, KeePassXC).
//
// Linux: the library's default silently falls back to the kernel keyutils keyring when no Secret
// Service is running. That keyring lives in kernel memory and is gone after a reboot, so the user
// would lose their key without being told. We pin the Secret Service instead and report
// KeychainUnavailableError, as design.md asks ("do not silently fall back").
//
// The library itself is imported on first use (keyring-binding.ts): a missing native binding is a
// keychain that is unavailable, not an app that cannot start.
//
// AsyncEntry, not Entry: Entry's methods block the calling thread on D-Bus round trips (and on
// unlock prompts), and this runs in Electron's main process.

import type { EntryOptions } from '@napi-rs/keyring';
import { randomUUID } from 'node:crypto';
import {
  assertAccount,
  assertSecret,
  KeychainUnavailableError,
  SecretStoreError,
  type SecretStore,
} from './secret-store';
import { lazyKeyringBinding, type KeyringBinding } from './keyring-binding';

const ENTRY_OPTIONS: EntryOptions = { linux: { store: 'secret-service' } };

// keyring-rs error kinds meaning "there is no usable store", by the start of their message:
// PlatformFailure, NoStorageAccess (locked, prompt dismissed, access denied), NoDefaultStore.
const UNAVAILABLE_PREFIXES = ['Platform failure', "Couldn't access platform storage", 'No default store'];

const loadKeyring = lazyKeyringBinding();

/** `loadBinding` is for tests: the default imports @napi-rs/keyring on first use. */
export function createKeychainSecretStore(service: string, loadBinding: () => Promise<KeyringBinding> = loadKeyring): SecretStore {
  if (typeof service !== 'string' || service.length === 0) {
    throw new TypeError('createKeychainSecretStore: service must be a non-empty string (the app id)');
  }

  return {
    kind: 'keychain',
    async get(account) {
      assertAccount(account);
      const { AsyncEntry } = await loadBinding();
      return keychainCall('read', null, () => new AsyncEntry(service, account, ENTRY_OPTIONS).getPassword());
    },
    async set(account, secret) {
      assertAccount(account);
      assertSecret(secret);
      const { AsyncEntry } = await loadBinding();
      await keychainCall('save', secret, () => new AsyncEntry(service, account, ENTRY_OPTIONS).setPassword(secret));
    },
    async delete(account) {
      assertAccount(account);
      const { AsyncEntry } = await loadBinding();
      return keychainCall('delete', null, () => new AsyncEntry(service, account, ENTRY_OPTIONS).deletePassword());
    },
  };
}

/**
 * Checks that the keychain really works by writing, reading back and deleting a throwaway entry
 * under `service`. Use at startup to decide whether to offer "remember my key".
 */
export async function probeKeychain(
  service: string,
): Promise<{ available: true } | { available: false; reason: string }> {
  const store = createKeychainSecretStore(service);
  const account = `probe-${randomUUID()}`;
  const value = `probe-${randomUUID()}`;
  try {
    await store.set(account, value);
    const readBack = await store.get(account);
    if (readBack !== value) {
      return { available: false, reason: 'The system keychain did not return the value just stored in it.' };
    }
    return { available: true };
  } catch (error) {
    return { available: false, reason: error instanceof Error ? error.message : String(error) };
  } finally {
    await store.delete(account).catch(() => undefined);
  }
}

/**
 * Runs one keychain operation, turning the library's errors into ours. The constructor is inside
 * `operation` because, with the store pinned, it is the constructor that throws when there is no
 * Secret Service.
 */
async function keychainCall<T>(
  operation: 'read' | 'save' | 'delete',
  secret: string | null,
  call: () => Promise<T>,
): Promise<T> {
  try {
    return await call();
  } catch (error) {
    // Build new errors from a scrubbed message only; the original is not kept as `cause`, so
    // nothing it might carry can end up in a log.
    const detail = scrub(error instanceof Error ? error.message : String(error), secret);
    if (UNAVAILABLE_PREFIXES.some((prefix) => detail.startsWith(prefix))) {
      throw new KeychainUnavailableError(detail);
    }
    throw new SecretStoreError(operation, detail);
  }
}

function scrub(message: string, secret: string | null): string {
  return secret ? message.split(secret).join('[secret]') : message;
}
