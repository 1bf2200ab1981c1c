// The storage the core needs, as interfaces the adapters implement: the OS keychain or memory
// (electron/platform/secret-store*.ts) and electron-store or conf (electron/platform/settings-store.ts).
import type { AppSettings } from '../../shared/settings';

/** Where the Clockify and Maton keys live: one secret per account, never in a plain file. Errors never contain the secret. */
export interface SecretStore {
  readonly kind: 'keychain' | 'memory';
  /** The stored secret, or null when there is none. */
  get(account: string): Promise<string | null>;
  /** Stores or replaces the secret. */
  set(account: string, secret: string): Promise<void>;
  /** Removes the secret; true if there was one. */
  delete(account: string): Promise<boolean>;
}

export interface SettingsStore {
  get(): AppSettings;
  update(patch: Partial<Omit<AppSettings, 'schemaVersion'>>): AppSettings;
  /** Set when the stored settings could not be used: what happened and where the old file is. */
  readonly problem: string | null;
}
