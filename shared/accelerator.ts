// Global shortcuts as Electron accelerators ("CommandOrControl+Alt+T"): recorded from a key press
// in the settings, checked for clashes, and shown in the platform's words.
import type { AppSettings } from './settings';

export type ShortcutName = keyof AppSettings['shortcuts'];

export const SHORTCUT_LABELS: Readonly<Record<ShortcutName, string>> = {
  toggleTimer: 'Start or stop the timer',
  quickEntry: 'Open quick entry',
  showPopover: 'Show the timer window',
};

export interface KeyPress {
  readonly key: string;
  readonly code: string;
  readonly ctrlKey: boolean;
  readonly metaKey: boolean;
  readonly altKey: boolean;
  readonly shiftKey: boolean;
}

export type RecordedShortcut = { readonly ok: true; readonly accelerator: string } | { readonly ok: false; readonly reason: string; readonly pending?: boolean };

const NAMED_CODES: Readonly<Record<string, string>> = {
  Space: 'Space', Tab: 'Tab', Enter: 'Enter', NumpadEnter: 'Enter', Backspace: 'Backspace', Delete: 'Delete', Insert: 'Insert',
  Home: 'Home', End: 'End', PageUp: 'PageUp', PageDown: 'PageDown', ArrowUp: 'Up', ArrowDown: 'Down', ArrowLeft: 'Left', ArrowRight: 'Right',
  Minus: '-', Equal: '=', BracketLeft: '[', BracketRight: ']', Backslash: '\\', Semicolon: ';', Quote: "'", Comma: ',', Period: '.', Slash: '/', Backquote: '`',
};

function keyOf(code: string): string | null {
  if (/^Key[A-Z]$/.test(code)) return code.slice(3);
  if (/^Digit[0-9]$/.test(code)) return code.slice(5);
  if (/^Numpad[0-9]$/.test(code)) return `num${code.slice(6)}`;
  if (/^F([1-9]|1[0-9]|2[0-4])$/.test(code)) return code;
  return NAMED_CODES[code] ?? null;
}

/** The accelerator for a key press, by physical key so it works in any keyboard layout. */
export function recordShortcut(press: KeyPress, isMac: boolean): RecordedShortcut {
  const modifiers: string[] = [];
  if (isMac ? press.metaKey : press.ctrlKey) modifiers.push('CommandOrControl');
  if (isMac && press.ctrlKey) modifiers.push('Control');
  if (!isMac && press.metaKey) modifiers.push('Super');
  if (press.altKey) modifiers.push('Alt');
  if (press.shiftKey) modifiers.push('Shift');
  if (['Control', 'Meta', 'Alt', 'Shift', 'OS', 'AltGraph'].includes(press.key)) return { ok: false, reason: 'Keep holding the modifiers and press a key.', pending: true };
  const key = keyOf(press.code);
  if (!key) return { ok: false, reason: `${press.key || press.code} cannot be part of a global shortcut: choose a letter, digit or function key.` };
  const functionKey = /^F\d+$/.test(key);
  if (!functionKey && !modifiers.some((modifier) => modifier !== 'Shift')) {
    return { ok: false, reason: `Add ${isMac ? '⌘, ⌃ or ⌥' : 'Ctrl, Alt or Super'} so that the shortcut does not steal ordinary typing.` };
  }
  return { ok: true, accelerator: [...modifiers, key].join('+') };
}

/** "Ctrl+Alt+T" or "⌘⌥T". */
export function describeShortcut(accelerator: string, isMac: boolean): string {
  if (!accelerator) return 'None';
  const mac: Record<string, string> = { CommandOrControl: '⌘', Command: '⌘', Control: '⌃', Alt: '⌥', Option: '⌥', Shift: '⇧', Super: '⌘' };
  const other: Record<string, string> = { CommandOrControl: 'Ctrl', Command: 'Super', Control: 'Ctrl', Alt: 'Alt', Option: 'Alt', Shift: 'Shift', Super: 'Super' };
  const parts = accelerator.split('+').map((part) => (isMac ? mac : other)[part] ?? part);
  return isMac ? parts.join('') : parts.join('+');
}

/** Shortcuts that are the same as another of ours: each would steal the other's keys. */
export function shortcutClashes(shortcuts: AppSettings['shortcuts']): Partial<Record<ShortcutName, string>> {
  const clashes: Partial<Record<ShortcutName, string>> = {};
  const names = Object.keys(shortcuts) as ShortcutName[];
  for (const name of names) {
    const other = names.find((candidate) => candidate !== name && shortcuts[candidate] !== '' && shortcuts[candidate].toLowerCase() === shortcuts[name].toLowerCase());
    if (other) clashes[name] = `Same keys as “${SHORTCUT_LABELS[other]}”: choose another shortcut.`;
  }
  return clashes;
}
