// Checks made before anything is sent, so that Clockify's refusals become a clear message at the
// moment the user can still fix the field, not a failed stop an hour later.
import type { CreatePermissions, EntryDraft, UserError, WorkspaceOption, WorkspaceRules } from './domain';
import type { AppSettings } from './settings';

/** The workspace's required fields (forceProjects, forceTasks, forceTags, forceDescription). */
export function checkWorkspaceRules(draft: EntryDraft, rules: WorkspaceRules, workspaceName: string): UserError | null {
  const missing = (field: NonNullable<UserError['field']>, what: string): UserError => ({
    kind: 'rule',
    field,
    status: null,
    message: `${workspaceName} requires ${what} on every entry: ${what === 'a description' ? 'write one' : `choose ${what}`}.`,
  });
  if (rules.forceProjects && !draft.projectId) return missing('project', 'a project');
  if (rules.forceTasks && !draft.taskId) return missing('task', 'a task');
  if (rules.forceTags && draft.tagIds.length === 0) return missing('tags', 'a tag');
  if (rules.forceDescription && draft.description.trim() === '') return missing('description', 'a description');
  return null;
}

/** A finished entry's times: the end must come after the start. */
export function checkTimes(start: string, end: string): UserError | null {
  const from = Date.parse(start);
  const to = Date.parse(end);
  if (Number.isNaN(from) || Number.isNaN(to)) return { kind: 'invalid', field: 'start', status: null, message: 'Enter a valid date and time.' };
  if (to <= from) return { kind: 'invalid', field: 'end', status: null, message: 'The end is before the start: enter an end time after the start (nothing was sent).' };
  return null;
}

/** Billable unless said otherwise: the task decides, else the project, else not billable. */
export function defaultBillable(project: { billable: boolean } | null | undefined, task: { billable: boolean | null } | null | undefined): boolean {
  if (task && task.billable !== null) return task.billable;
  return project?.billable ?? false;
}

/**
 * A new timer's fields before the person picks anything: the default project of the settings (the
 * fixed one, or the last used; it must still be offered) and its billable default. The popover's
 * empty form and the tray's Start use the same.
 */
export function defaultDraft(
  choice: AppSettings['defaultProject'] | undefined,
  recent: readonly Pick<EntryDraft, 'projectId'>[],
  project: (id: string) => { readonly id: string; readonly billable: boolean } | undefined,
): EntryDraft {
  const projectId = choice?.kind === 'fixed' ? choice.projectId : choice?.kind === 'last-used' ? (recent.find((entry) => entry.projectId)?.projectId ?? null) : null;
  const found = projectId ? project(projectId) : undefined;
  return { description: '', projectId: found?.id ?? null, taskId: null, tagIds: [], billable: defaultBillable(found, null) };
}

/** Whether this user may create a project / tag / task in the workspace. */
export function mayCreate(workspace: WorkspaceOption | null, kind: keyof CreatePermissions): boolean {
  if (!workspace) return false;
  if (workspace.mayCreate) return workspace.mayCreate[kind];
  const rules = workspace.rules;
  return !(kind === 'project' ? rules.onlyAdminsCreateProject : kind === 'tag' ? rules.onlyAdminsCreateTag : rules.onlyAdminsCreateTask);
}
