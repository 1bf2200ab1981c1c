// The pickers' data for the chosen workspace: projects (with their clients), tags, and the tasks
// of projects looked at. Served from the cache at once; refreshed in the background.
import type { Catalog, ProjectOption, TagOption, TaskOption } from '../../shared/domain';
import type { ClockifyClient } from '../clockify/client';
import type { Project, Tag, Task } from '../clockify/schemas';

export type CatalogApi = Pick<ClockifyClient, 'listProjects' | 'listTags' | 'listTasks' | 'createProject' | 'createTag'>;

export function emptyCatalog(workspaceId: string): Catalog {
  return { workspaceId, projects: [], tags: [], tasks: {}, fetchedAt: null };
}

export async function fetchCatalog(api: CatalogApi, workspaceId: string, previous: Catalog, now: Date): Promise<Catalog> {
  // All tags in one list: the archived ones are offered back instead of a duplicate Clockify refuses.
  const [projects, tags] = await Promise.all([api.listProjects(workspaceId, { archived: false }), api.listTags(workspaceId)]);
  const projectIds = new Set(projects.map((project) => project.id));
  // Keep tasks already fetched for projects that still exist; they are refreshed when next opened.
  const tasks = Object.fromEntries(Object.entries(previous.tasks).filter(([projectId]) => projectIds.has(projectId)));
  return { workspaceId, projects: projects.map(toProjectOption), tags: tags.filter((tag) => !tag.archived).map(toTagOption), archivedTags: tags.filter((tag) => tag.archived).map(toTagOption), tasks, fetchedAt: now.toISOString() };
}

export async function fetchTasks(api: CatalogApi, workspaceId: string, projectId: string): Promise<TaskOption[]> {
  return (await api.listTasks(workspaceId, projectId, { active: true })).map(toTaskOption);
}

export function toProjectOption(project: Project): ProjectOption {
  return { id: project.id, name: project.name, clientId: project.clientId, clientName: project.clientName, color: project.color, billable: project.billable };
}

export function toTagOption(tag: Tag): TagOption {
  return { id: tag.id, name: tag.name };
}

export function toTaskOption(task: Task): TaskOption {
  return { id: task.id, name: task.name, projectId: task.projectId, billable: task.billable };
}
