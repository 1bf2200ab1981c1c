// Settings → Focus mode (pomodoro), off by default: work and break lengths, a long break after some
// rounds, an optional break project (breaks are tracked only then), and what happens when work time
// is up: ask (the timer keeps running), or stop it and start the break, said in a notification.
import { useState } from 'react';
import type { PomodoroSettings as Pomodoro } from '../../../shared/pomodoro';
import type { SettingsPatch } from '../../../shared/settings';
import { usePopover } from './store';

type NumberField = 'workMinutes' | 'breakMinutes' | 'longBreakMinutes' | 'roundsBeforeLongBreak';
const FIELDS: Record<NumberField, { label: string; min: number; max: number }> = {
  workMinutes: { label: 'Work (minutes)', min: 1, max: 240 },
  breakMinutes: { label: 'Break (minutes)', min: 1, max: 120 },
  longBreakMinutes: { label: 'Long break (minutes)', min: 1, max: 240 },
  roundsBeforeLongBreak: { label: 'Rounds before a long break', min: 1, max: 12 },
};

export function PomodoroSettings({ pomodoro, save }: { pomodoro: Pomodoro; save: (patch: SettingsPatch) => void }) {
  const projects = usePopover((state) => state.catalog?.projects.sorted ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const change = (next: Partial<Pomodoro>) => save({ pomodoro: { ...pomodoro, ...next } });
  const update = (field: NumberField, text: string) => {
    const value = Number(text.trim());
    const { label, min, max } = FIELDS[field];
    if (text.trim() === '' || !Number.isInteger(value) || value < min || value > max) {
      return setProblem(`${label}: enter a whole number from ${min} to ${max}; “${text}” was not saved.`);
    }
    setProblem(null);
    if (value !== pomodoro[field]) change({ [field]: value });
  };
  return (
    <fieldset>
      <legend>Focus mode (pomodoro)</legend>
      <label className="check">
        <input type="checkbox" checked={pomodoro.enabled} onChange={(event) => change({ enabled: event.currentTarget.checked })} />
        <span>Focus mode: count down work rounds and breaks</span>
      </label>
      {pomodoro.enabled && (
        <>
          <div className="setting-row">
            {(Object.keys(FIELDS) as NumberField[]).map((field) => (
              <label key={field} className="setting">
                <span>{FIELDS[field].label}</span>
                <input type="number" aria-label={FIELDS[field].label} min={FIELDS[field].min} max={FIELDS[field].max} step={1} defaultValue={pomodoro[field]} onBlur={(event) => update(field, event.currentTarget.value)} />
              </label>
            ))}
          </div>
          <label className="setting">
            <span>Breaks</span>
            <select aria-label="Break project" value={pomodoro.breakProjectId ?? ''} onChange={(event) => change({ breakProjectId: event.currentTarget.value || null })}>
              <option value="">Not tracked</option>
              {projects.map((project) => (
                <option key={project.id} value={project.id}>
                  Tracked in {project.name}
                </option>
              ))}
            </select>
          </label>
          <label className="setting">
            <span>When work time is up</span>
            <select aria-label="When work time is up" value={pomodoro.atWorkEnd} onChange={(event) => change({ atWorkEnd: event.currentTarget.value === 'break' ? 'break' : 'ask' })}>
              <option value="ask">Ask me; the timer keeps running</option>
              <option value="break">Stop the timer and start the break (I am told)</option>
            </select>
          </label>
        </>
      )}
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
