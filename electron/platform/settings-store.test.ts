import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import { createConfSettingsStore } from './conf-settings';

const fresh = () => mkdtempSync(path.join(tmpdir(), 'settings-'));

describe('settings in a data directory', () => {
  it('starts with defaults and keeps changes across a restart', () => {
    const dir = fresh();
    const first = createConfSettingsStore(dir);
    expect(first.get()).toEqual(DEFAULT_SETTINGS);
    first.update({ workspaceId: 'ws1', timeZone: { kind: 'zone', zone: 'America/Sao_Paulo' } });
    const second = createConfSettingsStore(dir);
    expect(second.get()).toMatchObject({ workspaceId: 'ws1', timeZone: { kind: 'zone', zone: 'America/Sao_Paulo' } });
    expect(second.problem).toBeNull();
  });

  it('migrates a version 1 file and writes it back', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 1, timeZoneOffsetHours: -3, launchAtLogin: true }));
    const store = createConfSettingsStore(dir);
    expect(store.get()).toMatchObject({ schemaVersion: 2, timeZone: { kind: 'offset', hours: -3 }, launchAtLogin: true });
    expect(JSON.parse(readFileSync(path.join(dir, 'settings.json'), 'utf8'))).toMatchObject({ schemaVersion: 2 });
  });

  it('keeps a corrupt file aside, reports it and starts with defaults', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'settings.json'), '{"schemaVersion": 2, "workspaceId": ');
    const store = createConfSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.problem).toMatch(/could not be read .* kept at .*settings\.json\.corrupt-/);
    const kept = readdirSync(dir).find((name) => name.startsWith('settings.json.corrupt-'))!;
    expect(readFileSync(path.join(dir, kept), 'utf8')).toBe('{"schemaVersion": 2, "workspaceId": ');
  });

  it('keeps aside settings from a newer version instead of overwriting them', () => {
    const dir = fresh();
    writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({ schemaVersion: 7 }));
    const store = createConfSettingsStore(dir);
    expect(store.problem).toMatch(/newer version/);
    expect(readdirSync(dir).some((name) => name.startsWith('settings.json.corrupt-'))).toBe(true);
  });

  it('refuses an invalid update without changing anything', () => {
    const store = createConfSettingsStore(fresh());
    expect(() => store.update({ idle: { thresholdMinutes: 0, stopOnLock: false, stopOnShutdown: false, stopOnSleep: false } })).toThrow();
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
  });
});
