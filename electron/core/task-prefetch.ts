// Continue must cost the stop and the start only: the task names of the projects the recent
// entries use are read ahead (after the entries load), not when the user clicks Continue and the
// form asks for the chosen project's tasks.
import type { Catalog, EntryView } from '../../shared/domain';

/** Projects of `entries` whose entries name a task and whose tasks are not in the catalog yet. */
export function projectsWithTasksToRead(entries: readonly EntryView[], catalog: Catalog): string[] {
  const wanted = new Set<string>();
  for (const entry of entries) {
    if (entry.workspaceId === catalog.workspaceId && entry.projectId && entry.taskId && !catalog.tasks[entry.projectId]) wanted.add(entry.projectId);
  }
  // Only projects the catalog knows (an archived or deleted one has no tasks to offer).
  return [...wanted].filter((projectId) => catalog.projects.some((project) => project.id === projectId));
}
