import { describe, expect, it } from 'vitest';
import type { AppSnapshot, EntryView } from '../../shared/domain';
import { launchCommand, toggleAction } from './shell-commands';

describe('launchCommand', () => {
  it.each([
    [['/usr/bin/clockify-tray'], null],
    [['/usr/bin/clockify-tray', '--toggle'], 'toggle'],
    [['clockify-tray', '--no-sandbox', '--quick-entry'], 'quick-entry'],
    [['Clockify Tray.exe', '--show'], 'show'],
    [['clockify-tray', '--show', '--toggle'], 'toggle'],
    [['clockify-tray', '--toggled'], null],
  ] as const)('%j → %s', (argv, command) => {
    expect(launchCommand(argv)).toBe(command);
  });
});

describe('toggleAction', () => {
  const entry = { key: 'e1', end: '2026-03-10T10:00:00Z' } as EntryView;
  const base = { account: { status: 'signed-in' }, timer: { status: 'idle' }, recent: [entry] } as unknown as AppSnapshot;
  it('stops a running timer', () => {
    expect(toggleAction({ ...base, timer: { status: 'running', entry: { ...entry, end: null } } })).toEqual({ kind: 'stop' });
  });
  it('continues the last entry when idle', () => {
    expect(toggleAction(base)).toEqual({ kind: 'continue', entryKey: 'e1' });
  });
  it('opens the popover when there is nothing to continue or nobody is signed in', () => {
    expect(toggleAction({ ...base, recent: [] })).toEqual({ kind: 'show' });
    expect(toggleAction({ ...base, account: { status: 'signed-out', envKeyAvailable: null, keychainProblem: null } })).toEqual({ kind: 'show' });
  });
});
