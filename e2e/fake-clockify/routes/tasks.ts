// /workspaces/{ws}/projects/{pid}/tasks

import type { JsonObject } from '../body';
import type { Project, Task, Workspace } from '../model';
import type { RequestContext, Route } from '../router';
import type { Store } from '../store';
import { booleanField, requireObject, stringArrayField, stringField } from '../body';
import { invalid, malformed } from '../errors';
import { created, ok, paged } from '../responses';
import { removeWhere } from '../store';
import { isIsoDuration } from '../time';
import { taskRenderer } from '../views';
import { requireMayCreate } from '../roles';
import { ensureUnique, nameMatcher, validName } from './common';

function taskName(name: string | null | undefined): string {
  return validName('Task', name, 1, 1000);
}

function status(fields: JsonObject): Task['status'] | undefined {
  const value = stringField(fields, 'status');
  if (value === undefined || value === null) return undefined;
  if (value !== 'ACTIVE' && value !== 'DONE') throw malformed(`status must be ACTIVE or DONE, got '${value}'`);
  return value;
}

function estimate(fields: JsonObject): string | undefined {
  const value = stringField(fields, 'estimate');
  if (value === undefined || value === null) return undefined;
  if (!isIsoDuration(value)) throw malformed(`estimate must be an ISO-8601 duration such as PT2H, got '${value}'`);
  return value;
}

function ensureUniqueTask(store: Store, task: Task): void {
  ensureUnique('Task', task.name, (lower) => store.state.tasks.some((t) =>
    t.id !== task.id && t.projectId === task.projectId && t.name.toLowerCase() === lower));
}

function inProject(ctx: RequestContext): { workspace: Workspace; project: Project; render: (t: Task) => unknown } {
  const workspace = ctx.store.workspace(ctx.user, ctx.param('ws'));
  return { workspace, project: ctx.store.project(workspace, ctx.param('pid')), render: taskRenderer(ctx.store.state, workspace.id) };
}

export const taskRoutes: Route[] = [
  {
    // is-active=true: ACTIVE tasks only; inference: is-active=false gives DONE tasks only.
    method: 'GET', path: '/workspaces/:ws/projects/:pid/tasks',
    handler: (ctx) => {
      const { project, render } = inProject(ctx);
      const nameMatches = nameMatcher(ctx.query);
      const active = ctx.query.flag('is-active');
      const tasks = ctx.store.state.tasks.filter((t) =>
        t.projectId === project.id && nameMatches(t.name) && (active === undefined || (t.status === 'ACTIVE') === active));
      return paged(tasks, ctx.query, render);
    },
  },
  {
    method: 'POST', path: '/workspaces/:ws/projects/:pid/tasks',
    handler: (ctx) => {
      const { workspace, project, render } = inProject(ctx);
      requireMayCreate(ctx.store.state, workspace, ctx.user, 'task');
      const fields = requireObject(ctx.body);
      const assigneeIds = stringArrayField(fields, 'assigneeIds') ?? [];
      const task: Task = {
        id: ctx.store.newId(),
        projectId: project.id,
        name: taskName(stringField(fields, 'name')),
        status: status(fields) ?? 'ACTIVE',
        billable: booleanField(fields, 'billable') ?? project.billable,
        estimate: estimate(fields) ?? 'PT0S',
        assigneeId: assigneeIds[0] ?? null,
        assigneeIds,
        userGroupIds: stringArrayField(fields, 'userGroupIds') ?? [],
        budgetEstimate: 0,
        hourlyRate: null,
        costRate: null,
      };
      ensureUniqueTask(ctx.store, task);
      ctx.store.state.tasks.push(task);
      return created(render(task));
    },
  },
  {
    method: 'GET', path: '/workspaces/:ws/projects/:pid/tasks/:id',
    handler: (ctx) => {
      const { project, render } = inProject(ctx);
      return ok(render(ctx.store.task(project, ctx.param('id'))));
    },
  },
  {
    // name is required (UpdateTaskRequest); other fields change only when sent.
    method: 'PUT', path: '/workspaces/:ws/projects/:pid/tasks/:id',
    handler: (ctx) => {
      const { project, render } = inProject(ctx);
      const task = ctx.store.task(project, ctx.param('id'));
      const fields = requireObject(ctx.body);
      const assigneeIds = stringArrayField(fields, 'assigneeIds');
      const next: Task = {
        ...task,
        name: taskName(stringField(fields, 'name')),
        status: status(fields) ?? task.status,
        billable: booleanField(fields, 'billable') ?? task.billable,
        estimate: estimate(fields) ?? task.estimate,
        assigneeIds: assigneeIds ?? task.assigneeIds,
        assigneeId: assigneeIds ? (assigneeIds[0] ?? null) : task.assigneeId,
      };
      ensureUniqueTask(ctx.store, next);
      Object.assign(task, next);
      return ok(render(task));
    },
  },
  {
    // Inference: entries on the task keep their project and lose the task.
    method: 'DELETE', path: '/workspaces/:ws/projects/:pid/tasks/:id',
    handler: (ctx) => {
      const { project, render } = inProject(ctx);
      const task = ctx.store.task(project, ctx.param('id'));
      if (task.status === 'ACTIVE') throw invalid(`Task '${task.name}' is active and cannot be deleted: set its status to DONE first`);
      const answer = render(task);
      removeWhere(ctx.store.state.tasks, (t) => t === task);
      for (const entry of ctx.store.state.timeEntries) {
        if (entry.taskId === task.id) entry.taskId = null;
      }
      return ok(answer);
    },
  },
];
