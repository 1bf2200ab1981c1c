// An entry's project (with its colour), task and tags, as the recent list shows them under the
// description; shared by single entries and groups of identical ones.
import type { ReactNode } from 'react';
import type { EntryView } from '../../../shared/domain';
import type { CatalogData } from '../catalog-data';

export function EntryMeta({ entry, catalog }: { entry: EntryView; catalog: CatalogData | null }) {
  const project = entry.projectId ? catalog?.projects.byId.get(entry.projectId) : undefined;
  const task = entry.taskId && entry.projectId ? catalog?.catalog.tasks[entry.projectId]?.find((t) => t.id === entry.taskId) : undefined;
  const tags = entry.tagIds.map((id) => catalog?.tagById.get(id)?.name).filter((name): name is string => Boolean(name));
  return (
    <>
      {project ? (
        <span className="entry-project" style={{ color: project.color }}>
          <span className="dot" style={{ background: project.color }} aria-hidden="true" />
          <span className="entry-project-name">{project.name}</span>
        </span>
      ) : (
        <span className="muted">No project</span>
      )}
      {task && <span className="entry-task">· {task.name}</span>}
      {tags.length > 0 && (
        <span className="entry-tags" aria-label={`Tags: ${tags.join(', ')}`}>
          {tags.map((tag) => (
            <span key={tag} className="entry-tag" aria-hidden="true">
              {tag}
            </span>
          ))}
        </span>
      )}
    </>
  );
}

/** The left part of an entry's row: its description (the row's name for its buttons), then its meta and any marks. */
export function EntryMain({ entry, catalog, descriptionId, marks, after }: { entry: EntryView; catalog: CatalogData | null; descriptionId: string; marks?: ReactNode; after?: ReactNode }) {
  return (
    <div className="entry-main">
      <div className="entry-description" id={descriptionId}>
        {entry.description || <span className="muted">No description</span>}
      </div>
      <div className="entry-meta">
        <EntryMeta entry={entry} catalog={catalog} />
        {marks}
      </div>
      {after}
    </div>
  );
}
