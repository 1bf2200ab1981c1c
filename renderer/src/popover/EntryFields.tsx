// The fields every entry has, shared by the timer, manual entry and the entry editor: description
// (with suggestions), project, task, tags and billable. Billable follows the task, else the
// project, whenever either changes; the user can still flip it.
import { useEffect, useMemo } from 'react';
import type { EntryDraft, EntryView, UserError, WorkspaceOption } from '../../../shared/domain';
import { defaultBillable, mayCreate } from '../../../shared/entry-rules';
import { DescriptionField } from './DescriptionField';
import { ProjectPicker, type ProjectChoice } from './pickers/ProjectPicker';
import { TagPicker, type TagChoice } from './pickers/TagPicker';
import { TaskPicker } from './pickers/TaskPicker';
import { call, loadTasks, showToast, tasksOf, usePopover } from './store';

export type FieldChange = 'description' | 'project' | 'task' | 'tags' | 'billable' | 'suggestion';

export interface EntryFieldsProps {
  readonly draft: EntryDraft;
  readonly onChange: (draft: EntryDraft, change: FieldChange) => void;
  readonly invalidField?: UserError['field'] | null;
  readonly focusToken?: number;
  /** Enter or leaving Description: the timer saves a running entry's description then. */
  readonly onDescriptionCommit?: () => void;
}

export function EntryFields({ draft, onChange, invalidField, focusToken, onDescriptionCommit }: EntryFieldsProps) {
  const catalog = usePopover((state) => state.catalog);
  const snapshot = usePopover((state) => state.snapshot);
  const tasks = usePopover((state) => tasksOf(state, draft.projectId));
  const workspace: WorkspaceOption | null = snapshot?.workspaces.find((w) => w.id === snapshot.workspaceId) ?? null;
  const recent = useMemo(() => snapshot?.recent ?? [], [snapshot?.recent]);
  // By value: a push with the same recent projects keeps the picker's rows as they are.
  const recentKey = recent.flatMap((entry) => (entry.projectId ? [entry.projectId] : [])).join(' ');
  const recentIds = useMemo(() => (recentKey ? recentKey.split(' ') : []), [recentKey]);
  // Suggestions: the recent entries first, then the rest of the known history (older weeks).
  const known = useMemo(() => [...recent, ...(snapshot?.suggestions ?? [])], [recent, snapshot?.suggestions]);
  const projectOf = (id: string | null) => (id ? catalog?.projects.byId.get(id) : undefined);

  useEffect(() => {
    if (draft.projectId && catalog) void loadTasks(draft.projectId);
  }, [draft.projectId, catalog]);

  const chooseProject = (choice: ProjectChoice) => {
    if (choice.kind === 'none') return onChange({ ...draft, projectId: null, taskId: null, billable: false }, 'project');
    onChange({ ...draft, projectId: choice.project.id, taskId: null, billable: defaultBillable(choice.project, null) }, 'project');
  };

  const toggleTag = async (choice: TagChoice) => {
    let id = choice.tag.id;
    if (choice.kind === 'restore') {
      const restored = await call(() => window.clockify.unarchiveTag({ tagId: choice.tag.id }));
      if (!restored.ok) return showToast('error', restored.error.message);
      id = restored.value.id;
    }
    const tagIds = draft.tagIds.includes(id) ? draft.tagIds.filter((tag) => tag !== id) : [...draft.tagIds, id];
    onChange({ ...draft, tagIds }, 'tags');
  };

  const applySuggestion = (entry: EntryView) => {
    onChange({ description: entry.description, projectId: entry.projectId, taskId: entry.taskId, tagIds: entry.tagIds, billable: entry.billable }, 'suggestion');
  };

  const taskList = Array.isArray(tasks) ? tasks : [];
  const project = projectOf(draft.projectId) ?? null;
  // A project without tasks still shows the field where tasks can be created in it.
  const showTasks = taskList.length > 0 || draft.taskId !== null || (project !== null && Array.isArray(tasks) && mayCreate(workspace, 'task'));

  return (
    <div className="entry-fields">
      <DescriptionField
        value={draft.description}
        onChange={(description) => onChange({ ...draft, description }, 'description')}
        onSuggestion={applySuggestion}
        recent={known}
        projectOf={projectOf}
        focusToken={focusToken}
        onCommit={onDescriptionCommit}
        invalid={invalidField === 'description'}
      />
      <div className="field-row">
        <ProjectPicker
          catalog={catalog}
          workspace={workspace}
          projectId={draft.projectId}
          recentIds={recentIds}
          onChoose={chooseProject}
          invalid={invalidField === 'project'}
        />
        {showTasks && (
          <TaskPicker
            tasks={taskList}
            taskId={draft.taskId}
            project={project}
            workspace={workspace}
            invalid={invalidField === 'task'}
            onChoose={(task) => onChange({ ...draft, taskId: task?.id ?? null, billable: defaultBillable(projectOf(draft.projectId), task) }, 'task')}
          />
        )}
      </div>
      <div className="field-row">
        <TagPicker catalog={catalog} workspace={workspace} tagIds={draft.tagIds} onToggle={(choice) => void toggleTag(choice)} invalid={invalidField === 'tags'} />
        <label className="billable">
          <input type="checkbox" checked={draft.billable} onChange={(event) => onChange({ ...draft, billable: event.currentTarget.checked }, 'billable')} />
          <span>Billable</span>
        </label>
      </div>
    </div>
  );
}
