// Who is calling, in both connection modes.

import type { FakeState, User } from './model';
import { ApiError } from './errors';

export type ConnectionMode = 'api-key' | 'maton';

export type RequestHeaders = Readonly<Record<string, string>>;

/** Clockify: exactly one of X-Api-Key / X-Addon-Token, holding a known key. */
function authenticateApiKey(headers: RequestHeaders, state: FakeState): User {
  const tokens = [headers['x-api-key'], headers['x-addon-token']].filter((t) => t !== undefined);
  if (tokens.length !== 1) throw new ApiError(401, 1000, 'Multiple or none auth tokens present');
  const userId = state.apiKeys[tokens[0]!];
  const user = state.users.find((u) => u.id === userId);
  if (!user) throw new ApiError(401, 4003, 'Api key does not exist');
  return user;
}

/**
 * The Maton gateway: `Authorization: Bearer <Maton key>`; `Maton-Connection` picks a connection,
 * else the oldest ACTIVE one is used (the list keeps creation order). A connection whose OAuth is
 * not finished (PENDING) or failed cannot carry requests. Maton's own error bodies are not
 * documented: the fake answers them in Clockify's `{message, code}` form.
 */
function authenticateMaton(headers: RequestHeaders, state: FakeState, matonKey: string): User {
  if (headers.authorization !== `Bearer ${matonKey}`) throw new ApiError(401, 401, 'Invalid or missing Maton API key');
  const wanted = headers['maton-connection'];
  const connection = wanted === undefined ? state.matonConnections.find((c) => c.status === 'ACTIVE' && c.app === 'clockify') : state.matonConnections.find((c) => c.id === wanted);
  if (!connection) {
    throw new ApiError(400, 400, wanted === undefined ? 'No active Clockify connection' : `Connection ${wanted} not found`);
  }
  if (connection.status !== 'ACTIVE') throw new ApiError(400, 400, `Connection ${connection.id} is not active (${connection.status})`);
  const user = state.users.find((u) => u.id === connection.userId);
  if (!user) throw new ApiError(400, 400, `Connection ${connection.id} has no Clockify user`);
  return user;
}

export function authenticate(mode: ConnectionMode, headers: RequestHeaders, state: FakeState, matonKey: string): User {
  return mode === 'maton' ? authenticateMaton(headers, state, matonKey) : authenticateApiKey(headers, state);
}
