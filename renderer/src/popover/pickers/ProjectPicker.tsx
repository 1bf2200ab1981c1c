// The project picker: recent projects first, then every project grouped by client; typing searches
// words in any order across project and client names (shared/text-search, indexed once per catalog).
// "Create project …" is offered after the matches, never highlighted, and opens the Create project
// form; where only admins may create projects, a member sees why instead.
import { useCallback, useState } from 'react';
import type { ProjectOption, WorkspaceOption } from '../../../../shared/domain';
import { mayCreate as mayCreateIn } from '../../../../shared/entry-rules';
import type { CatalogData } from '../../catalog-data';
import { Combobox, type OptionRow, type Row } from './Combobox';
import { CreateProjectDialog } from './CreateDialogs';

export type ProjectChoice = { kind: 'project'; project: ProjectOption } | { kind: 'none' };
type ProjectRow = ProjectChoice | { kind: 'create'; name: string };

const RECENT_LIMIT = 5;
const NO_CLIENT = 'No client';

export interface ProjectPickerProps {
  readonly catalog: CatalogData | null;
  readonly workspace: WorkspaceOption | null;
  readonly projectId: string | null;
  /** Project ids of recent entries, newest first. */
  readonly recentIds: readonly string[];
  readonly onChoose: (choice: ProjectChoice) => void;
  readonly invalid?: boolean;
}

function option(project: ProjectOption, selected: boolean): OptionRow<ProjectRow> {
  return {
    kind: 'option',
    value: { kind: 'project', project },
    label: project.name,
    spoken: project.clientName || undefined,
    color: project.color || 'var(--muted)',
    selected,
  };
}

/** Options with a header wherever the client changes (the list is in client order). */
function grouped(projects: readonly ProjectOption[], selectedId: string | null, rows: Row<ProjectRow>[]): void {
  let client: string | null = null;
  for (const project of projects) {
    if (project.clientName !== client) {
      client = project.clientName;
      rows.push({ kind: 'header', label: client || NO_CLIENT });
    }
    rows.push(option(project, project.id === selectedId));
  }
}

export function ProjectPicker({ catalog, workspace, projectId, recentIds, onChoose, invalid }: ProjectPickerProps) {
  const projects = catalog?.projects;
  const selected = projectId ? projects?.byId.get(projectId) : undefined;
  const mayCreate = mayCreateIn(workspace, 'project');
  const [creating, setCreating] = useState<string | null>(null);

  const rows = useCallback(
    (query: string): readonly Row<ProjectRow>[] => {
      if (!projects) return [];
      const rows: Row<ProjectRow>[] = [];
      if (query.trim() === '') {
        const recent = [...new Set(recentIds)].map((id) => projects.byId.get(id)).filter((project) => project !== undefined).slice(0, RECENT_LIMIT);
        if (recent.length > 0) {
          rows.push({ kind: 'header', label: 'Recent' });
          for (const project of recent) rows.push(option(project, project.id === projectId));
        }
        rows.push({ kind: 'header', label: 'All projects' });
        rows.push({ kind: 'option', value: { kind: 'none' }, label: 'No project', selected: projectId === null, muted: true });
        grouped(projects.sorted, projectId, rows);
        return rows;
      }
      const hits = projects.index().rankedSearch(query);
      grouped(hits.map((hit) => hit.item), projectId, rows);
      const name = query.trim().replace(/\s+/g, ' ');
      // Exact matches rank first: one there means the project exists already.
      if (mayCreate && hits[0]?.rank !== 'exact') {
        rows.push({ kind: 'option', value: { kind: 'create', name }, label: `Create project “${name}”`, selected: false, create: true });
      }
      return rows;
    },
    [projects, projectId, recentIds, mayCreate],
  );
  const note = useCallback(
    (query: string) => (query.trim() && !mayCreate && workspace ? `Only admins can create projects in ${workspace.name}.` : null),
    [mayCreate, workspace],
  );

  return (
    <>
      <Combobox
        label="Project"
        listLabel="Projects"
        placeholder="No project"
        className="picker-project"
        display={selected?.name ?? ''}
        rows={rows}
        invalid={invalid}
        leading={<span className="dot lead" style={{ background: selected?.color ?? 'transparent' }} aria-hidden="true" />}
        note={note}
        onChoose={(row) => (row.value.kind === 'create' ? setCreating(row.value.name) : onChoose(row.value))}
      />
      {creating !== null && workspace && (
        <CreateProjectDialog
          initialName={creating}
          workspaceName={workspace.name}
          onCancel={() => setCreating(null)}
          onCreated={(project) => {
            setCreating(null);
            onChoose({ kind: 'project', project });
          }}
        />
      )}
    </>
  );
}
