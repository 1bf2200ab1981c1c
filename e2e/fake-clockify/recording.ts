// What the fake remembers about each API request, for tests to assert on.

import type { IncomingMessage } from 'node:http';
import type { Fault } from './faults';

export interface RecordedRequest {
  method: string;
  /** The full path as received, e.g. `/api/v1/user` or `/clockify/api/v1/user`. */
  path: string;
  /** Repeated parameters are joined with commas. */
  query: Record<string, string>;
  /** Lower-cased names. */
  headers: Record<string, string>;
  /** Parsed JSON; the raw text when it is not JSON; undefined when there was no body. */
  body: unknown;
  /** The status answered; null while pending or when a fault dropped the connection. */
  status: number | null;
  /** The fault that hit this request, if any. */
  fault?: Fault['kind'];
  at: Date;
}

function parseLeniently(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export function recordRequest(req: IncomingMessage, url: URL, bodyText: string, at: Date): RecordedRequest {
  const query: Record<string, string> = {};
  for (const key of new Set(url.searchParams.keys())) query[key] = url.searchParams.getAll(key).join(',');
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return { method: req.method ?? 'GET', path: url.pathname, query, headers, body: parseLeniently(bodyText), status: null, at };
}
