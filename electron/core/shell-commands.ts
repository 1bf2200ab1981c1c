// The three commands a global shortcut or a second launch of the app can give
// (`clockify-tray --toggle | --quick-entry | --show`), and what "toggle" means right now.
import type { AppSnapshot } from '../../shared/domain';
import type { ShortcutName } from '../../shared/accelerator';

export type ShellCommand = 'toggle' | 'quick-entry' | 'show';

export const SHORTCUT_COMMANDS: Readonly<Record<ShortcutName, ShellCommand>> = {
  toggleTimer: 'toggle',
  quickEntry: 'quick-entry',
  showPopover: 'show',
};

/** The command in a launch's arguments; the last one wins. None means "show". */
export function launchCommand(argv: readonly string[]): ShellCommand | null {
  let command: ShellCommand | null = null;
  for (const argument of argv) {
    if (argument === '--toggle') command = 'toggle';
    else if (argument === '--quick-entry') command = 'quick-entry';
    else if (argument === '--show') command = 'show';
  }
  return command;
}

export type ToggleAction = { readonly kind: 'stop' } | { readonly kind: 'continue'; readonly entryKey: string } | { readonly kind: 'show' };

/** Toggle: stop the running timer, else continue the last entry, else open the popover to start one. */
export function toggleAction(snapshot: AppSnapshot): ToggleAction {
  if (snapshot.account.status !== 'signed-in') return { kind: 'show' };
  if (snapshot.timer.status === 'running') return { kind: 'stop' };
  const last = snapshot.recent[0];
  return last ? { kind: 'continue', entryKey: last.key } : { kind: 'show' };
}
