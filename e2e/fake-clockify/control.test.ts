import { afterEach, describe, expect, it } from 'vitest';
import type { FakeClockify } from './server';
import { startFakeClockify } from './server';
import { apiCaller, caller, networkError } from './testing';

let fake: FakeClockify | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup() {
  fake = await startFakeClockify();
  return { fake, api: apiCaller(fake), control: caller(`${fake.origin}/__fake`, {}) };
}

describe('control API', () => {
  it('lists and clears recorded requests, without recording itself', async () => {
    const { fake: f, api, control } = await setup();
    await api('GET', '/user?include-memberships=true');
    const listed = await control('GET', '/requests');
    expect(listed.body).toHaveLength(1);
    expect(listed.body[0]).toMatchObject({
      method: 'GET', path: '/api/v1/user', query: { 'include-memberships': 'true' }, status: 200, headers: { 'x-api-key': expect.any(String) },
    });
    expect((await control('DELETE', '/requests')).status).toBe(204);
    expect(f.requests).toEqual([]);
    expect((await control('GET', '/requests')).body).toEqual([]);
  });

  it('records the parsed JSON body of a write', async () => {
    const { fake: f, api } = await setup();
    const ws = f.state.workspaces[0]!.id;
    await api('POST', `/workspaces/${ws}/tags`, { body: { name: 'recorded' } });
    expect(f.requests[0]).toMatchObject({ method: 'POST', body: { name: 'recorded' }, status: 201 });
  });

  it('adds faults from JSON (pathRegex, count null = unlimited) and clears them', async () => {
    const { api, control } = await setup();
    expect((await control('POST', '/faults', { body: { kind: 'status', status: 500, count: null, match: { method: 'GET', pathRegex: '/user$' } } })).status).toBe(204);
    expect((await api('GET', '/user')).status).toBe(500);
    expect((await api('GET', '/user')).status).toBe(500);
    expect((await api('GET', '/workspaces')).status).toBe(200);
    expect((await control('DELETE', '/faults')).status).toBe(204);
    expect((await api('GET', '/user')).status).toBe(200);
  });

  it('refuses a malformed fault with 400 and the reason', async () => {
    const { control } = await setup();
    const reply = await control('POST', '/faults', { body: { kind: 'explode' } });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('unknown kind');
    expect((await control('POST', '/faults', { body: { kind: 'reset', patRegex: 'x' } })).status).toBe(400);
  });

  it('accepts pathRegex at the top level too', async () => {
    const { api, control } = await setup();
    expect((await control('POST', '/faults', { body: { kind: 'status', status: 418, pathRegex: '/workspaces$' } })).status).toBe(204);
    expect((await api('GET', '/user')).status).toBe(200);
    expect((await api('GET', '/workspaces')).status).toBe(418);
  });

  it('takes the server down at once with a refuse fault without match', async () => {
    const { api, control } = await setup();
    expect((await control('POST', '/faults', { body: { kind: 'refuse', forMs: 300 } })).status).toBe(204);
    expect(await networkError(api('GET', '/user'))).toBe('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await api('GET', '/user')).status).toBe(200);
  });

  it('shows the state and reseeds it', async () => {
    const { fake: f, api, control } = await setup();
    expect((await control('GET', '/state')).body.workspaces).toHaveLength(2);
    expect((await control('POST', '/seed', { body: 'empty' })).status).toBe(204);
    expect(f.state.workspaces).toHaveLength(1);
    expect(f.state.projects).toEqual([]);
    expect((await api('GET', '/user')).status).toBe(200);
    expect((await control('POST', '/seed', { body: { projects: 30, tasksPerProject: 2 } })).status).toBe(204);
    expect((await control('GET', '/state')).body.tasks).toHaveLength(60);
    expect((await control('POST', '/seed', { body: 'huge' })).status).toBe(400);
    expect((await control('GET', '/nothing')).status).toBe(404);
  });
});
