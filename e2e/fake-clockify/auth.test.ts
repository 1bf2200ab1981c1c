import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FakeClockify } from './server';
import { FAKE_API_KEY, FAKE_MATON_CONNECTION_ID, FAKE_MATON_KEY, startFakeClockify } from './server';
import { apiCaller, caller } from './testing';

let fake: FakeClockify;
beforeAll(async () => {
  fake = await startFakeClockify();
});
afterAll(() => fake.close());

describe('X-Api-Key mode', () => {
  it('answers the user for the right key', async () => {
    const reply = await apiCaller(fake)('GET', '/user');
    expect(reply.status).toBe(200);
    expect(reply.body.id).toBe(fake.state.users[0]!.id);
    expect(reply.body.memberships).toEqual([]);
  });

  it('refuses no key and two auth headers with 401 code 1000', async () => {
    const attempts: Record<string, string>[] = [{}, { 'X-Api-Key': FAKE_API_KEY, 'X-Addon-Token': 'addon' }];
    for (const headers of attempts) {
      const reply = await caller(fake.url, headers)('GET', '/user');
      expect(reply.status).toBe(401);
      expect(reply.body).toEqual({ message: 'Multiple or none auth tokens present', code: 1000 });
    }
  });

  it('refuses an unknown key with 401 code 4003', async () => {
    const reply = await caller(fake.url, { 'X-Api-Key': 'x'.repeat(48) })('GET', '/user');
    expect(reply.status).toBe(401);
    expect(reply.body).toEqual({ message: 'Api key does not exist', code: 4003 });
  });

  it('takes the key from the options', async () => {
    const other = await startFakeClockify({ apiKey: 'k'.repeat(48), seed: 'empty' });
    try {
      expect((await caller(other.url, { 'X-Api-Key': 'k'.repeat(48) })('GET', '/user')).status).toBe(200);
      expect((await caller(other.url, { 'X-Api-Key': FAKE_API_KEY })('GET', '/user')).status).toBe(401);
    } finally {
      await other.close();
    }
  });
});

describe('Maton mode', () => {
  it('serves the same API behind Bearer auth', async () => {
    const reply = await caller(fake.matonUrl, { Authorization: `Bearer ${FAKE_MATON_KEY}` })('GET', '/workspaces');
    expect(reply.status).toBe(200);
    expect(reply.body).toHaveLength(2);
    expect(fake.requests.at(-1)?.path).toBe('/clockify/api/v1/workspaces');
  });

  it('refuses a missing or wrong Maton key with 401', async () => {
    expect((await caller(fake.matonUrl, {})('GET', '/user')).status).toBe(401);
    expect((await caller(fake.matonUrl, { Authorization: 'Bearer nope' })('GET', '/user')).status).toBe(401);
    expect((await caller(fake.matonUrl, { 'X-Api-Key': FAKE_API_KEY })('GET', '/user')).status).toBe(401);
  });

  it('picks a connection with Maton-Connection and refuses an unknown one with 400', async () => {
    const auth = { Authorization: `Bearer ${FAKE_MATON_KEY}` };
    expect((await caller(fake.matonUrl, { ...auth, 'Maton-Connection': FAKE_MATON_CONNECTION_ID })('GET', '/user')).status).toBe(200);
    const unknown = await caller(fake.matonUrl, { ...auth, 'Maton-Connection': 'c-unknown' })('GET', '/user');
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('c-unknown');
  });
});

describe('routing and errors', () => {
  it('answers 404 for an unknown route and 405 for a wrong method, code 3000', async () => {
    const api = apiCaller(fake);
    const ws = fake.state.workspaces[0]!.id;
    expect(await api('GET', '/nope')).toMatchObject({ status: 404, body: { code: 3000 } });
    expect(await api('DELETE', `/workspaces/${ws}/time-entries`)).toMatchObject({ status: 405, body: { code: 3000 } });
    expect((await caller(fake.origin, {})('GET', '/elsewhere')).status).toBe(404);
  });

  it('answers 400 code 3000 echoing a bad query value', async () => {
    const api = apiCaller(fake);
    const ws = fake.state.workspaces[0]!.id;
    const page = await api('GET', `/workspaces/${ws}/projects?page=abc`);
    expect(page).toMatchObject({ status: 400, body: { code: 3000 } });
    expect(page.body.message).toContain('abc');
    const archived = await api('GET', `/workspaces/${ws}/projects?archived=maybe`);
    expect(archived).toMatchObject({ status: 400, body: { code: 3000 } });
    expect(archived.body.message).toContain('[maybe]');
    expect((await api('GET', `/workspaces/${ws}/projects?archived=1`)).status).toBe(200);
  });

  it('answers 400 code 501 for an id outside the workspace and 403 for a foreign workspace', async () => {
    const api = apiCaller(fake);
    const [studio, acme] = fake.state.workspaces;
    const acmeProject = fake.state.projects.find((p) => p.workspaceId === acme!.id)!;
    expect(await api('GET', `/workspaces/${studio!.id}/projects/${acmeProject.id}`)).toMatchObject({
      status: 400, body: { code: 501, message: "Project doesn't belong to Workspace" },
    });
    expect(await api('GET', `/workspaces/${'0'.repeat(24)}`)).toMatchObject({ status: 403, body: { code: 501, message: 'Access Denied' } });
  });

  it('answers bad JSON bodies with 400 code 3000', async () => {
    const ws = fake.state.workspaces[0]!.id;
    const reply = await fetch(`${fake.url}/workspaces/${ws}/tags`, {
      method: 'POST', headers: { 'X-Api-Key': FAKE_API_KEY, 'Content-Type': 'application/json' }, body: '{"name":',
    });
    expect(reply.status).toBe(400);
    expect(await reply.json()).toMatchObject({ code: 3000 });
  });

  it('answers a write whose body is not declared JSON with 415, and applies nothing', async () => {
    const ws = fake.state.workspaces[0]!.id;
    const before = fake.state.tags.length;
    const headerSets: Record<string, string>[] = [{}, { 'Content-Type': 'text/plain;charset=UTF-8' }, { 'Content-Type': 'application/x-www-form-urlencoded' }];
    for (const headers of headerSets) {
      const reply = await fetch(`${fake.url}/workspaces/${ws}/tags`, { method: 'POST', headers: { 'X-Api-Key': FAKE_API_KEY, ...headers }, body: '{"name":"Not JSON"}' });
      expect(reply.status).toBe(415);
      expect(await reply.json()).toMatchObject({ code: 3000, message: expect.stringMatching(/not supported/) });
    }
    expect(fake.state.tags.length).toBe(before);
    const declared = await fetch(`${fake.url}/workspaces/${ws}/tags`, { method: 'POST', headers: { 'X-Api-Key': FAKE_API_KEY, 'Content-Type': 'application/json; charset=utf-8' }, body: '{"name":"JSON after all"}' });
    expect(declared.status).toBe(201);
  });
});

describe('rate limit', () => {
  it('answers 429 above 50 requests in a second per key, and serves again a second later', async () => {
    let now = 1_000_000;
    const limited = await startFakeClockify({ rateClock: () => now });
    try {
      const api = apiCaller(limited);
      const statuses: number[] = [];
      for (let i = 0; i < 51; i++) statuses.push((await api('GET', '/user')).status);
      expect(statuses.slice(0, 50).every((status) => status === 200)).toBe(true);
      const refused = await api('GET', '/user');
      expect(refused).toMatchObject({ status: 429, body: { code: 429, message: 'Too many requests' } });
      expect(statuses[50]).toBe(429);
      // Another key has its own budget.
      expect((await caller(limited.matonUrl, { Authorization: `Bearer ${FAKE_MATON_KEY}` })('GET', '/user')).status).toBe(200);
      now += 1000;
      expect((await api('GET', '/user')).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});
