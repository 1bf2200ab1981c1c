// What a route handler answers; server.ts turns it into HTTP.

import type { Query } from './query';
import { malformed } from './errors';

export interface ApiResponse {
  status: number;
  /** Sent as JSON; undefined = empty body. */
  body?: unknown;
  headers?: Record<string, string>;
}

const MAX_PAGE_SIZE = 5000;

export function ok(body: unknown): ApiResponse {
  return { status: 200, body };
}

export function created(body: unknown): ApiResponse {
  return { status: 201, body };
}

export function noContent(): ApiResponse {
  return { status: 204 };
}

/**
 * One page of a list, as a bare array with `Last-Page: true|false`. Only the page's items are
 * rendered, so lists of 50,000 projects stay fast.
 */
export function paged<T>(items: readonly T[], query: Query, render: (item: T) => unknown, defaultPageSize = 50): ApiResponse {
  const page = query.integer('page') ?? 1;
  const pageSize = query.integer('page-size') ?? defaultPageSize;
  if (page < 1) throw malformed(`page must be at least 1, got ${page}`);
  if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
    throw malformed(`page-size must be between 1 and ${MAX_PAGE_SIZE}, got ${pageSize}`);
  }
  const from = (page - 1) * pageSize;
  return {
    status: 200,
    body: items.slice(from, from + pageSize).map(render),
    headers: { 'Last-Page': String(from + pageSize >= items.length) },
  };
}
