// The main view's line about the day: today's and this week's work (breaks and time off not
// counted), progress toward the goals, and the way into the day view.
import { useMemo } from 'react';
import { workTotals } from '../../../shared/work-totals';
import { openDayView, useDayEntries } from './day-view-store';
import { GoalProgress } from './GoalProgress';
import { usePopover } from './store';
import './day-view.css';

export function DaySummary() {
  const { entries, running, zone, now } = useDayEntries();
  const weekStart = usePopover((state) => state.snapshot?.preferences.weekStart ?? 'MONDAY');
  const goals = usePopover((state) => state.settings?.goals);
  const all = useMemo(() => (running ? [...entries, running] : entries), [entries, running]);
  const totals = workTotals(all, now, zone, weekStart);
  return (
    <section className="day-summary" aria-label="Work totals">
      <GoalProgress label="Today" seconds={totals.todaySeconds} goalMinutes={goals?.dailyMinutes ?? 0} />
      <GoalProgress label="Week" seconds={totals.weekSeconds} goalMinutes={goals?.weeklyMinutes ?? 0} />
      <button type="button" className="quiet day-open" onClick={() => openDayView()}>
        Day view
      </button>
    </section>
  );
}
