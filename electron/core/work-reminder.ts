// The "no timer running" reminder: inside working hours (settings.reminder: days, from–to local
// time in the app's zone, every N minutes), while the user is signed in and nothing is tracked.
// `nextReminderAt` is the pure rule; `WorkReminder` schedules it with a Clock and builds what the
// notification shows, with Start / Continue <last entry> as its actions (tray commands, so the
// shell runs them exactly like the tray menu's).
import { TZDate } from '@date-fns/tz';
import type { AppSnapshot, EntryView } from '../../shared/domain';
import type { AppSettings } from '../../shared/settings';
import type { Clock } from './clock';
import type { TrayCommand } from './tray-view';

export type ReminderSettings = AppSettings['reminder'];

export interface ReminderInput {
  readonly now: number;
  /** The app's zone (IANA), in which `days`, `from` and `to` are read. */
  readonly zone: string;
  readonly reminder: ReminderSettings;
  /** When a reminder was last shown; the next comes `everyMinutes` later at the earliest. */
  readonly lastShownAt: number | null;
  readonly timerRunning: boolean;
  /** When the last timer stopped; the first reminder comes `everyMinutes` after it at the earliest. */
  readonly notTrackingSince?: number | null;
}

/**
 * The next moment to remind, or null for never (disabled, a timer runs, no days, or from/to unusable).
 * Working hours are [from, to) on the chosen weekdays (0 = Sunday), in local time of `zone`, so DST
 * days are right: 09:00 is 09:00 on the clock before and after the change.
 */
export function nextReminderAt(input: ReminderInput): number | null {
  const { reminder } = input;
  if (!reminder.enabled || input.timerRunning) return null;
  const from = clockTime(reminder.from);
  const to = clockTime(reminder.to);
  if (!from || !to || to.minutes <= from.minutes) return null;
  const every = reminder.everyMinutes * 60_000;
  const earliest = Math.max(input.now, (input.lastShownAt ?? -Infinity) + every, (input.notTrackingSince ?? -Infinity) + every);
  const local = new TZDate(earliest, input.zone);
  // Today and the next 7 days cover every weekday once more (no days chosen: never).
  for (let offset = 0; offset <= 7; offset++) {
    const [year, month, day] = [local.getFullYear(), local.getMonth(), local.getDate() + offset];
    if (!reminder.days.includes(new TZDate(year, month, day, 12, 0, input.zone).getDay())) continue;
    const start = new TZDate(year, month, day, from.hours, from.mins, input.zone).getTime();
    const end = new TZDate(year, month, day, to.hours, to.mins, input.zone).getTime();
    if (earliest < end) return Math.max(earliest, start);
  }
  return null;
}

/** `HH:mm` from 00:00 to 24:00; null for anything else. */
function clockTime(text: string): { hours: number; mins: number; minutes: number } | null {
  const match = /^(\d\d):(\d\d)$/.exec(text);
  if (!match) return null;
  const hours = Number(match[1]);
  const mins = Number(match[2]);
  if (hours > 24 || mins > 59 || (hours === 24 && mins > 0)) return null;
  return { hours, mins, minutes: hours * 60 + mins };
}

export interface ReminderAction {
  readonly label: string;
  readonly command: Extract<TrayCommand, { kind: 'start' } | { kind: 'continue' }>;
}

/** What the notification shows. */
export interface Reminder {
  readonly title: string;
  readonly body: string;
  readonly actions: readonly ReminderAction[];
}

/** Start (opens the popover to start a timer) and Continue the last entry, when there is one. */
export function reminderContent(last: EntryView | null, projectName: (id: string | null) => string): Reminder {
  const actions: ReminderAction[] = [{ label: 'Start timer…', command: { kind: 'start' } }];
  if (last) {
    const project = projectName(last.projectId);
    const what = `${last.description || '(no description)'}${project ? ` — ${project}` : ''}`;
    actions.push({ label: `Continue ${what.length <= 40 ? what : `${what.slice(0, 39)}…`}`, command: { kind: 'continue', entryKey: last.key } });
  }
  return { title: 'No timer running', body: 'You are not tracking time.', actions };
}

export interface WorkReminderOptions {
  readonly clock: Clock;
  /** Read whenever it schedules, so a changed setting applies at the next `update` or `refresh`. */
  readonly settings: () => ReminderSettings;
  readonly projectName: (id: string | null) => string;
  readonly show: (reminder: Reminder) => void;
}

/** Longest single wait: timers do not count time asleep everywhere, so it looks again at least this often. */
const MAX_WAIT_MS = 10 * 60_000;

export class WorkReminder {
  private snapshot: AppSnapshot | null = null;
  private lastShownAt: number | null = null;
  private notTrackingSince: number | null = null;
  private cancel: (() => void) | null = null;

  constructor(private readonly options: WorkReminderOptions) {}

  /** Call with every snapshot. */
  update(snapshot: AppSnapshot): void {
    const wasTracking = this.snapshot?.timer.status === 'running';
    if (wasTracking && snapshot.timer.status !== 'running') this.notTrackingSince = this.options.clock.now();
    this.snapshot = snapshot;
    this.schedule();
  }

  /** The settings changed. */
  refresh(): void {
    this.schedule();
  }

  dispose(): void {
    this.cancel?.();
    this.cancel = null;
  }

  /** When the next reminder is due, or null. */
  get nextAt(): number | null {
    const snapshot = this.snapshot;
    if (!snapshot || snapshot.account.status !== 'signed-in') return null;
    return nextReminderAt({
      now: this.options.clock.now(),
      zone: snapshot.preferences.timeZone,
      reminder: this.options.settings(),
      lastShownAt: this.lastShownAt,
      timerRunning: snapshot.timer.status === 'running',
      notTrackingSince: this.notTrackingSince,
    });
  }

  private schedule(): void {
    this.dispose(); // one timer at a time: drop the waiting one, then plan afresh
    const at = this.nextAt;
    if (at === null) return;
    const now = this.options.clock.now();
    if (at <= now) return this.fire();
    this.cancel = this.options.clock.setTimeout(() => {
      this.cancel = null;
      this.schedule();
    }, Math.min(at - now, MAX_WAIT_MS));
  }

  private fire(): void {
    const snapshot = this.snapshot!;
    this.lastShownAt = this.options.clock.now();
    this.options.show(reminderContent(snapshot.recent[0] ?? null, this.options.projectName));
    this.schedule();
  }
}
