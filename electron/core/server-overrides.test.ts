import { describe, expect, it } from 'vitest';
import type { ConnectionConfig } from '../../shared/connection';
import { matonConnectionsWithOverrides, withServerOverrides, type ServerOverrides } from './server-overrides';

const FAKE = 'http://127.0.0.1:4010/api/v1';
const FAKE_EU = 'http://127.0.0.1:4011/api/v1';
const FAKE_MATON = 'http://127.0.0.1:4020/clockify/api/v1';
const all: ServerOverrides = { apiUrl: FAKE, matonUrl: FAKE_MATON, regionUrls: { eu: FAKE_EU } };

describe('the servers a user chooses, pointed elsewhere (tests and the demo)', () => {
  it.each<[string, ConnectionConfig, ServerOverrides, ConnectionConfig]>([
    ['Global goes to the overriding API', { kind: 'clockify', server: 'global' }, all, { kind: 'clockify', server: 'custom', baseUrl: FAKE }],
    ['a region goes to its own override', { kind: 'clockify', server: 'eu' }, all, { kind: 'clockify', server: 'custom', baseUrl: FAKE_EU }],
    ['a region without one stays (never to the Global override)', { kind: 'clockify', server: 'us' }, all, { kind: 'clockify', server: 'us' }],
    ['a region with no region overrides at all stays', { kind: 'clockify', server: 'eu' }, { apiUrl: FAKE }, { kind: 'clockify', server: 'eu' }],
    ['Global without an override stays', { kind: 'clockify', server: 'global' }, { regionUrls: { eu: FAKE_EU } }, { kind: 'clockify', server: 'global' }],
    ['an empty override (a variable set to nothing) is none', { kind: 'clockify', server: 'global' }, { apiUrl: '' }, { kind: 'clockify', server: 'global' }],
    ['a server the user typed is theirs: never moved', { kind: 'clockify', server: 'custom', baseUrl: 'https://clockify.example.org/api/v1' }, all, { kind: 'clockify', server: 'custom', baseUrl: 'https://clockify.example.org/api/v1' }],
    ['Maton goes to the overriding gateway, keeping its connection', { kind: 'maton', connectionId: 'c1' }, all, { kind: 'maton', connectionId: 'c1', gatewayUrl: FAKE_MATON }],
    ['a gateway the user chose stays', { kind: 'maton', gatewayUrl: 'https://gw.example.org/clockify/api/v1' }, all, { kind: 'maton', gatewayUrl: 'https://gw.example.org/clockify/api/v1' }],
    ['Maton without an override stays', { kind: 'maton', connectionId: 'c1' }, { apiUrl: FAKE }, { kind: 'maton', connectionId: 'c1' }],
  ])('%s', (_name, connection, overrides, expected) => {
    expect(withServerOverrides(connection, overrides)).toStrictEqual(expected);
  });

  it.each([
    ['Maton’s own place', {}, {}, 'https://api.maton.ai'],
    ['an overridden gateway moves the connections API with it', {}, { matonUrl: FAKE_MATON }, 'http://127.0.0.1:4020'],
    ['a connections API the user named stays', { connectionsUrl: 'https://ctrl.maton.ai/' }, { matonUrl: FAKE_MATON }, 'https://ctrl.maton.ai'],
    ['a gateway the user chose is where its connections API is', { gatewayUrl: 'https://gw.example.org/clockify/api/v1' }, { matonUrl: FAKE_MATON }, 'https://gw.example.org'],
  ])('Maton’s connections API: %s', (_name, place, overrides, expected) => {
    expect(matonConnectionsWithOverrides(place, overrides)).toBe(expected);
  });
});
