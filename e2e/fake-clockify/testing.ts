// Test helpers: a plain-fetch caller for the fake, so tests exercise it over real HTTP.

import type { FakeClockify } from './server';
import { FAKE_API_KEY } from './server';

export interface Reply {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty body. Tests assert on it field by field. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- replies are untyped JSON by design
  body: any;
}

export type Call = (method: string, path: string, options?: { body?: unknown; headers?: Record<string, string> }) => Promise<Reply>;

/** Calls `baseUrl + path` with the given auth headers; `path` may carry a query string. */
export function caller(baseUrl: string, authHeaders: Record<string, string>): Call {
  return async (method, path, options = {}) => {
    const response = await fetch(baseUrl + path, {
      method,
      headers: { ...authHeaders, ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }), ...options.headers },
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
    });
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : undefined };
  };
}

/** The X-Api-Key caller for a running fake. */
export function apiCaller(fake: FakeClockify): Call {
  return caller(fake.url, { 'X-Api-Key': FAKE_API_KEY });
}

/** Ids of the seeded owner and their first workspace (by name, if given). */
export function owner(fake: FakeClockify, workspaceName?: string): { userId: string; ws: string } {
  const user = fake.state.users[0]!;
  const workspace = workspaceName === undefined ? fake.state.workspaces[0] : fake.state.workspaces.find((w) => w.name === workspaceName);
  if (!workspace) throw new Error(`no workspace ${workspaceName}`);
  return { userId: user.id, ws: workspace.id };
}

/** The network error code a failed request carries (ECONNREFUSED, ECONNRESET …); undefined if it succeeded. */
export async function networkError(request: Promise<unknown>): Promise<string | undefined> {
  try {
    await request;
    return undefined;
  } catch (error) {
    const cause = (error as Error).cause as NodeJS.ErrnoException | undefined;
    return cause?.code ?? (error as Error).message;
  }
}
