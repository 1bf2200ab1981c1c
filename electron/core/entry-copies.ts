// Entries made from other entries: a split at a time (two entries, the same fields), and a
// duplicate on another day (the same fields and times of day). A split is one journal write (the
// first half shortened and the second half added together): a kill between them loses no time.
import { tz } from '@date-fns/tz';
import { addDays } from 'date-fns';
import type { EntryView, Result } from '../../shared/domain';
import { entryTypeLabel, mayChange } from '../../shared/entry-types';
import { toClockifyInstant } from '../../shared/time/wire-format';
import { localDayKey } from '../../shared/time/zone';
import type { Clock } from './clock';
import type { EntryStore } from './entry-store';
import { draftOf, type TimerService } from './timer-service';

export interface EntryCopiesDeps {
  readonly entries: EntryStore;
  readonly timer: TimerService;
  readonly clock: Clock;
  readonly timeZone: () => string;
  /** An instant as the user reads times ("10:30"), for messages. */
  readonly formatTime: (instant: string) => string;
}

const fail = (message: string, field?: 'start' | 'end'): Result<null> => ({ ok: false, error: { kind: 'invalid', message, status: null, ...(field ? { field } : {}) } });
const named = (entry: EntryView) => `“${entry.description || 'no description'}”`;

export class EntryCopies {
  constructor(private readonly deps: EntryCopiesDeps) {}

  /**
   * Splits an entry at `at`: it ends there, and a second entry with the same fields runs on from
   * there (to its end, or running on when the entry runs).
   */
  split(key: string, at: string): Result<null> {
    const { timer, clock } = this.deps;
    const entry = this.deps.entries.find(key);
    if (!entry) return fail('That entry is no longer in the list: it may have been deleted.');
    if (!mayChange(entry.type)) return fail(`${named(entry)} (${entryTypeLabel(entry.type)}) is managed by time off in Clockify: change it there.`);
    const when = Date.parse(at);
    if (Number.isNaN(when)) return fail('Enter the time to split at, such as 10:30.', 'start');
    const until = entry.end === null ? clock.now() : Date.parse(entry.end);
    if (when <= Date.parse(entry.start) || when >= until) {
      const range = `${this.deps.formatTime(entry.start)} and ${entry.end === null ? 'now' : this.deps.formatTime(entry.end)}`;
      return fail(`Split ${named(entry)} at a time between ${range}: ${this.deps.formatTime(at)} is outside it. Nothing was changed.`, 'start');
    }
    const middle = toClockifyInstant(new Date(when));
    const draft = draftOf(entry);
    if (entry.end === null) return timer.atomically(() => timer.start(draft, middle));
    const end = entry.end;
    return timer.atomically(() => {
      const first = timer.update(entry.key, draft, { start: entry.start, end: middle });
      return first.ok ? timer.add(draft, { start: middle, end }, entry) : first;
    });
  }

  /** Adds a copy of a finished entry on local day `dayKey`, at the same times of day (in the app's zone). */
  duplicate(key: string, dayKey: string): Result<null> {
    const entry = this.deps.entries.find(key);
    if (!entry) return fail('That entry is no longer in the list: it may have been deleted.');
    if (!mayChange(entry.type)) return fail(`${named(entry)} (${entryTypeLabel(entry.type)}) is managed by time off in Clockify: it cannot be copied here.`);
    if (entry.end === null) return fail(`${named(entry)} is still running: use Continue to start it again, or duplicate it once it stopped.`);
    const zone = this.deps.timeZone();
    const days = Math.round((Date.parse(`${dayKey}T00:00:00Z`) - Date.parse(`${localDayKey(entry.start, zone)}T00:00:00Z`)) / 86_400_000);
    if (!Number.isFinite(days)) return fail('Choose the day to copy the entry to.');
    // Calendar days in the zone: the copy keeps its times of day across a change to or from summer time.
    const shift = (instant: string) => toClockifyInstant(new Date(addDays(new Date(instant), days, { in: tz(zone) }).getTime()));
    return this.deps.timer.add(draftOf(entry), { start: shift(entry.start), end: shift(entry.end) }, entry);
  }
}
