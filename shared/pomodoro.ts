// The focus mode (pomodoro), opt-in: work and break lengths, long breaks after some rounds, and what
// happens when work time is up. Never a silent stop: by default the person chooses (Take a break /
// Keep working); `atWorkEnd: 'break'` starts the break by itself and says so in a notification.
import { z } from 'zod';

export const pomodoroSettingsSchema = z.object({
  enabled: z.boolean(),
  workMinutes: z.number().int().min(1).max(240),
  breakMinutes: z.number().int().min(1).max(120),
  longBreakMinutes: z.number().int().min(1).max(240),
  /** A long break after this many work rounds. */
  roundsBeforeLongBreak: z.number().int().min(1).max(12),
  /** Breaks are not tracked unless a project is chosen for them: then each break is an entry "Break" in it. */
  breakProjectId: z.string().regex(/^[0-9a-zA-Z_-]{1,64}$/).nullable(),
  /** 'ask': the timer keeps running and the person chooses; 'break': the timer stops and the break begins, said in a notification. */
  atWorkEnd: z.enum(['ask', 'break']),
});
export type PomodoroSettings = z.infer<typeof pomodoroSettingsSchema>;

export const DEFAULT_POMODORO: PomodoroSettings = {
  enabled: false,
  workMinutes: 25,
  breakMinutes: 5,
  longBreakMinutes: 15,
  roundsBeforeLongBreak: 4,
  breakProjectId: null,
  atWorkEnd: 'ask',
};

/** The person's choices: take a break, keep working, back to work, pause focus for this timer (a meeting), resume it. */
export type FocusAction = 'break' | 'keep-working' | 'back-to-work' | 'pause' | 'resume';

/** What the popover and the tray show of the focus mode; null in the snapshot while it is off. */
export type PomodoroView =
  /** On, and no timer runs and no break: the next timer starts a work round. */
  | { readonly phase: 'ready'; readonly round: number; readonly rounds: number }
  | { readonly phase: 'work'; readonly round: number; readonly rounds: number; readonly endsAt: string }
  /** Work time is up and the timer still runs: the person chooses. */
  | { readonly phase: 'work-over'; readonly round: number; readonly rounds: number; readonly since: string; readonly longBreak: boolean }
  | { readonly phase: 'break'; readonly round: number; readonly rounds: number; readonly endsAt: string; readonly longBreak: boolean; readonly tracked: boolean }
  /** The break is over: back to work when the person says so. */
  | { readonly phase: 'break-over'; readonly round: number; readonly rounds: number; readonly since: string }
  /** Turned off for the running timer (a meeting): no countdown until that timer stops. */
  | { readonly phase: 'paused'; readonly round: number; readonly rounds: number };

/** "12:05" left, or "-0:40" over: minutes and seconds. */
export function countdownText(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const seconds = Math.ceil(Math.abs(ms) / 1000);
  const minutes = Math.floor(seconds / 60);
  return `${sign}${minutes}:${String(seconds % 60).padStart(2, '0')}`;
}
