import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FakeClockify } from './server';
import { FAKE_MATON_CONNECTION_ID, FAKE_MATON_KEY, startFakeClockify } from './server';
import { caller } from './testing';

let fake: FakeClockify;
beforeEach(async () => {
  fake = await startFakeClockify({ rateLimit: null });
});
afterEach(() => fake.close());

const maton = () => caller(fake.origin, { Authorization: `Bearer ${FAKE_MATON_KEY}` });
const gateway = (connectionId?: string) => caller(fake.matonUrl, { Authorization: `Bearer ${FAKE_MATON_KEY}`, ...(connectionId ? { 'Maton-Connection': connectionId } : {}) });
const control = () => caller(`${fake.origin}/__fake`, {});

async function addConnection(): Promise<{ connection_id: string; url: string; status: string }> {
  const reply = await maton()('POST', '/connections', { body: { app: 'clockify' } });
  expect(reply.status).toBe(200);
  return reply.body.connection;
}

describe("Maton's connections API", () => {
  it('lists the seeded active connection in Maton\'s shape, with the app and status filters', async () => {
    const reply = await maton()('GET', '/connections?app=clockify&status=ACTIVE');
    expect(reply.status).toBe(200);
    expect(reply.body.connections).toEqual([
      {
        connection_id: FAKE_MATON_CONNECTION_ID, status: 'ACTIVE', app: 'clockify', metadata: {},
        creation_time: expect.stringMatching(/Z$/), last_updated_time: expect.stringMatching(/Z$/), url: expect.stringMatching(/^https:\/\/connect\.maton\.ai\/\?session_token=/),
      },
    ]);
    expect((await maton()('GET', '/connections?app=slack')).body).toEqual({ connections: [] });
    expect((await maton()('GET', '/connections?status=PENDING')).body).toEqual({ connections: [] });
  });

  it('refuses an unknown status filter with 400', async () => {
    const reply = await maton()('GET', '/connections?status=active-ish');
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('active-ish');
  });

  it('creates a PENDING connection whose url is on the connect host, readable by id', async () => {
    const created = await addConnection();
    expect(created.status).toBe('PENDING');
    expect(new URL(created.url)).toMatchObject({ protocol: 'https:', host: 'connect.maton.ai' });
    expect((await maton()('GET', `/connections/${created.connection_id}`)).body.connection).toMatchObject({ connection_id: created.connection_id, status: 'PENDING' });
    const listed = (await maton()('GET', '/connections?app=clockify&status=ACTIVE')).body.connections.map((c: { connection_id: string }) => c.connection_id);
    expect(listed).toEqual([FAKE_MATON_CONNECTION_ID]);
  });

  it('refuses a create without {"app"} or as another media type', async () => {
    expect((await maton()('POST', '/connections', { body: {} })).status).toBe(400);
    expect((await maton()('POST', '/connections', { body: { app: 'clockify' }, headers: { 'Content-Type': 'text/plain' } })).status).toBe(415);
    expect(fake.state.matonConnections).toHaveLength(1);
  });

  it('completes the OAuth through the control API: ACTIVE for the chosen user, then usable on the gateway', async () => {
    const created = await addConnection();
    expect((await gateway(created.connection_id)('GET', '/user')).status).toBe(400);
    const token = new URL(created.url).searchParams.get('session_token');
    const finished = await control()('POST', '/maton/finish', { body: { sessionToken: token, outcome: 'ACTIVE', email: 'jonas.weber@example.com' } });
    expect(finished).toMatchObject({ status: 200, body: { connectionId: created.connection_id, status: 'ACTIVE' } });
    expect((await gateway(created.connection_id)('GET', '/user')).body.email).toBe('jonas.weber@example.com');
    // The default stays the oldest active connection.
    expect((await gateway()('GET', '/user')).body.email).toBe('lena.fischer@example.com');
  });

  it('fails an OAuth through the control API, and refuses to finish one twice or for nobody', async () => {
    const created = await addConnection();
    expect((await control()('POST', '/maton/finish', { body: { connectionId: created.connection_id, outcome: 'FAILED' } })).status).toBe(200);
    expect((await maton()('GET', `/connections/${created.connection_id}`)).body.connection.status).toBe('FAILED');
    expect((await control()('POST', '/maton/finish', { body: { connectionId: created.connection_id, outcome: 'ACTIVE' } })).status).toBe(400);
    expect((await control()('POST', '/maton/finish', { body: { outcome: 'ACTIVE' } })).status).toBe(400);
    const other = await addConnection();
    expect((await control()('POST', '/maton/finish', { body: { connectionId: other.connection_id, outcome: 'ACTIVE', email: 'nobody@example.com' } })).body.message).toContain('nobody@example.com');
  });

  it('deletes a connection; the gateway then has no Clockify connection (400)', async () => {
    const deleted = await maton()('DELETE', `/connections/${FAKE_MATON_CONNECTION_ID}`);
    expect(deleted.status).toBe(200);
    expect((await maton()('GET', `/connections/${FAKE_MATON_CONNECTION_ID}`)).status).toBe(404);
    expect((await maton()('DELETE', `/connections/${FAKE_MATON_CONNECTION_ID}`)).status).toBe(404);
    const reply = await gateway()('GET', '/user');
    expect(reply.status).toBe(400);
    expect(reply.body.message).toBe('No active Clockify connection');
  });

  it('refuses a missing or wrong Maton key with 401, and unknown routes and methods', async () => {
    expect((await caller(fake.origin, {})('GET', '/connections')).status).toBe(401);
    expect((await caller(fake.origin, { Authorization: 'Bearer nope' })('POST', '/connections', { body: { app: 'clockify' } })).status).toBe(401);
    expect((await maton()('PUT', '/connections')).status).toBe(405);
    expect((await maton()('GET', '/connections/a/b')).status).toBe(404);
    expect(fake.state.matonConnections).toHaveLength(1);
  });

  it('counts against the Maton key\'s rate limit: 429 past 50 a second', async () => {
    const limited = await startFakeClockify({ rateClock: () => 0 });
    try {
      const call = caller(limited.origin, { Authorization: `Bearer ${FAKE_MATON_KEY}` });
      for (let i = 0; i < 50; i += 1) expect((await call('GET', '/connections')).status).toBe(200);
      expect((await call('GET', '/connections')).status).toBe(429);
    } finally {
      await limited.close();
    }
  });
});
