// The settings: global shortcuts (recorded by pressing them), the time zone, what happens when you
// are away, the work-hours reminder, starting at login and the default project. Each change is
// saved at once; main refuses what cannot work and says why.
import { useEffect, useRef, useState } from 'react';
import { SHORTCUT_LABELS, type ShortcutName } from '../../../shared/accelerator';
import type { SettingsPatch } from '../../../shared/settings';
import { formatUtcOffset, parseUtcOffset } from '../../../shared/time/zone';
import { GoalsSettings } from './GoalsSettings';
import { PomodoroSettings } from './PomodoroSettings';
import { ShortcutField } from './ShortcutField';
import { Icon } from './Icon';
import { call, closeSettings, setSettings, usePopover } from './store';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** Counts saves, so that only the latest one's answer is applied. */
let saves = 0;

type FieldName = 'zone' | 'offset' | 'threshold' | 'unload';

/** A whole number within bounds, or null (an empty or fractional field is not one). */
function wholeNumber(text: string, min: number, max: number): number | null {
  const value = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(value) && value >= min && value <= max ? value : null;
}

/** Focus into the sheet when it opens, and back where it was (or to the Account button) when it closes. */
function useSheetFocus() {
  const sheet = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    sheet.current?.querySelector<HTMLElement>('button, input, select')?.focus();
    return () => {
      const back = opener instanceof HTMLElement && opener !== document.body && opener.isConnected ? opener : document.querySelector<HTMLElement>('button[aria-label="Account"]');
      requestAnimationFrame(() => back?.focus());
    };
  }, []);
  return sheet;
}

export function SettingsSheet() {
  const settings = usePopover((state) => state.settings);
  const [error, setError] = useState<string | null>(null);
  /** What is wrong with one field, said next to it. */
  const [fieldError, setFieldError] = useState<{ field: FieldName; message: string } | null>(null);
  const sheet = useSheetFocus();
  if (!settings) return null;

  const save = async (patch: SettingsPatch, field?: FieldName) => {
    const before = settings;
    const turn = ++saves;
    setSettings({ ...settings, ...patch }); // shown at once; main's answer follows
    const result = await call(() => window.clockify.updateSettings({ patch }));
    if (turn !== saves) return; // a later change is on its way: an older answer must not undo it
    if (!result.ok) {
      setSettings(before);
      if (field) return setFieldError({ field, message: result.error.message });
      return setError(result.error.message);
    }
    setError(null);
    if (field === undefined || fieldError?.field === field) setFieldError(null);
    setSettings(result.value);
  };
  const problemAt = (field: FieldName) =>
    fieldError?.field === field ? (
      <p role="alert" className="field-problem" id={`settings-${field}-problem`}>
        {fieldError.message}
      </p>
    ) : null;

  return (
    <div className="sheet-backdrop">
      <div ref={sheet} role="dialog" aria-modal="true" aria-label="Settings" className="sheet settings">
        <div className="sheet-head">
          <h2>Settings</h2>
          <button type="button" className="icon-button" aria-label="Close" onClick={closeSettings}>
            <Icon name="close" />
          </button>
        </div>
        {error && (
          <p role="alert" className="alert">
            {error}
          </p>
        )}
        <div className="settings-body">
          <fieldset>
            <legend>Global shortcuts</legend>
            {(Object.keys(SHORTCUT_LABELS) as ShortcutName[]).map((name) => (
              <ShortcutField
                key={name}
                label={SHORTCUT_LABELS[name]}
                value={settings.shortcuts[name]}
                problem={settings.shortcutProblems[name] ?? null}
                onChange={(accelerator) => void save({ shortcuts: { ...settings.shortcuts, [name]: accelerator } })}
              />
            ))}
            <p className="muted small">Also from the command line: <code>clockify-tray --toggle</code>, <code>--quick-entry</code>, <code>--show</code>.</p>
          </fieldset>

          <fieldset>
            <legend>Time zone</legend>
            <label className="setting">
              <span>Local times are in</span>
              <select
                aria-label="Time zone"
                value={settings.timeZone.kind}
                onChange={(event) => {
                  const kind = event.currentTarget.value;
                  void save({ timeZone: kind === 'zone' ? { kind, zone: settings.effectiveTimeZone } : kind === 'offset' ? { kind, hours: 0 } : { kind: 'system' } });
                }}
              >
                <option value="system">The system's zone</option>
                <option value="zone">A zone (IANA)</option>
                <option value="offset">A fixed UTC offset</option>
              </select>
            </label>
            {settings.timeZone.kind === 'zone' && (
              <label className="setting">
                <span>Zone</span>
                <input
                  aria-label="Zone"
                  aria-invalid={fieldError?.field === 'zone' || undefined}
                  aria-describedby={fieldError?.field === 'zone' ? 'settings-zone-problem' : undefined}
                  defaultValue={settings.timeZone.zone}
                  onBlur={(event) => void save({ timeZone: { kind: 'zone', zone: event.currentTarget.value.trim() } }, 'zone')}
                />
              </label>
            )}
            {problemAt('zone')}
            {settings.timeZone.kind === 'offset' && (
              <label className="setting">
                <span>Hours from UTC</span>
                <input
                  type="text"
                  inputMode="text"
                  aria-label="Hours from UTC"
                  placeholder="-3 or +5:30"
                  aria-invalid={fieldError?.field === 'offset' || undefined}
                  aria-describedby={fieldError?.field === 'offset' ? 'settings-offset-problem' : undefined}
                  defaultValue={formatUtcOffset(settings.timeZone.hours)}
                  onBlur={(event) => {
                    const hours = parseUtcOffset(event.currentTarget.value);
                    if (hours === null) return setFieldError({ field: 'offset', message: 'Enter hours from UTC between -12 and +14, with minutes if needed (for example -3, +5:30 or +5:45).' });
                    void save({ timeZone: { kind: 'offset', hours } }, 'offset');
                  }}
                />
              </label>
            )}
            {problemAt('offset')}
            <p className="muted small">In force: {settings.effectiveTimeZone}</p>
          </fieldset>

          <fieldset>
            <legend>Away from the computer</legend>
            <label className="setting">
              <span>Ask about time away after (minutes)</span>
              <input
                type="number"
                aria-label="Minutes away before asking"
                min={1}
                max={480}
                aria-invalid={fieldError?.field === 'threshold' || undefined}
                aria-describedby={fieldError?.field === 'threshold' ? 'settings-threshold-problem' : undefined}
                defaultValue={settings.idle.thresholdMinutes}
                onBlur={(event) => {
                  const minutes = wholeNumber(event.currentTarget.value, 1, 480);
                  if (minutes === null) return setFieldError({ field: 'threshold', message: 'Enter whole minutes from 1 to 480.' });
                  void save({ idle: { ...settings.idle, thresholdMinutes: minutes } }, 'threshold');
                }}
              />
            </label>
            {problemAt('threshold')}
            {settings.idleUnavailable && (
              <p className="muted small" role="note">
                {settings.idleUnavailable}
              </p>
            )}
            {(
              [
                ['stopOnSleep', 'Stop the timer when the computer sleeps'],
                ['stopOnLock', 'Stop the timer when the screen locks'],
                ['stopOnShutdown', 'Stop the timer when the computer shuts down'],
              ] as const
            ).map(([key, label]) => (
              <label key={key} className="check">
                <input type="checkbox" checked={settings.idle[key]} onChange={(event) => void save({ idle: { ...settings.idle, [key]: event.currentTarget.checked } })} />
                {label}
              </label>
            ))}
          </fieldset>

          <fieldset>
            <legend>Reminder</legend>
            <label className="check">
              <input type="checkbox" checked={settings.reminder.enabled} onChange={(event) => void save({ reminder: { ...settings.reminder, enabled: event.currentTarget.checked } })} />
              Remind me when no timer runs during working hours
            </label>
            {settings.reminder.enabled && (
              <>
                <div className="days" role="group" aria-label="Working days">
                  {DAYS.map((day, index) => (
                    <label key={day} className="weekday">
                      <input
                        type="checkbox"
                        checked={settings.reminder.days.includes(index)}
                        onChange={(event) => {
                          const days = event.currentTarget.checked ? [...settings.reminder.days, index].sort() : settings.reminder.days.filter((d) => d !== index);
                          void save({ reminder: { ...settings.reminder, days } });
                        }}
                      />
                      {day}
                    </label>
                  ))}
                </div>
                <div className="setting-row">
                  <label className="setting">
                    <span>From</span>
                    <input type="time" aria-label="Working hours from" defaultValue={settings.reminder.from} onBlur={(event) => void save({ reminder: { ...settings.reminder, from: event.currentTarget.value } })} />
                  </label>
                  <label className="setting">
                    <span>To</span>
                    <input type="time" aria-label="Working hours to" defaultValue={settings.reminder.to} onBlur={(event) => void save({ reminder: { ...settings.reminder, to: event.currentTarget.value } })} />
                  </label>
                  <label className="setting">
                    <span>Every (min)</span>
                    <input type="number" aria-label="Remind every (minutes)" min={5} max={240} defaultValue={settings.reminder.everyMinutes} onBlur={(event) => void save({ reminder: { ...settings.reminder, everyMinutes: Number(event.currentTarget.value) } })} />
                  </label>
                </div>
              </>
            )}
          </fieldset>

          <GoalsSettings goals={settings.goals} save={(patch) => void save(patch)} />
          <PomodoroSettings pomodoro={settings.pomodoro} save={(patch) => void save(patch)} />

          <fieldset>
            <legend>General</legend>
            <label className="setting">
              <span>A new timer starts with</span>
              <select
                aria-label="Default project"
                value={settings.defaultProject.kind === 'fixed' ? 'last-used' : settings.defaultProject.kind}
                onChange={(event) => void save({ defaultProject: { kind: event.currentTarget.value === 'none' ? 'none' : 'last-used' } })}
              >
                <option value="last-used">Last project</option>
                <option value="none">No project</option>
              </select>
            </label>
            <label className="check">
              <input type="checkbox" checked={settings.launchAtLogin} onChange={(event) => void save({ launchAtLogin: event.currentTarget.checked })} />
              Start Clockify Tray when I log in
            </label>
            <label className="setting">
              <span>Free the popover's memory after it has been hidden for (minutes; 0: never)</span>
              <input
                type="number"
                aria-label="Minutes hidden before the popover is unloaded"
                min={0}
                max={1440}
                aria-invalid={fieldError?.field === 'unload' || undefined}
                aria-describedby={fieldError?.field === 'unload' ? 'settings-unload-problem' : undefined}
                defaultValue={settings.unloadPopoverAfterMinutes}
                onBlur={(event) => {
                  const minutes = wholeNumber(event.currentTarget.value, 0, 1440);
                  if (minutes === null) return setFieldError({ field: 'unload', message: 'Enter whole minutes from 0 (never) to 1440.' });
                  void save({ unloadPopoverAfterMinutes: minutes }, 'unload');
                }}
              />
            </label>
            {problemAt('unload')}
          </fieldset>
        </div>
      </div>
    </div>
  );
}
