// Hours per day of the shown day's week, as small bars against the daily goal; a click opens that day.
import type { CSSProperties } from 'react';
import type { DayTotal } from '../../../shared/work-totals';
import { formatDuration } from '../time-format';
import { showDay } from './day-view-store';

const WEEKDAY = new Intl.DateTimeFormat('en-GB', { weekday: 'short', timeZone: 'UTC' });
const LONG = new Intl.DateTimeFormat('en-GB', { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });

export function WeekStrip({ days, dayKey, todayKey, oldestDayKey, goalMinutes }: { days: readonly DayTotal[]; dayKey: string; todayKey: string; oldestDayKey: string; goalMinutes: number }) {
  // The bars share a scale: the goal, or the longest day (at least 8 hours).
  const scale = Math.max(goalMinutes * 60, ...days.map((day) => day.seconds), goalMinutes > 0 ? 0 : 8 * 3600);
  return (
    <div className="week-strip" role="group" aria-label="Week">
      {days.map((day) => {
        const date = new Date(`${day.dayKey}T12:00:00Z`);
        const loaded = day.dayKey >= oldestDayKey && day.dayKey <= todayKey;
        const total = formatDuration(day.seconds);
        const goal = goalMinutes > 0 ? ` of ${formatDuration(goalMinutes * 60)}` : '';
        return (
          <button
            key={day.dayKey}
            type="button"
            className={`week-day${day.dayKey === todayKey ? ' today' : ''}${goalMinutes > 0 && day.seconds >= goalMinutes * 60 ? ' reached' : ''}`}
            aria-pressed={day.dayKey === dayKey}
            aria-label={`${LONG.format(date)}: ${loaded ? `${total}${goal}` : day.dayKey > todayKey ? 'not yet' : 'not loaded'}`}
            disabled={!loaded}
            onClick={() => showDay(day.dayKey === todayKey ? null : day.dayKey)}
          >
            <span className="week-bar" aria-hidden="true">
              <span style={{ '--fill': `${(day.seconds / scale) * 100}%` } as CSSProperties} />
              {goalMinutes > 0 && <i style={{ '--goal': `${((goalMinutes * 60) / scale) * 100}%` } as CSSProperties} />}
            </span>
            <span className="week-name" aria-hidden="true">
              {WEEKDAY.format(date)}
            </span>
            <span className="week-hours" aria-hidden="true">
              {loaded && day.seconds > 0 ? total : ''}
            </span>
          </button>
        );
      })}
    </div>
  );
}
