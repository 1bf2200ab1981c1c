// Creating projects, clients, tasks and tags from the pickers, through the core against the fake
// Clockify server (which refuses a member's creates where only admins create, as Clockify does).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeClockify, type FakeClockify } from '../../e2e/fake-clockify/server';
import { setWorkspaceAdmin } from '../../e2e/fake-clockify/roles';
import { owner } from '../../e2e/fake-clockify/testing';
import { openCore, signedIn, type CoreUnderTest } from '../../e2e/support/core-fixture';

let fake: FakeClockify;
let under: CoreUnderTest | undefined;
let ws: string;

beforeEach(async () => {
  fake = await startFakeClockify({ seed: 'small' });
  ws = owner(fake, 'Northwind Studio').ws;
});
afterEach(async () => {
  under?.core.close();
  under = undefined;
  await fake.close();
});

async function ready(): Promise<CoreUnderTest> {
  under = await signedIn(fake);
  expect(under.core.snapshot().workspaceId).toBe(ws);
  fake.clearRequests();
  return under;
}

const writes = () => fake.requests.filter((request) => request.method !== 'GET').map((request) => `${request.method} ${request.path.replace(/^\/api\/v1\/workspaces\/[^/]+/, '')}`);
const named = <T extends { name: string }>(items: readonly T[], name: string) => items.filter((item) => item.name === name);

describe('clients', () => {
  it('offers the workspace’s clients that are not archived', async () => {
    const { core } = await ready();
    const clients = await core.clients();
    expect(clients.ok && clients.value.map((client) => client.name).sort()).toEqual(['Café Lumière', 'Müller & Söhne GmbH']);
  });
});

describe('projects', () => {
  it('a new client named like an existing one, in another case and with spaces, is that client: no second client', async () => {
    const { core } = await ready();
    const clientsBefore = fake.state.clients.length;
    const made = await core.createProject({ name: 'Espresso menu', clientId: null, newClientName: '  café lumière ' });
    expect(made.ok).toBe(true);
    expect(fake.state.clients).toHaveLength(clientsBefore);
    const [project] = named(fake.state.projects, 'Espresso menu');
    expect(project?.clientId).toBe(named(fake.state.clients, 'Café Lumière')[0]!.id);
    expect(project?.public).toBe(true);
    // The new project heads the picker at once, with its client.
    expect(core.catalog(ws).projects[0]).toMatchObject({ id: project!.id, name: 'Espresso menu', clientName: 'Café Lumière' });
  });

  it('a new client name makes the client first; a private project stays private', async () => {
    const { core } = await ready();
    const made = await core.createProject({ name: 'Harbour lights', clientId: null, newClientName: ' Lighthouse Co ', isPublic: false });
    expect(made.ok).toBe(true);
    expect(writes()).toEqual(['POST /clients', 'POST /projects']);
    const [client] = named(fake.state.clients, 'Lighthouse Co');
    expect(named(fake.state.projects, 'Harbour lights')[0]).toMatchObject({ clientId: client!.id, public: false });
  });

  it('with a client chosen, or none, no client is looked up or made', async () => {
    const { core } = await ready();
    const cafe = named(fake.state.clients, 'Café Lumière')[0]!.id;
    expect((await core.createProject({ name: 'With client', clientId: cafe })).ok).toBe(true);
    expect((await core.createProject({ name: 'No client', clientId: null })).ok).toBe(true);
    expect(writes()).toEqual(['POST /projects', 'POST /projects']);
    expect(named(fake.state.projects, 'With client')[0]?.clientId).toBe(cafe);
    expect(named(fake.state.projects, 'No client')[0]?.clientId ?? null).toBeNull();
  });

  it('a name Clockify refuses is said in its words, and the picker keeps what it had', async () => {
    const { core } = await ready();
    const before = core.catalog(ws).projects;
    // Project names are unique per client.
    const made = await core.createProject({ name: 'website relaunch', clientId: named(fake.state.clients, 'Müller & Söhne GmbH')[0]!.id });
    expect(made.ok).toBe(false);
    if (!made.ok) expect(made.error.message).toBe("Clockify did not create the project: Project with name 'website relaunch' already exists.");
    expect(core.catalog(ws).projects).toEqual(before);
    // A refused create is the form's business, not the sync banner's.
    expect(core.snapshot().sync.lastError).toBeNull();
  });
});

describe('tasks and tags', () => {
  it('a new task joins its project’s tasks at the end', async () => {
    const { core } = await ready();
    const rebrand = named(fake.state.projects, 'Café Rebrand')[0]!.id;
    const known = await core.tasks(ws, rebrand);
    const made = await core.createTask(rebrand, 'Window signs');
    expect(made.ok && made.value.name).toBe('Window signs');
    expect(named(fake.state.tasks, 'Window signs')[0]?.projectId).toBe(rebrand);
    expect(core.catalog(ws).tasks[rebrand]?.map((task) => task.name)).toEqual([...(known.ok ? known.value.map((task) => task.name) : []), 'Window signs']);
  });

  it('a new tag takes its place in name order', async () => {
    const { core } = await ready();
    const made = await core.createTag('focus');
    expect(made.ok).toBe(true);
    expect(named(fake.state.tags, 'focus')).toHaveLength(1);
    const names = core.catalog(ws).tags.map((tag) => tag.name);
    expect(names).toContain('focus');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b)));
  });

  it('a tag named like an archived one (any case, spaces) brings that tag back instead of a duplicate', async () => {
    const { core } = await ready();
    const legacy = named(fake.state.tags, 'legacy')[0]!;
    expect(core.catalog(ws).archivedTags?.map((tag) => tag.id)).toContain(legacy.id);
    const made = await core.createTag('  LEGACY ');
    expect(made.ok && made.value.id).toBe(legacy.id);
    expect(writes()).toEqual([`PUT /tags/${legacy.id}`]);
    expect(legacy.archived).toBe(false);
    expect(core.catalog(ws).tags.map((tag) => tag.id)).toContain(legacy.id);
    expect(core.catalog(ws).archivedTags?.map((tag) => tag.id)).not.toContain(legacy.id);
  });

  it('bringing back a tag that is not archived is refused in words, sending nothing', async () => {
    const { core } = await ready();
    const meeting = named(fake.state.tags, 'meeting')[0]!;
    expect(await core.unarchiveTag(meeting.id)).toEqual({ ok: false, error: { kind: 'invalid', message: 'That tag is not archived in this workspace.', status: null } });
    expect(writes()).toEqual([]);
  });
});

describe('where only admins create', () => {
  function adminsOnly(admin: boolean) {
    Object.assign(fake.state.workspaces.find((workspace) => workspace.id === ws)!.workspaceSettings, { onlyAdminsCreateProject: true, onlyAdminsCreateTag: true, onlyAdminsCreateTask: true });
    setWorkspaceAdmin(fake.state, ws, owner(fake).userId, admin);
  }

  it('a member is told before anything is sent', async () => {
    adminsOnly(false);
    const { core } = await ready();
    const rebrand = named(fake.state.projects, 'Café Rebrand')[0]!.id;
    const legacy = named(fake.state.tags, 'legacy')[0]!.id;
    const refusal = (message: string) => ({ ok: false, error: { kind: 'forbidden', message, status: null } });
    expect(await core.createProject({ name: 'Nope', clientId: null, newClientName: 'New client' })).toEqual(refusal('Only admins can create projects in Northwind Studio.'));
    expect(await core.createTask(rebrand, 'Nope')).toEqual(refusal('Only admins can create tasks in Northwind Studio.'));
    expect(await core.createTag('nope')).toEqual(refusal('Only admins can create tags in Northwind Studio.'));
    expect(await core.unarchiveTag(legacy)).toEqual(refusal('The tag “legacy” is archived, and only admins can restore it in Northwind Studio.'));
    expect(writes()).toEqual([]);
  });

  it('an admin may; when the role was taken away meanwhile, Clockify’s refusal is said in its words', async () => {
    adminsOnly(true);
    const { core } = await ready();
    expect((await core.createTag('allowed')).ok).toBe(true);
    setWorkspaceAdmin(fake.state, ws, owner(fake).userId, false);
    const made = await core.createProject({ name: 'Too late', clientId: null });
    expect(made).toEqual({ ok: false, error: { kind: 'forbidden', message: 'Clockify did not create the project: Only admins can create projects in this workspace.', status: 403 } });
    expect(named(fake.state.projects, 'Too late')).toEqual([]);
  });
});

describe('offline', () => {
  it('each create and the clients say Clockify cannot be reached, the app shows it is offline, and the pickers keep what they had', async () => {
    const { core } = await ready();
    const rebrand = named(fake.state.projects, 'Café Rebrand')[0]!.id;
    const legacy = named(fake.state.tags, 'legacy')[0]!.id;
    const before = core.catalog(ws);
    fake.addFault({ kind: 'reset', count: Infinity });
    for (const attempt of [core.clients(), core.createProject({ name: 'Offline project', clientId: null }), core.createTask(rebrand, 'Offline task'), core.createTag('offline'), core.unarchiveTag(legacy)]) {
      const result = await attempt;
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.error.kind).toBe('network');
    }
    expect(core.snapshot().sync.online).toBe(false);
    expect(core.catalog(ws)).toEqual(before);
  });
});

describe('signed out', () => {
  it('every create asks to sign in first, sending nothing', async () => {
    under = await openCore(fake);
    const { core } = under;
    const signIn = { ok: false, error: { kind: 'signed-out', message: 'Sign in and choose a workspace first.', status: null } };
    expect(await core.clients()).toEqual(signIn);
    expect(await core.createProject({ name: 'x', clientId: null })).toEqual(signIn);
    expect(await core.createTask('p', 'x')).toEqual(signIn);
    expect(await core.createTag('x')).toEqual(signIn);
    expect(await core.unarchiveTag('t')).toEqual(signIn);
    expect(fake.requests).toEqual([]);
  });
});
