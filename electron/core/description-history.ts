// Description suggestions from the whole known history, not only the recent week: every entry the
// app reads (the recent list, older days read for the day view or the list) leaves its description
// with its project, task, tags and billable here, newest first, once per combination. Kept in the
// cache file per workspace: losing it costs suggestions, nothing else.
import type { EntryView } from '../../shared/domain';
import { mayContinue } from '../../shared/entry-types';
import type { ServerEntry } from './entry-model';

/** How many distinct combinations are kept per workspace. */
export const HISTORY_LIMIT = 500;

function signature(entry: ServerEntry): string {
  return JSON.stringify([entry.description.trim(), entry.projectId, entry.taskId, [...entry.tagIds].sort(), entry.billable]);
}

/** `history` with the finished, described work entries of `seen` added (the newest use of each combination wins). */
export function rememberEntries(history: readonly ServerEntry[], seen: readonly ServerEntry[]): ServerEntry[] {
  const newest = new Map<string, ServerEntry>();
  for (const entry of [...history, ...seen]) {
    if (entry.end === null || !entry.description.trim() || !mayContinue(entry.type)) continue;
    const key = signature(entry);
    const known = newest.get(key);
    if (!known || known.start < entry.start) newest.set(key, entry);
  }
  return [...newest.values()].sort((a, b) => b.start.localeCompare(a.start)).slice(0, HISTORY_LIMIT);
}

/** As the renderer's suggestions read them: entries, already on the server. */
export function suggestionViews(history: readonly ServerEntry[]): EntryView[] {
  return history.map(({ id, locked: _locked, ...fields }) => ({ ...fields, key: id, serverId: id, sync: 'synced', problem: null }));
}
