// The client against the fake Clockify server over real HTTP on 127.0.0.1.
import { createServer } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_API_KEY, FAKE_MATON_KEY, startFakeClockify, type FakeClockify } from '../../e2e/fake-clockify/server';
import type { ConnectionConfig } from '../../shared/connection';
import { ClockifyClient, type ClockifyClientOptions } from './client';
import { systemClock } from './clock';
import { ClockifyError } from './errors';

let fake: FakeClockify;
let sleeps: number[];

beforeAll(async () => {
  // Many clients (each with its own 50 req/s budget) share this fake, so its own limit is off here;
  // 'stays under the server's 50 req/s' below runs one client against a strict fake.
  fake = await startFakeClockify({ seed: 'small', rateLimit: null });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.clearRequests();
  sleeps = [];
});

function client(overrides: Partial<ClockifyClientOptions> = {}): ClockifyClient {
  return new ClockifyClient({
    connection: { kind: 'clockify', server: 'custom', baseUrl: fake.url },
    secret: FAKE_API_KEY,
    clock: { ...systemClock, sleep: async (ms) => void sleeps.push(ms) },
    random: () => 0.5,
    timeoutMs: 2000,
    ...overrides,
  });
}

/** A local port nothing listens on: connecting to it is refused. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return `http://127.0.0.1:${port}/api/v1`;
}

async function failure(promise: Promise<unknown>): Promise<ClockifyError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ClockifyError);
  return error as ClockifyError;
}

async function context(c = client()) {
  const user = await c.getUser();
  const workspaces = await c.listWorkspaces();
  const ws = workspaces.find((w) => !w.workspaceSettings.forceProjects)!;
  return { user, ws: ws.id, uid: user.id };
}

describe('connections', () => {
  it('sends X-Api-Key (and no Authorization) against a Clockify base URL', async () => {
    const user = await client().getUser();
    expect(user.id).toMatch(/^[0-9a-f]{24}$/);
    const [request] = fake.requests;
    expect(request!.path).toBe('/api/v1/user');
    expect(request!.headers['x-api-key']).toBe(FAKE_API_KEY);
    expect(request!.headers.authorization).toBeUndefined();
  });

  it('sends Bearer and Maton-Connection through the Maton gateway prefix', async () => {
    const connectionId = fake.state.matonConnections[0]!.id;
    const config: ConnectionConfig = { kind: 'maton', gatewayUrl: fake.matonUrl, connectionId };
    const maton = client({ connection: config, secret: FAKE_MATON_KEY });
    expect((await maton.listWorkspaces()).length).toBeGreaterThan(0);
    const [request] = fake.requests;
    expect(request!.path).toBe('/clockify/api/v1/workspaces');
    expect(request!.headers.authorization).toBe(`Bearer ${FAKE_MATON_KEY}`);
    expect(request!.headers['maton-connection']).toBe(connectionId);
    expect(request!.headers['x-api-key']).toBeUndefined();
  });

  it('omits Maton-Connection when none is chosen', async () => {
    await client({ connection: { kind: 'maton', gatewayUrl: fake.matonUrl }, secret: FAKE_MATON_KEY }).getUser();
    expect(fake.requests[0]!.headers['maton-connection']).toBeUndefined();
  });

  it('resolves the regional hosts', () => {
    const of = (server: 'global' | 'eu' | 'us' | 'uk' | 'au') => client({ connection: { kind: 'clockify', server } }).baseUrl;
    expect([of('global'), of('eu'), of('us'), of('uk'), of('au')]).toEqual([
      'https://api.clockify.me/api/v1',
      'https://euc1.clockify.me/api/v1',
      'https://use2.clockify.me/api/v1',
      'https://euw2.clockify.me/api/v1',
      'https://apse2.clockify.me/api/v1',
    ]);
  });
});

describe('endpoints', () => {
  it('reads the user, workspaces, one workspace and its users', async () => {
    const c = client();
    const { user, ws } = await context(c);
    expect(user.settings?.timeZone).toBeTruthy();
    expect((await c.getWorkspace(ws)).id).toBe(ws);
    expect((await c.listWorkspaceUsers(ws)).map((u) => u.id)).toContain(user.id);
    const workspacesRequest = fake.requests.find((r) => r.path.endsWith('/workspaces'))!;
    expect(workspacesRequest.query).toEqual({}); // never paged
  });

  it('creates, reads, updates, archives and deletes a project, with clients', async () => {
    const c = client();
    const { ws } = await context(c);
    const acme = await c.createClient(ws, { name: 'Test Client' });
    expect((await c.getClient(ws, acme.id)).name).toBe('Test Client');
    expect((await c.updateClient(ws, acme.id, { name: 'Renamed Client' })).name).toBe('Renamed Client');
    expect((await c.listClients(ws)).map((x) => x.id)).toContain(acme.id);

    const project = await c.createProject(ws, { name: 'Probe Project', clientId: acme.id, isPublic: true, billable: true, color: '#03A9F4' });
    expect(project).toMatchObject({ name: 'Probe Project', clientId: acme.id, billable: true, archived: false });
    expect((await c.getProject(ws, project.id)).name).toBe('Probe Project');
    expect((await c.listProjects(ws, { name: 'Probe Project' })).map((p) => p.id)).toEqual([project.id]);

    const refused = await failure(c.deleteProject(ws, project.id));
    expect(refused.kind).toBe('rejected');
    expect(refused.serverMessage).toMatch(/archive it first/);
    await c.updateProject(ws, project.id, { archived: true });
    expect((await c.listProjects(ws)).map((p) => p.id)).not.toContain(project.id);
    expect((await c.listProjects(ws, { archived: true })).map((p) => p.id)).toContain(project.id);
    await c.deleteProject(ws, project.id);
    expect((await failure(c.getProject(ws, project.id))).kind).toBe('rejected'); // Clockify answers 400, not 404
    await c.deleteClient(ws, acme.id);
  });

  it('creates, lists, updates and deletes tags', async () => {
    const c = client();
    const { ws } = await context(c);
    const tag = await c.createTag(ws, { name: 'probe-tag' });
    expect((await c.getTag(ws, tag.id)).name).toBe('probe-tag');
    expect((await c.updateTag(ws, tag.id, { name: 'probe-tag-2', archived: true })).archived).toBe(true);
    expect((await c.listTags(ws, { archived: true })).map((t) => t.id)).toContain(tag.id);
    await c.deleteTag(ws, tag.id);
    expect((await c.listTags(ws)).map((t) => t.id)).not.toContain(tag.id);
  });

  it('manages tasks, refusing to delete an active one with a clear error', async () => {
    const c = client();
    const { ws } = await context(c);
    const [project] = await c.listProjects(ws);
    const task = await c.createTask(ws, project!.id, { name: 'Probe task', billable: true });
    expect(task).toMatchObject({ status: 'ACTIVE', projectId: project!.id });
    expect((await c.getTask(ws, project!.id, task.id)).name).toBe('Probe task');
    expect((await c.listTasks(ws, project!.id, { active: true })).map((t) => t.id)).toContain(task.id);
    const refused = await failure(c.deleteTask(ws, project!.id, task.id));
    expect(refused.serverMessage).toMatch(/mark it done first/);
    await c.updateTask(ws, project!.id, task.id, { name: 'Probe task', status: 'DONE' });
    expect((await c.listTasks(ws, project!.id, { active: true })).map((t) => t.id)).not.toContain(task.id);
    await c.deleteTask(ws, project!.id, task.id);
  });

  it('starts, finds, stops, replaces, duplicates and deletes time entries', async () => {
    const c = client();
    const { ws, uid } = await context(c);
    const [project] = await c.listProjects(ws);
    const start = new Date(Date.now() - 3_600_000 + 123); // milliseconds must not reach the wire
    const running = await c.createTimeEntry(ws, { start, description: 'Writing tests', projectId: project!.id, billable: true });
    const sent = fake.requests.at(-1)!.body as Record<string, unknown>;
    expect(sent.start).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(sent).toMatchObject({ billable: true, projectId: project!.id, taskId: null, tagIds: null });
    expect(sent).not.toHaveProperty('end');
    expect(running.timeInterval.end).toBeNull();
    expect(running.tagIds).toEqual([]); // null on the wire, [] to the app

    expect((await c.getRunningEntry(ws, uid))?.id).toBe(running.id);
    expect(fake.requests.at(-1)!.query).toMatchObject({ 'in-progress': 'true', 'page-size': '1' });

    const stopped = await c.stopRunningEntry(ws, uid, new Date());
    expect(stopped.id).toBe(running.id);
    expect(stopped.timeInterval.end).not.toBeNull();
    expect(await c.getRunningEntry(ws, uid)).toBeNull();
    expect((await failure(c.stopRunningEntry(ws, uid, new Date()))).kind).toBe('not-found');

    const end = new Date(start.getTime() + 1_800_000);
    const replaced = await c.updateTimeEntry(ws, running.id, { start, end, description: 'Edited', projectId: null, taskId: null, tagIds: [], billable: false, type: 'REGULAR', customFields: [] });
    expect(replaced).toMatchObject({ description: 'Edited', projectId: null, billable: false });
    expect(replaced.timeInterval.duration).toBe('PT30M');
    expect((await c.getTimeEntry(ws, running.id)).description).toBe('Edited');

    const copy = await c.duplicateTimeEntry(ws, uid, running.id);
    expect(copy.id).not.toBe(running.id);
    const mine = await c.listMyTimeEntries(ws, uid, { description: 'Edited' });
    expect(mine.map((e) => e.id).sort()).toEqual([running.id, copy.id].sort());

    await c.deleteTimeEntry(ws, copy.id);
    await c.deleteTimeEntry(ws, running.id);
    expect(await c.listMyTimeEntries(ws, uid, { description: 'Edited' })).toEqual([]);
  });

  it('asks whether a user is an admin of a workspace: the owner is, a member and a near-miss address are not', async () => {
    const c = client();
    const studio = fake.state.workspaces.find((w) => w.name === 'Northwind Studio')!.id;
    expect(await c.isWorkspaceAdmin(studio, 'lena.fischer@example.com')).toBe(true);
    expect(await c.isWorkspaceAdmin(studio, 'Lena.Fischer@Example.com')).toBe(true);
    expect(await c.isWorkspaceAdmin(studio, 'jonas.weber@example.com')).toBe(false);
    // Clockify's filter matches part of an address: "ena.fischer@…" lists Lena, who is not that user.
    expect(await c.isWorkspaceAdmin(studio, 'ena.fischer@example.com')).toBe(false);
    const asked = fake.requests.filter((r) => r.path.endsWith('/users/info'));
    expect(asked).toHaveLength(4);
    expect(asked[0]!.method).toBe('POST');
    expect(asked[0]!.path.endsWith(`/workspaces/${studio}/users/info`)).toBe(true);
    expect(asked[0]!.body).toEqual({ email: 'lena.fischer@example.com', roles: ['WORKSPACE_ADMIN', 'OWNER'], page: 1, pageSize: 50 });
  });

  it('filters entries by tags, sent as one comma-separated parameter, and writes tags back as ids', async () => {
    const c = client();
    const { ws, uid } = await context(c);
    const [first, second] = await c.listTags(ws);
    const start = new Date(Date.now() - 9_000_000);
    const tagged = await c.createTimeEntryForUser(ws, uid, { start, end: new Date(start.getTime() + 600_000), tagIds: [first!.id, second!.id], billable: false });
    const untagged = await c.createTimeEntryForUser(ws, uid, { start: new Date(start.getTime() + 600_000), end: new Date(start.getTime() + 900_000), tagIds: [], billable: false });
    expect(fake.requests.at(-1)!.body).toMatchObject({ tagIds: null });
    expect(tagged.tagIds).toEqual([first!.id, second!.id]);
    const found = await c.listMyTimeEntries(ws, uid, { tagIds: [first!.id, second!.id] });
    expect(fake.requests.at(-1)!.query.tags).toBe(`${first!.id},${second!.id}`);
    expect(found.map((e) => e.id)).toContain(tagged.id);
    expect(found.map((e) => e.id)).not.toContain(untagged.id);
    await c.listMyTimeEntries(ws, uid, { tagIds: [] });
    expect(fake.requests.at(-1)!.query).not.toHaveProperty('tags');
    await c.deleteTimeEntry(ws, tagged.id);
    await c.deleteTimeEntry(ws, untagged.id);
  });

  it('adds a finished entry for a user and filters by project and in-progress', async () => {
    const c = client();
    const { ws, uid } = await context(c);
    const [project] = await c.listProjects(ws);
    const start = new Date(Date.now() - 7_200_000);
    const added = await c.createTimeEntryForUser(ws, uid, { start, end: new Date(start.getTime() + 600_000), projectId: project!.id, billable: false });
    expect(added.timeInterval.duration).toBe('PT10M');
    const byProject = await c.listMyTimeEntries(ws, uid, { projectId: project!.id });
    expect(byProject.every((e) => e.projectId === project!.id)).toBe(true);
    expect(byProject.map((e) => e.id)).toContain(added.id);
    expect(fake.requests.at(-1)!.query.project).toBe(project!.id);
    expect(await c.listMyTimeEntries(ws, uid, { inProgress: true })).toEqual([]);
    await c.deleteTimeEntry(ws, added.id);
  });

  it('reads custom field values and the type, and a replacement writes them back as customFields', async () => {
    const c = client();
    const { ws } = await context(c);
    const start = new Date(Date.now() - 7_200_000);
    const end = new Date(start.getTime() + 600_000);
    const added = await c.createTimeEntry(ws, { start, end, billable: false, type: 'BREAK', customFields: [{ customFieldId: 'cf-po', value: 'PO-1234' }] });
    expect(fake.requests.at(-1)!.body).toMatchObject({ type: 'BREAK', customFields: [{ customFieldId: 'cf-po', value: 'PO-1234' }] });
    expect(added.type).toBe('BREAK');
    expect(added.customFieldValues).toEqual([{ customFieldId: 'cf-po', value: 'PO-1234' }]);

    const replaced = await c.updateTimeEntry(ws, added.id, { start, end, description: 'Lunch', projectId: null, taskId: null, tagIds: [], billable: false, type: 'BREAK', customFields: added.customFieldValues });
    const sent = fake.requests.at(-1)!.body as Record<string, unknown>;
    // Clockify ignores the read key on write: only customFields keeps them.
    expect(sent).toMatchObject({ type: 'BREAK', customFields: [{ customFieldId: 'cf-po', value: 'PO-1234' }] });
    expect(sent).not.toHaveProperty('customFieldValues');
    expect(replaced).toMatchObject({ description: 'Lunch', type: 'BREAK', customFieldValues: [{ customFieldId: 'cf-po', value: 'PO-1234' }] });
    await c.deleteTimeEntry(ws, added.id);
  });

  it('reads an entry without type or custom fields as a regular entry without values', async () => {
    const c = client();
    const { ws } = await context(c);
    const start = new Date(Date.now() - 7_200_000);
    const added = await c.createTimeEntry(ws, { start, end: new Date(start.getTime() + 60_000), billable: false });
    const stored = fake.state.timeEntries.find((e) => e.id === added.id)!;
    (stored as unknown as Record<string, unknown>).customFieldValues = null;
    (stored as unknown as Record<string, unknown>).type = null;
    expect(await c.getTimeEntry(ws, added.id)).toMatchObject({ type: 'REGULAR', customFieldValues: [] });
    await c.deleteTimeEntry(ws, added.id);
  });

  it('refuses to edit a locked entry', async () => {
    const c = client();
    const { ws, uid } = await context(c);
    const start = new Date(Date.now() - 7_200_000);
    const entry = await c.createTimeEntry(ws, { start, end: new Date(start.getTime() + 60_000), billable: false });
    fake.state.timeEntries.find((e) => e.id === entry.id)!.isLocked = true;
    const error = await failure(c.updateTimeEntry(ws, entry.id, { start, end: new Date(), description: 'x', projectId: null, taskId: null, tagIds: [], billable: false, type: 'REGULAR', customFields: [] }));
    expect(error).toMatchObject({ kind: 'locked', status: 403, code: 1003 });
    expect(uid).toBeTruthy();
  });
});

describe('paging', () => {
  let big: FakeClockify;
  beforeAll(async () => {
    big = await startFakeClockify({ seed: { projects: 120 } });
  });
  afterAll(() => big.close());

  function bigClient(fetchImpl?: typeof fetch) {
    return new ClockifyClient({ connection: { kind: 'clockify', server: 'custom', baseUrl: big.url }, secret: FAKE_API_KEY, pageSize: 50, ...(fetchImpl ? { fetch: fetchImpl } : {}) });
  }

  it('follows pages until Last-Page: true', async () => {
    const c = bigClient();
    const [ws] = await c.listWorkspaces();
    big.clearRequests();
    const projects = await c.listProjects(ws!.id);
    expect(projects).toHaveLength(120);
    expect(new Set(projects.map((p) => p.id)).size).toBe(120);
    expect(big.requests.map((r) => [r.query.page, r.query['page-size'], r.query.archived])).toEqual([
      ['1', '50', 'false'],
      ['2', '50', 'false'],
      ['3', '50', 'false'],
    ]);
  });

  it('falls back to a short page when Last-Page is absent', async () => {
    const withoutHeader: typeof fetch = async (input, init) => {
      const response = await fetch(input, init);
      const headers = new Headers(response.headers);
      headers.delete('Last-Page');
      return new Response(await response.text(), { status: response.status, headers });
    };
    const c = bigClient(withoutHeader);
    const [ws] = await c.listWorkspaces();
    big.clearRequests();
    expect(await c.listProjects(ws!.id)).toHaveLength(120);
    expect(big.requests).toHaveLength(3);
  });

  /** A route that ignores `page`: every page is the same, with no Last-Page header. */
  function ignoringPaging(pageItems: (page: number) => unknown[], lastPage?: string): { fetch: typeof fetch; pages: number[] } {
    const pages: number[] = [];
    const fetchImpl = (async (input: string | URL) => {
      const page = Number(new URL(String(input)).searchParams.get('page'));
      pages.push(page);
      return new Response(JSON.stringify(pageItems(page)), { status: 200, headers: { 'Content-Type': 'application/json', ...(lastPage ? { 'Last-Page': lastPage } : {}) } });
    }) as typeof fetch;
    return { fetch: fetchImpl, pages };
  }
  const project = (n: number) => ({ id: `p${n}`, name: `Project ${n}` });

  it('stops on a page it has seen already (a route that ignores page), keeping each item once', async () => {
    const route = ignoringPaging(() => Array.from({ length: 50 }, (_, i) => project(i)));
    const projects = await bigClient(route.fetch).listProjects('w');
    expect(projects).toHaveLength(50);
    expect(route.pages).toEqual([1, 2]);
  });

  it('believes Last-Page: false over a short page, and stops at an empty one', async () => {
    const route = ignoringPaging((page) => (page === 1 ? Array.from({ length: 20 }, (_, i) => project(i)) : []), 'false');
    expect(await bigClient(route.fetch).listProjects('w')).toHaveLength(20);
    expect(route.pages).toEqual([1, 2]);
  });

  it('stops at a sane number of pages and says so instead of looping', async () => {
    const route = ignoringPaging((page) => Array.from({ length: 50 }, (_, i) => project(page * 100 + i)), 'false');
    const c = new ClockifyClient({ connection: { kind: 'clockify', server: 'custom', baseUrl: big.url }, secret: FAKE_API_KEY, pageSize: 50, maxPages: 7, fetch: route.fetch });
    const error = await failure(c.listProjects('w'));
    expect(error).toMatchObject({ kind: 'malformed', path: '/workspaces/w/projects' });
    expect(error.userMessage).toMatch(/more than 7 pages/);
    expect(route.pages).toEqual([1, 2, 3, 4, 5, 6, 7]);
  });

  it("stays under the server's 50 req/s: a burst of 120 pages meets no 429", async () => {
    const strict = await startFakeClockify({ seed: { projects: 120 } });
    try {
      const c = new ClockifyClient({ connection: { kind: 'clockify', server: 'custom', baseUrl: strict.url }, secret: FAKE_API_KEY, pageSize: 1, maxRetries: 0 });
      const [ws] = await c.listWorkspaces();
      expect(await c.listProjects(ws!.id)).toHaveLength(120);
      expect(strict.requests.filter((r) => r.status === 429)).toEqual([]);
    } finally {
      await strict.close();
    }
  });

  it('never asks for more than 5000 a page', () => {
    const c = new ClockifyClient({ connection: { kind: 'clockify', server: 'global' }, secret: 'x', pageSize: 10_000 });
    expect((c as unknown as { pageSize: number }).pageSize).toBe(5000);
  });
});

describe('errors', () => {
  it('maps an unknown key to unauthorized with Clockify code and message, without the key', async () => {
    const wrongKey = 'wrong-key-0123456789abcdef0123456789abcdef0123';
    const error = await failure(client({ secret: wrongKey }).getUser());
    expect(error).toMatchObject({ kind: 'unauthorized', status: 401, code: 4003, method: 'GET', path: '/user' });
    expect(error.serverMessage).toMatch(/Api key does not exist/);
    for (const text of [error.message, error.userMessage, String(error.stack), JSON.stringify(error)]) {
      expect(text).not.toContain(wrongKey);
    }
  });

  it.each([
    [403, 501, 'forbidden'],
    [404, 3000, 'not-found'],
    [400, 501, 'rejected'],
    [429, undefined, 'rate-limited'],
    [500, undefined, 'server'],
    [503, undefined, 'server'],
  ] as const)('maps %i to %s', async (status, code, kind) => {
    fake.addFault({ kind: 'status', status, body: code === undefined ? null : JSON.stringify({ code, message: 'Injected' }), count: Infinity, match: { path: '/user' } });
    const error = await failure(client({ maxRetries: 0 }).getUser());
    expect(error.kind).toBe(kind);
    expect(error.status).toBe(status);
    expect(error.code).toBe(code);
    expect(error.serverMessage).toBe(code === undefined ? undefined : 'Injected');
    expect(error.message).toContain(`GET /user failed: ${status}`);
    expect(error.userMessage.length).toBeGreaterThan(20);
  });

  it.each([
    ['an older body with description', JSON.stringify({ description: 'Workspace not found', code: 1000 }), 'Workspace not found', 1000],
    ['a Spring body', JSON.stringify({ timestamp: '2026-05-20T21:58:01.123+00:00', status: 400, error: 'Bad Request', path: '/api/v1/user' }), 'Bad Request', undefined],
    ['a Spring body with a message', JSON.stringify({ timestamp: 'x', status: 400, error: 'Bad Request', message: 'start is required', path: '/api/v1/user' }), 'start is required', undefined],
    ['plain text', 'Too many requests from this address', 'Too many requests from this address', undefined],
    ['an empty message beside a description', JSON.stringify({ message: ' ', description: 'Project is archived' }), 'Project is archived', undefined],
  ] as const)('shows what %s says', async (_, body, said, code) => {
    fake.addFault({ kind: 'status', status: 400, body, match: { path: '/user' } });
    const error = await failure(client({ maxRetries: 0 }).getUser());
    expect(error.serverMessage).toBe(said);
    expect(error.code).toBe(code);
    expect(error.userMessage).toContain(said);
  });

  it('does not show an HTML error page as a message', async () => {
    fake.addFault({ kind: 'status', status: 502, body: '<html><body>Bad gateway</body></html>', match: { path: '/user' } });
    const error = await failure(client({ maxRetries: 0 }).getUser());
    expect(error.serverMessage).toBeUndefined();
  });

  it('treats a non-JSON or mis-shaped 2xx body as malformed, not a crash', async () => {
    fake.addFault({ kind: 'status', status: 200, body: '<html>proxy</html>', match: { path: '/user' } });
    expect((await failure(client().getUser())).kind).toBe('malformed');
    fake.addFault({ kind: 'status', status: 200, body: JSON.stringify({ name: 'no id' }), match: { path: '/user' } });
    const error = await failure(client().getUser());
    expect(error.kind).toBe('malformed');
    expect(error.serverMessage).toContain('id');
  });

  it('rejects an unknown Maton connection with a clear 400', async () => {
    const maton = client({ connection: { kind: 'maton', gatewayUrl: fake.matonUrl, connectionId: 'no-such-connection' }, secret: FAKE_MATON_KEY });
    const error = await failure(maton.getUser());
    expect(error).toMatchObject({ kind: 'rejected', status: 400 });
  });

  it('reports a refused connection as network', async () => {
    const c = new ClockifyClient({ connection: { kind: 'clockify', server: 'custom', baseUrl: await closedPortUrl() }, secret: 'x', maxRetries: 0 });
    const error = await failure(c.getUser());
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(false);
  });

  it('gives up on a slow answer with timeout', async () => {
    fake.addFault({ kind: 'latency', ms: 1500, match: { path: '/user' } });
    const error = await failure(client({ timeoutMs: 200, maxRetries: 0 }).getUser());
    expect(error.kind).toBe('timeout');
  });
});

describe('retries', () => {
  it('retries a 429 after Retry-After and succeeds', async () => {
    fake.addFault({ kind: 'status', status: 429, retryAfter: 2, body: null, count: 2, match: { path: '/user' } });
    await client().getUser();
    expect(sleeps).toEqual([2000, 2000]);
    expect(fake.requests.filter((r) => r.path.endsWith('/user'))).toHaveLength(3);
  });

  it('backs off exponentially on 429 without Retry-After, and gives up after maxRetries', async () => {
    fake.addFault({ kind: 'status', status: 429, body: null, count: Infinity, match: { path: '/user' } });
    const error = await failure(client({ maxRetries: 3 }).getUser());
    expect(error.kind).toBe('rate-limited');
    expect(sleeps).toEqual([375, 750, 1500]);
    expect(fake.requests).toHaveLength(4);
  });

  it('does not wait for a Retry-After beyond the limit', async () => {
    fake.addFault({ kind: 'status', status: 429, retryAfter: 3600, body: null, match: { path: '/user' } });
    const error = await failure(client().getUser());
    expect(error.retryAfterMs).toBe(3_600_000);
    expect(sleeps).toEqual([]);
  });

  it('retries a POST refused with 429: it did not take effect', async () => {
    const c = client();
    const { ws } = await context(c);
    fake.clearRequests();
    fake.addFault({ kind: 'status', status: 429, body: null, match: { method: 'POST' } });
    const tag = await c.createTag(ws, { name: 'after-429' });
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(2);
    await c.deleteTag(ws, tag.id);
  });

  it('retries 5xx for GET but never for POST', async () => {
    const c = client();
    const { ws } = await context(c);
    fake.clearRequests();
    fake.addFault({ kind: 'status', status: 503, body: null, count: 1, match: { method: 'GET', path: /\/tags$/ } });
    await c.listTags(ws);
    expect(fake.requests.filter((r) => r.path.endsWith('/tags'))).toHaveLength(2);

    fake.clearRequests();
    fake.addFault({ kind: 'status', status: 500, body: null, count: 1, match: { method: 'POST' } });
    const error = await failure(c.createTag(ws, { name: 'after-500' }));
    expect(error).toMatchObject({ kind: 'server', outcomeUnknown: true }); // a 500 may come after the write
    expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(1);
  });

  it('retries a GET whose connection was reset', async () => {
    fake.addFault({ kind: 'reset', match: { path: '/user' } });
    await client().getUser();
    expect(sleeps).toHaveLength(1);
  });

  it('never repeats a POST whose connection dropped after it was applied, and says the outcome is unknown', async () => {
    const c = client();
    const { ws, uid } = await context(c);
    const start = new Date(Date.now() - 86_400_000 * 3);
    fake.addFault({ kind: 'apply-then-drop', match: { method: 'POST', path: /time-entries$/ } });
    const error = await failure(c.createTimeEntry(ws, { start, end: new Date(start.getTime() + 60_000), description: 'dropped', billable: false }));
    expect(error.kind).toBe('network');
    expect(error.outcomeUnknown).toBe(true);
    const onServer = await c.listMyTimeEntries(ws, uid, { description: 'dropped' });
    expect(onServer).toHaveLength(1);
    await c.deleteTimeEntry(ws, onServer[0]!.id);
  });

  it('retries a POST whose connection was refused: it never reached the server', async () => {
    const c = new ClockifyClient({
      connection: { kind: 'clockify', server: 'custom', baseUrl: await closedPortUrl() },
      secret: 'x',
      maxRetries: 2,
      clock: { ...systemClock, sleep: async (ms) => void sleeps.push(ms) },
    });
    const error = await failure(c.createTag('5f1e2d3c4b5a697887766554', { name: 'x' }));
    expect(error).toMatchObject({ kind: 'network', outcomeUnknown: false });
    expect(sleeps).toHaveLength(2);
  });
});
