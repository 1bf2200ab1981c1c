// The state plus the lookups every route needs, each failing the way Clockify fails.

import type { IdGenerator } from './ids';
import type { Client, FakeState, Project, Tag, Task, TimeEntry, User, Workspace } from './model';
import { accessDenied, invalid, notInWorkspace } from './errors';

export class Store {
  constructor(
    /** Replaced in place on reseed, so references held by tests stay valid. */
    readonly state: FakeState,
    readonly newId: IdGenerator,
    readonly now: () => Date,
  ) {}

  replaceState(fresh: FakeState): void {
    Object.assign(this.state, fresh);
  }

  isMember(workspace: Workspace, userId: string): boolean {
    return workspace.memberships.some((m) => m.userId === userId && m.membershipStatus === 'ACTIVE');
  }

  workspacesOf(user: User): Workspace[] {
    return this.state.workspaces.filter((w) => this.isMember(w, user.id));
  }

  /**
   * A workspace the caller belongs to. Inference: an unknown or foreign workspace id answers
   * 403 "Access Denied" (the no-permission answer), not the 400 used for ids inside a workspace.
   */
  workspace(caller: User, workspaceId: string): Workspace {
    const workspace = this.state.workspaces.find((w) => w.id === workspaceId);
    if (!workspace || !this.isMember(workspace, caller.id)) throw accessDenied();
    return workspace;
  }

  member(workspace: Workspace, userId: string): User {
    const user = this.state.users.find((u) => u.id === userId);
    if (!user || !this.isMember(workspace, userId)) throw notInWorkspace('User');
    return user;
  }

  project(workspace: Workspace, projectId: string): Project {
    const project = this.state.projects.find((p) => p.id === projectId && p.workspaceId === workspace.id);
    if (!project) throw notInWorkspace('Project');
    return project;
  }

  client(workspace: Workspace, clientId: string): Client {
    const client = this.state.clients.find((c) => c.id === clientId && c.workspaceId === workspace.id);
    if (!client) throw notInWorkspace('Client');
    return client;
  }

  tag(workspace: Workspace, tagId: string): Tag {
    const tag = this.state.tags.find((t) => t.id === tagId && t.workspaceId === workspace.id);
    if (!tag) throw notInWorkspace('Tag');
    return tag;
  }

  task(project: Project, taskId: string): Task {
    const task = this.state.tasks.find((t) => t.id === taskId && t.projectId === project.id);
    if (!task) throw invalid("Task doesn't belong to Project");
    return task;
  }

  timeEntry(workspace: Workspace, entryId: string): TimeEntry {
    const entry = this.state.timeEntries.find((e) => e.id === entryId && e.workspaceId === workspace.id);
    if (!entry) throw notInWorkspace('Time entry');
    return entry;
  }

  runningEntry(workspaceId: string, userId: string): TimeEntry | undefined {
    return this.state.timeEntries.find((e) => e.workspaceId === workspaceId && e.userId === userId && e.end === null);
  }
}

/** Removes matching items from a state list in place, so references to the list stay valid. */
export function removeWhere<T>(list: T[], doomed: (item: T) => boolean): void {
  let kept = 0;
  for (const item of list) {
    if (!doomed(item)) list[kept++] = item;
  }
  list.length = kept;
}
