// Where each connection talks to, how a typed server URL is read (or refused in words), and the
// keychain account each connection's secret is kept under.
import { describe, expect, it } from 'vitest';
import { CLOCKIFY_SERVERS, connectionAccount, connectionBaseUrl, MATON_GATEWAY_URL, matonConnectionsUrl, normalizeBaseUrl } from './connection';

describe('connectionBaseUrl', () => {
  it("reaches each of Clockify's regions at its documented host", () => {
    expect(Object.fromEntries(Object.keys(CLOCKIFY_SERVERS).map((server) => [server, connectionBaseUrl({ kind: 'clockify', server: server as keyof typeof CLOCKIFY_SERVERS })]))).toEqual({
      global: 'https://api.clockify.me/api/v1',
      eu: 'https://euc1.clockify.me/api/v1',
      us: 'https://use2.clockify.me/api/v1',
      uk: 'https://euw2.clockify.me/api/v1',
      au: 'https://apse2.clockify.me/api/v1',
    });
  });

  it('reads a custom server and a Maton gateway as typed, without trailing slashes', () => {
    expect(connectionBaseUrl({ kind: 'clockify', server: 'custom', baseUrl: ' https://clockify.example.com/api/v1// ' })).toBe('https://clockify.example.com/api/v1');
    expect(connectionBaseUrl({ kind: 'maton' })).toBe(MATON_GATEWAY_URL);
    expect(MATON_GATEWAY_URL).toBe('https://api.maton.ai/clockify/api/v1');
    expect(connectionBaseUrl({ kind: 'maton', gatewayUrl: 'http://127.0.0.1:8080/clockify/api/v1/' })).toBe('http://127.0.0.1:8080/clockify/api/v1');
  });
});

describe('matonConnectionsUrl', () => {
  it("is the gateway's origin unless told otherwise", () => {
    expect(matonConnectionsUrl({})).toBe('https://api.maton.ai');
    expect(matonConnectionsUrl({ gatewayUrl: 'http://127.0.0.1:8080/clockify/api/v1' })).toBe('http://127.0.0.1:8080');
    expect(matonConnectionsUrl({ gatewayUrl: 'http://127.0.0.1:8080/x', connectionsUrl: 'https://ctrl.maton.ai/' })).toBe('https://ctrl.maton.ai');
  });
});

describe('normalizeBaseUrl', () => {
  it('trims spaces and trailing slashes, keeps the rest', () => {
    expect(normalizeBaseUrl('  http://localhost:3000/api/v1/  ')).toBe('http://localhost:3000/api/v1');
    expect(normalizeBaseUrl('https://clockify.example.com')).toBe('https://clockify.example.com');
  });

  it('refuses what is not a URL, with an example of one', () => {
    expect(() => normalizeBaseUrl('clockify.example.com')).toThrow('"clockify.example.com" is not a URL. Enter the API base URL, for example https://clockify.example.com/api/v1.');
    expect(() => normalizeBaseUrl('')).toThrow('"" is not a URL.');
  });

  it('refuses other schemes, credentials, a query and a fragment', () => {
    expect(() => normalizeBaseUrl('ftp://clockify.example.com')).toThrow('"ftp://clockify.example.com" must start with https://.');
    expect(() => normalizeBaseUrl('file:///etc/passwd')).toThrow('must start with https://');
    for (const url of ['https://me@clockify.example.com', 'https://:secret@clockify.example.com', 'https://clockify.example.com/api/v1?key=1', 'https://clockify.example.com/api/v1#x']) {
      expect(() => normalizeBaseUrl(url), url).toThrow(`"${url}" must not contain credentials, a query or a fragment.`);
    }
  });
});

describe('connectionAccount', () => {
  it('is one keychain account per server, and per Maton gateway and connection', () => {
    expect(connectionAccount({ kind: 'clockify', server: 'eu' })).toBe('clockify:https://euc1.clockify.me/api/v1');
    expect(connectionAccount({ kind: 'clockify', server: 'custom', baseUrl: 'https://c.example.com/api/v1/' })).toBe('clockify:https://c.example.com/api/v1');
    expect(connectionAccount({ kind: 'maton' })).toBe('maton:https://api.maton.ai/clockify/api/v1#default');
    expect(connectionAccount({ kind: 'maton', connectionId: 'c-1', gatewayUrl: 'http://127.0.0.1:9/clockify/api/v1/' })).toBe('maton:http://127.0.0.1:9/clockify/api/v1#c-1');
  });
});
