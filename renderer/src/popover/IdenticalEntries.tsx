// Identical entries of a day as one row (as Toggl does): the description, project, task and tags
// once, how many and their total; the count button expands the row to the entries themselves
// (Enter or Space on it, like any button). Continue starts the same work again.
import { useState, type ReactNode } from 'react';
import { mayContinue } from '../../../shared/entry-types';
import type { CatalogData } from '../catalog-data';
import { formatDuration } from '../time-format';
import type { EntryGroup } from './entry-groups';
import { EntryMeta } from './EntryMeta';
import { Icon } from './Icon';
import { call, showToast } from './store';

export function IdenticalEntries({ group, catalog, children }: { group: EntryGroup; catalog: CatalogData | null; children: ReactNode }) {
  const [expanded, setExpanded] = useState(false);
  const newest = group.entries[0]!;
  const descriptionId = `group-${group.key}`;
  const total = formatDuration(group.seconds);
  const continueEntry = async () => {
    const result = await call(() => window.clockify.continueEntry({ entryKey: newest.key }));
    if (!result.ok) showToast('error', result.error.message);
  };
  return (
    <>
      <li className={`entry entry-group${expanded ? ' expanded' : ''}`}>
        <div className="entry-main">
          <div className="entry-description" id={descriptionId}>
            {newest.description || <span className="muted">No description</span>}
          </div>
          <div className="entry-meta">
            <EntryMeta entry={newest} catalog={catalog} />
          </div>
        </div>
        <button type="button" className="group-count" aria-expanded={expanded} aria-label={`${group.entries.length} entries, ${total} in all`} aria-describedby={descriptionId} onClick={() => setExpanded(!expanded)}>
          <span className="group-badge">{group.entries.length}</span>
          <span className="entry-duration">{total}</span>
        </button>
        {mayContinue(newest.type) ? (
          <button type="button" className="icon-button continue" aria-label="Continue" title="Continue" aria-describedby={descriptionId} onClick={() => void continueEntry()}>
            <Icon name="play" />
          </button>
        ) : (
          <span className="continue-placeholder" aria-hidden="true" />
        )}
      </li>
      {expanded && children}
    </>
  );
}
