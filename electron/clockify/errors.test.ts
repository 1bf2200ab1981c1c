// What an error says: the technical message (logs: method, path, status, the server's words) and the
// user's message (what happened and what to do next), for every kind, direct and through Maton.
import { describe, expect, it } from 'vitest';
import { ClockifyError, errorKindForStatus, type ClockifyErrorInit, type ClockifyErrorKind } from './errors';

const error = (over: Partial<ClockifyErrorInit> & { kind: ClockifyErrorKind }) => new ClockifyError({ method: 'PUT', path: '/workspaces/w1/time-entries/e1', ...over });

describe('the technical message', () => {
  it('names the request, the status and what the server said', () => {
    const refused = error({ kind: 'rejected', status: 400, code: 501, serverMessage: 'Project doesn\'t belong to Workspace' });
    expect(refused.message).toBe("PUT /workspaces/w1/time-entries/e1 failed: 400 Project doesn't belong to Workspace");
    expect(refused.name).toBe('ClockifyError');
    expect(refused).toBeInstanceOf(Error);
    expect(refused).toMatchObject({ kind: 'rejected', method: 'PUT', status: 400, code: 501, outcomeUnknown: false, retryAfterMs: undefined, gateway: undefined });
  });

  it.each<[ClockifyErrorKind, number | undefined, string]>([
    ['unauthorized', 401, 'PUT /workspaces/w1/time-entries/e1 failed: 401 the API key was not accepted'],
    ['forbidden', 403, 'PUT /workspaces/w1/time-entries/e1 failed: 403 access denied'],
    ['locked', 403, 'PUT /workspaces/w1/time-entries/e1 failed: 403 the entry is locked'],
    ['not-found', 404, 'PUT /workspaces/w1/time-entries/e1 failed: 404 not found'],
    ['rejected', 400, 'PUT /workspaces/w1/time-entries/e1 failed: 400 the request was rejected'],
    ['rate-limited', 429, 'PUT /workspaces/w1/time-entries/e1 failed: 429 too many requests'],
    ['server', 502, 'PUT /workspaces/w1/time-entries/e1 failed: 502 server error'],
    ['network', undefined, 'PUT /workspaces/w1/time-entries/e1 failed: the network request failed'],
    ['timeout', undefined, 'PUT /workspaces/w1/time-entries/e1 failed: the request timed out'],
    ['malformed', 200, 'PUT /workspaces/w1/time-entries/e1 failed: 200 the response was malformed'],
  ])('says %s in words when the server said nothing', (kind, status, message) => {
    expect(error({ kind, status }).message).toBe(message);
  });

  it('keeps its cause only when there is one, and whether a write may have landed', () => {
    const reset = new Error('socket hang up');
    const lost = error({ kind: 'network', cause: reset, outcomeUnknown: true });
    expect(lost.cause).toBe(reset);
    expect(lost.outcomeUnknown).toBe(true);
    expect('cause' in error({ kind: 'network' })).toBe(false);
  });
});

describe('the user message', () => {
  it.each<[ClockifyErrorKind, number | undefined, string]>([
    ['unauthorized', 401, 'Clockify did not accept the key (401). Check that it is your current API key and that the server (region) matches your account.'],
    ['forbidden', 403, 'Clockify refused this (403): your account lacks permission for it.'],
    ['locked', 403, 'This entry is locked (403); ask a workspace admin to unlock it or leave it as it is.'],
    ['not-found', 404, 'Clockify could not find that (404).'],
    ['rejected', 400, 'Clockify rejected the change (400); fix the highlighted field and try again.'],
    ['rate-limited', 429, 'Clockify is limiting requests (429); the app will try again shortly.'],
    ['server', 503, 'Clockify had a problem (503); the app will try again.'],
    ['network', undefined, 'Clockify cannot be reached. Check your connection; nothing is lost, changes are sent when it returns.'],
    ['timeout', undefined, 'Clockify did not answer in time. Nothing is lost; the app will try again.'],
    ['malformed', 200, 'Clockify sent an answer the app does not understand (200). Try again; if it persists, report it.'],
  ])('%s says what happened and what to do next', (kind, status, message) => {
    expect(error({ kind, status }).userMessage).toBe(message);
  });

  it('quotes what Clockify said after the advice', () => {
    expect(error({ kind: 'forbidden', status: 400, code: 501, serverMessage: 'Access Denied' }).userMessage).toBe('Clockify refused this (400): your account lacks permission for it. Clockify said: "Access Denied"');
    expect(error({ kind: 'malformed', status: 200, serverMessage: 'no id' }).userMessage).toBe('Clockify sent an answer the app does not understand (200) (no id). Try again; if it persists, report it.');
  });

  it('leaves the status out when there was none', () => {
    expect(error({ kind: 'server' }).userMessage).toBe('Clockify had a problem; the app will try again.');
    expect(error({ kind: 'not-found', serverMessage: 'gone' }).userMessage).toBe('Clockify could not find that. Clockify said: "gone"');
  });

  describe('through the Maton gateway', () => {
    const maton = (over: Partial<ClockifyErrorInit> & { kind: ClockifyErrorKind }) => error({ gateway: 'maton', ...over });

    it("names Maton for the gateway's own refusals", () => {
      expect(maton({ kind: 'unauthorized', status: 401 }).userMessage).toBe('The Maton gateway did not accept the key (401). Copy your Maton key again from maton.ai and enter it with "Change key".');
      expect(maton({ kind: 'rate-limited', status: 429, serverMessage: 'slow down' }).userMessage).toBe('The Maton gateway is limiting requests (429); the app will try again shortly. Maton said: "slow down"');
      expect(maton({ kind: 'rejected', status: 400, serverMessage: 'No active Connection found' }).userMessage).toBe(
        'Maton has no usable Clockify connection for this account (400): choose "Add Clockify account" in the account menu, or pick another connection. Maton said: "No active Connection found"',
      );
    });

    it("passes Clockify's own refusals through as Clockify's", () => {
      expect(maton({ kind: 'rejected', status: 400, serverMessage: 'Project is required' }).userMessage).toBe('Clockify rejected the change (400); fix the highlighted field and try again. Clockify said: "Project is required"');
      expect(maton({ kind: 'rejected', status: 400 }).userMessage).toBe('Clockify rejected the change (400); fix the highlighted field and try again.');
      expect(maton({ kind: 'forbidden', status: 403, serverMessage: 'connection' }).userMessage).toBe('Clockify refused this (403): your account lacks permission for it. Clockify said: "connection"');
    });

    it('a connection refusal said by Clockify directly is not called a Maton one', () => {
      expect(error({ kind: 'rejected', status: 400, serverMessage: 'connection' }).userMessage).toMatch(/^Clockify rejected the change/);
    });
  });
});

describe('errorKindForStatus', () => {
  it.each<[number, number | undefined, ClockifyErrorKind]>([
    [401, undefined, 'unauthorized'],
    [403, undefined, 'forbidden'],
    [403, 1003, 'locked'],
    [403, 501, 'forbidden'],
    [404, undefined, 'not-found'],
    [405, undefined, 'not-found'],
    [429, undefined, 'rate-limited'],
    [500, undefined, 'server'],
    [504, undefined, 'server'],
    [499, undefined, 'rejected'],
    [400, 501, 'rejected'],
    [409, undefined, 'rejected'],
    [415, undefined, 'rejected'],
  ])('%i (code %s) is %s', (status, code, kind) => {
    expect(errorKindForStatus(status, code)).toBe(kind);
  });
});
