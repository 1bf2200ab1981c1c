// Matching a path relative to the API base against the route table.

import type { ApiResponse } from './responses';
import type { Query } from './query';
import type { Store } from './store';
import type { User } from './model';
import { ApiError, malformed } from './errors';

export interface RequestContext {
  readonly store: Store;
  /** The authenticated user (for Maton: the user of the chosen connection). */
  readonly user: User;
  readonly query: Query;
  /** Parsed JSON, undefined when the request had no body. */
  readonly body: unknown;
  /** A path parameter, e.g. param('ws') for `/workspaces/:ws`. */
  readonly param: (name: string) => string;
}

export type Handler = (ctx: RequestContext) => ApiResponse;

export interface Route {
  readonly method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Segments starting with `:` are parameters: `/workspaces/:ws/projects/:id`. */
  readonly path: string;
  readonly handler: Handler;
}

export interface ResolvedRoute {
  readonly handler: Handler;
  readonly params: ReadonlyMap<string, string>;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw malformed(`Malformed path segment '${segment}'`);
  }
}

function matchSegments(pattern: readonly string[], segments: readonly string[]): Map<string, string> | undefined {
  if (pattern.length !== segments.length) return undefined;
  const params = new Map<string, string>();
  for (const [i, part] of pattern.entries()) {
    const segment = segments[i]!;
    if (part.startsWith(':')) {
      if (segment === '') return undefined;
      params.set(part.slice(1), decodeSegment(segment));
    } else if (part !== segment) {
      return undefined;
    }
  }
  return params;
}

export class Router {
  private readonly routes: { route: Route; pattern: string[] }[];

  constructor(routes: readonly Route[]) {
    this.routes = routes.map((route) => ({ route, pattern: route.path.split('/') }));
  }

  /** Throws 404 for an unknown path and 405 for a known path with another method (code 3000 both). */
  resolve(method: string, path: string): ResolvedRoute {
    const segments = path.split('/');
    let pathKnown = false;
    for (const { route, pattern } of this.routes) {
      const params = matchSegments(pattern, segments);
      if (!params) continue;
      if (route.method === method) return { handler: route.handler, params };
      pathKnown = true;
    }
    if (pathKnown) throw new ApiError(405, 3000, `Request method '${method}' is not supported`);
    throw new ApiError(404, 3000, `No endpoint ${method} ${path}`);
  }
}
