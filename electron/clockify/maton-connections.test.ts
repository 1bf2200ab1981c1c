// Maton's connections client against the fake's connections API over real HTTP, and the gateway's
// refusals said in words.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { FAKE_MATON_CONNECTION_ID, FAKE_MATON_KEY, startFakeClockify, type FakeClockify } from '../../e2e/fake-clockify/server';
import { matonConnectionsUrl } from '../../shared/connection';
import { ClockifyClient } from './client';
import { systemClock } from './clock';
import { ClockifyError } from './errors';
import { isMissingConnection, matonProblem, MatonConnectionsClient, type MatonConnectionsOptions } from './maton-connections';

let fake: FakeClockify;
let sleeps: number[];
beforeAll(async () => {
  fake = await startFakeClockify({ rateLimit: null });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.clearFaults();
  fake.clearRequests();
  sleeps = [];
});

function connections(overrides: Partial<MatonConnectionsOptions> = {}): MatonConnectionsClient {
  return new MatonConnectionsClient({ origin: fake.origin, secret: FAKE_MATON_KEY, clock: { ...systemClock, sleep: async (ms) => void sleeps.push(ms) }, random: () => 0.5, ...overrides });
}

async function failure(promise: Promise<unknown>): Promise<ClockifyError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ClockifyError);
    return error as ClockifyError;
  }
  throw new Error('expected a failure');
}

/** A fetch that answers `body` with 200 whatever is asked. */
const answering = (body: unknown): typeof fetch => async () => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

describe('MatonConnectionsClient', () => {
  it('defaults to the gateway\'s origin and takes an override', () => {
    expect(matonConnectionsUrl({})).toBe('https://api.maton.ai');
    expect(matonConnectionsUrl({ gatewayUrl: 'https://gateway.maton.ai/clockify/api/v1' })).toBe('https://gateway.maton.ai');
    expect(matonConnectionsUrl({ connectionsUrl: 'https://ctrl.maton.ai/' })).toBe('https://ctrl.maton.ai');
  });

  it('lists the active Clockify connections with the Bearer key, asking app=clockify&status=ACTIVE', async () => {
    const listed = await connections().list();
    expect(listed).toEqual([expect.objectContaining({ connectionId: FAKE_MATON_CONNECTION_ID, status: 'ACTIVE', app: 'clockify' })]);
    expect(fake.requests[0]).toMatchObject({ method: 'GET', path: '/connections', query: { app: 'clockify', status: 'ACTIVE' }, headers: { authorization: `Bearer ${FAKE_MATON_KEY}`, accept: 'application/json' } });
  });

  it('takes an origin with trailing slashes', async () => {
    expect(await connections({ origin: `${fake.origin}//` }).list()).toHaveLength(1);
    expect(fake.requests[0]!.path).toBe('/connections');
  });

  it('creates a PENDING connection with its connect url, reads it, removes it', async () => {
    const created = await connections().create();
    expect(created).toMatchObject({ status: 'PENDING', url: expect.stringMatching(/^https:\/\/connect\.maton\.ai\//) });
    expect(fake.requests[0]).toMatchObject({ method: 'POST', body: { app: 'clockify' }, headers: { 'content-type': 'application/json' } });
    expect((await connections().get(created.connectionId)).status).toBe('PENDING');
    await connections().remove(created.connectionId);
    expect(fake.state.matonConnections.map((c) => c.id)).toEqual([FAKE_MATON_CONNECTION_ID]);
  });

  it('tolerates missing fields and both shapes: bare connection, bare list, no list', async () => {
    expect(await new MatonConnectionsClient({ origin: 'https://x.test', secret: 'k', fetch: answering({ connection_id: 'c1' }) }).get('c1')).toEqual({
      connectionId: 'c1', status: '', url: null, app: null, createdAt: null, updatedAt: null,
    });
    expect(await new MatonConnectionsClient({ origin: 'https://x.test', secret: 'k', fetch: answering([{ connection_id: 'c2', status: 'ACTIVE', metadata: null }]) }).list()).toHaveLength(1);
    expect(await new MatonConnectionsClient({ origin: 'https://x.test', secret: 'k', fetch: answering({}) }).list()).toEqual([]);
    const broken = await failure(new MatonConnectionsClient({ origin: 'https://x.test', secret: 'k', fetch: answering({ connection: { status: 'ACTIVE' } }), maxRetries: 0 }).get('c'));
    expect(broken.kind).toBe('malformed');
  });

  it('backs off on 429 and then answers', async () => {
    fake.addFault({ kind: 'status', status: 429, match: { path: '/connections' }, count: 2 });
    expect(await connections().list()).toHaveLength(1);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!);
  });

  it('says a wrong key, an unknown connection, a rate limit and an unreachable host in words, without the key', async () => {
    const wrongKey = await failure(connections({ secret: 'not-the-key' }).list());
    expect(matonProblem(wrongKey, 'api.maton.ai')).toMatch(/^Maton did not accept this key \(401\)\..*Copy your key again/);
    expect(matonProblem(await failure(connections().get('gone')), 'api.maton.ai')).toMatch(/does not know that connection \(404\)/);
    fake.addFault({ kind: 'status', status: 429, match: { path: '/connections' }, count: 10 });
    expect(matonProblem(await failure(connections({ maxRetries: 0 }).list()), 'api.maton.ai')).toMatch(/limiting requests \(429\)/);
    fake.clearFaults();
    const offline = await failure(new MatonConnectionsClient({ origin: 'http://127.0.0.1:9', secret: FAKE_MATON_KEY, maxRetries: 0 }).list());
    expect(matonProblem(offline, 'api.maton.ai')).toBe('Cannot reach api.maton.ai: check your network connection (and the connections URL), then try again.');
    expect(matonProblem(wrongKey, 'x')).not.toContain(FAKE_MATON_KEY);
  });
});

describe('matonProblem', () => {
  const refusal = (over: Partial<ConstructorParameters<typeof ClockifyError>[0]> & Pick<ConstructorParameters<typeof ClockifyError>[0], 'kind'>) => new ClockifyError({ method: 'GET', path: '/connections', gateway: 'maton', ...over });

  it('says every kind of refusal in words, with the status and what Maton said when there is one', () => {
    expect(matonProblem(refusal({ kind: 'server', status: 503, serverMessage: 'upstream down' }), 'h')).toBe('Maton had a problem (503); try again in a moment. Maton said: "upstream down".');
    expect(matonProblem(refusal({ kind: 'server' }), 'h')).toBe('Maton had a problem; try again in a moment.');
    expect(matonProblem(refusal({ kind: 'timeout' }), 'api.maton.ai')).toBe('Cannot reach api.maton.ai: check your network connection (and the connections URL), then try again.');
    expect(matonProblem(refusal({ kind: 'rejected', status: 400, serverMessage: 'app is required' }), 'h')).toBe('Maton refused this (400). Maton said: "app is required". Try again; if it persists, check your connections at maton.ai.');
    expect(matonProblem(refusal({ kind: 'forbidden', status: 403 }), 'h')).toBe('Maton refused this (403). Try again; if it persists, check your connections at maton.ai.');
    expect(matonProblem(refusal({ kind: 'unauthorized', status: 401 }), 'h')).toBe('Maton did not accept this key (401). Copy your key again from maton.ai and try again.');
  });

  it('says what went wrong when the failure is not a refusal at all', () => {
    expect(matonProblem(new TypeError('bad origin'), 'h')).toBe('Maton could not be asked: bad origin');
    expect(matonProblem('odd', 'h')).toBe('Maton could not be asked: odd');
  });
});

describe('isMissingConnection', () => {
  it('is a 400 that speaks of a connection, and nothing else', () => {
    const gatewayError = (status: number | undefined, serverMessage?: string) => new ClockifyError({ kind: 'rejected', method: 'GET', path: '/user', status, ...(serverMessage === undefined ? {} : { serverMessage }) });
    expect(isMissingConnection(gatewayError(400, 'Missing Clockify Connection or invalid request'))).toBe(true);
    expect(isMissingConnection(gatewayError(400, 'Project is required'))).toBe(false);
    expect(isMissingConnection(gatewayError(400))).toBe(false);
    expect(isMissingConnection(gatewayError(401, 'connection'))).toBe(false);
    expect(isMissingConnection({ status: 400, serverMessage: 'connection' })).toBe(false);
  });
});

describe('the gateway says its refusals as Maton\'s', () => {
  const gateway = (connectionId?: string, secret = FAKE_MATON_KEY) => new ClockifyClient({ connection: { kind: 'maton', gatewayUrl: fake.matonUrl, ...(connectionId ? { connectionId } : {}) }, secret, maxRetries: 0 });

  it('400 without a usable connection offers "Add Clockify account"', async () => {
    const error = await failure(gateway('no-such-connection').getUser());
    expect(isMissingConnection(error)).toBe(true);
    expect(error.userMessage).toMatch(/^Maton has no usable Clockify connection for this account \(400\): choose "Add Clockify account"/);
  });

  it('401 says the Maton key is wrong', async () => {
    const error = await failure(gateway(undefined, 'wrong').getUser());
    expect(error.userMessage).toMatch(/^The Maton gateway did not accept the key \(401\)/);
    expect(isMissingConnection(error)).toBe(false);
  });

  it('429 says Maton limits requests', async () => {
    fake.addFault({ kind: 'status', status: 429, match: { path: '/user' } });
    expect((await failure(gateway(FAKE_MATON_CONNECTION_ID).getUser())).userMessage).toMatch(/^The Maton gateway is limiting requests \(429\)/);
  });
});
