// The running timer's neighbours. Resume: shortly after a stop, the same entry runs again as if it had never stopped (one entry,
// not two). Clockify allows it: a PUT of the entry without `end` makes it run again (see
// e2e/fake-clockify/README.md). Past the window, Continue starts a new entry instead.
import type { EntryView } from './domain';
import { mayContinue } from './entry-types';

/** How long after its end the last entry may still be resumed. */
export const RESUME_WINDOW_MS = 15 * 60_000;

/**
 * The entry "Resume" would reopen: the one that ended last, if it ended within the window (and not
 * in the future), is work, and no timer runs. `entries` may hold the running one; then none is.
 */
export function resumableEntry(entries: readonly EntryView[], now: number): EntryView | null {
  if (entries.some((entry) => entry.end === null)) return null;
  let last: EntryView | null = null;
  for (const entry of entries) if (entry.end !== null && (last === null || Date.parse(entry.end) > Date.parse(last.end!))) last = entry;
  if (!last || !mayContinue(last.type)) return null;
  const since = now - Date.parse(last.end!);
  return since >= 0 && since <= RESUME_WINDOW_MS ? last : null;
}

/**
 * The finished entry that began last before `entry` (same workspace): a moved start may not go back
 * to its start, and "since my last entry ended" starts at its end.
 */
export function previousEntry(entries: readonly EntryView[], entry: EntryView): EntryView | undefined {
  let previous: EntryView | undefined;
  for (const other of entries) {
    if (other.key === entry.key || other.end === null || other.workspaceId !== entry.workspaceId || Date.parse(other.start) >= Date.parse(entry.start)) continue;
    if (!previous || Date.parse(other.start) > Date.parse(previous.start)) previous = other;
  }
  return previous;
}
