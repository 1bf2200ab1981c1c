// Entities as Clockify answers them, with the fields it derives computed at answer time.

import type { FakeState, Membership, Project, Task, TimeEntry, User, Workspace } from './model';
import { isoDuration, secondsBetween } from './time';

/** GET /user: memberships are [] unless include-memberships=true (captured live). */
export function userView(user: User, state: FakeState, includeMemberships: boolean): unknown {
  const memberships: Membership[] = includeMemberships
    ? [...state.workspaces.flatMap((w) => w.memberships), ...state.projects.flatMap((p) => p.memberships)].filter((m) => m.userId === user.id)
    : [];
  return { ...user, memberships };
}

/** Tracked seconds of finished entries, per project and per task. */
function trackedSeconds(state: FakeState, workspaceId: string): { byProject: Map<string, number>; byTask: Map<string, number> } {
  const byProject = new Map<string, number>();
  const byTask = new Map<string, number>();
  for (const entry of state.timeEntries) {
    if (entry.workspaceId !== workspaceId || entry.end === null) continue;
    const seconds = secondsBetween(entry.start, entry.end);
    if (entry.projectId) byProject.set(entry.projectId, (byProject.get(entry.projectId) ?? 0) + seconds);
    if (entry.taskId) byTask.set(entry.taskId, (byTask.get(entry.taskId) ?? 0) + seconds);
  }
  return { byProject, byTask };
}

/**
 * Renders projects of one workspace. clientName and duration are derived; a project without a
 * client answers clientId "" and clientName "" (inference from long-lived clients' handling).
 */
export function projectRenderer(state: FakeState, workspaceId: string): (project: Project) => unknown {
  const clientNames = new Map(state.clients.filter((c) => c.workspaceId === workspaceId).map((c) => [c.id, c.name]));
  const { byProject } = trackedSeconds(state, workspaceId);
  return ({ clientId, ...project }) => ({
    ...project,
    clientId: clientId ?? '',
    clientName: (clientId && clientNames.get(clientId)) ?? '',
    duration: isoDuration(byProject.get(project.id) ?? 0),
  });
}

export function taskRenderer(state: FakeState, workspaceId: string): (task: Task) => unknown {
  const { byTask } = trackedSeconds(state, workspaceId);
  return (task) => ({ ...task, duration: isoDuration(byTask.get(task.id) ?? 0) });
}

/** Entries carry a timeInterval with an ISO duration (null while running) and the rates in force. */
export function entryRenderer(state: FakeState, workspace: Workspace): (entry: TimeEntry) => unknown {
  const projects = new Map(state.projects.filter((p) => p.workspaceId === workspace.id).map((p) => [p.id, p]));
  return ({ start, end, ...entry }) => {
    const project = entry.projectId ? projects.get(entry.projectId) : undefined;
    return {
      ...entry,
      timeInterval: { start, end, duration: end === null ? null : isoDuration(secondsBetween(start, end)) },
      hourlyRate: project?.hourlyRate ?? workspace.hourlyRate,
      costRate: project?.costRate ?? workspace.costRate,
    };
  };
}
