// Identical entries of a day as one row (as Toggl does): the description, project, task and tags
// once, how many and their total; the count button expands the row to the entries themselves
// (Enter or Space on it, like any button). Continue starts the same work again.
import { useState, type ReactNode } from 'react';
import type { CatalogData } from '../catalog-data';
import { formatDuration } from '../time-format';
import type { EntryGroup } from './entry-groups';
import { ContinueButton } from './ContinueButton';
import { EntryMain } from './EntryMeta';
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
        <EntryMain entry={newest} catalog={catalog} descriptionId={descriptionId} />
        <button type="button" className="group-count" aria-expanded={expanded} aria-label={`${group.entries.length} entries, ${total} in all`} aria-describedby={descriptionId} onClick={() => setExpanded(!expanded)}>
          <span className="group-badge">{group.entries.length}</span>
          <span className="entry-duration">{total}</span>
        </button>
        <ContinueButton type={newest.type} describedBy={descriptionId} onContinue={() => void continueEntry()} />
      </li>
      {expanded && children}
    </>
  );
}
