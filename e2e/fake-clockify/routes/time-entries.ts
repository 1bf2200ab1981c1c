// Time entries: list, start/add, stop, get/replace/delete, duplicate.

import type { Query } from '../query';
import type { TimeEntry, User, Workspace } from '../model';
import type { ApiResponse } from '../responses';
import type { RequestContext, Route } from '../router';
import { requireObject } from '../body';
import { ensureOrdered, ensureNoOtherRunning, ensureUnlocked, enforceWorkspaceRules, readEntryFields, timeField } from '../entry-rules';
import { ApiError, invalid, malformed } from '../errors';
import { created, noContent, ok, paged } from '../responses';
import { removeWhere } from '../store';
import { formatInstant, parseWallClockQuery } from '../time';
import { entryRenderer } from '../views';

/** start/end filters: wall-clock time in the caller's zone (see parseWallClockQuery). */
function wallClockParameter(query: Query, name: string, timeZone: string): number | undefined {
  const value = query.text(name);
  if (value === undefined) return undefined;
  const instant = parseWallClockQuery(value, timeZone);
  if (instant === undefined) throw malformed(`Method parameter '${name}': '${value}' is not a date-time in yyyy-MM-ddThh:mm:ssZ format`);
  return instant;
}

/** Optional filters: an undefined wanted value accepts everything. */
function matches<T>(wanted: T | undefined, test: (wanted: T) => boolean): boolean {
  return wanted === undefined || test(wanted);
}

function listEntries(ctx: RequestContext, workspace: Workspace, owner: User): ApiResponse {
  const { query } = ctx;
  const timeZone = ctx.user.settings.timeZone;
  const from = wallClockParameter(query, 'start', timeZone);
  const to = wallClockParameter(query, 'end', timeZone);
  const description = query.text('description')?.toLowerCase();
  const project = query.text('project');
  const task = query.text('task');
  const tags = query.list('tags');
  // Inference: in-progress=false keeps finished entries only.
  const inProgress = query.flag('in-progress');
  const projectRequired = query.flag('project-required');
  const taskRequired = query.flag('task-required');

  const entries = ctx.store.state.timeEntries.filter((e) => {
    // Inference: the window selects entries by their start, bounds included.
    const start = Date.parse(e.start);
    return e.workspaceId === workspace.id && e.userId === owner.id
      && matches(from, (f) => start >= f) && matches(to, (t) => start <= t)
      && matches(description, (d) => e.description.toLowerCase().includes(d))
      && matches(project, (p) => e.projectId === p) && matches(task, (t) => e.taskId === t)
      && matches(tags, (wanted) => wanted.some((tag) => e.tagIds?.includes(tag) ?? false))
      && matches(inProgress, (running) => (e.end === null) === running)
      && (!projectRequired || e.projectId !== null) && (!taskRequired || e.taskId !== null);
  });
  // Newest first.
  entries.sort((a, b) => (a.start === b.start ? b.id.localeCompare(a.id) : b.start.localeCompare(a.start)));
  return paged(entries, query, entryRenderer(ctx.store.state, workspace), inProgress === undefined ? 50 : 10);
}

function addEntry(ctx: RequestContext, workspace: Workspace, owner: User): ApiResponse {
  const { store } = ctx;
  const id = store.newId();
  const fields = readEntryFields(store, workspace, ctx.body, id, formatInstant(store.now().getTime()));
  // Inference: time cannot be added to an archived project.
  const project = fields.projectId === null ? undefined : store.project(workspace, fields.projectId);
  if (project?.archived) throw invalid(`Project '${project.name}' is archived: time cannot be added to it`);
  if (fields.end !== null) enforceWorkspaceRules(workspace, fields);
  const entry: TimeEntry = { id, workspaceId: workspace.id, userId: owner.id, kioskId: null, isLocked: false, ...fields };
  if (entry.end === null) ensureNoOtherRunning(store, entry);
  store.state.timeEntries.push(entry);
  return created(entryRenderer(store.state, workspace)(entry));
}

function inWorkspace(ctx: RequestContext): Workspace {
  return ctx.store.workspace(ctx.user, ctx.param('ws'));
}

function ofUser(ctx: RequestContext): { workspace: Workspace; owner: User } {
  const workspace = inWorkspace(ctx);
  return { workspace, owner: ctx.store.member(workspace, ctx.param('uid')) };
}

export const timeEntryRoutes: Route[] = [
  {
    method: 'GET', path: '/workspaces/:ws/user/:uid/time-entries',
    handler: (ctx) => {
      const { workspace, owner } = ofUser(ctx);
      return listEntries(ctx, workspace, owner);
    },
  },
  {
    // Without end the entry is a running timer.
    method: 'POST', path: '/workspaces/:ws/time-entries',
    handler: (ctx) => addEntry(ctx, inWorkspace(ctx), ctx.user),
  },
  {
    method: 'POST', path: '/workspaces/:ws/user/:uid/time-entries',
    handler: (ctx) => {
      const { workspace, owner } = ofUser(ctx);
      return addEntry(ctx, workspace, owner);
    },
  },
  {
    // Stop the running timer: 404 when none runs, 400 when it breaks a workspace rule.
    method: 'PATCH', path: '/workspaces/:ws/user/:uid/time-entries',
    handler: (ctx) => {
      const { workspace, owner } = ofUser(ctx);
      const end = timeField(requireObject(ctx.body), 'end');
      if (end === undefined) throw invalid('end must not be null');
      const running = ctx.store.runningEntry(workspace.id, owner.id);
      if (!running) {
        throw new ApiError(404, 404, `Currently running time entry doesn't exist on workspace ${workspace.id} for user ${owner.id}.`);
      }
      ensureOrdered(running.start, end);
      enforceWorkspaceRules(workspace, running);
      running.end = end;
      return ok(entryRenderer(ctx.store.state, workspace)(running));
    },
  },
  {
    method: 'GET', path: '/workspaces/:ws/time-entries/:id',
    handler: (ctx) => {
      const workspace = inWorkspace(ctx);
      return ok(entryRenderer(ctx.store.state, workspace)(ctx.store.timeEntry(workspace, ctx.param('id'))));
    },
  },
  {
    // Replaces the whole entry: omitted fields are cleared, an omitted end makes it run again.
    method: 'PUT', path: '/workspaces/:ws/time-entries/:id',
    handler: (ctx) => {
      const workspace = inWorkspace(ctx);
      const entry = ctx.store.timeEntry(workspace, ctx.param('id'));
      ensureUnlocked(entry);
      const fields = readEntryFields(ctx.store, workspace, ctx.body, entry.id);
      if (fields.end !== null) enforceWorkspaceRules(workspace, fields);
      if (fields.end === null) ensureNoOtherRunning(ctx.store, entry);
      Object.assign(entry, fields);
      return ok(entryRenderer(ctx.store.state, workspace)(entry));
    },
  },
  {
    method: 'DELETE', path: '/workspaces/:ws/time-entries/:id',
    handler: (ctx) => {
      const entry = ctx.store.timeEntry(inWorkspace(ctx), ctx.param('id'));
      ensureUnlocked(entry);
      removeWhere(ctx.store.state.timeEntries, (e) => e === entry);
      return noContent();
    },
  },
  {
    // Inference: a running entry cannot be duplicated (it would make two timers run).
    method: 'POST', path: '/workspaces/:ws/user/:uid/time-entries/:id/duplicate',
    handler: (ctx) => {
      const { workspace, owner } = ofUser(ctx);
      const source = ctx.store.timeEntry(workspace, ctx.param('id'));
      if (source.userId !== owner.id) throw invalid("Time entry doesn't belong to User");
      if (source.end === null) throw invalid('A running time entry cannot be duplicated');
      const id = ctx.store.newId();
      const copy: TimeEntry = {
        ...source,
        id,
        isLocked: false,
        tagIds: source.tagIds && [...source.tagIds],
        customFieldValues: source.customFieldValues.map((v) => ({ ...v, timeEntryId: id })),
      };
      ctx.store.state.timeEntries.push(copy);
      return created(entryRenderer(ctx.store.state, workspace)(copy));
    },
  },
];
