// Settings behind a small interface. In the app the raw store is electron-store; in the web harness
// and in tests it is `conf`, electron-store's base, which writes the same file format atomically.
// Versions are migrated here (shared/settings.ts); a file that cannot be read is kept aside and
// reported, and the app starts with defaults.
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { DEFAULT_SETTINGS, migrateSettings, settingsSchema } from '../../shared/settings';
import type { SettingsStore } from '../core/stores';

export type { SettingsStore };

/** The part of electron-store / conf this needs. */
export interface RawStore {
  store: Record<string, unknown>;
  readonly path: string;
}

export function createSettingsStore(file: string, open: () => RawStore, now = Date.now()): SettingsStore {
  let problem: string | null = null;
  const setAside = (reason: string) => {
    const keptAt = `${file}.corrupt-${new Date(now).toISOString().replace(/[:.]/g, '-')}`;
    renameSync(file, keptAt);
    problem = `The settings could not be read (${reason}); they were kept at ${keptAt} and defaults are used.`;
  };
  if (existsSync(file)) {
    try {
      JSON.parse(readFileSync(file, 'utf8'));
    } catch (error) {
      setAside(error instanceof Error ? error.message : String(error));
    }
  }
  let raw = open();
  const loaded = migrateSettings(Object.keys(raw.store).length === 0 ? DEFAULT_SETTINGS : { ...raw.store });
  let settings = DEFAULT_SETTINGS;
  if (loaded.ok) {
    settings = loaded.settings;
    if (loaded.migratedFrom !== null) raw.store = { ...settings };
  } else {
    setAside(loaded.reason);
    raw = open();
    raw.store = { ...settings };
  }
  return {
    get problem() {
      return problem;
    },
    get: () => settings,
    update: (patch) => {
      settings = settingsSchema.parse({ ...settings, ...patch });
      raw.store = { ...settings };
      return settings;
    },
  };
}
