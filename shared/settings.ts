// The app's settings: their shape, defaults and the migrations between versions. No secrets ever:
// the key lives in the OS keychain. Stored by main (electron-store); read by the renderer as a view.
import { z } from 'zod';
import type { ShortcutName } from './accelerator';
import { favouritesByAccountSchema } from './favourites';
import { connectionSchema, idSchema, timeZoneOverrideSchema } from './ipc/schemas';
import { pomodoroSettingsSchema, DEFAULT_POMODORO } from './pomodoro';

export const SETTINGS_VERSION = 2;

const shortcutsSchema = z.object({
  toggleTimer: z.string().max(100),
  quickEntry: z.string().max(100),
  showPopover: z.string().max(100),
});

const defaultProjectSchema = z.union([
  z.object({ kind: z.literal('last-used') }),
  z.object({ kind: z.literal('none') }),
  z.object({ kind: z.literal('fixed'), projectId: idSchema }),
]);

/**
 * One account: a connection (an API key on a server, or a Maton connection) and its Clockify user,
 * with the settings that belong to it. `id` names its key in the keychain; the key is never here.
 */
export const accountRecordSchema = z.object({
  id: z.string().min(1).max(600),
  connection: connectionSchema,
  userId: idSchema,
  userName: z.string().max(300),
  email: z.string().max(320),
  workspaceId: idSchema.nullable(),
  defaultProject: defaultProjectSchema,
});
export type AccountRecord = z.infer<typeof accountRecordSchema>;

export const settingsSchema = z.object({
  schemaVersion: z.literal(SETTINGS_VERSION),
  /** The active account's connection, workspace and default project (the others wait in `accounts`). */
  connection: connectionSchema.nullable(),
  workspaceId: idSchema.nullable(),
  defaultProject: defaultProjectSchema,
  /** Every account signed in to, the active one included; its id is `activeAccountId`. */
  accounts: z.array(accountRecordSchema).max(50),
  activeAccountId: z.string().min(1).max(600).nullable(),
  timeZone: timeZoneOverrideSchema,
  shortcuts: shortcutsSchema,
  idle: z.object({
    thresholdMinutes: z.number().int().min(1).max(480),
    stopOnSleep: z.boolean(),
    stopOnLock: z.boolean(),
    stopOnShutdown: z.boolean(),
  }),
  reminder: z.object({
    enabled: z.boolean(),
    /** 0 = Sunday … 6 = Saturday */
    days: z.array(z.number().int().min(0).max(6)),
    from: z.string().regex(/^\d\d:\d\d$/),
    to: z.string().regex(/^\d\d:\d\d$/),
    everyMinutes: z.number().int().min(5).max(240),
  }),
  /**
   * Daily and weekly work goals in minutes (0: none), shown as progress in the day view and the tray;
   * and a daily limit (absent or 0: none): one notice a day when today's work goes over it.
   */
  goals: z.object({ dailyMinutes: z.number().int().min(0).max(1440), weeklyMinutes: z.number().int().min(0).max(10080), dailyLimitMinutes: z.number().int().min(0).max(1440).optional() }),
  launchAtLogin: z.boolean(),
  /** A popover hidden this long gives back its renderer's memory and is rebuilt on the next open (0: never). */
  unloadPopoverAfterMinutes: z.number().int().min(0).max(1440),
  /** Each account's favourites, by account id (changed through the favourite commands, not a patch). */
  favourites: favouritesByAccountSchema,
  /** The focus mode (pomodoro): off unless the person turns it on. */
  pomodoro: pomodoroSettingsSchema,
});

export type AppSettings = z.infer<typeof settingsSchema>;
export type TimeZoneOverride = AppSettings['timeZone'];

/** What windows may read: the settings (nothing secret is in them), the zone in force, and shortcut trouble. */
export type AppSettingsView = AppSettings & {
  readonly effectiveTimeZone: string;
  /** Set where idle time cannot be read in this session (and so only sleep and lock are noticed): why. */
  readonly idleUnavailable: string | null;
  /** Shortcuts the system refused or that clash, with what to do. */
  readonly shortcutProblems: Partial<Record<ShortcutName, string>>;
};

/** What the settings window may change. */
export const settingsPatchSchema = z.strictObject(
  settingsSchema.pick({ defaultProject: true, timeZone: true, shortcuts: true, idle: true, reminder: true, goals: true, launchAtLogin: true, unloadPopoverAfterMinutes: true, pomodoro: true }).partial().shape,
);
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

export const DEFAULT_SETTINGS: AppSettings = {
  schemaVersion: SETTINGS_VERSION,
  connection: null,
  workspaceId: null,
  defaultProject: { kind: 'last-used' },
  accounts: [],
  activeAccountId: null,
  timeZone: { kind: 'system' },
  shortcuts: { toggleTimer: 'CommandOrControl+Alt+T', quickEntry: 'CommandOrControl+Alt+E', showPopover: 'CommandOrControl+Alt+C' },
  idle: { thresholdMinutes: 10, stopOnSleep: false, stopOnLock: false, stopOnShutdown: false },
  reminder: { enabled: false, days: [1, 2, 3, 4, 5], from: '09:00', to: '17:00', everyMinutes: 30 },
  goals: { dailyMinutes: 0, weeklyMinutes: 0 },
  launchAtLogin: false,
  unloadPopoverAfterMinutes: 10,
  favourites: {},
  pomodoro: DEFAULT_POMODORO,
};

type Raw = Record<string, unknown>;

/**
 * Each step takes the settings of version N (as stored, unvalidated) to N+1.
 * v1 kept a fixed UTC offset as `timeZoneOffsetHours` (number | null); v2 has `timeZone`, which
 * also allows an IANA zone.
 */
const migrations: Record<number, (raw: Raw) => Raw> = {
  1: ({ timeZoneOffsetHours, ...rest }) => ({
    ...rest,
    schemaVersion: 2,
    timeZone: typeof timeZoneOffsetHours === 'number' ? { kind: 'offset', hours: timeZoneOffsetHours } : { kind: 'system' },
  }),
};

export type SettingsLoad =
  | Readonly<{ ok: true; settings: AppSettings; migratedFrom: number | null }>
  | Readonly<{ ok: false; reason: string }>;

/** Brings stored settings to the current version; fields that are missing take their defaults. */
export function migrateSettings(stored: unknown): SettingsLoad {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return { ok: false, reason: 'the settings are not an object' };
  let raw = stored as Raw;
  const from = typeof raw.schemaVersion === 'number' ? raw.schemaVersion : 1;
  if (from > SETTINGS_VERSION) return { ok: false, reason: `the settings were written by a newer version of the app (version ${from})` };
  for (let version = from; version < SETTINGS_VERSION; version++) {
    const step = migrations[version];
    if (!step) return { ok: false, reason: `no migration from settings version ${version}` };
    raw = step(raw);
  }
  const merged = { ...DEFAULT_SETTINGS, ...raw, schemaVersion: SETTINGS_VERSION };
  const parsed = settingsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, reason: `the settings are invalid (${issue?.path.join('.') ?? '?'}: ${issue?.message ?? '?'})` };
  }
  return { ok: true, settings: parsed.data, migratedFrom: from === SETTINGS_VERSION ? null : from };
}
