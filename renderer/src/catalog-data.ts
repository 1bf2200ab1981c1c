// What the pickers derive from a workspace's catalog: projects in picker order (by client, then
// name), lookups by id, and the word-search indexes. Built once per catalog; a catalog that comes
// back with the same projects (only tasks or tags changed) keeps the project index it had, so a
// 10,000-project workspace is sorted and indexed once, not on every refresh.
import type { Catalog, ProjectOption, TagOption, TaskOption } from '../../shared/domain';
import { createSearchIndex, type SearchIndex } from '../../shared/text-search';

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

export interface ProjectData {
  /** By client name (projects without a client last), then project name. */
  readonly sorted: readonly ProjectOption[];
  readonly byId: ReadonlyMap<string, ProjectOption>;
  /** Built on first use: opening the popover does not pay for it. */
  index(): SearchIndex<ProjectOption>;
}

export interface CatalogData {
  readonly catalog: Catalog;
  readonly projects: ProjectData;
  readonly tags: readonly TagOption[];
  readonly tagById: ReadonlyMap<string, TagOption>;
  tagIndex(): SearchIndex<TagOption>;
}

function compareProjects(a: ProjectOption, b: ProjectOption): number {
  if (!a.clientName !== !b.clientName) return a.clientName ? -1 : 1;
  return collator.compare(a.clientName, b.clientName) || collator.compare(a.name, b.name);
}

function lazy<T>(make: () => T): () => T {
  let value: T | undefined;
  return () => (value ??= make());
}

function sameProjects(a: readonly ProjectOption[], b: readonly ProjectOption[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x.id !== y.id || x.name !== y.name || x.clientName !== y.clientName || x.color !== y.color || x.billable !== y.billable) return false;
  }
  return true;
}

export function projectData(projects: readonly ProjectOption[]): ProjectData {
  const sorted = [...projects].sort(compareProjects);
  return {
    sorted,
    byId: new Map(projects.map((project) => [project.id, project])),
    index: lazy(() => createSearchIndex(sorted, (project) => [project.name, project.clientName])),
  };
}

export function deriveCatalogData(catalog: Catalog, previous: CatalogData | null): CatalogData {
  const projects =
    previous && previous.catalog.workspaceId === catalog.workspaceId && sameProjects(previous.catalog.projects, catalog.projects) ? previous.projects : projectData(catalog.projects);
  const tags = [...catalog.tags].sort((a, b) => collator.compare(a.name, b.name));
  return {
    catalog,
    projects,
    tags,
    tagById: new Map(tags.map((tag) => [tag.id, tag])),
    tagIndex: lazy(() => createSearchIndex(tags, (tag) => tag.name)),
  };
}

const taskIndexes = new WeakMap<readonly TaskOption[], SearchIndex<TaskOption>>();

/** One index per task list (the lists are small and replaced, never changed). */
export function taskIndex(tasks: readonly TaskOption[]): SearchIndex<TaskOption> {
  let index = taskIndexes.get(tasks);
  if (!index) {
    index = createSearchIndex(tasks, (task) => task.name);
    taskIndexes.set(tasks, index);
  }
  return index;
}
