// The Clockify API proper: base path → connection mode → auth → route → handler → answer.

import type { ConnectionMode, RequestHeaders } from './auth';
import type { ApiResponse } from './responses';
import type { Store } from './store';
import { authenticate } from './auth';
import { ApiError, malformed } from './errors';
import { Query } from './query';
import { Router } from './router';
import { answerConnections, isConnectionsPath } from './maton-connections';
import { accountRoutes } from './routes/account';
import { roleRoutes } from './roles';
import { clientRoutes } from './routes/clients';
import { projectRoutes } from './routes/projects';
import { tagRoutes } from './routes/tags';
import { taskRoutes } from './routes/tasks';
import { timeEntryRoutes } from './routes/time-entries';

export const API_BASE = '/api/v1';
export const MATON_BASE = '/clockify/api/v1';

export interface ApiRequest {
  method: string;
  pathname: string;
  query: URLSearchParams;
  headers: RequestHeaders;
  /** The body text; '' when there was none. */
  bodyText: string;
}

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH']);

/**
 * Clockify's writes consume `application/json` only (every JSON request body in its OpenAPI
 * document); Spring answers any other Content-Type with 415. The body shape is an inference.
 */
function ensureJsonBody(request: ApiRequest): void {
  if (!BODY_METHODS.has(request.method) || request.bodyText.trim() === '') return;
  const type = request.headers['content-type'];
  const mediaType = typeof type === 'string' ? type.split(';')[0]!.trim().toLowerCase() : '';
  if (mediaType !== 'application/json') {
    throw new ApiError(415, 3000, `Content type '${typeof type === 'string' ? type : ''}' not supported`);
  }
}

const router = new Router([...accountRoutes, ...roleRoutes, ...projectRoutes, ...clientRoutes, ...tagRoutes, ...taskRoutes, ...timeEntryRoutes]);

/** Which connection mode a path is in and the path relative to its base; undefined outside both bases. */
export function splitBase(pathname: string): { mode: ConnectionMode; path: string } | undefined {
  for (const [base, mode] of [[API_BASE, 'api-key'], [MATON_BASE, 'maton']] as const) {
    if (pathname.startsWith(`${base}/`)) return { mode, path: pathname.slice(base.length) };
  }
  return undefined;
}

function parseBody(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch (error) {
    throw malformed(`JSON parse error: ${(error as Error).message}`);
  }
}

function answer(request: ApiRequest, store: Store, matonKey: string): ApiResponse {
  if (isConnectionsPath(request.pathname)) {
    ensureJsonBody(request);
    const body = BODY_METHODS.has(request.method) ? parseBody(request.bodyText) : undefined;
    return answerConnections({ ...request, body, now: store.now() }, store.state, matonKey);
  }
  const route = splitBase(request.pathname);
  if (!route) throw new ApiError(404, 3000, `No endpoint ${request.method} ${request.pathname}`);
  const user = authenticate(route.mode, request.headers, store.state, matonKey);
  const { handler, params } = router.resolve(request.method, route.path);
  ensureJsonBody(request);
  return handler({
    store,
    user,
    query: new Query(request.query),
    body: BODY_METHODS.has(request.method) ? parseBody(request.bodyText) : undefined,
    param: (name) => {
      const value = params.get(name);
      if (value === undefined) throw new Error(`route has no parameter :${name}`);
      return value;
    },
  });
}

/** Applies the request to the store and gives Clockify's answer; errors become `{message, code}` bodies. */
export function handleApiRequest(request: ApiRequest, store: Store, matonKey: string): ApiResponse {
  try {
    return answer(request, store, matonKey);
  } catch (error) {
    if (error instanceof ApiError) return { status: error.status, body: { message: error.message, code: error.code } };
    throw error;
  }
}
