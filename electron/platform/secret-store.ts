// Where the Clockify API keys live: one secret per connection (the account), under the app's id
// (the service). The real store is the OS keychain (secret-store-keychain.ts); the memory store
// is for tests and for a session the user chose not to remember.
//
// Errors thrown by any SecretStore never contain the secret.

import type { SecretStore } from '../core/stores';

export type { SecretStore };

/**
 * No usable OS keychain: on Linux no Secret Service answered on the session D-Bus, or it refused
 * access (for example, the keyring is locked and unlocking was dismissed). We never fall back to
 * a plaintext file; the UI says this and offers to keep the key for this session only.
 */
export class KeychainUnavailableError extends Error {
  override readonly name = 'KeychainUnavailableError';
  /** What the keychain library said, with the secret removed. */
  readonly detail: string;

  /** `summary` replaces the platform's "no keychain" sentence when the cause is another one. */
  constructor(detail: string, summary: string = unavailableMessage()) {
    super(`${summary} (${detail})`);
    this.detail = detail;
  }
}

/** The keychain is there but rejected this operation for another reason (say, an ambiguous entry). */
export class SecretStoreError extends Error {
  override readonly name = 'SecretStoreError';
  readonly detail: string;

  constructor(operation: 'read' | 'save' | 'delete', detail: string) {
    super(`The system keychain could not ${operation} the Clockify API key: ${detail}`);
    this.detail = detail;
  }
}

function unavailableMessage(): string {
  switch (process.platform) {
    case 'darwin':
      return 'The macOS Keychain could not be reached to store the Clockify API key; unlock your login keychain and try again';
    case 'win32':
      return 'Windows Credential Manager could not be reached to store the Clockify API key; make sure the Credential Manager service is running and try again';
    default:
      return (
        'No OS keychain is available to store the Clockify API key: no Secret Service answered on the D-Bus session bus. ' +
        'Install and start one (for example `sudo apt-get install gnome-keyring`, or KWallet / KeePassXC with Secret Service enabled), ' +
        'make sure it is unlocked, then try again'
      );
  }
}

export function assertAccount(account: string): void {
  if (typeof account !== 'string' || account.length === 0) {
    throw new TypeError('SecretStore: account must be a non-empty string');
  }
}

export function assertSecret(secret: string): void {
  // Say nothing about the value itself: it may be a (mistyped) key.
  if (typeof secret !== 'string' || secret.length === 0) {
    throw new TypeError('SecretStore: secret must be a non-empty string (use delete() to remove one)');
  }
}

export function createMemorySecretStore(): SecretStore {
  const secrets = new Map<string, string>();
  return {
    kind: 'memory',
    async get(account) {
      assertAccount(account);
      return secrets.get(account) ?? null;
    },
    async set(account, secret) {
      assertAccount(account);
      assertSecret(secret);
      secrets.set(account, secret);
    },
    async delete(account) {
      assertAccount(account);
      return secrets.delete(account);
    },
  };
}
