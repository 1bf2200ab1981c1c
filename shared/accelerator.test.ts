import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from './settings';
import { describeShortcut, recordShortcut, shortcutClashes, type KeyPress } from './accelerator';

const press = (code: string, mods: Partial<KeyPress> = {}, key = code): KeyPress => ({ key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods });

describe('recordShortcut', () => {
  it.each([
    [press('KeyT', { ctrlKey: true, altKey: true }), false, 'CommandOrControl+Alt+T'],
    [press('KeyT', { metaKey: true, altKey: true }), true, 'CommandOrControl+Alt+T'],
    [press('KeyK', { ctrlKey: true, metaKey: true }), true, 'CommandOrControl+Control+K'],
    [press('Digit5', { metaKey: true, shiftKey: true }), false, 'Super+Shift+5'],
    [press('F9'), false, 'F9'],
    [press('ArrowUp', { altKey: true }), false, 'Alt+Up'],
    [press('Space', { ctrlKey: true, shiftKey: true }), false, 'CommandOrControl+Shift+Space'],
  ] as const)('%j on mac=%s is %s', (keyPress, isMac, accelerator) => {
    expect(recordShortcut(keyPress, isMac)).toEqual({ ok: true, accelerator });
  });

  it('uses the physical key, whatever the layout prints', () => {
    expect(recordShortcut(press('KeyZ', { ctrlKey: true, altKey: true }, 'y'), false)).toEqual({ ok: true, accelerator: 'CommandOrControl+Alt+Z' });
  });

  it('waits while only modifiers are held', () => {
    expect(recordShortcut(press('ControlLeft', { ctrlKey: true }, 'Control'), false)).toMatchObject({ ok: false, pending: true });
  });

  it('refuses a plain key or Shift alone, which would steal typing', () => {
    expect(recordShortcut(press('KeyT'), false)).toMatchObject({ ok: false, reason: expect.stringMatching(/Add Ctrl, Alt or Super/) });
    expect(recordShortcut(press('KeyT', { shiftKey: true }), true)).toMatchObject({ ok: false, reason: expect.stringMatching(/Add ⌘/) });
  });

  it('refuses keys an accelerator cannot name', () => {
    expect(recordShortcut(press('IntlBackslash', { ctrlKey: true }, '<'), false)).toMatchObject({ ok: false });
  });
});

describe('describeShortcut', () => {
  it('speaks each platform', () => {
    expect(describeShortcut('CommandOrControl+Alt+T', false)).toBe('Ctrl+Alt+T');
    expect(describeShortcut('CommandOrControl+Alt+T', true)).toBe('⌘⌥T');
    expect(describeShortcut('', true)).toBe('None');
  });
});

describe('shortcutClashes', () => {
  it('finds none in the defaults', () => {
    expect(shortcutClashes(DEFAULT_SETTINGS.shortcuts)).toEqual({});
  });
  it('names both sides of a clash, ignoring case, and lets empty shortcuts be', () => {
    const clashes = shortcutClashes({ toggleTimer: 'CommandOrControl+Alt+T', quickEntry: 'commandorcontrol+alt+t', showPopover: '' });
    expect(Object.keys(clashes).sort()).toEqual(['quickEntry', 'toggleTimer']);
    expect(clashes.toggleTimer).toMatch(/Open quick entry/);
  });
});
