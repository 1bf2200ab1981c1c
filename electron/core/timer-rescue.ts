// The forgotten-timer rescue inside the one time-away prompt. The activity log (activity-log.ts)
// knows when the computer was last used, durably; this turns its question into the shared prompt
// (cause `unused`), so there is never a second, competing question: a break the idle watcher
// already asked about (the same night seen as sleep or idle while the app ran) is marked asked
// instead of being asked again, and the rescue waits while the watcher's prompt is on the screen.
import type { EntryView, IdlePrompt } from '../../shared/domain';
import { toClockifyInstant } from '../../shared/time/wire-format';
import { forgottenTimerQuestion, type ActivityEvidence } from './activity-log';

interface Span {
  readonly from: number;
  readonly to: number;
}

/** Enough to cover a day of away prompts; older ones cannot overlap a new break. */
const REMEMBERED = 20;

export class TimerRescue {
  private readonly covered: Span[] = [];
  private asking: { readonly id: string; readonly breakFrom: number } | null = null;

  constructor(private readonly activity: ActivityEvidence) {}

  /** The idle watcher showed a prompt about this stretch: a break within it counts as asked. */
  awayAsked(prompt: IdlePrompt): void {
    this.covered.push({ from: Date.parse(prompt.idleSince), to: Date.parse(prompt.idleUntil) });
    if (this.covered.length > REMEMBERED) this.covered.shift();
  }

  /** The rescue prompt to show about the running entry and the words for a notification, or null. */
  question(running: EntryView | null, formatTime: (at: number) => string): { prompt: IdlePrompt; text: string } | null {
    const record = this.activity.current;
    const gap = record.lastBreak;
    if (gap && record.askedAbout !== gap.from && this.covered.some((span) => gap.from < span.to && gap.to > span.from)) this.activity.markAsked(gap.from);
    const found = forgottenTimerQuestion({ running, activity: this.activity.current, formatTime });
    if (!found || !running || !gap) return null;
    const id = `unused-${found.stoppedAt}`;
    this.asking = { id, breakFrom: gap.from };
    const prompt: IdlePrompt = {
      id,
      entryKey: running.key,
      entryDescription: running.description,
      entryStart: running.start,
      idleSince: toClockifyInstant(new Date(found.stoppedAt)),
      idleUntil: toClockifyInstant(new Date(gap.to)),
      cause: 'unused',
    };
    return { prompt, text: found.text };
  }

  /** The user answered the rescue prompt `id`: never asked again, even after a restart. */
  answered(id: string): void {
    if (this.asking?.id === id) this.activity.markAsked(this.asking.breakFrom);
    this.asking = null;
  }
}
