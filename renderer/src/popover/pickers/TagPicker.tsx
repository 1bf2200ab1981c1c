// Tags: several at once; Enter or a click toggles one and the list stays open; a tag can be
// created from the search text where the workspace lets members create tags.
import { useCallback } from 'react';
import type { TagOption, WorkspaceOption } from '../../../../shared/domain';
import { normalizeForSearch } from '../../../../shared/text-search';
import type { CatalogData } from '../../catalog-data';
import { Combobox, type Row } from './Combobox';

export type TagChoice = { kind: 'tag'; tag: TagOption } | { kind: 'create'; name: string };

export interface TagPickerProps {
  readonly catalog: CatalogData | null;
  readonly workspace: WorkspaceOption | null;
  readonly tagIds: readonly string[];
  readonly onToggle: (choice: TagChoice) => void;
  readonly invalid?: boolean;
}

export function TagPicker({ catalog, workspace, tagIds, onToggle, invalid }: TagPickerProps) {
  const mayCreate = workspace !== null && !workspace.rules.onlyAdminsCreateTag;
  const rows = useCallback(
    (query: string): readonly Row<TagChoice>[] => {
      if (!catalog) return [];
      const chosen = new Set(tagIds);
      const found = catalog.tagIndex().search(query);
      const rows: Row<TagChoice>[] = found.map((tag) => ({ kind: 'option', value: { kind: 'tag', tag }, label: tag.name, selected: chosen.has(tag.id) }));
      const name = query.trim().replace(/\s+/g, ' ');
      if (name && mayCreate && !found.some((tag) => normalizeForSearch(tag.name) === normalizeForSearch(name))) {
        rows.push({ kind: 'option', value: { kind: 'create', name }, label: `Create tag “${name}”`, selected: false, create: true });
      }
      return rows;
    },
    [catalog, tagIds, mayCreate],
  );
  const names = tagIds.map((id) => catalog?.tagById.get(id)?.name).filter((name) => name !== undefined);
  return (
    <Combobox
      label="Tags"
      listLabel="Tags"
      placeholder="No tags"
      className="picker-tags"
      multiple
      display={names.join(', ')}
      rows={rows}
      invalid={invalid}
      leading={
        <svg className="lead-icon" viewBox="0 0 16 16" aria-hidden="true">
          <path d="M2.5 2.5h5l6 6-5 5-6-6z" />
          <circle cx="5.5" cy="5.5" r="1" />
        </svg>
      }
      onChoose={(row) => onToggle(row.value)}
    />
  );
}
