// Workspace roles and the "only admins create projects / tags / tasks" settings. Clockify answers
// a member's create with 403 when the workspace keeps creating for admins; owners count as admins.
// The users/info route lets a client ask whether a user has one of the admin roles.

import type { FakeState, User, Workspace } from './model';
import type { Route } from './router';
import { ApiError, malformed } from './errors';
import { requireObject, stringArrayField, stringField } from './body';
import { ok } from './responses';
import { userView } from './views';

export type WorkspaceRole = 'OWNER' | 'WORKSPACE_ADMIN' | 'TEAM_MANAGER' | 'PROJECT_MANAGER';

/** A role a user holds in one workspace; users without one are plain members. */
export interface RoleAssignment {
  workspaceId: string;
  userId: string;
  role: WorkspaceRole;
}

export type CreatedKind = 'project' | 'client' | 'tag' | 'task';

const ROLES: readonly WorkspaceRole[] = ['OWNER', 'WORKSPACE_ADMIN', 'TEAM_MANAGER', 'PROJECT_MANAGER'];

export function rolesOf(state: FakeState, workspaceId: string, userId: string): WorkspaceRole[] {
  return state.roles.filter((r) => r.workspaceId === workspaceId && r.userId === userId).map((r) => r.role);
}

export function isWorkspaceAdmin(state: FakeState, workspaceId: string, userId: string): boolean {
  return rolesOf(state, workspaceId, userId).some((role) => role === 'OWNER' || role === 'WORKSPACE_ADMIN');
}

/** Makes a user an admin of a workspace, or a plain member again (tests use it). */
export function setWorkspaceAdmin(state: FakeState, workspaceId: string, userId: string, admin: boolean): void {
  const kept = state.roles.filter((r) => !(r.workspaceId === workspaceId && r.userId === userId && (r.role === 'OWNER' || r.role === 'WORKSPACE_ADMIN')));
  state.roles.splice(0, state.roles.length, ...kept);
  if (admin) state.roles.push({ workspaceId, userId, role: 'WORKSPACE_ADMIN' });
}

function adminsOnly(workspace: Workspace, kind: CreatedKind): boolean {
  const settings = workspace.workspaceSettings;
  switch (kind) {
    case 'project':
    case 'client':
      return settings.onlyAdminsCreateProject;
    case 'tag':
      return settings.onlyAdminsCreateTag;
    case 'task':
      return settings.onlyAdminsCreateTask === true;
  }
}

/** Inference: a member's create where only admins may create answers 403 with a plain message. */
export function requireMayCreate(state: FakeState, workspace: Workspace, user: User, kind: CreatedKind): void {
  if (!adminsOnly(workspace, kind) || isWorkspaceAdmin(state, workspace.id, user.id)) return;
  throw new ApiError(403, 501, `Only admins can create ${kind === 'client' ? 'clients' : `${kind}s`} in this workspace`);
}

export const roleRoutes: Route[] = [
  {
    // "Filter workspace users": email (contains), roles (any of; owners count as admins), paging in the body.
    method: 'POST', path: '/workspaces/:ws/users/info',
    handler: ({ store, user, param, body }) => {
      const workspace = store.workspace(user, param('ws'));
      const fields = requireObject(body);
      const email = stringField(fields, 'email')?.toLowerCase();
      const roles = stringArrayField(fields, 'roles');
      for (const role of roles ?? []) {
        if (!ROLES.includes(role as WorkspaceRole)) throw malformed(`roles: unknown role '${role}'`);
      }
      const wanted = new Set(roles);
      if (wanted.has('WORKSPACE_ADMIN')) wanted.add('OWNER');
      const users = store.state.users.filter((u) =>
        store.isMember(workspace, u.id)
        && (email === undefined || email === null || u.email.toLowerCase().includes(email))
        && (roles === undefined || rolesOf(store.state, workspace.id, u.id).some((role) => wanted.has(role))));
      return ok(users.map((u) => userView(u, store.state, false)));
    },
  },
];
