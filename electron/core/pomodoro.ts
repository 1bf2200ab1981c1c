// The focus mode (pomodoro), opt-in. A work round counts down while a timer runs; when it is up the
// person is told (a notice, which the desktop shows as a notification) and chooses: take a break
// (the timer stops; a break is tracked only when a break project is set) or keep working. Nothing
// stops silently: `atWorkEnd: 'break'` stops the timer by itself only because the person chose that
// setting, and says so. Long breaks come after N rounds. "Pause focus" turns it off for the running
// timer (a meeting) until that timer stops. Driven by the core's clock (a fake one in tests).
import type { EntryDraft, EntryView, Result, TimerState } from '../../shared/domain';
import type { FocusAction, PomodoroSettings, PomodoroView } from '../../shared/pomodoro';
import type { Clock } from './clock';

export interface PomodoroDeps {
  readonly clock: Clock;
  readonly settings: () => PomodoroSettings;
  readonly timer: () => TimerState;
  readonly startTimer: (draft: EntryDraft) => Result<null>;
  readonly stopTimer: () => Result<null>;
  /** Whether a project is active in the chosen workspace (a break project of another workspace, or archived, is not used). */
  readonly projectActive: (projectId: string) => boolean;
  /** Tells the person (the popover's notice, or a system notification while no window has focus). */
  readonly notice: (level: 'info' | 'warning', text: string) => void;
  readonly changed: () => void;
}

/** The description of a tracked break (in the break project). */
export const BREAK_DESCRIPTION = 'Break';

type State =
  | { readonly phase: 'ready' }
  | { readonly phase: 'work'; readonly endsAt: number }
  | { readonly phase: 'work-over'; readonly since: number }
  | { readonly phase: 'break'; readonly endsAt: number; readonly long: boolean; readonly tracked: boolean; readonly resume: EntryDraft | null }
  | { readonly phase: 'break-over'; readonly since: number; readonly long: boolean; readonly tracked: boolean; readonly resume: EntryDraft | null }
  /** Off for the timer `entryKey` (null: for the next timer that starts). */
  | { readonly phase: 'paused'; readonly entryKey: string | null };

const ok: Result<null> = { ok: true, value: null };
const fail = (message: string): Result<null> => ({ ok: false, error: { kind: 'invalid', message, status: null } });

export class Pomodoro {
  private state: State = { phase: 'ready' };
  /** The work round in progress, 1 … roundsBeforeLongBreak. */
  private round = 1;
  private cancelAlarm: (() => void) | null = null;
  /** When the alarm is due and what it does: run late if the computer slept through it. */
  private due: { readonly at: number; readonly fn: () => void } | null = null;
  /** The work that ran last: after the break, "Back to work" continues it. */
  private lastWork: EntryView | null = null;

  constructor(private readonly deps: PomodoroDeps) {}

  view(): PomodoroView | null {
    const settings = this.deps.settings();
    if (!settings.enabled) return null;
    const base = { round: this.round, rounds: settings.roundsBeforeLongBreak };
    const at = (ms: number) => new Date(ms).toISOString();
    const state = this.state;
    switch (state.phase) {
      case 'ready':
        return { phase: 'ready', ...base };
      case 'work':
        return { phase: 'work', ...base, endsAt: at(state.endsAt) };
      case 'work-over':
        return { phase: 'work-over', ...base, since: at(state.since), longBreak: this.round >= settings.roundsBeforeLongBreak };
      case 'break':
        return { phase: 'break', ...base, endsAt: at(state.endsAt), longBreak: state.long, tracked: state.tracked };
      case 'break-over':
        return { phase: 'break-over', ...base, since: at(state.since) };
      case 'paused':
        return { phase: 'paused', ...base };
    }
  }

  /** The running timer after any change (called once per burst of changes) and after a change of the settings. */
  timerChanged(): void {
    if (!this.deps.settings().enabled) return this.reset();
    // A timer held up by sleep runs at the first change after waking.
    if (this.due && this.deps.clock.now() >= this.due.at) return this.ring();
    const running = this.running();
    if (running && !this.isBreakEntry(running)) this.lastWork = running;
    const state = this.state;
    switch (state.phase) {
      case 'ready':
        if (running && !this.isBreakEntry(running)) this.work();
        return;
      case 'work':
        // Switching to other work keeps the round going; a stop ends it.
        if (!running) this.set({ phase: 'ready' });
        return;
      case 'work-over':
        // Stopped when told that work time was up: that is the break.
        if (!running) this.beginBreak(this.lastWork);
        return;
      case 'break':
      case 'break-over':
        // Work started during the break: the break is over.
        if (running && !this.isBreakEntry(running)) this.work();
        else if (!running && state.tracked && state.phase === 'break-over') this.set({ phase: 'ready' });
        return;
      case 'paused':
        if (state.entryKey === null && running) this.set({ phase: 'paused', entryKey: running.key });
        else if (state.entryKey !== null && running?.key !== state.entryKey) this.resumeFocus();
        return;
    }
  }

  act(action: FocusAction): Result<null> {
    if (!this.deps.settings().enabled) return fail('Focus mode is off: turn it on in Settings first.');
    const phase = this.state.phase;
    switch (action) {
      case 'break': {
        if (phase !== 'work' && phase !== 'work-over') return fail('There is no work round to end: start a timer first.');
        const running = this.running();
        const stopped = running ? this.deps.stopTimer() : ok;
        if (!stopped.ok) return stopped;
        return this.beginBreak(running);
      }
      case 'keep-working':
        if (phase !== 'work-over') return fail('Work time is not up yet.');
        this.work();
        return ok;
      case 'back-to-work': {
        if (phase !== 'break' && phase !== 'break-over') return fail('You are not on a break.');
        const state = this.state as Extract<State, { phase: 'break' | 'break-over' }>;
        if (state.resume) {
          const started = this.deps.startTimer(state.resume);
          if (!started.ok) return started;
          this.work();
          return ok;
        }
        if (state.tracked && this.running()) {
          const stopped = this.deps.stopTimer();
          if (!stopped.ok) return stopped;
        }
        this.set({ phase: 'ready' });
        return ok;
      }
      case 'pause':
        if (phase === 'paused') return ok;
        this.set({ phase: 'paused', entryKey: this.running()?.key ?? null });
        this.deps.notice('info', 'Focus mode is paused for this timer: no countdown until it stops.');
        return ok;
      case 'resume':
        if (phase !== 'paused') return fail('Focus mode is not paused.');
        this.resumeFocus();
        return ok;
    }
  }

  dispose(): void {
    this.cancelAlarm?.();
    this.cancelAlarm = null;
    this.due = null;
  }

  private resumeFocus(): void {
    const running = this.running();
    if (running && !this.isBreakEntry(running)) this.work();
    else this.set({ phase: 'ready' });
  }

  /** A work round from now (the round number moved on when its break began). */
  private work(): void {
    const settings = this.deps.settings();
    const endsAt = this.deps.clock.now() + settings.workMinutes * 60_000;
    this.set({ phase: 'work', endsAt });
    this.alarm(endsAt, () => this.workIsUp());
  }

  private workIsUp(): void {
    const settings = this.deps.settings();
    const running = this.running();
    // Stopped while the computer slept through the end (the stop is the first change seen on waking):
    // the stop ended the round, as it does before the end; no break begins hours late.
    if (!running) return this.set({ phase: 'ready' });
    const long = this.round >= settings.roundsBeforeLongBreak;
    const length = long ? settings.longBreakMinutes : settings.breakMinutes;
    const what = `“${running.description || 'no description'}”`;
    if (settings.atWorkEnd === 'break') {
      const stopped = this.deps.stopTimer();
      if (stopped.ok) {
        this.beginBreak(running);
        this.deps.notice('warning', `Focus time is up: ${what} was stopped and your ${length}-minute ${long ? 'long ' : ''}break began (Settings › Focus mode › "When work time is up").`);
        return;
      }
    }
    this.set({ phase: 'work-over', since: this.deps.clock.now() });
    this.deps.notice('warning', `Focus time is up (round ${this.round} of ${settings.roundsBeforeLongBreak}): take a ${length}-minute ${long ? 'long ' : ''}break, or keep working. The timer (${what}) keeps running until you choose.`);
  }

  /** The break after a round; `after` is the entry that ran (work resumes with it). */
  private beginBreak(after: EntryView | null): Result<null> {
    const settings = this.deps.settings();
    const long = this.round >= settings.roundsBeforeLongBreak;
    const resume = after ? { description: after.description, projectId: after.projectId, taskId: after.taskId, tagIds: after.tagIds, billable: after.billable } : null;
    let tracked = false;
    if (settings.breakProjectId && !this.deps.projectActive(settings.breakProjectId)) {
      this.deps.notice('warning', 'The break project is not an active project of this workspace: this break is not tracked. Choose another one in Settings › Focus mode.');
    } else if (settings.breakProjectId) {
      const started = this.deps.startTimer({ description: BREAK_DESCRIPTION, projectId: settings.breakProjectId, taskId: null, tagIds: [], billable: false });
      if (!started.ok) this.deps.notice('warning', `The break could not be tracked in its project: ${started.error.message}`);
      tracked = started.ok;
    }
    const endsAt = this.deps.clock.now() + (long ? settings.longBreakMinutes : settings.breakMinutes) * 60_000;
    // The break leads to the next round; a long one starts the count again.
    this.round = long ? 1 : this.round + 1;
    this.set({ phase: 'break', endsAt, long, tracked, resume });
    this.alarm(endsAt, () => {
      const state = this.state;
      if (state.phase !== 'break') return;
      this.set({ phase: 'break-over', since: this.deps.clock.now(), long: state.long, tracked: state.tracked, resume: state.resume });
      this.deps.notice('warning', `Your break is over: choose "Back to work" to ${state.resume ? `continue “${state.resume.description || 'your last entry'}”` : 'start the next round'}.${state.tracked ? ' The break timer keeps running until then.' : ''}`);
    });
    return ok;
  }

  private running(): EntryView | null {
    const timer = this.deps.timer();
    return timer.status === 'running' ? timer.entry : null;
  }

  private isBreakEntry(entry: EntryView): boolean {
    const project = this.deps.settings().breakProjectId;
    return project !== null && entry.projectId === project && entry.description === BREAK_DESCRIPTION;
  }

  private alarm(at: number, fn: () => void): void {
    this.cancelAlarm?.();
    this.due = { at, fn };
    this.cancelAlarm = this.deps.clock.setTimeout(() => this.ring(), at - this.deps.clock.now());
  }

  private ring(): void {
    const due = this.due;
    this.cancelAlarm?.();
    this.cancelAlarm = null;
    this.due = null;
    due?.fn();
    this.deps.changed();
  }

  private set(state: State): void {
    if (state.phase !== 'work' && state.phase !== 'break') {
      this.cancelAlarm?.();
      this.cancelAlarm = null;
      this.due = null;
    }
    this.state = state;
    this.deps.changed();
  }

  private reset(): void {
    if (this.state.phase === 'ready' && this.round === 1) return;
    this.round = 1;
    this.set({ phase: 'ready' });
  }
}
