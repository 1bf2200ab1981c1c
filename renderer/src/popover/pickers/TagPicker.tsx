// Tags: several at once; Enter or a click toggles one, the list stays open and the next search
// starts empty. A name no tag has offers "Create tag …" (never highlighted; it opens the Create tag
// form); an archived tag's name offers to restore that tag instead, or says plainly who can.
import { useCallback, useState } from 'react';
import type { TagOption, WorkspaceOption } from '../../../../shared/domain';
import { mayCreate as mayCreateIn } from '../../../../shared/entry-rules';
import { normalizeForSearch } from '../../../../shared/text-search';
import type { CatalogData } from '../../catalog-data';
import { Combobox, type Row } from './Combobox';
import { CreateTagDialog } from './CreateDialogs';

export type TagChoice = { kind: 'tag'; tag: TagOption } | { kind: 'restore'; tag: TagOption };
type TagRow = TagChoice | { kind: 'create'; name: string };

export interface TagPickerProps {
  readonly catalog: CatalogData | null;
  readonly workspace: WorkspaceOption | null;
  readonly tagIds: readonly string[];
  readonly onToggle: (choice: TagChoice) => void;
  readonly invalid?: boolean;
}

function cleanName(query: string): string {
  return query.trim().replace(/\s+/g, ' ');
}

export function TagPicker({ catalog, workspace, tagIds, onToggle, invalid }: TagPickerProps) {
  const mayCreate = mayCreateIn(workspace, 'tag');
  const [creating, setCreating] = useState<string | null>(null);
  const archivedNamed = useCallback(
    (name: string) => (name ? catalog?.catalog.archivedTags?.find((tag) => normalizeForSearch(tag.name) === normalizeForSearch(name)) : undefined),
    [catalog],
  );
  const rows = useCallback(
    (query: string): readonly Row<TagRow>[] => {
      if (!catalog) return [];
      const chosen = new Set(tagIds);
      const found = catalog.tagIndex().search(query);
      const rows: Row<TagRow>[] = found.map((tag) => ({ kind: 'option', value: { kind: 'tag', tag }, label: tag.name, selected: chosen.has(tag.id) }));
      const name = cleanName(query);
      if (!name || !mayCreate || found.some((tag) => normalizeForSearch(tag.name) === normalizeForSearch(name))) return rows;
      const archived = archivedNamed(name);
      rows.push(
        archived
          ? { kind: 'option', value: { kind: 'restore', tag: archived }, label: `Restore archived tag “${archived.name}”`, selected: false, create: true }
          : { kind: 'option', value: { kind: 'create', name }, label: `Create tag “${name}”`, selected: false, create: true },
      );
      return rows;
    },
    [catalog, tagIds, mayCreate, archivedNamed],
  );
  const note = useCallback(
    (query: string) => {
      const name = cleanName(query);
      if (!name || mayCreate || !workspace) return null;
      const archived = archivedNamed(name);
      return archived ? `“${archived.name}” is archived; only admins can restore it.` : `Only admins can create tags in ${workspace.name}.`;
    },
    [mayCreate, workspace, archivedNamed],
  );
  const names = tagIds.map((id) => catalog?.tagById.get(id)?.name).filter((name) => name !== undefined);
  return (
    <>
      <Combobox
        label="Tags"
        listLabel="Tags"
        placeholder="No tags"
        className="picker-tags"
        multiple
        display={names.join(', ')}
        rows={rows}
        invalid={invalid}
        note={note}
        leading={
          <svg className="lead-icon" viewBox="0 0 16 16" aria-hidden="true">
            <path d="M2.5 2.5h5l6 6-5 5-6-6z" />
            <circle cx="5.5" cy="5.5" r="1" />
          </svg>
        }
        onChoose={(row) => (row.value.kind === 'create' ? setCreating(row.value.name) : onToggle(row.value))}
      />
      {creating !== null && workspace && (
        <CreateTagDialog
          initialName={creating}
          workspaceName={workspace.name}
          onCancel={() => setCreating(null)}
          onCreated={(tag) => {
            setCreating(null);
            onToggle({ kind: 'tag', tag });
          }}
        />
      )}
    </>
  );
}
