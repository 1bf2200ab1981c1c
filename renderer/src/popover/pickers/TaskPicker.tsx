// The tasks of the chosen project, with "No task" first.
import { useCallback } from 'react';
import type { TaskOption } from '../../../../shared/domain';
import { taskIndex } from '../../catalog-data';
import { Combobox, type Row } from './Combobox';

export interface TaskPickerProps {
  readonly tasks: readonly TaskOption[];
  readonly taskId: string | null;
  readonly onChoose: (task: TaskOption | null) => void;
  readonly invalid?: boolean;
}

export function TaskPicker({ tasks, taskId, onChoose, invalid }: TaskPickerProps) {
  const rows = useCallback(
    (query: string): readonly Row<TaskOption | null>[] => {
      const found = taskIndex(tasks).search(query);
      const rows: Row<TaskOption | null>[] = found.map((task) => ({ kind: 'option', value: task, label: task.name, selected: task.id === taskId }));
      if (query.trim() === '') rows.unshift({ kind: 'option', value: null, label: 'No task', selected: taskId === null, muted: true });
      return rows;
    },
    [tasks, taskId],
  );
  return (
    <Combobox
      label="Task"
      listLabel="Tasks"
      placeholder="No task"
      className="picker-task"
      display={tasks.find((task) => task.id === taskId)?.name ?? ''}
      rows={rows}
      invalid={invalid}
      onChoose={(row) => onChoose(row.value)}
    />
  );
}
