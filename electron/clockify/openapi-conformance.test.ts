// Every request the client makes must be a route Clockify publishes, with that method, and every
// query parameter must be one the route declares (Clockify silently ignores unknown ones, so a
// misspelt filter would otherwise pass unnoticed). Checked against ../shared/reference, which sits
// beside the project on developer and CI machines but not in a user's clone.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ClockifyClient } from './client';

const specFile = path.resolve(import.meta.dirname, '../../../shared/reference/clockify-openapi.json');
const haveSpec = existsSync(specFile);
if (!haveSpec) console.warn(`skipped: OpenAPI conformance, ${specFile} not found (../shared/reference is absent)`);

interface Recorded {
  method: string;
  url: URL;
}

type Call = (client: ClockifyClient) => Promise<unknown>;
const W = '5f1e2d3c4b5a697887766554';
const P = '6a1b2c3d4e5f60718293a4b5';
const X = '7b2c3d4e5f60718293a4b5c6';
const now = new Date('2026-03-01T10:00:00Z');
const entry = { start: now, end: null, description: 'd', projectId: P, taskId: X, tagIds: [X], billable: true, type: 'REGULAR' as const, customFields: [] };

/** One call per public method; the test below fails when a method is added without a case here. */
const calls: Record<string, Call> = {
  getUser: (c) => c.getUser(),
  listWorkspaces: (c) => c.listWorkspaces(),
  getWorkspace: (c) => c.getWorkspace(W),
  listWorkspaceUsers: (c) => c.listWorkspaceUsers(W),
  isWorkspaceAdmin: (c) => c.isWorkspaceAdmin(W, 'a@example.com'),
  listProjects: (c) => c.listProjects(W, { archived: false, name: 'x' }),
  getProject: (c) => c.getProject(W, P),
  createProject: (c) => c.createProject(W, { name: 'n', isPublic: true }),
  updateProject: (c) => c.updateProject(W, P, { archived: true }),
  deleteProject: (c) => c.deleteProject(W, P),
  listClients: (c) => c.listClients(W),
  getClient: (c) => c.getClient(W, X),
  createClient: (c) => c.createClient(W, { name: 'n' }),
  updateClient: (c) => c.updateClient(W, X, { name: 'n' }),
  deleteClient: (c) => c.deleteClient(W, X),
  listTags: (c) => c.listTags(W, { archived: false }),
  getTag: (c) => c.getTag(W, X),
  createTag: (c) => c.createTag(W, { name: 'n' }),
  updateTag: (c) => c.updateTag(W, X, { name: 'n' }),
  deleteTag: (c) => c.deleteTag(W, X),
  listTasks: (c) => c.listTasks(W, P, { active: true }),
  getTask: (c) => c.getTask(W, P, X),
  createTask: (c) => c.createTask(W, P, { name: 'n' }),
  updateTask: (c) => c.updateTask(W, P, X, { name: 'n', status: 'DONE' }),
  deleteTask: (c) => c.deleteTask(W, P, X),
  listMyTimeEntries: (c) =>
    c.listMyTimeEntries(W, X, { start: now, end: now, description: 'd', projectId: P, taskId: X, tagIds: [X], inProgress: false }),
  getRunningEntry: (c) => c.getRunningEntry(W, X),
  getTimeEntry: (c) => c.getTimeEntry(W, X),
  createTimeEntry: (c) => c.createTimeEntry(W, entry),
  createTimeEntryForUser: (c) => c.createTimeEntryForUser(W, X, entry),
  updateTimeEntry: (c) => c.updateTimeEntry(W, X, entry),
  deleteTimeEntry: (c) => c.deleteTimeEntry(W, X),
  stopRunningEntry: (c) => c.stopRunningEntry(W, X, now),
  duplicateTimeEntry: (c) => c.duplicateTimeEntry(W, X, X),
};

/** Makes each call once against a fetch that records the request and refuses the connection. */
async function record(call: Call): Promise<Recorded> {
  const seen: Recorded[] = [];
  const refusingFetch = ((input: string | URL, init?: RequestInit) => {
    seen.push({ method: init?.method ?? 'GET', url: new URL(String(input)) });
    return Promise.reject(Object.assign(new TypeError('fetch failed'), { cause: { code: 'ECONNREFUSED' } }));
  }) as typeof fetch;
  const client = new ClockifyClient({
    connection: { kind: 'clockify', server: 'global' },
    secret: 'k'.repeat(48),
    fetch: refusingFetch,
    maxRetries: 0,
  });
  await call(client).catch(() => undefined);
  expect(seen).toHaveLength(1);
  return seen[0]!;
}

interface Operation {
  parameters?: { in: string; name: string }[];
}

describe.skipIf(!haveSpec)('the client against Clockify OpenAPI', () => {
  const spec = haveSpec ? (JSON.parse(readFileSync(specFile, 'utf8')) as { paths: Record<string, Record<string, Operation>> }) : { paths: {} };
  const routes = Object.entries(spec.paths).map(([template, ops]) => ({
    template,
    ops,
    pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
  }));

  it('has a case for every public client method', () => {
    const methods = Object.getOwnPropertyNames(ClockifyClient.prototype).filter(
      (name) => name !== 'constructor' && !['one', 'none', 'all', 'withHint'].includes(name) && !name.endsWith('Path'),
    );
    expect(methods.sort()).toEqual(Object.keys(calls).sort());
  });

  it.each(Object.keys(calls))('%s calls a published route with declared parameters', async (name) => {
    const { method, url } = await record(calls[name]!);
    const apiPath = url.pathname.replace(/^\/api/, '');
    // Prefer a literal segment over a parameter (…/time-entries/status/in-progress vs …/{id}).
    const matches = routes.filter((route) => route.pattern.test(apiPath)).sort((a, b) => a.template.split('{').length - b.template.split('{').length);
    const route = matches.find((candidate) => candidate.ops[method.toLowerCase()]);
    expect(route, `${method} ${apiPath} is not in the OpenAPI document`).toBeDefined();
    const declared = new Set((route!.ops[method.toLowerCase()]!.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name));
    for (const key of url.searchParams.keys()) {
      expect(declared, `${method} ${route!.template} does not declare ?${key}`).toContain(key);
    }
  });
});
