import { afterEach, describe, expect, it } from 'vitest';
import type { FakeClockify } from './server';
import { startFakeClockify } from './server';
import { apiCaller, networkError, owner } from './testing';

let fake: FakeClockify | undefined;
afterEach(async () => {
  await fake?.close();
  fake = undefined;
});

async function setup(options: Parameters<typeof startFakeClockify>[0] = {}) {
  fake = await startFakeClockify(options);
  const { ws } = owner(fake);
  const entries = () => fake!.state.timeEntries.length;
  const start = () => apiCaller(fake!)('POST', `/workspaces/${ws}/time-entries`, { body: { start: '2026-05-20T08:00:00Z' } });
  return { fake, api: apiCaller(fake), ws, entries, start };
}

describe('faults', () => {
  it('status: answers the status instead of applying, with Retry-After and an empty body when asked', async () => {
    const { fake: f, entries, start } = await setup();
    const before = entries();
    f.addFault({ kind: 'status', status: 429, body: null, retryAfter: 2, match: { method: 'POST' } });
    const limited = await start();
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('2');
    expect(limited.body).toBeUndefined();
    expect(entries()).toBe(before);
    expect(f.requests.at(-1)).toMatchObject({ status: 429, fault: 'status', method: 'POST' });
    expect((await start()).status).toBe(201);
  });

  it('status: defaults to a {message, code} body', async () => {
    const { fake: f, api } = await setup();
    f.addFault({ kind: 'status', status: 503 });
    expect(await api('GET', '/user')).toMatchObject({ status: 503, body: { message: 'Service Unavailable', code: 503 } });
  });

  it('reset: drops the connection before applying', async () => {
    const { fake: f, entries, start } = await setup();
    const before = entries();
    f.addFault({ kind: 'reset', match: { path: /\/time-entries$/ } });
    await expect(start()).rejects.toThrow();
    expect(entries()).toBe(before);
    expect(f.requests.at(-1)).toMatchObject({ status: null, fault: 'reset' });
  });

  it('apply-then-drop: applies the change, then drops the connection', async () => {
    const { fake: f, entries, start } = await setup();
    const before = entries();
    f.addFault({ kind: 'apply-then-drop', match: { method: 'post' } });
    await expect(start()).rejects.toThrow();
    expect(entries()).toBe(before + 1);
    expect(f.state.timeEntries.at(-1)!.end).toBeNull();
  });

  it('latency: answers normally after the delay', async () => {
    // The wait goes through the injected delay, so the test asks for it rather than timing it.
    const waits: number[] = [];
    let answered = false;
    let release = () => {};
    const { fake: f, api } = await setup({ delay: (ms) => new Promise<void>((resolve) => { waits.push(ms); release = resolve; }) });
    f.addFault({ kind: 'latency', ms: 300 });
    const reply = api('GET', '/user').then((r) => ((answered = true), r));
    await expect.poll(() => waits).toEqual([300]);
    expect(answered).toBe(false);
    release();
    expect((await reply).status).toBe(200);
  });

  it('refuse without match: the next request is refused, then the same port answers again', async () => {
    const { fake: f, api } = await setup();
    expect((await api('GET', '/user')).status).toBe(200);
    f.addFault({ kind: 'refuse', forMs: 400 });
    expect(await networkError(api('GET', '/user'))).toBe('ECONNREFUSED');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await api('GET', '/user')).status).toBe(200);
  });

  it('refuse with match: the matching request is dropped and starts the refusal', async () => {
    const { fake: f, api, entries, start } = await setup();
    const before = entries();
    f.addFault({ kind: 'refuse', forMs: 400, match: { method: 'POST' } });
    expect((await api('GET', '/user')).status).toBe(200);
    expect(await networkError(start())).toBe('ECONNRESET');
    expect(await networkError(api('GET', '/user'))).toBe('ECONNREFUSED');
    expect(entries()).toBe(before);
  });

  it('matches by method and path (full or relative to the base), counts, and clears', async () => {
    const { fake: f, api } = await setup();
    f.addFault({ kind: 'status', status: 500, count: 2, match: { method: 'GET', path: '/user' } });
    f.addFault({ kind: 'status', status: 502, count: Infinity, match: { path: '/api/v1/workspaces' } });
    expect((await api('GET', '/workspaces')).status).toBe(502);
    expect((await api('GET', '/user')).status).toBe(500);
    expect((await api('GET', '/user')).status).toBe(500);
    expect((await api('GET', '/user')).status).toBe(200);
    expect((await api('GET', '/workspaces')).status).toBe(502);
    f.clearFaults();
    expect((await api('GET', '/workspaces')).status).toBe(200);
  });
});
