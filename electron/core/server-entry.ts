import { parseInstant, toClockifyInstant } from '../../shared/time/wire-format';
import type { TimeEntry } from '../clockify/schemas';
import type { ServerEntry } from './entry-model';

/** Clockify's entry as the core keeps it; instants normalised so they compare as strings. */
export function fromClockify(entry: TimeEntry): ServerEntry {
  return {
    id: entry.id,
    workspaceId: entry.workspaceId,
    description: entry.description,
    projectId: entry.projectId,
    taskId: entry.taskId,
    tagIds: entry.tagIds,
    billable: entry.billable,
    start: normalizeInstant(entry.timeInterval.start),
    end: entry.timeInterval.end === null ? null : normalizeInstant(entry.timeInterval.end),
    locked: entry.isLocked,
    type: entry.type,
    customFields: entry.customFieldValues,
  };
}

export function normalizeInstant(value: string): string {
  return toClockifyInstant(parseInstant(value));
}
