import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, migrateSettings, SETTINGS_VERSION } from './settings';

describe('migrateSettings', () => {
  it('keeps current settings as they are', () => {
    const current = { ...DEFAULT_SETTINGS, workspaceId: 'abc123' };
    expect(migrateSettings(current)).toEqual({ ok: true, settings: current, migratedFrom: null });
  });

  it('fills missing fields with defaults', () => {
    const result = migrateSettings({ schemaVersion: SETTINGS_VERSION, launchAtLogin: true });
    expect(result).toEqual({ ok: true, settings: { ...DEFAULT_SETTINGS, launchAtLogin: true }, migratedFrom: null });
  });

  it('moves a version 1 fixed offset into the time zone override', () => {
    const result = migrateSettings({ schemaVersion: 1, timeZoneOffsetHours: -3, workspaceId: 'ws1' });
    expect(result).toMatchObject({ ok: true, migratedFrom: 1, settings: { timeZone: { kind: 'offset', hours: -3 }, workspaceId: 'ws1' } });
    expect(result.ok && 'timeZoneOffsetHours' in result.settings).toBe(false);
  });

  it('treats unversioned settings as version 1 and a null offset as the system zone', () => {
    expect(migrateSettings({ timeZoneOffsetHours: null })).toMatchObject({ ok: true, migratedFrom: 1, settings: { timeZone: { kind: 'system' } } });
  });

  it('refuses settings from a newer app and settings that are not valid', () => {
    expect(migrateSettings({ schemaVersion: 99 })).toMatchObject({ ok: false, reason: expect.stringMatching(/newer version/) });
    expect(migrateSettings('nope')).toMatchObject({ ok: false });
    expect(migrateSettings({ schemaVersion: SETTINGS_VERSION, idle: { thresholdMinutes: -1 } })).toMatchObject({ ok: false, reason: expect.stringMatching(/idle/) });
  });
});
