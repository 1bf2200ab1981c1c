// Switch and return. An interruption ("Phone call") stops the running work and starts itself; when
// the interruption stops, the work comes back on its own: as a new entry from the interruption's
// end, or, when the interruption is discarded (it never happened), as the same entry resumed while
// Resume still applies. "Switched to X at 10:30" splits the running timer at a past moment. Every
// step is one journal write (see TimerService.atomically): a kill in between loses nothing and
// doubles nothing.
import type { EntryDraft, EntryView, InterruptionView, Result } from '../../shared/domain';
import { resumableEntry } from '../../shared/running-timer';
import type { Clock } from './clock';
import type { EntryStore } from './entry-store';
import type { Interruption } from './journal';
import { draftOf, type TimerService } from './timer-service';

export interface SwitchReturnDeps {
  readonly entries: EntryStore;
  readonly timer: TimerService;
  readonly clock: Clock;
  readonly workspaceId: () => string | null;
  /** An instant as the user reads times ("10:30"), for messages. */
  readonly formatTime: (instant: string) => string;
  /** Tells the user what came back, and how. */
  readonly tell: (level: 'info' | 'warning', text: string) => void;
}

const ok: Result<null> = { ok: true, value: null };
const fail = (message: string, field?: 'start' | 'end' | 'description'): Result<null> => ({ ok: false, error: { kind: 'invalid', message, status: null, ...(field ? { field } : {}) } });
const named = (description: string) => `“${description || 'no description'}”`;

export class SwitchReturn {
  constructor(private readonly deps: SwitchReturnDeps) {}

  /** The interruption while it runs, with the work it returns to. */
  view(): InterruptionView | null {
    const current = this.current();
    if (!current) return null;
    return { entryKey: current.entry.key, returnTo: { key: current.marker.returnTo.key, description: current.marker.returnTo.fields.description } };
  }

  /** Stops the running work now and starts the interruption `draft`; its stop brings the work back. */
  interrupt(draft: EntryDraft): Result<null> {
    const { timer, entries } = this.deps;
    const state = timer.timer();
    if (state.status !== 'running') return fail('No timer is running: start it as an ordinary timer instead.');
    const work = state.entry;
    const already = this.current();
    if (already) return fail(`${named(work.description)} is already an interruption: stop it first (${named(already.marker.returnTo.fields.description)} comes back), then start the next one.`);
    if (work.workspaceId !== this.deps.workspaceId()) return fail('The running timer is in another workspace: stop it there first.');
    return timer.atomically(() => {
      const started = timer.start(draft);
      if (!started.ok) return started;
      const now = timer.timer();
      if (now.status !== 'running') return fail('The interruption could not start.');
      entries.setInterruption({ key: now.entry.key, returnTo: { key: work.key, fields: draftOf(work), workspaceId: work.workspaceId } });
      return ok;
    });
  }

  /** Stops the running timer (now, or at a past moment `at`); an interruption's work comes back from that moment. */
  stop(at?: string): Result<null> {
    const { timer, entries } = this.deps;
    const stop = () => (at === undefined ? timer.stop() : timer.stopAt(at));
    const current = this.current();
    if (!current) return stop();
    let back = '';
    const result = timer.atomically(() => {
      const stopped = stop();
      if (!stopped.ok) return stopped;
      entries.setInterruption(null);
      const end = entries.find(current.entry.key)?.end ?? undefined;
      const work = current.marker.returnTo;
      back = this.comeBack(() => timer.start(work.fields, end), `Back to ${named(work.fields.description)} as a new entry from ${this.deps.formatTime(end ?? new Date(this.deps.clock.now()).toISOString())}.`, work.fields.description);
      return ok;
    });
    if (result.ok) this.deps.tell(back.startsWith('Back to') ? 'info' : 'warning', back);
    return result;
  }

  /**
   * Discards the running timer. An interruption discarded never happened: its work resumes as the
   * same entry while Resume applies, else comes back as a new entry from now.
   */
  discard(): Result<null> {
    const { timer, entries } = this.deps;
    const current = this.current();
    if (!current) return timer.discard();
    let back = '';
    const result = timer.atomically(() => {
      const discarded = timer.discard();
      if (!discarded.ok) return discarded;
      entries.setInterruption(null);
      const work = current.marker.returnTo;
      const resumable = resumableEntry(entries.view(), this.deps.clock.now());
      const same = resumable && entries.find(work.key)?.key === resumable.key ? resumable : null;
      back = same
        ? this.comeBack(() => timer.resume(same.key), `Back to ${named(work.fields.description)}: resumed as the same entry, from ${this.deps.formatTime(same.start)}.`, work.fields.description)
        : this.comeBack(() => timer.start(work.fields), `Back to ${named(work.fields.description)} as a new entry from now (too long ago to resume the same one).`, work.fields.description);
      return ok;
    });
    if (result.ok) this.deps.tell(back.startsWith('Back to') ? 'info' : 'warning', back);
    return result;
  }

  /**
   * "Switched to X at 10:30": the running entry ends at `at` and X runs from `at` (a past moment
   * after the running entry began). Nothing is sent when it is refused.
   */
  switchAt(draft: EntryDraft, at: string): Result<null> {
    const { timer, entries } = this.deps;
    const state = timer.timer();
    if (state.status !== 'running') return fail('No timer is running: start one, or add the entry by hand.');
    const when = Date.parse(at);
    if (Number.isNaN(when)) return fail('Enter when you switched, such as 10:30 or -20m.', 'start');
    if (when > this.deps.clock.now()) return fail(`${this.deps.formatTime(at)} is still to come: a switch happened in the past. Nothing was changed.`, 'start');
    if (when <= Date.parse(state.entry.start)) {
      return fail(`${named(state.entry.description)} began at ${this.deps.formatTime(state.entry.start)}: switch at a later time, or change its start instead. Nothing was changed.`, 'start');
    }
    return timer.atomically(() => {
      // The interruption's return ends here too: the user chose other work.
      if (entries.interruption) entries.setInterruption(null);
      return timer.start(draft, at);
    });
  }

  /**
   * Brings the work back; the stop or discard stands even when that is refused (a stop Clockify
   * refused earlier still waits for the user): the user is told what to do instead.
   */
  private comeBack(start: () => Result<null>, said: string, description: string): string {
    const started = start();
    return started.ok ? said : `${named(description)} could not come back: ${started.error.message} Start it again with Continue once that is done.`;
  }

  /** The interruption's marker, only while its entry is the running one. */
  private current(): { marker: Interruption; entry: EntryView } | null {
    const marker = this.deps.entries.interruption;
    const state = this.deps.timer.timer();
    if (!marker || state.status !== 'running') return null;
    const entry = this.deps.entries.find(marker.key);
    return entry && entry.key === state.entry.key ? { marker, entry } : null;
  }
}
