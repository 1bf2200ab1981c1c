// Every payload from a window is untrusted until the contract's validator accepts it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { invokeRequests } from '../../shared/ipc/contract';
import { bridgeMethods } from '../../shared/ipc/bridge';
import { startFakeClockify, type FakeClockify } from '../../e2e/fake-clockify/server';
import { signedIn, type CoreUnderTest } from '../../e2e/support/core-fixture';
import { createHandlers, dispatch } from './handlers';

let fake: FakeClockify;
let under: CoreUnderTest;
let hidden = 0;

beforeAll(async () => {
  fake = await startFakeClockify({ seed: 'small' });
  under = await signedIn(fake);
});
afterAll(async () => {
  under.core.close();
  await fake.close();
});

const handlers = () => createHandlers(under.core, { hideWindow: () => void hidden++ });
const validDraft = { description: 'x', projectId: null, taskId: null, tagIds: [], billable: false };

describe('dispatch', () => {
  it('has one bridge method per channel, and a handler for each', () => {
    expect(Object.values(bridgeMethods).sort()).toEqual(Object.keys(invokeRequests).sort());
    expect(Object.keys(handlers()).sort()).toEqual(Object.keys(invokeRequests).sort());
  });

  it('refuses an unknown channel', async () => {
    expect(await dispatch(handlers(), 'shell:exec', { command: 'rm -rf /' })).toMatchObject({ ok: false, reason: 'unknown-channel' });
    expect(await dispatch(handlers(), '__proto__', {})).toMatchObject({ ok: false, reason: 'unknown-channel' });
  });

  it.each([
    ['a wrong type', 'timer:start', { draft: { ...validDraft, billable: 'yes' } }],
    ['an extra field', 'timer:start', { draft: validDraft, secret: 'x' }],
    ['a missing field', 'entry:add', { draft: validDraft }],
    ['a non-instant time', 'entry:add', { draft: validDraft, times: { start: 'yesterday', end: 'today' } }],
    ['an id with path characters', 'timer:continue', { entryKey: '../../etc/passwd' }],
    ['a payload that is not an object', 'timer:stop', 'stop'],
    ['an unknown connection kind', 'account:connect', { connection: { kind: 'ftp' }, secret: 'k' }],
    ['an oversized description', 'timer:start', { draft: { ...validDraft, description: 'x'.repeat(5000) } }],
  ])('refuses %s and runs nothing', async (_label, channel, payload) => {
    const before = under.core.snapshot();
    const result = await dispatch(handlers(), channel, payload);
    expect(result).toMatchObject({ ok: false, reason: 'invalid-payload', message: expect.stringContaining(channel) });
    expect(under.core.snapshot()).toEqual(before);
  });

  it('runs a valid call', async () => {
    expect(await dispatch(handlers(), 'timer:start', { draft: validDraft })).toEqual({ ok: true, value: { ok: true, value: null } });
    expect(await dispatch(handlers(), 'window:hide', undefined)).toEqual({ ok: true, value: null });
    expect(hidden).toBe(1);
  });
});
