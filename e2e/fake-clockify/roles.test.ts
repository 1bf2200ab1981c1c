import { afterEach, describe, expect, it } from 'vitest';
import type { FakeClockify } from './server';
import { startFakeClockify } from './server';
import { setWorkspaceAdmin } from './roles';
import { apiCaller, owner } from './testing';

let fake: FakeClockify | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

describe('workspace roles and "only admins create"', () => {
  it('lets everyone create while the settings are off', async () => {
    fake = await startFakeClockify({ seed: 'small' });
    const api = apiCaller(fake);
    const { userId, ws } = owner(fake);
    setWorkspaceAdmin(fake.state, ws, userId, false);
    expect((await api('POST', `/workspaces/${ws}/tags`, { body: { name: 'new tag' } })).status).toBe(201);
    expect((await api('POST', `/workspaces/${ws}/projects`, { body: { name: 'New project', isPublic: true } })).status).toBe(201);
  });

  it('refuses a member\'s projects, clients, tags and tasks where only admins create them; admins and owners may', async () => {
    fake = await startFakeClockify({ seed: 'small' });
    const api = apiCaller(fake);
    const { userId, ws } = owner(fake);
    const settings = fake.state.workspaces[0]!.workspaceSettings;
    Object.assign(settings, { onlyAdminsCreateProject: true, onlyAdminsCreateTag: true, onlyAdminsCreateTask: true });
    const project = fake.state.projects.find((p) => p.workspaceId === ws && !p.archived)!;
    const archived = fake.state.tags.find((t) => t.workspaceId === ws && t.archived)!;
    // The seeded owner owns the workspace.
    expect((await api('POST', `/workspaces/${ws}/tags`, { body: { name: 'by owner' } })).status).toBe(201);
    setWorkspaceAdmin(fake.state, ws, userId, false);
    const count = fake.state.projects.length;
    expect(await api('POST', `/workspaces/${ws}/projects`, { body: { name: 'Nope', isPublic: true } })).toMatchObject({ status: 403, body: { message: 'Only admins can create projects in this workspace' } });
    expect((await api('POST', `/workspaces/${ws}/clients`, { body: { name: 'Nope' } })).status).toBe(403);
    expect((await api('POST', `/workspaces/${ws}/tags`, { body: { name: 'nope' } })).status).toBe(403);
    expect((await api('PUT', `/workspaces/${ws}/tags/${archived.id}`, { body: { archived: false } })).status).toBe(403);
    expect((await api('POST', `/workspaces/${ws}/projects/${project.id}/tasks`, { body: { name: 'Nope' } })).status).toBe(403);
    expect(fake.state.projects).toHaveLength(count);
    setWorkspaceAdmin(fake.state, ws, userId, true);
    expect((await api('POST', `/workspaces/${ws}/projects/${project.id}/tasks`, { body: { name: 'Yes' } })).status).toBe(201);
  });

  it('filters users by email and role, counting owners as admins', async () => {
    fake = await startFakeClockify({ seed: 'small' });
    const api = apiCaller(fake);
    const { ws } = owner(fake);
    const admins = await api('POST', `/workspaces/${ws}/users/info`, { body: { roles: ['WORKSPACE_ADMIN'] } });
    expect(admins.body.map((u: { email: string }) => u.email)).toEqual(['lena.fischer@example.com']);
    const jonas = await api('POST', `/workspaces/${ws}/users/info`, { body: { email: 'jonas.weber@example.com', roles: ['WORKSPACE_ADMIN', 'OWNER'] } });
    expect(jonas.body).toEqual([]);
    expect((await api('POST', `/workspaces/${ws}/users/info`, { body: { roles: ['KING'] } })).status).toBe(400);
  });
});
