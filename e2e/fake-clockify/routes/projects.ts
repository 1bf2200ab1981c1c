// /workspaces/{ws}/projects

import type { JsonObject } from '../body';
import type { Project, Workspace } from '../model';
import type { RequestContext, Route } from '../router';
import type { Store } from '../store';
import { booleanField, requireObject, stringField } from '../body';
import { invalid, malformed } from '../errors';
import { created, ok, paged } from '../responses';
import { removeWhere } from '../store';
import { projectRenderer } from '../views';
import { requireMayCreate } from '../roles';
import { booleanMatcher, ensureUnique, nameMatcher, validName } from './common';

const DEFAULT_COLOR = '#03A9F4';
const COLOR = /^#[0-9a-fA-F]{6}$/;

function projectName(name: string | null | undefined): string {
  return validName('Project', name, 2, 250);
}

function color(value: string | null | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (!COLOR.test(value)) throw malformed(`color must look like #RRGGBB, got '${value}'`);
  return value;
}

/** clientId in a body: absent = unchanged (undefined), null or "" = no client. */
function clientRef(store: Store, workspace: Workspace, fields: JsonObject): string | null | undefined {
  const clientId = stringField(fields, 'clientId');
  if (clientId === undefined) return undefined;
  return clientId ? store.client(workspace, clientId).id : null;
}

function ensureUniqueProject(store: Store, project: Pick<Project, 'id' | 'workspaceId' | 'name' | 'clientId'>): void {
  ensureUnique('Project', project.name, (lower) => store.state.projects.some((p) =>
    p.id !== project.id && p.workspaceId === project.workspaceId && p.clientId === project.clientId && p.name.toLowerCase() === lower));
}

function inWorkspace(ctx: RequestContext): { workspace: Workspace; render: (p: Project) => unknown } {
  const workspace = ctx.store.workspace(ctx.user, ctx.param('ws'));
  return { workspace, render: projectRenderer(ctx.store.state, workspace.id) };
}

export const projectRoutes: Route[] = [
  {
    method: 'GET', path: '/workspaces/:ws/projects',
    handler: (ctx) => {
      const { workspace, render } = inWorkspace(ctx);
      const { query } = ctx;
      const nameMatches = nameMatcher(query);
      const archivedMatches = booleanMatcher(query, 'archived');
      const billableMatches = booleanMatcher(query, 'billable');
      const clients = query.list('clients');
      const projects = ctx.store.state.projects.filter((p) =>
        p.workspaceId === workspace.id && nameMatches(p.name) && archivedMatches(p.archived) && billableMatches(p.billable)
        && (clients === undefined || (p.clientId !== null && clients.includes(p.clientId))));
      return paged(projects, query, render);
    },
  },
  {
    method: 'POST', path: '/workspaces/:ws/projects',
    handler: (ctx) => {
      const { workspace, render } = inWorkspace(ctx);
      requireMayCreate(ctx.store.state, workspace, ctx.user, 'project');
      const fields = requireObject(ctx.body);
      const id = ctx.store.newId();
      const project: Project = {
        id,
        workspaceId: workspace.id,
        name: projectName(stringField(fields, 'name')),
        clientId: clientRef(ctx.store, workspace, fields) ?? null,
        color: color(stringField(fields, 'color')) ?? DEFAULT_COLOR,
        billable: booleanField(fields, 'billable') ?? workspace.workspaceSettings.defaultBillableProjects,
        public: booleanField(fields, 'isPublic') ?? workspace.workspaceSettings.isProjectPublicByDefault,
        archived: false,
        note: stringField(fields, 'note') ?? '',
        template: false,
        hourlyRate: null,
        costRate: null,
        estimate: { estimate: 'PT0S', type: 'AUTO' },
        timeEstimate: { active: false, estimate: 'PT0S', includeNonBillable: true, resetOption: null, type: 'AUTO' },
        budgetEstimate: null,
        estimateReset: null,
        memberships: [{ userId: ctx.user.id, targetId: id, membershipType: 'PROJECT', membershipStatus: 'ACTIVE', hourlyRate: null, costRate: null }],
      };
      ensureUniqueProject(ctx.store, project);
      ctx.store.state.projects.push(project);
      return created(render(project));
    },
  },
  {
    method: 'GET', path: '/workspaces/:ws/projects/:id',
    handler: (ctx) => {
      const { workspace, render } = inWorkspace(ctx);
      return ok(render(ctx.store.project(workspace, ctx.param('id'))));
    },
  },
  {
    // Changes only the fields sent (the spec's UpdateProjectRequest has no required field).
    method: 'PUT', path: '/workspaces/:ws/projects/:id',
    handler: (ctx) => {
      const { workspace, render } = inWorkspace(ctx);
      const project = ctx.store.project(workspace, ctx.param('id'));
      const fields = requireObject(ctx.body);
      const name = stringField(fields, 'name');
      const clientId = clientRef(ctx.store, workspace, fields);
      const next: Project = {
        ...project,
        name: name === undefined ? project.name : projectName(name),
        clientId: clientId === undefined ? project.clientId : clientId,
        color: color(stringField(fields, 'color')) ?? project.color,
        billable: booleanField(fields, 'billable') ?? project.billable,
        public: booleanField(fields, 'isPublic') ?? project.public,
        archived: booleanField(fields, 'archived') ?? project.archived,
        note: stringField(fields, 'note') ?? project.note,
      };
      ensureUniqueProject(ctx.store, next);
      Object.assign(project, next);
      return ok(render(project));
    },
  },
  {
    // Inference: deleting a project also deletes its tasks and its time entries.
    method: 'DELETE', path: '/workspaces/:ws/projects/:id',
    handler: (ctx) => {
      const { workspace, render } = inWorkspace(ctx);
      const project = ctx.store.project(workspace, ctx.param('id'));
      if (!project.archived) throw invalid(`Project '${project.name}' is active and cannot be deleted: archive it first`);
      const answer = render(project);
      const state = ctx.store.state;
      removeWhere(state.projects, (p) => p === project);
      removeWhere(state.tasks, (t) => t.projectId === project.id);
      removeWhere(state.timeEntries, (e) => e.projectId === project.id);
      return ok(answer);
    },
  },
];
