// What the person creates from the popover's pickers: a project (with an existing client, a new client
// by name, or none), a task, a tag (an archived one is brought back instead of made twice), and the
// clients to choose from. The workspace's "only admins create …" rules are checked before anything is
// sent; the new item joins the catalog at once; a refusal is said in the form that asked.
import type { Catalog, ClientOption, ProjectOption, Result, TagOption, TaskOption, UserError, WorkspaceOption } from '../../shared/domain';
import { mayCreate } from '../../shared/entry-rules';
import type { ClockifyClient } from '../clockify/client';
import { toProjectOption, toTagOption, toTaskOption } from './catalog-service';

export type CatalogApi = Pick<ClockifyClient, 'listClients' | 'createClient' | 'createProject' | 'createTask' | 'createTag' | 'updateTag'>;
type Failure = { ok: false; error: UserError };

export interface CatalogEditsDeps {
  /** The signed-in account's client and its chosen workspace, or null. */
  readonly place: () => { readonly api: CatalogApi; readonly workspace: WorkspaceOption } | null;
  readonly catalog: (workspaceId: string) => Catalog;
  readonly setCatalog: (catalog: Catalog) => void;
  /** A create Clockify did not make (`what`: "create the project"), in words for the form. */
  readonly createFailed: (what: string, error: unknown) => Failure;
  /** A read that failed (the clients), as for any other read. */
  readonly readFailed: (error: unknown) => Failure;
}

const refused = (kind: string, message: string): Failure => ({ ok: false, error: { kind, message, status: null } });
const signedOut = () => refused('signed-out', 'Sign in and choose a workspace first.');

export class CatalogEdits {
  constructor(private readonly deps: CatalogEditsDeps) {}

  /** The workspace's active clients, for the Create project form. */
  async clients(): Promise<Result<readonly ClientOption[]>> {
    const place = this.deps.place();
    if (!place) return signedOut();
    try {
      const clients = await place.api.listClients(place.workspace.id);
      return { ok: true, value: clients.filter((client) => !client.archived).map((client) => ({ id: client.id, name: client.name })) };
    } catch (error) {
      return this.deps.readFailed(error);
    }
  }

  /** A project, with an existing client, a new client by name (the same name in any case is the same client), or none; private or public. */
  async createProject(input: { name: string; clientId: string | null; newClientName?: string; isPublic?: boolean }): Promise<Result<ProjectOption>> {
    const place = this.deps.place();
    if (!place) return signedOut();
    const { api, workspace } = place;
    if (!mayCreate(workspace, 'project')) return refused('forbidden', `Only admins can create projects in ${workspace.name}.`);
    try {
      let clientId = input.clientId;
      if (!clientId && input.newClientName) {
        const wanted = input.newClientName.trim();
        const existing = (await api.listClients(workspace.id)).find((client) => client.name.toLowerCase() === wanted.toLowerCase());
        clientId = existing ? existing.id : (await api.createClient(workspace.id, { name: wanted })).id;
      }
      const project = toProjectOption(await api.createProject(workspace.id, { name: input.name, clientId, isPublic: input.isPublic ?? true }));
      const catalog = this.deps.catalog(workspace.id);
      this.deps.setCatalog({ ...catalog, projects: [project, ...catalog.projects] });
      return { ok: true, value: project };
    } catch (error) {
      return this.deps.createFailed('create the project', error);
    }
  }

  async createTask(projectId: string, name: string): Promise<Result<TaskOption>> {
    const place = this.deps.place();
    if (!place) return signedOut();
    const { api, workspace } = place;
    if (!mayCreate(workspace, 'task')) return refused('forbidden', `Only admins can create tasks in ${workspace.name}.`);
    try {
      const task = toTaskOption(await api.createTask(workspace.id, projectId, { name }));
      const catalog = this.deps.catalog(workspace.id);
      this.deps.setCatalog({ ...catalog, tasks: { ...catalog.tasks, [projectId]: [...(catalog.tasks[projectId] ?? []), task] } });
      return { ok: true, value: task };
    } catch (error) {
      return this.deps.createFailed('create the task', error);
    }
  }

  /** A new tag; a tag of that name (in any case) that was archived is brought back instead. */
  async createTag(name: string): Promise<Result<TagOption>> {
    const place = this.deps.place();
    if (!place) return signedOut();
    const { api, workspace } = place;
    if (!mayCreate(workspace, 'tag')) return refused('forbidden', `Only admins can create tags in ${workspace.name}.`);
    const archived = this.deps.catalog(workspace.id).archivedTags?.find((tag) => tag.name.toLowerCase() === name.trim().toLowerCase());
    if (archived) return this.unarchiveTag(archived.id);
    try {
      return { ok: true, value: this.addTag(workspace.id, toTagOption(await api.createTag(workspace.id, { name }))) };
    } catch (error) {
      return this.deps.createFailed('create the tag', error);
    }
  }

  /** Brings an archived tag back (where this user may manage tags). */
  async unarchiveTag(tagId: string): Promise<Result<TagOption>> {
    const place = this.deps.place();
    if (!place) return signedOut();
    const { api, workspace } = place;
    const archived = this.deps.catalog(workspace.id).archivedTags?.find((tag) => tag.id === tagId);
    if (!archived) return refused('invalid', 'That tag is not archived in this workspace.');
    if (!mayCreate(workspace, 'tag')) return refused('forbidden', `The tag “${archived.name}” is archived, and only admins can restore it in ${workspace.name}.`);
    try {
      return { ok: true, value: this.addTag(workspace.id, toTagOption(await api.updateTag(workspace.id, tagId, { name: archived.name, archived: false }))) };
    } catch (error) {
      return this.deps.createFailed('restore the tag', error);
    }
  }

  /** The tag among the workspace's tags (in name order) and no longer among the archived ones. */
  private addTag(workspaceId: string, tag: TagOption): TagOption {
    const catalog = this.deps.catalog(workspaceId);
    const tags = [...catalog.tags.filter((t) => t.id !== tag.id), tag].sort((a, b) => a.name.localeCompare(b.name));
    this.deps.setCatalog({ ...catalog, tags, archivedTags: catalog.archivedTags?.filter((t) => t.id !== tag.id) });
    return tag;
  }
}
