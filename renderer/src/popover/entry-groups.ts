// Identical entries of a day shown as one row (as Toggl does): the same description, project, task,
// tags, billable and type. The row carries the count and the total; it expands to the entries.
import type { EntryView } from '../../../shared/domain';

export interface EntryGroup {
  /** Stable while the entries stay: the newest entry's key. */
  readonly key: string;
  /** Newest first, as the list shows them. */
  readonly entries: readonly EntryView[];
  readonly seconds: number;
}

function sameWork(entry: EntryView): string {
  return JSON.stringify([entry.description.trim(), entry.projectId, entry.taskId, [...entry.tagIds].sort(), entry.billable, entry.type]);
}

/** Groups a day's entries (newest first), keeping the order of each group's newest entry. */
export function groupIdentical(entries: readonly EntryView[]): EntryGroup[] {
  const groups = new Map<string, EntryView[]>();
  for (const entry of entries) {
    const key = sameWork(entry);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return [...groups.values()].map((list) => ({
    key: list[0]!.key,
    entries: list,
    seconds: list.reduce((sum, entry) => sum + (entry.end ? (Date.parse(entry.end) - Date.parse(entry.start)) / 1000 : 0), 0),
  }));
}
