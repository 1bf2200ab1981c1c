// Settings → Goals: a daily and a weekly work goal, in hours (0: none). Shown as progress in the
// popover and the day view, and in the tray's tooltip and icon. A daily limit (0: none) gives one
// notice a day when today's work goes over it.
import { useState } from 'react';
import type { AppSettings, SettingsPatch } from '../../../shared/settings';

type Goals = AppSettings['goals'];
const hours = (minutes: number) => String(Math.round((minutes / 60) * 100) / 100);
const LIMITS: Record<keyof Goals, { max: number; name: string }> = {
  dailyMinutes: { max: 24, name: 'daily goal' },
  weeklyMinutes: { max: 168, name: 'weekly goal' },
  dailyLimitMinutes: { max: 24, name: 'daily limit' },
};

export function GoalsSettings({ goals, save }: { goals: Goals; save: (patch: SettingsPatch) => void }) {
  const [problem, setProblem] = useState<string | null>(null);
  const update = (field: keyof Goals, text: string) => {
    const value = Number(text.trim().replace(',', '.'));
    const { max, name } = LIMITS[field];
    if (text.trim() === '' || !Number.isFinite(value) || value < 0 || value > max) {
      return setProblem(`Enter the ${name} as hours from 0 to ${max} (0: ${field === 'dailyLimitMinutes' ? 'no limit' : 'no goal'}); “${text}” was not saved.`);
    }
    setProblem(null);
    if (Math.round(value * 60) !== (goals[field] ?? 0)) save({ goals: { ...goals, [field]: Math.round(value * 60) } });
  };
  return (
    <fieldset>
      <legend>Goals</legend>
      <div className="setting-row">
        <label className="setting">
          <span>Daily (hours, 0: none)</span>
          <input type="number" aria-label="Daily goal (hours)" min={0} max={24} step={0.25} defaultValue={hours(goals.dailyMinutes)} onBlur={(event) => update('dailyMinutes', event.currentTarget.value)} />
        </label>
        <label className="setting">
          <span>Weekly (hours, 0: none)</span>
          <input type="number" aria-label="Weekly goal (hours)" min={0} max={168} step={0.5} defaultValue={hours(goals.weeklyMinutes)} onBlur={(event) => update('weeklyMinutes', event.currentTarget.value)} />
        </label>
        <label className="setting">
          <span>Daily limit (hours, 0: none)</span>
          <input type="number" aria-label="Daily limit (hours)" min={0} max={24} step={0.25} defaultValue={hours(goals.dailyLimitMinutes ?? 0)} onBlur={(event) => update('dailyLimitMinutes', event.currentTarget.value)} />
        </label>
      </div>
      {problem && (
        <p role="alert" className="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}
