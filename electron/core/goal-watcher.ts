// "Daily goal reached": a notice when today's or this week's work crosses its goal (Settings →
// Goals), and "over your daily limit" when today's work crosses the optional limit (once a day).
// Only a crossing the app sees counts: a goal already met when the app starts, or when the goal is
// set, is not announced again. While a timer runs, the watcher wakes when the goal will be reached.
// Fed with every snapshot like the work reminder; the shell shows the text.
import type { AppSnapshot } from '../../shared/domain';
import { formatDuration } from '../../shared/entry-totals';
import { localDayKey } from '../../shared/time/zone';
import type { Clock } from './clock';
import { snapshotWorkTotals, type Goals } from './tray-totals';

export interface GoalWatcherOptions {
  readonly clock: Clock;
  readonly goals: () => Goals;
  readonly show: (text: string) => void;
}

type Scope = 'day' | 'week' | 'limit';
const MAX_WAIT_MS = 60 * 60_000;

/** Seconds of work and the goal of each scope, at a moment. */
function progress(snapshot: AppSnapshot, now: number, goals: Goals): Record<Scope, { seconds: number; goal: number }> {
  const totals = snapshotWorkTotals(snapshot, now);
  return {
    day: { seconds: totals.todaySeconds, goal: goals.dailyMinutes * 60 },
    week: { seconds: totals.weekSeconds, goal: goals.weeklyMinutes * 60 },
    limit: { seconds: totals.todaySeconds, goal: (goals.dailyLimitMinutes ?? 0) * 60 },
  };
}

function announcement(scope: Scope, seconds: number, goal: number): string {
  switch (scope) {
    case 'day':
      return `Daily goal reached: ${formatDuration(seconds)} of work today.`;
    case 'week':
      return `Weekly goal reached: ${formatDuration(seconds)} of work this week.`;
    case 'limit':
      return `Over your daily limit: ${formatDuration(seconds)} of work today (limit ${formatDuration(goal)}). Time to stop?`;
  }
}

export class GoalWatcher {
  /** Whether each goal was met the last time we looked (absent: not looked yet). A goal of 0 is always met: never announced. */
  private met: Partial<Record<Scope, boolean>> = {};
  /** The local day the limit notice was last given: once a day, even if an edit crosses it again. */
  private limitDay: string | null = null;
  private lastGoals: Goals | null = null;
  private cancel: (() => void) | null = null;

  constructor(private readonly options: GoalWatcherOptions) {}

  update(snapshot: AppSnapshot): void {
    this.check(snapshot);
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /** `snapshot` is the latest: each update cancels the wake of the one before. */
  private check(snapshot: AppSnapshot): void {
    this.dispose();
    if (snapshot.account.status !== 'signed-in') return;
    const goals = this.options.goals();
    const last = this.lastGoals;
    if (last && (last.dailyMinutes !== goals.dailyMinutes || last.weeklyMinutes !== goals.weeklyMinutes || last.dailyLimitMinutes !== goals.dailyLimitMinutes)) this.met = {};
    this.lastGoals = goals;
    const now = this.options.clock.now();
    const current = progress(snapshot, now, goals);
    let wake = Infinity;
    const today = localDayKey(new Date(now), snapshot.preferences.timeZone);
    for (const scope of ['day', 'week', 'limit'] as const) {
      const { seconds, goal } = current[scope];
      const met = seconds >= goal;
      if (met && this.met[scope] === false && !(scope === 'limit' && this.limitDay === today)) {
        this.options.show(announcement(scope, seconds, goal));
        if (scope === 'limit') this.limitDay = today;
      }
      this.met[scope] = met;
      if (!met && snapshot.timer.status === 'running') wake = Math.min(wake, (goal - seconds) * 1000);
    }
    // Also wake now and then: a new day or week starts its totals from nothing.
    const wait = Math.min(wake, MAX_WAIT_MS);
    this.cancel = this.options.clock.setTimeout(() => {
      this.cancel = null;
      this.check(snapshot);
    }, Math.max(1000, wait));
  }
}
