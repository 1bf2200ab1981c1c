// Today's and this week's work for the tray's tooltip and title, against the goals when set. Pure:
// the snapshot, the time and the goals in; words out. Only work counts (see shared/work-totals).
import type { AppSnapshot } from '../../shared/domain';
import { formatDuration } from '../../shared/entry-totals';
import type { AppSettings } from '../../shared/settings';
import { workTotals, type Span } from '../../shared/work-totals';

export type Goals = AppSettings['goals'];

export function snapshotWorkTotals(snapshot: AppSnapshot, now: number) {
  const entries: Span[] = [...snapshot.recent];
  if (snapshot.timer.status === 'running') entries.push(snapshot.timer.entry);
  return workTotals(entries, now, snapshot.preferences.timeZone, snapshot.preferences.weekStart);
}

/** "today 5:40 · week 21:05", with "/8:00" after each total whose goal is set. */
export function totalsText(snapshot: AppSnapshot, now: number, goals?: Goals): string {
  const { todaySeconds, weekSeconds } = snapshotWorkTotals(snapshot, now);
  const goal = (minutes: number | undefined) => (minutes ? `/${formatDuration(minutes * 60)}` : '');
  return `today ${formatDuration(todaySeconds)}${goal(goals?.dailyMinutes)} · week ${formatDuration(weekSeconds)}${goal(goals?.weeklyMinutes)}`;
}
