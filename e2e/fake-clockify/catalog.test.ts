import { afterEach, describe, expect, it } from 'vitest';
import type { FakeClockify } from './server';
import { startFakeClockify } from './server';
import { apiCaller, owner } from './testing';

let fake: FakeClockify | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function start(seed?: Parameters<typeof startFakeClockify>[0]): Promise<FakeClockify> {
  fake = await startFakeClockify(seed);
  return fake;
}

describe('lists and paging', () => {
  it('answers /workspaces as a bare array without Last-Page, ignoring paging', async () => {
    const api = apiCaller(await start());
    const reply = await api('GET', '/workspaces?page=2&page-size=1');
    expect(reply.body.map((w: { name: string }) => w.name)).toEqual(['Northwind Studio', 'Acme Corp (project required)']);
    expect(reply.headers.get('last-page')).toBeNull();
    expect(reply.body[1].workspaceSettings.forceProjects).toBe(true);
  });

  it('pages projects with Last-Page, default page-size 50, cap 5000', async () => {
    const f = await start({ seed: { projects: 120 } });
    const api = apiCaller(f);
    const { ws } = owner(f);
    const first = await api('GET', `/workspaces/${ws}/projects`);
    expect(first.body).toHaveLength(50);
    expect(first.headers.get('last-page')).toBe('false');
    const third = await api('GET', `/workspaces/${ws}/projects?page=3&page-size=50`);
    expect(third.body).toHaveLength(20);
    expect(third.headers.get('last-page')).toBe('true');
    expect((await api('GET', `/workspaces/${ws}/projects?page=9`)).body).toEqual([]);
    expect((await api('GET', `/workspaces/${ws}/projects?page-size=5000`)).body).toHaveLength(120);
    expect(await api('GET', `/workspaces/${ws}/projects?page-size=5001`)).toMatchObject({ status: 400, body: { code: 3000 } });
    expect(await api('GET', `/workspaces/${ws}/projects?page=0`)).toMatchObject({ status: 400, body: { code: 3000 } });
  });

  it('filters projects by archived, name and client', async () => {
    const f = await start();
    const api = apiCaller(f);
    const { ws } = owner(f);
    const names = async (query: string) => (await api('GET', `/workspaces/${ws}/projects${query}`)).body.map((p: { name: string }) => p.name);
    expect(await names('')).toEqual(['Café Rebrand', 'Internal Tools', 'Legacy Website', 'Website Relaunch']);
    expect(await names('?archived=true')).toEqual(['Legacy Website']);
    expect(await names('?archived=false')).toEqual(['Café Rebrand', 'Internal Tools', 'Website Relaunch']);
    expect(await names('?name=CAFÉ')).toEqual(['Café Rebrand']);
    expect(await names('?name=website&strict-name-search=true')).toEqual([]);
    const cafe = f.state.clients.find((c) => c.name === 'Café Lumière')!;
    expect(await names(`?clients=${cafe.id}`)).toEqual(['Café Rebrand']);
  });

  // How fast it is generated is a benchmark's business (bench/), not a test's.
  it('generates a 50,000-project workspace and serves it in pages of 5000', async () => {
    const f = await start({ seed: { projects: 50_000, tasksPerProject: 1 } });
    const api = apiCaller(f);
    const { ws } = owner(f);
    const last = await api('GET', `/workspaces/${ws}/projects?page=10&page-size=5000`);
    expect(last.body).toHaveLength(5000);
    expect(last.headers.get('last-page')).toBe('true');
    expect(f.state.tasks).toHaveLength(50_000);
  });
});

describe('projects', () => {
  it('creates a project with derived clientName and duration, and refuses bad input', async () => {
    const f = await start();
    const api = apiCaller(f);
    const { ws } = owner(f);
    const client = f.state.clients.find((c) => c.name === 'Müller & Söhne GmbH')!;
    const reply = await api('POST', `/workspaces/${ws}/projects`, { body: { name: 'Ölmühle Shop', clientId: client.id, isPublic: true, billable: true } });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ name: 'Ölmühle Shop', clientId: client.id, clientName: 'Müller & Söhne GmbH', duration: 'PT0S', archived: false, billable: true, public: true });
    expect(reply.body.id).toMatch(/^[0-9a-f]{24}$/);
    expect(await api('POST', `/workspaces/${ws}/projects`, { body: { name: 'Ölmühle Shop', clientId: client.id } })).toMatchObject({ status: 400, body: { code: 501 } });
    expect(await api('POST', `/workspaces/${ws}/projects`, { body: { name: 'X' } })).toMatchObject({ status: 400, body: { code: 501 } });
    expect(await api('POST', `/workspaces/${ws}/projects`, { body: { name: 'Fine', clientId: '0'.repeat(24) } })).toMatchObject({
      status: 400, body: { message: "Client doesn't belong to Workspace" },
    });
  });

  it('answers "" for a project without client and sums finished entries into duration', async () => {
    const f = await start();
    const api = apiCaller(f);
    const { ws } = owner(f);
    const internal = f.state.projects.find((p) => p.name === 'Internal Tools')!;
    const reply = await api('GET', `/workspaces/${ws}/projects/${internal.id}`);
    expect(reply.body).toMatchObject({ clientId: '', clientName: '', duration: 'PT1H30M' });
  });

  it('deletes a project only once archived', async () => {
    const f = await start();
    const api = apiCaller(f);
    const { ws } = owner(f);
    const rebrand = f.state.projects.find((p) => p.name === 'Café Rebrand')!;
    const refused = await api('DELETE', `/workspaces/${ws}/projects/${rebrand.id}`);
    expect(refused).toMatchObject({ status: 400, body: { code: 501 } });
    expect(refused.body.message).toMatch(/archive/i);
    expect((await api('PUT', `/workspaces/${ws}/projects/${rebrand.id}`, { body: { archived: true } })).body).toMatchObject({ archived: true, name: 'Café Rebrand' });
    expect((await api('DELETE', `/workspaces/${ws}/projects/${rebrand.id}`)).status).toBe(200);
    expect(await api('GET', `/workspaces/${ws}/projects/${rebrand.id}`)).toMatchObject({ status: 400, body: { code: 501 } });
    expect(f.state.tasks.some((t) => t.projectId === rebrand.id)).toBe(false);
  });
});

describe('tasks', () => {
  it('filters by is-active, creates with the project billable default, deletes only DONE tasks', async () => {
    const f = await start();
    const api = apiCaller(f);
    const { ws } = owner(f);
    const relaunch = f.state.projects.find((p) => p.name === 'Website Relaunch')!;
    const base = `/workspaces/${ws}/projects/${relaunch.id}/tasks`;
    expect((await api('GET', base)).body).toHaveLength(3);
    const active = await api('GET', `${base}?is-active=true`);
    expect(active.body.map((t: { name: string }) => t.name)).toEqual(['Frontend', 'Backend']);
    expect(active.headers.get('last-page')).toBe('true');

    const made = await api('POST', base, { body: { name: 'Accessibility', estimate: 'PT2H' } });
    expect(made).toMatchObject({ status: 201, body: { name: 'Accessibility', status: 'ACTIVE', billable: true, estimate: 'PT2H', duration: 'PT0S', assigneeId: null } });
    const refused = await api('DELETE', `${base}/${made.body.id}`);
    expect(refused).toMatchObject({ status: 400, body: { code: 501 } });
    expect((await api('PUT', `${base}/${made.body.id}`, { body: { name: 'Accessibility', status: 'DONE' } })).body.status).toBe('DONE');
    expect((await api('DELETE', `${base}/${made.body.id}`)).status).toBe(200);
    expect(await api('PUT', `${base}/${made.body.id}`, { body: { status: 'DONE' } })).toMatchObject({ status: 400 });
  });
});

describe('clients and tags', () => {
  it('creates, renames, archives and deletes a client; its projects lose it', async () => {
    const f = await start();
    const api = apiCaller(f);
    const { ws } = owner(f);
    const made = await api('POST', `/workspaces/${ws}/clients`, { body: { name: 'Åkerlund AB', note: 'Nordics' } });
    expect(made).toMatchObject({ status: 201, body: { name: 'Åkerlund AB', note: 'Nordics', archived: false, address: null, currencyCode: 'EUR' } });
    const id = made.body.id as string;
    expect((await api('PUT', `/workspaces/${ws}/clients/${id}`, { body: { archived: true } })).body).toMatchObject({ name: 'Åkerlund AB', archived: true });
    expect((await api('GET', `/workspaces/${ws}/clients?archived=true`)).body.map((c: { name: string }) => c.name)).toEqual(['Old Harbour Ltd', 'Åkerlund AB']);
    const project = await api('POST', `/workspaces/${ws}/projects`, { body: { name: 'Fjord', clientId: id } });
    expect((await api('DELETE', `/workspaces/${ws}/clients/${id}`)).status).toBe(200);
    expect((await api('GET', `/workspaces/${ws}/projects/${project.body.id}`)).body.clientId).toBe('');
  });

  it('creates, updates and deletes a tag; entries lose it', async () => {
    const f = await start();
    const api = apiCaller(f);
    const { ws } = owner(f);
    expect((await api('GET', `/workspaces/${ws}/tags?archived=false`)).body.map((t: { name: string }) => t.name)).toEqual(['deep work', 'meeting', 'review', 'Entwürfe']);
    const made = await api('POST', `/workspaces/${ws}/tags`, { body: { name: 'späť' } });
    expect(made).toMatchObject({ status: 201, body: { name: 'späť', archived: false, workspaceId: ws } });
    expect(await api('POST', `/workspaces/${ws}/tags`, { body: { name: 'SPÄŤ' } })).toMatchObject({ status: 400 });
    expect((await api('PUT', `/workspaces/${ws}/tags/${made.body.id}`, { body: { name: 'later' } })).body.name).toBe('later');
    const meeting = f.state.tags.find((t) => t.name === 'meeting')!;
    expect((await api('DELETE', `/workspaces/${ws}/tags/${meeting.id}`)).body.name).toBe('meeting');
    expect(f.state.timeEntries.some((e) => e.tagIds?.includes(meeting.id))).toBe(false);
    expect(f.state.timeEntries.find((e) => e.description === 'Standup and planning')!.tagIds).toBeNull();
  });
});

describe('account', () => {
  it('answers the user settings and memberships on request, and the workspace users paged', async () => {
    const f = await start({ timeZone: 'America/Sao_Paulo' });
    const api = apiCaller(f);
    const { ws } = owner(f);
    const user = await api('GET', '/user?include-memberships=true');
    expect(user.body.settings).toMatchObject({ timeZone: 'America/Sao_Paulo', timeFormat: 'HOUR24', weekStart: 'MONDAY' });
    expect(user.body.memberships.length).toBeGreaterThan(2);
    expect(user.body.defaultWorkspace).toBe(ws);
    const users = await api('GET', `/workspaces/${ws}/users`);
    expect(users.body.map((u: { name: string }) => u.name)).toEqual(['Lena Fischer', 'Jonas Weber']);
    expect(users.headers.get('last-page')).toBe('true');
  });
});
