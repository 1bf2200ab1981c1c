// Settings in a data directory through `conf` (for the web harness and tests; the app uses electron-store).
import Conf from 'conf';
import path from 'node:path';
import { createSettingsStore, type SettingsStore } from './settings-store';

export function createConfSettingsStore(dataDir: string): SettingsStore {
  return createSettingsStore(path.join(dataDir, 'settings.json'), () => new Conf<Record<string, unknown>>({ cwd: dataDir, configName: 'settings' }));
}
