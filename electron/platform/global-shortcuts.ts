// Registers the three global shortcuts and says which failed and why. Never silent: a shortcut
// another app holds, one the desktop does not allow (some Wayland sessions), or an invalid one is
// reported, and the same commands stay available from a second launch (`--toggle` …).
import { globalShortcut } from 'electron';
import { SHORTCUT_LABELS, type ShortcutName } from '../../shared/accelerator';
import type { AppSettings } from '../../shared/settings';

export function registerShortcuts(shortcuts: AppSettings['shortcuts'], run: (name: ShortcutName) => void): Partial<Record<ShortcutName, string>> {
  globalShortcut.unregisterAll();
  const problems: Partial<Record<ShortcutName, string>> = {};
  for (const name of Object.keys(shortcuts) as ShortcutName[]) {
    const accelerator = shortcuts[name];
    if (!accelerator) continue;
    try {
      if (!globalShortcut.register(accelerator, () => run(name))) {
        problems[name] = `“${SHORTCUT_LABELS[name]}” (${accelerator}) is taken by another application or not allowed by the desktop: choose other keys, or bind the command in your desktop's settings (see the README).`;
      }
    } catch (error) {
      problems[name] = `“${SHORTCUT_LABELS[name]}” (${accelerator}) is not a valid shortcut: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return problems;
}

/**
 * Registers the favourites' own shortcuts, after `registerShortcuts` (which clears every shortcut
 * first). Returns the problems by favourite id, said like the app's own shortcuts' problems.
 */
export function registerFavouriteShortcuts(favourites: readonly { id: string; accelerator: string; label: string }[], run: (favouriteId: string) => void): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const { id, accelerator, label } of favourites) {
    try {
      if (!globalShortcut.register(accelerator, () => run(id))) {
        problems[id] = `“${label}” (${accelerator}) is taken by another application or not allowed by the desktop: choose other keys.`;
      }
    } catch (error) {
      problems[id] = `“${label}” (${accelerator}) is not a valid shortcut: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  return problems;
}
