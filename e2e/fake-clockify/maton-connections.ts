// Maton's connection management at the gateway's origin (seeds 000_9359abf6f36037b4.txt and
// 001_cfcef81cc7f3bf8d.txt): list, create (PENDING, with a URL on Maton's connect host to finish
// OAuth in a browser), read, delete; all with `Authorization: Bearer <Maton key>`. The browser's
// side of OAuth is played by the control API (`finishConnection`).

import { randomBytes, randomUUID } from 'node:crypto';
import type { ApiResponse } from './responses';
import type { FakeState, MatonConnection, MatonConnectionStatus, User } from './model';
import { ApiError, malformed } from './errors';
import { ok } from './responses';

export const CONNECTIONS_BASE = '/connections';
/** Where a new connection's OAuth is finished (seed 001's example answer). */
export const MATON_CONNECT_ORIGIN = 'https://connect.maton.ai';

const STATUSES: readonly MatonConnectionStatus[] = ['ACTIVE', 'PENDING', 'FAILED'];

export interface ConnectionsRequest {
  readonly method: string;
  /** Relative to the origin: `/connections` or `/connections/{id}`. */
  readonly pathname: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string>>;
  /** Parsed JSON body, undefined when there was none. */
  readonly body: unknown;
  readonly now: Date;
}

export function isConnectionsPath(pathname: string): boolean {
  return pathname === CONNECTIONS_BASE || pathname.startsWith(`${CONNECTIONS_BASE}/`);
}

export function connectUrl(connection: MatonConnection): string {
  return `${MATON_CONNECT_ORIGIN}/?session_token=${connection.sessionToken}`;
}

/** A connection as Maton writes it (seed 001's answer to GET /connections/{id}). */
function render(connection: MatonConnection): Record<string, unknown> {
  return {
    connection_id: connection.id,
    status: connection.status,
    creation_time: connection.creationTime,
    last_updated_time: connection.lastUpdatedTime,
    url: connectUrl(connection),
    app: connection.app,
    metadata: {},
  };
}

function find(state: FakeState, id: string): MatonConnection {
  const connection = state.matonConnections.find((c) => c.id === id);
  // Inference: no source shows Maton's answer for an unknown connection; a 404 is what a REST API gives.
  if (!connection) throw new ApiError(404, 404, `Connection ${id} not found`);
  return connection;
}

function list(state: FakeState, query: URLSearchParams): ApiResponse {
  const app = query.get('app') || undefined;
  const status = query.get('status') || undefined;
  if (status !== undefined && !STATUSES.includes(status as MatonConnectionStatus)) {
    throw malformed(`Invalid status '${status}': use ${STATUSES.join(', ')}`);
  }
  const connections = state.matonConnections.filter((c) => (app === undefined || c.app === app) && (status === undefined || c.status === status));
  return ok({ connections: connections.map(render) });
}

function create(state: FakeState, body: unknown, now: Date): ApiResponse {
  const app = typeof body === 'object' && body !== null ? (body as Record<string, unknown>).app : undefined;
  if (typeof app !== 'string' || app.trim() === '') throw malformed('Body must be {"app": "<app name>"}, e.g. {"app": "clockify"}');
  // The fake models one app; Maton knows many, but a tray timer for Clockify asks for no other.
  if (app !== 'clockify') throw malformed(`Unknown app '${app}'`);
  const at = now.toISOString();
  const connection: MatonConnection = { id: randomUUID(), userId: null, status: 'PENDING', app, creationTime: at, lastUpdatedTime: at, sessionToken: randomBytes(16).toString('hex') };
  state.matonConnections.push(connection);
  return ok({ connection: render(connection) });
}

/** Answers the connections API; throws ApiError for Maton's refusals (401 without the right key). */
export function answerConnections(request: ConnectionsRequest, state: FakeState, matonKey: string): ApiResponse {
  if (request.headers.authorization !== `Bearer ${matonKey}`) throw new ApiError(401, 401, 'Invalid or missing Maton API key');
  const id = request.pathname === CONNECTIONS_BASE ? undefined : decodeURIComponent(request.pathname.slice(CONNECTIONS_BASE.length + 1));
  if (id === undefined) {
    if (request.method === 'GET') return list(state, request.query);
    if (request.method === 'POST') return create(state, request.body, request.now);
  } else if (id !== '' && !id.includes('/')) {
    if (request.method === 'GET') return ok({ connection: render(find(state, id)) });
    if (request.method === 'DELETE') {
      const connection = find(state, id);
      state.matonConnections.splice(state.matonConnections.indexOf(connection), 1);
      // Inference: the seed reads a JSON answer from DELETE; the deleted connection is what it gets.
      return ok({ connection: render(connection) });
    }
  } else {
    throw new ApiError(404, 404, `No endpoint ${request.method} ${request.pathname}`);
  }
  throw new ApiError(405, 405, `Request method '${request.method}' is not supported`);
}

export interface FinishConnection {
  /** Which connection: its id or the session token of its URL. */
  readonly connectionId?: string;
  readonly sessionToken?: string;
  /** ACTIVE: the person authorised Clockify; FAILED: they refused or OAuth broke. */
  readonly outcome: 'ACTIVE' | 'FAILED';
  /** The Clockify user who signed in (default: the first user, the account owner). */
  readonly email?: string;
}

export function parseFinishConnection(value: unknown): FinishConnection {
  if (typeof value !== 'object' || value === null) throw new Error('body must be {"connectionId"|"sessionToken", "outcome": "ACTIVE"|"FAILED", "email"?}');
  const { connectionId, sessionToken, outcome, email, ...unknown } = value as Record<string, unknown>;
  if (Object.keys(unknown).length > 0) throw new Error(`unknown field(s) ${Object.keys(unknown).join(', ')}`);
  if (outcome !== 'ACTIVE' && outcome !== 'FAILED') throw new Error('outcome must be "ACTIVE" or "FAILED"');
  const text = (v: unknown, name: string) => (v === undefined ? undefined : typeof v === 'string' ? v : (() => { throw new Error(`${name} must be a string`); })());
  const input: FinishConnection = { connectionId: text(connectionId, 'connectionId'), sessionToken: text(sessionToken, 'sessionToken'), outcome, email: text(email, 'email') };
  if ((input.connectionId === undefined) === (input.sessionToken === undefined)) throw new Error('give connectionId or sessionToken (one of them)');
  return input;
}

/** The browser's side of OAuth: a PENDING connection becomes ACTIVE for a user, or FAILED. */
export function finishConnection(state: FakeState, input: FinishConnection, now: Date): MatonConnection {
  const connection = state.matonConnections.find((c) => (input.connectionId !== undefined ? c.id === input.connectionId : c.sessionToken === input.sessionToken));
  if (!connection) throw new Error(`no connection ${input.connectionId ?? `with session token ${input.sessionToken}`}`);
  if (connection.status !== 'PENDING') throw new Error(`connection ${connection.id} is ${connection.status}, not PENDING`);
  if (input.outcome === 'ACTIVE') {
    const user: User | undefined = input.email === undefined ? state.users[0] : state.users.find((u) => u.email === input.email);
    if (!user) throw new Error(`no user with email ${input.email}`);
    connection.userId = user.id;
  }
  connection.status = input.outcome;
  connection.lastUpdatedTime = now.toISOString();
  return connection;
}
