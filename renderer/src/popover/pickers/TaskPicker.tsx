// The tasks of the chosen project, with "No task" first. "Create task …" (never highlighted) opens
// the Create task form for the chosen project, where this user may create tasks.
import { useCallback, useState } from 'react';
import type { ProjectOption, TaskOption, WorkspaceOption } from '../../../../shared/domain';
import { mayCreate as mayCreateIn } from '../../../../shared/entry-rules';
import { normalizeForSearch } from '../../../../shared/text-search';
import { taskIndex } from '../../catalog-data';
import { Combobox, type Row } from './Combobox';
import { CreateTaskDialog } from './CreateDialogs';

type TaskRow = { kind: 'task'; task: TaskOption | null } | { kind: 'create'; name: string };

export interface TaskPickerProps {
  readonly tasks: readonly TaskOption[];
  readonly taskId: string | null;
  readonly project: ProjectOption | null;
  readonly workspace: WorkspaceOption | null;
  readonly onChoose: (task: TaskOption | null) => void;
  readonly invalid?: boolean;
}

export function TaskPicker({ tasks, taskId, project, workspace, onChoose, invalid }: TaskPickerProps) {
  const mayCreate = project !== null && mayCreateIn(workspace, 'task');
  const [creating, setCreating] = useState<string | null>(null);
  const rows = useCallback(
    (query: string): readonly Row<TaskRow>[] => {
      const found = taskIndex(tasks).search(query);
      const rows: Row<TaskRow>[] = found.map((task) => ({ kind: 'option', value: { kind: 'task', task }, label: task.name, selected: task.id === taskId }));
      const name = query.trim().replace(/\s+/g, ' ');
      if (name === '') rows.unshift({ kind: 'option', value: { kind: 'task', task: null }, label: 'No task', selected: taskId === null, muted: true });
      else if (mayCreate && !found.some((task) => normalizeForSearch(task.name) === normalizeForSearch(name))) {
        rows.push({ kind: 'option', value: { kind: 'create', name }, label: `Create task “${name}”`, selected: false, create: true });
      }
      return rows;
    },
    [tasks, taskId, mayCreate],
  );
  const note = useCallback(
    (query: string) => (query.trim() && !mayCreate && workspace ? `Only admins can create tasks in ${workspace.name}.` : null),
    [mayCreate, workspace],
  );
  return (
    <>
      <Combobox
        label="Task"
        listLabel="Tasks"
        placeholder="No task"
        className="picker-task"
        display={tasks.find((task) => task.id === taskId)?.name ?? ''}
        rows={rows}
        invalid={invalid}
        note={note}
        onChoose={(row) => (row.value.kind === 'create' ? setCreating(row.value.name) : onChoose(row.value.task))}
      />
      {creating !== null && project && (
        <CreateTaskDialog
          initialName={creating}
          project={project}
          onCancel={() => setCreating(null)}
          onCreated={(task) => {
            setCreating(null);
            onChoose(task);
          }}
        />
      )}
    </>
  );
}
