// How a time-entry write is read and checked: body fields, workspace rules, the one-running-timer rule.

import type { JsonObject } from './body';
import type { TimeEntry, Workspace } from './model';
import type { Store } from './store';
import { booleanField, objectArrayField, requireObject, stringArrayField, stringField } from './body';
import { ApiError, invalid, malformed } from './errors';
import { parseInstant } from './time';

/** The fields a POST or PUT sets; PUT replaces all of them, so omitted ones are cleared. */
export type EntryFields = Omit<TimeEntry, 'id' | 'workspaceId' | 'userId' | 'kioskId' | 'isLocked'>;

/**
 * A time in a write: UTC, second precision, `Z`. Clockify refuses milliseconds on some endpoints;
 * the fake refuses them (and offsets) on every time-entry write so clients must send the safe form.
 */
export function timeField(fields: JsonObject, key: string): string | undefined {
  const value = stringField(fields, key);
  if (value === undefined || value === null) return undefined;
  if (parseInstant(value) === undefined) {
    throw malformed(`Field '${key}': '${value}' is not a UTC time with second precision such as 2026-02-13T09:00:00Z`);
  }
  return value;
}

export function ensureOrdered(start: string, end: string): void {
  if (end < start) throw invalid(`Start datetime ${start} is greater than end datetime ${end}.`);
}

function customFieldId(field: JsonObject): string {
  if (typeof field.customFieldId !== 'string') throw malformed('customFields[].customFieldId must be a string');
  return field.customFieldId;
}

function entryType(fields: JsonObject): EntryFields['type'] {
  const value = stringField(fields, 'type') ?? 'REGULAR';
  if (value !== 'REGULAR' && value !== 'BREAK') throw malformed(`type must be REGULAR or BREAK, got '${value}'`);
  return value;
}

/**
 * Reads a time-entry body. `defaultStart` is used when start is omitted (POST); without it start
 * is required (PUT). Referenced project, task and tags must exist in the workspace.
 */
export function readEntryFields(store: Store, workspace: Workspace, body: unknown, entryId: string, defaultStart?: string): EntryFields {
  const fields = requireObject(body);
  const start = timeField(fields, 'start') ?? defaultStart;
  if (start === undefined) throw invalid('start must not be null');
  const end = timeField(fields, 'end') ?? null;
  if (end !== null) ensureOrdered(start, end);

  const description = stringField(fields, 'description') ?? '';
  if (description.length > 3000) throw invalid('Description must not be longer than 3000 characters');

  const projectId = stringField(fields, 'projectId') || null;
  const project = projectId === null ? undefined : store.project(workspace, projectId);
  const taskId = stringField(fields, 'taskId') || null;
  if (taskId !== null) {
    if (!project) throw invalid("Task doesn't belong to Project");
    store.task(project, taskId);
  }
  const tagIds = stringArrayField(fields, 'tagIds') ?? [];
  for (const tagId of tagIds) store.tag(workspace, tagId);

  return {
    start,
    end,
    description,
    projectId,
    taskId,
    tagIds: tagIds.length > 0 ? tagIds : null,
    billable: booleanField(fields, 'billable') ?? false,
    type: entryType(fields),
    // Written as customFields, read back as customFieldValues. The fake keeps no custom-field
    // definitions, so name and type are null.
    customFieldValues: (objectArrayField(fields, 'customFields') ?? []).map((field) => ({
      customFieldId: customFieldId(field),
      timeEntryId: entryId,
      value: field.value ?? null,
      name: null,
      type: null,
    })),
  };
}

/** The workspace's "required fields" settings, checked when an entry is finished (stop, or a write with end). */
export function enforceWorkspaceRules(workspace: Workspace, entry: Pick<TimeEntry, 'projectId' | 'taskId' | 'tagIds' | 'description'>): void {
  const settings = workspace.workspaceSettings;
  const broken: [boolean, string][] = [
    [settings.forceProjects && !entry.projectId, 'a project'],
    [settings.forceTasks && !entry.taskId, 'a task'],
    [settings.forceTags && !entry.tagIds?.length, 'at least one tag'],
    [settings.forceDescription && !entry.description.trim(), 'a description'],
  ];
  const missing = broken.find(([isBroken]) => isBroken)?.[1];
  if (missing) throw invalid(`Time entry can't be saved: workspace ${workspace.name} requires ${missing} on every entry`);
}

export function ensureUnlocked(entry: TimeEntry): void {
  if (entry.isLocked) throw new ApiError(403, 1003, 'Time entry is locked');
}

/**
 * A user has at most one running entry per workspace. Starting another while one runs is refused
 * with 400 code 501 "There is already a running time entry", a rule violation captured from the
 * real service (clockify-api.md, "What real responses show"), so a client that forgets to stop the
 * running timer first fails here rather than passing on a silent server-side stop.
 */
export function ensureNoOtherRunning(store: Store, started: Pick<TimeEntry, 'id' | 'workspaceId' | 'userId'>): void {
  const other = store.state.timeEntries.find((e) => e.id !== started.id && e.end === null && e.workspaceId === started.workspaceId && e.userId === started.userId);
  if (other) throw invalid('There is already a running time entry');
}
